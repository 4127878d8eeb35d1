/**
 * The one mapping from domain errors to HTTP: `{ error: { code, message, issues?, requestId } }`
 * with a stable code and a French message.
 */
import type { ErrorCode, GuichetError } from '../domain/errors';

const STATUS: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  IMPORT_REJECTED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_A_BENEFICIARY: 403,
  BENEFICIARY_INACTIVE: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PRECONDITION_FAILED: 412,
  STORE_UNAVAILABLE: 503,
  INTERNAL: 500,
  INVALID_TRANSITION: 409,
  QUOTE_SUPERSEDED: 409,
  QUOTE_EXPIRED: 409,
  QUOTE_ALREADY_DECIDED: 409,
  UPSTREAM_FAILED: 502,
};

/** Every stable error code, for the OpenAPI document. */
export const ERROR_CODES = Object.keys(STATUS) as ErrorCode[];

/** The HTTP status each error code maps to. */
export function statusOf(code: ErrorCode): number {
  return STATUS[code];
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; issues?: GuichetError['issues']; requestId?: string };
}

/** HTTP status and JSON body for a domain error. */
export function errorResponse(err: GuichetError, requestId?: string): { status: number; body: ErrorBody } {
  return {
    status: STATUS[err.code],
    body: {
      error: {
        code: err.code,
        message: err.message,
        ...(err.issues.length > 0 ? { issues: err.issues } : {}),
        ...(requestId ? { requestId } : {}),
      },
    },
  };
}
