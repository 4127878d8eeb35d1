/**
 * Translates a port `QuerySpec` into one parameterised Cosmos DB SQL query.
 *
 * - Values are always parameters (`@v0`…), never text of the query. Field paths are written into
 *   the query, but only after validation (dotted identifiers, nothing else) and in bracket notation
 *   (`c["meta"]["owner"]`), so that names Cosmos reserves (`value`, `order`…) stay plain fields.
 * - A partition query always says `c.pk = @pk` in its WHERE clause, besides naming the partition in
 *   the request: a server that ignores the request option (the local test server does) must still
 *   return that partition only.
 * - Comparisons keep Cosmos semantics, as the SQLite adapter mimics them: another JSON type or a
 *   missing field never matches, `ne` included (`ne` gets a type test, because some servers answer
 *   `true` to `'a' != 1` where Cosmos answers undefined), `ne`/`lt`… `null` match nothing.
 * - ORDER BY is the caller's fields then id, preceded by equality-filtered fields when a declared
 *   composite index starts with them (see cosmos-indexing.ts).
 */
import { createHash } from 'node:crypto';
import type { SqlParameter, SqlQuerySpec } from '@azure/cosmos';
import type { ContainerName, Filter, OrderBy, QuerySpec } from '../port';
import { invalid } from './cosmos-documents';
import type { SortDirection, SortShape } from './cosmos-indexing';

const FIELD_PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;
const MAX_FIELD_LENGTH = 256;
const MAX_FILTERS = 32;
const MAX_ORDER_BY = 8;
const MAX_IN_VALUES = 1000;
const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;

/** A validated query, ready for `container.items.query`. */
export interface CosmosQueryPlan {
  query: SqlQuerySpec;
  /** Set for a partition query: also sent as the request's partition key. */
  partitionKey?: string;
  limit: number;
  /** Identifies the query, so that a continuation token cannot move to another one. */
  fingerprint: string;
}

type Kind = 'string' | 'number' | 'boolean' | 'null';

/** Query state: the parameters collected so far. */
class Params {
  readonly list: SqlParameter[] = [];
  private count = 0;
  add(value: string | number | boolean): string {
    const name = `@v${this.count++}`;
    this.list.push({ name, value });
    return name;
  }
}

/** Validates a field path; throws the SQLite adapter's French ValidationError otherwise. */
export function checkField(field: unknown): string {
  if (typeof field !== 'string' || field.length > MAX_FIELD_LENGTH || !FIELD_PATH.test(field)) {
    throw invalid(
      `Champ de requête invalide : ${JSON.stringify(field)} (attendu : des identifiants séparés par des points).`,
      'field',
    );
  }
  return field;
}

/** `meta.owner.name` → `c["meta"]["owner"]["name"]`; safe because the path was validated. */
export function fieldRef(field: string): string {
  return `c${checkField(field)
    .split('.')
    .map((part) => `["${part}"]`)
    .join('')}`;
}

function kindOf(value: unknown): Kind {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number' && Number.isFinite(value)) return 'number';
  if (typeof value === 'boolean') return 'boolean';
  if (value === null) return 'null';
  throw invalid(
    `Valeur de filtre invalide : ${JSON.stringify(value) ?? String(value)} ` +
      '(attendu : texte, nombre fini, booléen ou null).',
    'value',
  );
}

const TYPE_TEST: Record<Exclude<Kind, 'null'>, string> = {
  string: 'IS_STRING',
  number: 'IS_NUMBER',
  boolean: 'IS_BOOL',
};

const COMPARATORS = { eq: '=', ne: '!=', lt: '<', lte: '<=', gt: '>', gte: '>=' } as const;

/**
 * `_ts` is epoch seconds in Cosmos but an ISO string at the port: an ISO value is converted, any
 * other value matches nothing (as in SQLite, where `_ts` is text). Cosmos keeps whole seconds.
 */
function tsValue(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms / 1000;
}

function comparisonSql(field: string, op: keyof typeof COMPARATORS, value: unknown, params: Params): string {
  const ref = fieldRef(field);
  const kind = kindOf(value);
  if (kind === 'null') return op === 'eq' ? `${ref} = null` : 'false';
  let bound = value as string | number | boolean;
  if (field === '_ts') {
    const seconds = tsValue(value);
    if (seconds === undefined) return 'false';
    bound = seconds;
  }
  const comparison = `${ref} ${COMPARATORS[op]} ${params.add(bound)}`;
  if (op !== 'ne') return comparison;
  return `(${TYPE_TEST[field === '_ts' ? 'number' : kind]}(${ref}) AND ${comparison})`;
}

function inSql(field: string, values: unknown, params: Params): string {
  if (!Array.isArray(values) || values.length > MAX_IN_VALUES) {
    throw invalid(`Le filtre « in » attend une liste d'au plus ${MAX_IN_VALUES} valeurs.`, 'value');
  }
  const ref = fieldRef(field);
  const names: string[] = [];
  let withNull = false;
  for (const v of values) {
    if (kindOf(v) === 'null') withNull = true;
    else if (field === '_ts') {
      const seconds = tsValue(v);
      if (seconds !== undefined) names.push(params.add(seconds));
    } else names.push(params.add(v as string | number | boolean));
  }
  // One parameter per value, rather than ARRAY_CONTAINS(@list, …): IN is served by the index.
  const parts = [...(names.length > 0 ? [`${ref} IN (${names.join(', ')})`] : [])];
  if (withNull) parts.push(`${ref} = null`);
  return parts.length === 0 ? 'false' : `(${parts.join(' OR ')})`;
}

function arrayContainsSql(field: string, value: unknown, params: Params): string {
  if (field === '_ts' || field === '_etag') {
    throw invalid('« arrayContains » porte sur un tableau du document.', 'field');
  }
  const kind = kindOf(value);
  const bound = kind === 'null' ? 'null' : params.add(value as string | number | boolean);
  return `ARRAY_CONTAINS(${fieldRef(field)}, ${bound})`;
}

function filterSql(filter: Filter, params: Params): string {
  if (typeof filter !== 'object' || filter === null) throw invalid('Filtre de requête invalide.', 'filters');
  const field = checkField(filter.field);
  switch (filter.op) {
    case 'eq':
    case 'ne':
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte':
      return comparisonSql(field, filter.op, filter.value, params);
    case 'in':
      return inSql(field, filter.value, params);
    case 'arrayContains':
      return arrayContainsSql(field, filter.value, params);
    default:
      throw invalid(`Opérateur de filtre inconnu : ${JSON.stringify(filter.op)}.`, 'op');
  }
}

/** The caller's sort keys then id, each field once (a repeated field cannot change the order). */
function sortKeys(orderBy: OrderBy[] | undefined): [string, SortDirection][] {
  if (orderBy !== undefined && (!Array.isArray(orderBy) || orderBy.length > MAX_ORDER_BY)) {
    throw invalid(`Tri invalide : au plus ${MAX_ORDER_BY} champs.`, 'orderBy');
  }
  const keys: [string, SortDirection][] = [];
  for (const o of [...(orderBy ?? []), { field: 'id', direction: 'asc' as const }]) {
    const direction = o?.direction ?? 'asc';
    if (direction !== 'asc' && direction !== 'desc') {
      throw invalid(`Sens de tri invalide : ${JSON.stringify(direction)} (asc ou desc).`, 'orderBy');
    }
    const field = checkField(o?.field);
    if (!keys.some(([f]) => f === field)) keys.push([field, direction]);
  }
  return keys;
}

/** Fields the query pins to one non-null value: constant in the results, free to lead the ORDER BY. */
function pinnedFields(filters: Filter[] | undefined): Set<string> {
  const pinned = (filters ?? []).filter((f) => f.op === 'eq' && f.value !== null && f.field !== '_ts');
  return new Set(pinned.map((f) => f.field));
}

/**
 * The ORDER BY keys: a declared shape that ends with the query's keys and starts with pinned
 * fields (the longest such prefix), or else the keys themselves.
 */
export function orderKeys(
  keys: readonly [string, SortDirection][],
  filters: Filter[] | undefined,
  shapes: readonly SortShape[],
): readonly (readonly [string, SortDirection])[] {
  if (keys.length === 1) return keys; // one property: the range index serves it
  const pinned = pinnedFields(filters);
  let best: SortShape | undefined;
  for (const shape of shapes) {
    const cut = shape.length - keys.length;
    if (cut < 0) continue;
    const endsWithKeys = shape.slice(cut).every(([f, d], i) => f === keys[i]![0] && d === keys[i]![1]);
    const pinnedPrefix = shape.slice(0, cut).every(([f]) => pinned.has(f) && !keys.some(([k]) => k === f));
    if (endsWithKeys && pinnedPrefix && shape.length > (best?.length ?? 0)) best = shape;
  }
  return best ?? keys;
}

function checkLimit(limit: unknown): number {
  if (limit === undefined) return DEFAULT_LIMIT;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw invalid(`Taille de page invalide : un entier entre 1 et ${MAX_LIMIT} est attendu.`, 'limit');
  }
  return limit;
}

function scope(spec: QuerySpec): string | undefined {
  if (spec.pk === undefined && spec.crossPartition === true) return undefined;
  if (typeof spec.pk !== 'string' || spec.pk === '') {
    throw invalid(
      'Requête sans partition : indiquez la clé de partition (pk) ou demandez explicitement ' +
        'une requête inter-partitions (crossPartition).',
      'pk',
    );
  }
  return spec.pk;
}

function fingerprintOf(container: ContainerName, spec: QuerySpec): string {
  const identity = [
    container,
    spec.pk ?? null,
    spec.crossPartition === true,
    spec.filters ?? [],
    spec.orderBy ?? [],
  ];
  return createHash('sha256').update(JSON.stringify(identity)).digest('base64url');
}

/** Validates `spec` and builds its query; throws ValidationError on any bad part. */
export function planCosmosQuery(
  container: ContainerName,
  spec: QuerySpec,
  shapes: readonly SortShape[] = [],
): CosmosQueryPlan {
  if (typeof spec !== 'object' || spec === null) throw invalid('Requête invalide.');
  const params = new Params();
  const partitionKey = scope(spec);
  const where: string[] = [];
  if (partitionKey !== undefined) {
    params.list.push({ name: '@pk', value: partitionKey });
    where.push('c["pk"] = @pk');
  }
  if (spec.filters !== undefined && (!Array.isArray(spec.filters) || spec.filters.length > MAX_FILTERS)) {
    throw invalid(`Filtres invalides : au plus ${MAX_FILTERS} conditions.`, 'filters');
  }
  for (const filter of spec.filters ?? []) where.push(filterSql(filter, params));
  const keys = orderKeys(sortKeys(spec.orderBy), spec.filters, shapes);
  const limit = checkLimit(spec.limit);
  const order = keys.map(([f, d]) => `${fieldRef(f)} ${d === 'desc' ? 'DESC' : 'ASC'}`).join(', ');
  const text =
    `SELECT * FROM c` + (where.length > 0 ? ` WHERE ${where.join(' AND ')}` : '') + ` ORDER BY ${order}`;
  return {
    query: { query: text, parameters: params.list },
    partitionKey,
    limit,
    fingerprint: fingerprintOf(container, spec),
  };
}
