/**
 * What the quote, order and catalogue routes share: the caller as a quote actor (approvers are
 * designated per beneficiary), the read guard that answers 404 for another beneficiary's document
 * without reading it, the CANUT's read-only refusal, and the Idempotency-Key header.
 */
import { createHash } from 'node:crypto';
import type { Request } from 'restify';
import { ForbiddenError, NotFoundError, ValidationError } from '../domain/errors';
import type { QuoteActor } from '../domain/quotes/quote-actor';
import type { Doc, Stored } from '../store/port';
import type { ApproverDirectory } from '../teams/quote-handlers';
import { canRead, readScope, type ApiCaller, type ReadScope } from './api-caller';

const SANE_KEY = /^[A-Za-z0-9._:-]{1,128}$/;

/** A document's path: the beneficiary's SIRET (its partition) and the document's id. */
export interface DocumentPath {
  readonly beneficiaryId: string;
  readonly id: string;
}

/**
 * The caller as a quote actor. An approver designated in Guichet's registry approves for the SIRETs
 * it names; an approver role carried only by the token (no registry entry) applies to every
 * beneficiary of the caller's tenant, as an Entra app role is tenant-wide.
 */
export async function quoteActorOf(caller: ApiCaller, directory: ApproverDirectory): Promise<QuoteActor> {
  const actor = caller.actor;
  if (actor.kind !== 'beneficiary' || !actor.roles.includes('Beneficiary.Approver')) return actor;
  const designated = await directory.approverOf(actor.tenantId, actor.objectId);
  return designated.length > 0 ? { ...actor, approverOf: designated } : actor;
}

/** The caller's scope for a write: `ForbiddenError` for the CANUT, which reads only. */
export function writeScope(caller: ApiCaller): ReadScope {
  const scope = readScope(caller);
  if (scope.kind === 'all' && scope.readOnly)
    throw new ForbiddenError(
      'Le CANUT consulte Guichet en lecture seule : aucune action ne lui est ouverte.',
    );
  return scope;
}

/**
 * The document, when the scope lets the caller see its beneficiary; `NotFoundError` naming `what`
 * otherwise, exactly as for a document that does not exist. Another beneficiary's partition is
 * never read.
 */
export async function readVisible<T extends Doc>(
  scope: ReadScope,
  path: DocumentPath,
  get: (beneficiaryId: string, id: string) => Promise<Stored<T> | undefined>,
  what: string,
): Promise<Stored<T>> {
  const doc = canRead(scope, path.beneficiaryId) ? await get(path.beneficiaryId, path.id) : undefined;
  if (!doc) throw new NotFoundError(what);
  return doc;
}

/**
 * The request's Idempotency-Key scoped to the caller (someone else's key never replays into this
 * person's action); `undefined` without one; a French `ValidationError` for a malformed one.
 */
export function callerIdempotencyKey(req: Request, caller: ApiCaller): string | undefined {
  const key = req.header('idempotency-key');
  if (key === undefined || key === '') return undefined;
  if (!SANE_KEY.test(key)) {
    const message = 'Idempotency-Key : 1 à 128 caractères parmi lettres, chiffres, « . _ : - ».';
    throw new ValidationError(message, [{ path: 'Idempotency-Key', message }]);
  }
  return `api:${caller.actor.objectId}:${key}`;
}

/** A short stable digest of a key, usable inside a document id. */
export function keyDigest(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 32);
}
