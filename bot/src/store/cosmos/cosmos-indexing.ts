/**
 * The indexing policy of each Cosmos DB container, and the sort shapes it serves.
 *
 * Why composite indexes: Cosmos DB refuses (400) an ORDER BY on two or more properties unless a
 * composite index lists exactly those properties in that order and direction (or all reversed).
 * The port always breaks ties by id, so every sorted list is at least `field, id` and needs one.
 * Each shape below is a query the service sends; a new sorted query needs a new shape here (and in
 * the production Bicep when the account is provisioned there), or Cosmos rejects it.
 *
 * Shapes may also start with fields the query filters on by equality. A constant field does not
 * change the order, and Cosmos can then serve the filter and the sort from one composite index
 * instead of scanning by the sort key: the outbox sweep (type, status, nextAttemptAt) and the quote
 * watch (status, dueDate or updatedAt, in its view) read only due documents, however many old ones
 * the partition holds.
 * The query builder picks such a shape only when the query has those equality filters.
 *
 * Everything else stays indexed by the default range index on every path (`/*`).
 */
import type { ContainerName } from '../port';

export type SortDirection = 'asc' | 'desc';

/** One composite index: fields with their direction, the last one always `id` ascending. */
export type SortShape = readonly (readonly [field: string, direction: SortDirection])[];

const ID = ['id', 'asc'] as const;
const asc = (field: string) => [field, 'asc'] as const;
const desc = (field: string) => [field, 'desc'] as const;

/** The sort shapes of the service's queries, per container (see the repositories and jobs). */
export const SORT_SHAPES: Readonly<Record<ContainerName, readonly SortShape[]>> = {
  business: [
    // The outbox sender, in each partition the agenda names: equality prefix + due time.
    [asc('type'), asc('status'), asc('nextAttemptAt'), ID], // outbox: pending messages now due
    // Lists (tickets, quotes, orders) and audit trails.
    [asc('firstResponseDueAt'), ID], // open tickets, most urgent first
    [desc('receivedAt'), ID], // ticket list, most recent first
    [desc('updatedAt'), ID], // ticket list, last changes first (sort=updated)
    [desc('createdAt'), ID], // quotes, newest first
    [asc('dueDate'), ID], // open quotes, nearest due date first
    [desc('issuedAt'), ID], // orders, newest first
    [asc('issuedAt'), ID], // open orders, oldest first
    [asc('seq'), ID], // events of a ticket, quote or order
  ],
  beneficiaries: [[asc('name'), ID]],
  staff: [[asc('displayName'), ID]],
  conversations: [[desc('updatedAt'), ID]],
  catalogue: [[asc('validFrom'), ID]],
  counters: [],
  // Each view is one partition (store/views/): single-partition queries, sorted like the lists they serve.
  views: [
    [asc('dueAt'), ID], // agenda: partitions with work due
    [asc('nextAlertAt'), ID], // open tickets: next SLA alert passed
    [asc('firstResponseDueAt'), ID], // open tickets, most urgent first
    [desc('receivedAt'), ID], // open tickets, most recent first
    [desc('updatedAt'), ID], // open tickets, last changes first
    [asc('status'), asc('dueDate'), ID], // open quotes: quote watch (unanswered, near their due date)
    [asc('status'), asc('updatedAt'), ID], // open quotes: quote watch (sent, old enough to expire)
    [desc('createdAt'), ID], // open quotes, newest first
    [asc('dueDate'), ID], // open quotes, nearest due date first
    [desc('issuedAt'), ID], // open orders, newest first
    [asc('issuedAt'), ID], // open orders, oldest first (Teams)
    [asc('name'), ID], // beneficiary directory: a tenant's beneficiaries by name
    [asc('number'), ID], // numbers: a ticket, quote or order by its number
    [asc('personId'), ID], // people: a person's registry entries
  ],
};

interface CompositePath {
  path: string;
  order: 'ascending' | 'descending';
}

/** The Cosmos indexing policy of a container: range index on everything, plus its composite indexes. */
export interface IndexingPolicyDefinition {
  indexingMode: 'consistent';
  automatic: true;
  includedPaths: { path: string }[];
  excludedPaths: { path: string }[];
  compositeIndexes: CompositePath[][];
}

/** `meta.owner.name` → `/meta/owner/name` (field names are validated identifiers). */
export function indexPath(field: string): string {
  return `/${field.split('.').join('/')}`;
}

/** The composite index of a shape, with explicit orders (Cosmos defaults to ascending; be explicit). */
export function compositeIndexOf(shape: SortShape): CompositePath[] {
  return shape.map(([field, direction]) => ({
    path: indexPath(field),
    order: direction === 'asc' ? 'ascending' : 'descending',
  }));
}

/** Stable text of a composite index, to compare a declared policy with the one an account holds. */
export function compositeKey(paths: readonly { path?: string; order?: string }[]): string {
  return paths.map((p) => `${p.path ?? ''} ${p.order ?? 'ascending'}`).join(', ');
}

/** The policy of a container for these shapes. */
export function indexingPolicyOf(shapes: readonly SortShape[]): IndexingPolicyDefinition {
  return {
    indexingMode: 'consistent',
    automatic: true,
    includedPaths: [{ path: '/*' }],
    // The ETag is only ever compared on point writes (If-Match), never queried.
    excludedPaths: [{ path: '/"_etag"/?' }],
    compositeIndexes: shapes.map(compositeIndexOf),
  };
}
