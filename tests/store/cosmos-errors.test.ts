/**
 * How Cosmos DB failures become domain errors, including the shapes the local server never
 * produces: a rolled-back batch as Cosmos DB answers it, throttling past the retries, the network.
 */
import {
  ConflictError,
  NotFoundError,
  PreconditionFailedError,
  StoreUnavailableError,
  ValidationError,
} from '../../bot/src/domain/errors';
import { batchResultError, batchThrownError } from '../../bot/src/store/cosmos/cosmos-batch';
import { toDomainError } from '../../bot/src/store/cosmos/cosmos-errors';
import type { BatchOperation, Doc } from '../../bot/src/store/port';

const ops: BatchOperation<Doc>[] = [
  { op: 'create', doc: { id: 'a', pk: 'b1' } },
  { op: 'replace', doc: { id: 'b', pk: 'b1' }, ifMatch: '"etag"' },
  { op: 'delete', id: 'c' },
];

describe('cosmos error mapping', () => {
  it('maps a rolled-back batch (207: the failing status, 424 for the others) to its operation', () => {
    const results = (failing: number, status: number) =>
      ops.map((_, i) => ({ statusCode: i === failing ? status : 424, requestCharge: 0 }));
    expect(batchResultError(ops, results(0, 409))).toBeInstanceOf(ConflictError);
    expect(batchResultError(ops, results(1, 412))).toBeInstanceOf(PreconditionFailedError);
    const missing = batchResultError(ops, results(2, 404));
    expect(missing).toBeInstanceOf(NotFoundError);
    expect((missing as Error).message).toBe('Document « c » introuvable.');
    expect(batchResultError(ops, results(0, 413))).toBeInstanceOf(ValidationError);
    expect(batchResultError(ops, results(0, 429))).toBeInstanceOf(StoreUnavailableError);
    const ok = ops.map(() => ({ statusCode: 201, requestCharge: 1 }));
    expect(batchResultError(ops, ok)).toBeUndefined();
  });

  it('maps a batch request that threw from its cause', () => {
    const wrap = (cause: unknown) => new Error('Batch request error: x', { cause });
    expect(batchThrownError(ops, wrap({ code: 429, message: 'throttled' }))).toBeInstanceOf(
      StoreUnavailableError,
    );
    expect(batchThrownError(ops, wrap({ code: 404, message: 'container' }))).toBeInstanceOf(
      StoreUnavailableError,
    );
    const body = [{ statusCode: 424 }, { statusCode: 412 }, { statusCode: 424 }];
    expect(batchThrownError(ops, wrap({ code: 412, body }))).toBeInstanceOf(PreconditionFailedError);
  });

  it('turns throttling, timeouts, the network and refused identities into StoreUnavailableError', () => {
    for (const code of [401, 403, 408, 429, 449, 500, 502, 503, 504]) {
      expect(toDomainError({ code, message: 'x' }, 'id')).toBeInstanceOf(StoreUnavailableError);
    }
    for (const code of ['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'CERT_HAS_EXPIRED']) {
      expect(toDomainError(Object.assign(new Error('x'), { code }))).toBeInstanceOf(StoreUnavailableError);
    }
    for (const name of ['TimeoutError', 'AbortError', 'CredentialUnavailableError', 'AuthenticationError']) {
      expect(toDomainError(Object.assign(new Error('x'), { name }))).toBeInstanceOf(StoreUnavailableError);
    }
    const mapped = toDomainError({ code: 503, message: 'down' }) as StoreUnavailableError;
    expect(mapped.cause).toEqual({ code: 503, message: 'down' });
  });

  it('keeps programming errors as they are, and says what to fix on a 400', () => {
    const bug = new TypeError('x is undefined');
    expect(toDomainError(bug)).toBe(bug);
    const sort = toDomainError({
      code: 400,
      message: 'The order by query does not have a corresponding composite index that it can be served from.',
    });
    expect((sort as Error).message).toMatch(/déclarez son index composite dans .*cosmos-indexing\.ts/);
    expect(sort).not.toBeInstanceOf(StoreUnavailableError);
  });
});
