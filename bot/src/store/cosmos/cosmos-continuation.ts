/**
 * The port's continuation tokens over Cosmos DB's own: the Cosmos token travels inside, untouched,
 * with a checksum that binds it to the query that produced it.
 *
 * The checksum is not a secret (several instances must accept each other's tokens, and no key is
 * shared): it catches a token that was damaged, cut, or replayed on another query, and turns it into
 * a French ValidationError instead of an obscure 400 from Cosmos. Safety does not rest on it: the
 * query itself (partition in the WHERE clause, filters) bounds what any token can return.
 */
import { createHash } from 'node:crypto';
import { invalid } from './cosmos-documents';

/** Cross-partition ORDER BY tokens carry one position per physical partition: generous, but bounded. */
const MAX_TOKEN_LENGTH = 65536;

function checksum(fingerprint: string, cosmosToken: string): string {
  return createHash('sha256')
    .update(fingerprint)
    .update('\n')
    .update(cosmosToken)
    .digest('base64url')
    .slice(0, 22);
}

/** The port token for `cosmosToken`, bound to the query identified by `fingerprint`. */
export function wrapToken(fingerprint: string, cosmosToken: string): string {
  const envelope = { c: cosmosToken, s: checksum(fingerprint, cosmosToken) };
  return Buffer.from(JSON.stringify(envelope)).toString('base64url');
}

function badToken(): Error {
  return invalid(
    'Jeton de continuation invalide : il a été altéré ou provient d’une autre requête. Relancez la requête depuis le début.',
    'continuationToken',
  );
}

/** The Cosmos token inside `token`; ValidationError when it was altered or belongs to another query. */
export function unwrapToken(token: unknown, fingerprint: string): string {
  if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH || !/^[A-Za-z0-9_-]+$/.test(token)) {
    throw badToken();
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw badToken();
  }
  const { c, s } = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as {
    c?: unknown;
    s?: unknown;
  };
  if (typeof c !== 'string' || c === '' || s !== checksum(fingerprint, c)) throw badToken();
  return c;
}
