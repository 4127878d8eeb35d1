/**
 * Maps what the Cosmos DB SDK throws to the domain errors of the port.
 *
 * The SDK already retries throttling (429) within its retry options and fails over between regions;
 * what reaches this module is final. "Cannot serve now" (throttling past the retries, timeouts, the
 * network, a refused identity) becomes StoreUnavailableError, which /readyz and the API turn into 503;
 * the original error is kept as `cause` for the logs, never shown to users.
 */
import {
  ConflictError,
  GuichetError,
  NotFoundError,
  PreconditionFailedError,
  StoreUnavailableError,
} from '../../domain/errors';
import { docLabel, invalid } from './cosmos-documents';

/** HTTP statuses that mean "try again later" (or "this identity cannot reach the account"). */
const UNAVAILABLE_STATUSES = new Set([401, 403, 408, 429, 449, 500, 502, 503, 504]);

/** Error names of the HTTP stack and of @azure/identity that mean the account cannot be reached. */
const UNAVAILABLE_NAMES = new Set([
  'RestError',
  'TimeoutError',
  'AbortError',
  'CredentialUnavailableError',
  'AuthenticationError',
  'AggregateAuthenticationError',
]);

/** The HTTP status of an SDK error, when it has one. */
export function statusOf(err: unknown): number | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'number' ? code : undefined;
}

/** A StoreUnavailableError that keeps `cause` for the logs. */
export function unavailable(cause: unknown, message?: string): StoreUnavailableError {
  const error = new StoreUnavailableError(message);
  error.cause = cause;
  return error;
}

function isUnreachable(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const { code, name } = err as { code?: unknown; name?: unknown };
  // Node socket and TLS failures carry string codes (ECONNREFUSED, ENOTFOUND, CERT_HAS_EXPIRED…).
  return typeof code === 'string' || (typeof name === 'string' && UNAVAILABLE_NAMES.has(name));
}

/**
 * The domain error for `err`, raised by an operation on document `id`; unknown errors are returned
 * as they are (programming errors must not pass for an outage).
 */
export function toDomainError(err: unknown, id?: string): unknown {
  if (err instanceof GuichetError) return err;
  const status = statusOf(err);
  switch (status) {
    case 404:
      // About no document (a query, a whole batch): the database or container itself is missing.
      return id === undefined ? unavailable(err) : new NotFoundError(docLabel(id));
    case 409:
      return new ConflictError(`${docLabel(id ?? '?')} : il existe déjà.`);
    case 412:
      return new PreconditionFailedError();
    case 413:
      return invalid('Document trop volumineux : 2 Mo au plus.', '');
    case 400:
      return badRequest(err);
  }
  if ((status !== undefined && UNAVAILABLE_STATUSES.has(status)) || isUnreachable(err))
    return unavailable(err);
  return err;
}

/**
 * A 400 is a bug of ours, not of the user: say what to fix. The usual one is a sort without its
 * composite index (see cosmos-indexing.ts).
 */
function badRequest(err: unknown): Error {
  const message = String((err as { message?: unknown }).message ?? '');
  const hint = /composite index/i.test(message)
    ? 'Cosmos DB refuse ce tri : déclarez son index composite dans bot/src/store/cosmos/cosmos-indexing.ts'
    : 'Cosmos DB a refusé la requête';
  return new Error(`${hint} (${message.slice(0, 300)})`, { cause: err });
}
