/**
 * Translates a port `QuerySpec` into one parameterised SQLite statement with Cosmos semantics.
 *
 * Values are always bound parameters. Field paths are interpolated (so that expression indexes such
 * as `json_extract(body, '$.status')` match textually) but only after `FIELD_PATH` validation, which
 * admits nothing but dotted identifiers: no quote, bracket or space can reach the SQL.
 *
 * Cosmos semantics kept here:
 * - comparing values of different JSON types (or a missing field) is *undefined*, so the document is
 *   left out — for `ne` too: `status ne 'closed'` skips documents without a string `status`, and
 *   `ne null` matches nothing;
 * - ORDER BY sorts by type first (missing < null < false < true < numbers < strings < arrays <
 *   objects), then by value; ids break ties, ascending.
 */
import { createHash } from 'node:crypto';
import { ValidationError } from '../../domain/errors';
import type { ContainerName, Filter, OrderBy, QuerySpec } from '../port';

export type SqlValue = string | number | null;

const FIELD_PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;
const MAX_FIELD_LENGTH = 256;
const MAX_FILTERS = 32;
const MAX_ORDER_BY = 8;
const MAX_IN_VALUES = 1000;
const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;
// Tokens carry sort values, which may be long strings: generous, but bounded before decoding.
const MAX_TOKEN_LENGTH = 65536;

/** A field as SQL: its value expression and its JSON type expression (`json_type` vocabulary). */
interface FieldSql {
  value: string;
  type: string;
  /** Set for JSON paths, absent for the columns that back `_etag` and `_ts`. */
  path?: string;
}

/** A ready-to-run statement; `keyCount` columns `k0…` end each row and feed the next cursor. */
export interface QueryPlan {
  sql: string;
  params: SqlValue[];
  limit: number;
  keyCount: number;
  /** Identifies the query (container, partition, filters, order) so that a cursor cannot move to another. */
  fingerprint: string;
}

/** Cursor position: one value per sort key (type rank and value per orderBy field, then id). */
export type CursorKeys = SqlValue[];

function invalid(message: string, path?: string): ValidationError {
  return new ValidationError(message, [{ path, message }]);
}

/** Maps a validated field name to SQL; `_etag`/`_ts` live in columns, not in the JSON body. */
export function fieldSql(field: unknown): FieldSql {
  if (typeof field !== 'string' || field.length > MAX_FIELD_LENGTH || !FIELD_PATH.test(field)) {
    throw invalid(
      `Champ de requête invalide : ${JSON.stringify(field)} (attendu : des identifiants séparés par des points).`,
      'field',
    );
  }
  if (field === '_ts') return { value: 'ts', type: "'text'" };
  if (field === '_etag') return { value: 'etag', type: "'text'" };
  const path = `'$.${field}'`;
  return { value: `json_extract(body, ${path})`, type: `json_type(body, ${path})`, path };
}

type Kind = 'text' | 'number' | 'boolean' | 'null';

/** The JSON kind of a filter value, or a ValidationError for what Cosmos cannot compare simply. */
function kindOf(value: unknown): Kind {
  if (typeof value === 'string') return 'text';
  if (typeof value === 'number' && Number.isFinite(value)) return 'number';
  if (typeof value === 'boolean') return 'boolean';
  if (value === null) return 'null';
  throw invalid(
    `Valeur de filtre invalide : ${JSON.stringify(value) ?? String(value)} ` +
      '(attendu : texte, nombre fini, booléen ou null).',
    'value',
  );
}

/** SQL true when the JSON type expression `type` has the given kind. */
function typeGuard(type: string, kind: Kind): string {
  switch (kind) {
    case 'text':
      return `${type} = 'text'`;
    case 'number':
      return `${type} IN ('integer', 'real')`;
    case 'boolean':
      return `${type} IN ('true', 'false')`;
    case 'null':
      return `${type} = 'null'`;
  }
}

/** json_extract yields 1/0 for JSON booleans; better-sqlite3 cannot bind booleans anyway. */
function bindable(value: string | number | boolean): SqlValue {
  return typeof value === 'boolean' ? Number(value) : value;
}

const COMPARATORS = { eq: '=', ne: '<>', lt: '<', lte: '<=', gt: '>', gte: '>=' } as const;

function comparisonSql(
  f: FieldSql,
  op: keyof typeof COMPARATORS,
  value: unknown,
  params: SqlValue[],
): string {
  const kind = kindOf(value);
  if (kind === 'null') {
    // null equals null and compares with nothing else: there is no "ne null" or "lt null" in Cosmos.
    return op === 'eq' ? typeGuard(f.type, 'null') : '0';
  }
  params.push(bindable(value as string | number | boolean));
  return `(${typeGuard(f.type, kind)} AND ${f.value} ${COMPARATORS[op]} ?)`;
}

function inSql(f: FieldSql, values: unknown, params: SqlValue[]): string {
  if (!Array.isArray(values) || values.length > MAX_IN_VALUES) {
    throw invalid(`Le filtre « in » attend une liste d'au plus ${MAX_IN_VALUES} valeurs.`, 'value');
  }
  const groups = new Map<Kind, SqlValue[]>();
  for (const v of values) {
    const kind = kindOf(v);
    groups.set(kind, [...(groups.get(kind) ?? []), kind === 'null' ? null : bindable(v as string)]);
  }
  const parts: string[] = [];
  for (const [kind, group] of groups) {
    if (kind === 'null') {
      parts.push(typeGuard(f.type, 'null'));
      continue;
    }
    params.push(...group);
    parts.push(`(${typeGuard(f.type, kind)} AND ${f.value} IN (${group.map(() => '?').join(', ')}))`);
  }
  return parts.length === 0 ? '0' : `(${parts.join(' OR ')})`;
}

function arrayContainsSql(f: FieldSql, value: unknown, params: SqlValue[]): string {
  if (f.path === undefined) throw invalid('« arrayContains » porte sur un tableau du document.', 'field');
  const kind = kindOf(value);
  // json_each on a scalar yields that scalar, so the array type is checked first.
  const match =
    kind === 'null' ? typeGuard('e.type', 'null') : `${typeGuard('e.type', kind)} AND e.value = ?`;
  if (kind !== 'null') params.push(bindable(value as string | number | boolean));
  return `(${f.type} = 'array' AND EXISTS (SELECT 1 FROM json_each(body, ${f.path}) AS e WHERE ${match}))`;
}

function filterSql(filter: Filter, params: SqlValue[]): string {
  if (typeof filter !== 'object' || filter === null) throw invalid('Filtre de requête invalide.', 'filters');
  const f = fieldSql(filter.field);
  switch (filter.op) {
    case 'eq':
    case 'ne':
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte':
      return comparisonSql(f, filter.op, filter.value, params);
    case 'in':
      return inSql(f, filter.value, params);
    case 'arrayContains':
      return arrayContainsSql(f, filter.value, params);
    default:
      throw invalid(`Opérateur de filtre inconnu : ${JSON.stringify(filter.op)}.`, 'op');
  }
}

/** Sort key expressions: a type rank then the value, so mixed types order like Cosmos. */
function sortKeySql(f: FieldSql): [string, string] {
  const rank =
    `CASE ${f.type} WHEN 'null' THEN 1 WHEN 'false' THEN 2 WHEN 'true' THEN 3 ` +
    `WHEN 'integer' THEN 4 WHEN 'real' THEN 4 WHEN 'text' THEN 5 WHEN 'array' THEN 6 ` +
    `WHEN 'object' THEN 7 ELSE 0 END`;
  // Missing/null/booleans are fully ordered by rank; 0 keeps keys non-NULL so cursors compare simply.
  const value = `CASE WHEN ${f.type} IN ('integer', 'real', 'text', 'array', 'object') THEN ${f.value} ELSE 0 END`;
  return [rank, value];
}

interface SortKey {
  sql: string;
  desc: boolean;
}

function sortKeys(orderBy: OrderBy[] | undefined): SortKey[] {
  if (orderBy !== undefined && (!Array.isArray(orderBy) || orderBy.length > MAX_ORDER_BY)) {
    throw invalid(`Tri invalide : au plus ${MAX_ORDER_BY} champs.`, 'orderBy');
  }
  const keys: SortKey[] = [];
  for (const o of orderBy ?? []) {
    const direction = o?.direction ?? 'asc';
    if (direction !== 'asc' && direction !== 'desc') {
      throw invalid(`Sens de tri invalide : ${JSON.stringify(direction)} (asc ou desc).`, 'orderBy');
    }
    const [rank, value] = sortKeySql(fieldSql(o.field));
    keys.push({ sql: rank, desc: direction === 'desc' }, { sql: value, desc: direction === 'desc' });
  }
  keys.push({ sql: 'id', desc: false });
  return keys;
}

/** Keyset condition "strictly after the cursor" over the sort keys, honouring each direction. */
function afterCursorSql(keys: SortKey[], cursor: CursorKeys, params: SqlValue[]): string {
  const terms: string[] = [];
  keys.forEach((key, i) => {
    const equal = keys.slice(0, i).map((k, j) => {
      params.push(cursor[j] ?? null);
      return `k${j} = ?`;
    });
    params.push(cursor[i] ?? null);
    terms.push([...equal, `k${i} ${key.desc ? '<' : '>'} ?`].join(' AND '));
  });
  return `(${terms.map((t) => `(${t})`).join(' OR ')})`;
}

function checkLimit(limit: unknown): number {
  if (limit === undefined) return DEFAULT_LIMIT;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw invalid(`Taille de page invalide : un entier entre 1 et ${MAX_LIMIT} est attendu.`, 'limit');
  }
  return limit;
}

function scopeSql(container: ContainerName, spec: QuerySpec, params: SqlValue[]): string {
  params.push(container);
  if (spec.pk === undefined && spec.crossPartition === true) return 'container = ?';
  if (typeof spec.pk !== 'string' || spec.pk === '') {
    throw invalid(
      'Requête sans partition : indiquez la clé de partition (pk) ou demandez explicitement ' +
        'une requête inter-partitions (crossPartition).',
      'pk',
    );
  }
  params.push(spec.pk);
  return 'container = ? AND pk = ?';
}

/**
 * The table of a container's documents: the views (derived, rewritten on every change) have their
 * own, so that each write maintains only its own table's indexes (migration 0007).
 */
export function tableOf(container: ContainerName): 'documents' | 'view_documents' {
  return container === 'views' ? 'view_documents' : 'documents';
}

/** Validates `spec` and builds its statement; throws ValidationError on any bad part. */
export function planQuery(container: ContainerName, spec: QuerySpec): QueryPlan {
  if (typeof spec !== 'object' || spec === null) throw invalid('Requête invalide.');
  const params: SqlValue[] = [];
  const where = [scopeSql(container, spec, params)];
  if (spec.filters !== undefined && (!Array.isArray(spec.filters) || spec.filters.length > MAX_FILTERS)) {
    throw invalid(`Filtres invalides : au plus ${MAX_FILTERS} conditions.`, 'filters');
  }
  for (const filter of spec.filters ?? []) where.push(filterSql(filter, params));
  const keys = sortKeys(spec.orderBy);
  const limit = checkLimit(spec.limit);
  const fingerprint = createHash('sha256')
    .update(
      JSON.stringify([
        container,
        spec.pk ?? null,
        spec.crossPartition === true,
        spec.filters ?? [],
        spec.orderBy ?? [],
      ]),
    )
    .digest('base64url');
  let after = '1';
  if (spec.continuationToken !== undefined) {
    after = afterCursorSql(keys, decodeCursor(spec.continuationToken, fingerprint, keys.length), params);
  }
  const keyColumns = keys.map((k, i) => `${k.sql} AS k${i}`).join(', ');
  const order = keys.map((k, i) => `k${i} ${k.desc ? 'DESC' : 'ASC'}`).join(', ');
  // The cursor condition names the k0… aliases, so the keys are computed in a sub-select.
  const sql =
    `SELECT * FROM (SELECT body, etag, ts, ${keyColumns} FROM ${tableOf(container)} WHERE ${where.join(' AND ')}) ` +
    `WHERE ${after} ORDER BY ${order} LIMIT ?`;
  // One row more than the page tells whether another page exists without a second query.
  return { sql, params: [...params, limit + 1], limit, keyCount: keys.length, fingerprint };
}

function checksum(fingerprint: string, keys: CursorKeys): string {
  return createHash('sha256')
    .update(fingerprint)
    .update(JSON.stringify(keys))
    .digest('base64url')
    .slice(0, 22);
}

/** Opaque token for "continue after these keys", bound to the query that produced it. */
export function encodeCursor(fingerprint: string, keys: CursorKeys): string {
  return Buffer.from(JSON.stringify({ k: keys, s: checksum(fingerprint, keys) })).toString('base64url');
}

function badToken(): ValidationError {
  return invalid(
    'Jeton de continuation invalide : il a été altéré ou provient d’une autre requête. Relancez la requête depuis le début.',
    'continuationToken',
  );
}

function decodeCursor(token: unknown, fingerprint: string, keyCount: number): CursorKeys {
  if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH || !/^[A-Za-z0-9_-]+$/.test(token)) {
    throw badToken();
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw badToken();
  }
  const { k, s } = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as {
    k?: unknown;
    s?: unknown;
  };
  const wellFormed =
    Array.isArray(k) &&
    k.length === keyCount &&
    k.every((v) => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v))) &&
    typeof k[keyCount - 1] === 'string';
  if (!wellFormed || s !== checksum(fingerprint, k as CursorKeys)) throw badToken();
  return k as CursorKeys;
}
