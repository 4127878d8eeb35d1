/**
 * The store port: what the service needs from a document database, with Cosmos DB semantics so that
 * the embedded SQLite adapter and the production Cosmos adapter are interchangeable.
 *
 * - Every document lives in a named container and a partition (`pk`). Business documents are
 *   partitioned by beneficiary id; documents that belong to no beneficiary use a reserved partition
 *   (see `SYSTEM_PARTITION`).
 * - Writes are guarded by ETags (optimistic concurrency): `replace`/`delete` with `ifMatch` fail with
 *   `PreconditionFailedError` when the document changed; `create` fails with `ConflictError` when the
 *   id exists.
 * - Queries name their partition; a cross-partition query must say so (`crossPartition: true`) and is
 *   kept off hot paths. Paging uses opaque continuation tokens.
 * - `batch` is atomic within one partition (Cosmos transactional batch).
 */

/**
 * Container names, one per access pattern.
 * - `business`: everything that belongs to one beneficiary and changes together — tickets, quotes,
 *   orders, their audit events and the outbox messages they cause — partitioned by the beneficiary's
 *   SIRET, so that a change, its audit event and its notifications commit in one `batch`.
 * - `beneficiaries`, `staff`, `conversations`: the registries.
 * - `catalogue`: the price schedule; `counters`: sequences such as ticket numbers.
 * - `views`: documents derived from `business` for what staff and background jobs read across
 *   beneficiaries (open tickets by due time, the agenda of partitions with work pending), each view in
 *   one fixed partition so that reading it is a single-partition query (see `store/views/`).
 */
export const CONTAINERS = [
  'beneficiaries',
  'staff',
  'conversations',
  'business',
  'catalogue',
  'counters',
  'views',
] as const;
export type ContainerName = (typeof CONTAINERS)[number];

/**
 * The containers whose documents are the record: everything but `views`, which the store derives
 * from `business` as documents are written. A whole-store export moves these only; the target store
 * builds its views again as it imports them.
 */
export const SOURCE_CONTAINERS = CONTAINERS.filter(
  (name): name is Exclude<ContainerName, 'views'> => name !== 'views',
);
export type SourceContainerName = Exclude<ContainerName, 'views'>;

/** Partition of documents that belong to no beneficiary (staff, CANUT and Titulaire channels, counters). */
export const SYSTEM_PARTITION = '_system';

/** Fields the store sets on every document it returns. */
export interface StoreMeta {
  /** Opaque version, changes on every write. */
  _etag: string;
  /** Last write, ISO-8601 UTC. */
  _ts: string;
}

/** What the caller writes: an id and a partition key, plus any JSON fields. */
export interface Doc {
  id: string;
  pk: string;
  [field: string]: unknown;
}

export type Stored<T extends Doc> = T & StoreMeta;

export type FilterOp = 'eq' | 'ne' | 'lt' | 'lte' | 'gt' | 'gte' | 'in' | 'arrayContains';

/** One condition on a (possibly dotted) JSON field path, e.g. `{ field: 'status', op: 'eq', value: 'open' }`. */
export interface Filter {
  field: string;
  op: FilterOp;
  value: unknown;
}

export interface OrderBy {
  field: string;
  direction?: 'asc' | 'desc';
}

export interface QuerySpec {
  /** Required unless `crossPartition` is true. */
  pk?: string;
  crossPartition?: boolean;
  filters?: Filter[];
  /** Results are always also ordered by id last, so paging is stable. */
  orderBy?: OrderBy[];
  /** Page size; default 100, maximum 1000. */
  limit?: number;
  continuationToken?: string;
}

export interface Page<T> {
  items: T[];
  /** Absent on the last page. */
  continuationToken?: string;
}

export interface WriteOptions {
  /** Fail with PreconditionFailedError unless the stored ETag equals this one. */
  ifMatch?: string;
  /**
   * False: the write need not be on disk when acknowledged, because it is bookkeeping a repair redoes
   * (removing a view-sync marker) or because only a later durable write ever relies on it (a
   * sequence's increment). The embedded store then skips the flush, and the next flushed commit
   * carries it; Cosmos DB has nothing to skip.
   */
  durable?: boolean;
}

export type BatchOperation<T extends Doc> =
  | { op: 'create'; doc: T }
  | { op: 'upsert'; doc: T }
  | { op: 'replace'; doc: T; ifMatch?: string }
  | { op: 'delete'; id: string; ifMatch?: string };

/** A container of documents of one family. */
export interface Container<T extends Doc = Doc> {
  read(pk: string, id: string): Promise<Stored<T> | undefined>;
  create(doc: T): Promise<Stored<T>>;
  replace(doc: T, options?: WriteOptions): Promise<Stored<T>>;
  upsert(doc: T, options?: WriteOptions): Promise<Stored<T>>;
  /** Returns false when nothing was there to delete. */
  delete(pk: string, id: string, options?: WriteOptions): Promise<boolean>;
  query(spec: QuerySpec): Promise<Page<Stored<T>>>;
  /**
   * Atomic within partition `pk`: all operations apply or none does. At most 100 operations; in
   * `business`, a batch that writes tickets gets one more from the store (its view-sync marker).
   */
  batch(pk: string, operations: BatchOperation<T>[]): Promise<void>;
}

/** A whole store: its containers and its lifecycle. */
export interface Store {
  readonly kind: 'sqlite' | 'cosmos';
  container<T extends Doc = Doc>(name: ContainerName): Container<T>;
  /** Cheap round trip used by /readyz. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
