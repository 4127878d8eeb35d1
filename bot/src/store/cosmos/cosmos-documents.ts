/**
 * Documents on their way into and out of Cosmos DB: the same checks as the SQLite adapter before a
 * write, and the same shape after a read (`_etag`, `_ts` as ISO-8601, no Cosmos system fields).
 */
import { ValidationError } from '../../domain/errors';
import type { Doc, Stored } from '../port';

/** Cosmos limits, checked before sending so both adapters refuse the same documents the same way. */
const MAX_ID_LENGTH = 255;
const MAX_PK_LENGTH = 1024;
const MAX_DOC_BYTES = 2 * 1024 * 1024;
/** Characters Cosmos refuses in an id (they break its resource URLs). */
const FORBIDDEN_ID_CHARS = /[/\\?#]/;

/** Fields Cosmos adds to every item; the port exposes `_etag` and `_ts` only. */
const SYSTEM_FIELDS = ['_rid', '_self', '_attachments', '_lsn'] as const;

/** A ValidationError located on one field. */
export function invalid(message: string, path?: string): ValidationError {
  return new ValidationError(message, [{ path, message }]);
}

/** Checks a partition key and an id like Cosmos does, with the SQLite adapter's French messages. */
export function checkKey(pk: unknown, id: unknown): asserts pk is string {
  if (typeof pk !== 'string' || pk === '' || pk.length > MAX_PK_LENGTH) {
    throw invalid(
      `Clé de partition invalide : une chaîne de 1 à ${MAX_PK_LENGTH} caractères est attendue.`,
      'pk',
    );
  }
  if (typeof id !== 'string' || id === '' || id.length > MAX_ID_LENGTH || FORBIDDEN_ID_CHARS.test(id)) {
    throw invalid(
      `Identifiant invalide : une chaîne de 1 à ${MAX_ID_LENGTH} caractères sans « / », « \\ », « ? » ni « # » est attendue.`,
      'id',
    );
  }
}

/**
 * The body to send for `doc`: validated, without store metadata. The store owns `_etag` and `_ts`,
 * so what a caller sends back from an earlier read is dropped rather than stored.
 */
export function toWriteBody<T extends Doc>(doc: T): Doc {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    throw invalid('Document invalide : un objet JSON est attendu.', '');
  }
  checkKey(doc.pk, doc.id);
  const body: Record<string, unknown> = { ...doc };
  for (const field of ['_etag', '_ts', ...SYSTEM_FIELDS]) delete body[field];
  // Serialised once here to measure it; the SDK serialises the same way (undefined fields vanish).
  if (Buffer.byteLength(JSON.stringify(body)) > MAX_DOC_BYTES) {
    throw invalid('Document trop volumineux : 2 Mo au plus.', '');
  }
  return body as Doc;
}

/** Cosmos `_ts` (epoch seconds) → ISO-8601 UTC, as the SQLite adapter exposes it. */
export function isoOfTs(ts: unknown): string {
  return typeof ts === 'number' && Number.isFinite(ts)
    ? new Date(ts * 1000).toISOString()
    : new Date(0).toISOString();
}

/** A stored document as the port returns it: body fields, `_etag`, `_ts` (ISO); no Cosmos system fields. */
export function fromResource<T extends Doc>(resource: Record<string, unknown>): Stored<T> {
  const doc: Record<string, unknown> = { ...resource };
  for (const field of SYSTEM_FIELDS) delete doc[field];
  doc._ts = isoOfTs(resource._ts);
  doc._etag = String(resource._etag ?? '');
  return doc as Stored<T>;
}

/** How the port names a document in error messages. */
export function docLabel(id: string): string {
  return `Document « ${id} »`;
}
