/**
 * The port's `batch` as a Cosmos DB transactional batch: all operations of one partition commit
 * together or not at all, and the first failing operation says which domain error to raise.
 */
import type { DeleteOperationInput, JSONObject, OperationInput, OperationResponse } from '@azure/cosmos';
import { NotFoundError } from '../../domain/errors';
import type { BatchOperation, Doc } from '../port';
import { checkKey, docLabel, invalid, toWriteBody } from './cosmos-documents';
import { toDomainError } from './cosmos-errors';

/** Cosmos limit on the operations of one transactional batch. */
const MAX_BATCH_OPERATIONS = 100;

/** 424 Failed Dependency: an operation not applied because another one of the batch failed. */
const FAILED_DEPENDENCY = 424;

/** The id an operation is about, for error messages. */
function idOf<T extends Doc>(op: BatchOperation<T>): string {
  return op.op === 'delete' ? op.id : String(op.doc?.id);
}

function checkPartition<T extends Doc>(pk: string, op: BatchOperation<T>, i: number): void {
  const opPk = op?.op === 'delete' ? pk : op?.doc?.pk;
  if (opPk !== pk) {
    throw invalid(
      `Lot invalide : l'opération ${i + 1} vise une autre partition que « ${pk} ».`,
      'operations',
    );
  }
}

/**
 * Validates the batch (size, one partition, documents) before anything is sent, and translates it.
 * Each operation names its partition too: Cosmos checks it matches the batch's, and the local test
 * server needs it to find the document of a replace or delete.
 */
export function toOperations<T extends Doc>(pk: string, operations: BatchOperation<T>[]): OperationInput[] {
  checkKey(pk, 'batch');
  if (!Array.isArray(operations) || operations.length > MAX_BATCH_OPERATIONS) {
    throw invalid(`Lot invalide : au plus ${MAX_BATCH_OPERATIONS} opérations.`, 'operations');
  }
  operations.forEach((op, i) => checkPartition(pk, op, i));
  const body = (doc: T): JSONObject => toWriteBody(doc) as JSONObject;
  return operations.map((op): OperationInput => {
    switch (op.op) {
      case 'create':
        return { operationType: 'Create', partitionKey: pk, resourceBody: body(op.doc) };
      case 'upsert':
        return { operationType: 'Upsert', partitionKey: pk, resourceBody: body(op.doc) };
      case 'replace': {
        const resourceBody = body(op.doc);
        return {
          operationType: 'Replace',
          partitionKey: pk,
          id: op.doc.id,
          resourceBody,
          ifMatch: op.ifMatch,
        };
      }
      case 'delete': {
        checkKey(pk, op.id);
        // The batch protocol takes If-Match on a delete too; the SDK's type just does not list it.
        const input: DeleteOperationInput & { ifMatch?: string } = {
          operationType: 'Delete',
          partitionKey: pk,
          id: op.id,
          ifMatch: op.ifMatch,
        };
        return input;
      }
      default:
        throw invalid(
          `Opération de lot inconnue : ${JSON.stringify((op as { op: unknown }).op)}.`,
          'operations',
        );
    }
  });
}

/** The index and status of the operation that made the batch fail, if any. */
function firstFailure(
  results: readonly Partial<OperationResponse>[],
): { index: number; status: number } | undefined {
  const index = results.findIndex(
    (r) => typeof r?.statusCode === 'number' && r.statusCode >= 400 && r.statusCode !== FAILED_DEPENDENCY,
  );
  return index < 0 ? undefined : { index, status: results[index]!.statusCode! };
}

/**
 * The domain error of a batch whose per-operation results show a failure (undefined when all
 * succeeded): the failing operation has its own status, the others 424. Deleting a missing document
 * fails the batch, as in the SQLite adapter.
 */
export function batchResultError<T extends Doc>(
  operations: BatchOperation<T>[],
  results: readonly Partial<OperationResponse>[] | undefined,
): unknown {
  const failure = firstFailure(results ?? []);
  if (failure === undefined) return undefined;
  const op = operations[failure.index]!;
  if (failure.status === 404) return new NotFoundError(docLabel(idOf(op)));
  return toDomainError({ code: failure.status, message: `batch operation ${failure.index + 1}` }, idOf(op));
}

/**
 * The domain error for a batch request that threw. A batch whose operation fails is answered
 * normally (207, per-operation results: see `batchResultError`); a throw is a request-level failure
 * (throttling, network, missing container), which the SDK wraps in a plain Error with the Cosmos
 * response as `cause`. Per-operation results in that body are still honoured, should a gateway send
 * them with the failing status.
 */
export function batchThrownError<T extends Doc>(operations: BatchOperation<T>[], err: unknown): unknown {
  const cause = (err as { cause?: unknown } | null)?.cause ?? err;
  const body = (cause as { body?: unknown } | null)?.body;
  if (Array.isArray(body)) {
    const mapped = batchResultError(operations, body as Partial<OperationResponse>[]);
    if (mapped !== undefined) return mapped;
  }
  return toDomainError(cause);
}
