/**
 * Ticket lists scoped by the caller, through the same partition-by-partition paging as quotes and
 * orders (`scoped-listing.ts`). Results are ordered within each partition.
 *
 * The staff's lists of open tickets across beneficiaries — the dashboard's, the tab's "open" filter,
 * one open status — read the open-ticket view's single partition: the rows there are the open
 * tickets, whole. Staff lists that include resolved or closed tickets stay a query across
 * partitions: that is the history, browsed now and then, not a hot path.
 *
 * Filters are written in the shapes the embedded store's indexes are built for
 * (`store/sqlite/list-indexes.ts`, `view-indexes.ts`), so that a list walks an index in its order and
 * reads one page: one status is an equality, the open statuses are "neither resolved nor closed".
 */
import { isOpenStatus, OPEN_TICKET_STATUSES, type TicketStatus } from '../domain/tickets/ticket';
import type { Filter, OrderBy, Page } from '../store/port';
import type { TicketDoc, TicketRepository } from '../store/ticket-repository';
import type { ReadScope } from './api-caller';
import { OPEN_CONDITIONS } from '../store/views/open-ticket-view';
import { listFromView, listVisible } from './scoped-listing';

/** The orders of a ticket list. */
export const TICKET_SORTS = ['recent', 'urgent', 'updated'] as const;
export type TicketSort = (typeof TICKET_SORTS)[number];

/** What a ticket list asks for, once parsed. */
export interface TicketFilters {
  readonly statuses?: readonly TicketStatus[];
  readonly severities?: readonly number[];
  readonly beneficiaryId?: string;
  readonly sort: TicketSort;
  readonly limit: number;
  readonly continuationToken?: string;
}

const ORDER: Record<TicketSort, OrderBy[]> = {
  recent: [{ field: 'receivedAt', direction: 'desc' }],
  urgent: [{ field: 'firstResponseDueAt', direction: 'asc' }],
  updated: [{ field: 'updatedAt', direction: 'desc' }],
};

const OPEN_COUNT = OPEN_TICKET_STATUSES.length;

/** One value as an equality (an index key SQLite can seek to), several as a list. */
function oneOrIn(field: string, values: readonly (string | number)[]): Filter {
  const distinct = [...new Set(values)];
  return distinct.length === 1
    ? { field, op: 'eq', value: distinct[0]! }
    : { field, op: 'in', value: distinct };
}

/**
 * The status condition. Every ticket has one of the known statuses, so "all the open ones" is the
 * same set as "neither resolved nor closed"; written so, it matches the partial indexes of open
 * tickets, which a list of bound values cannot.
 */
function statusFilters(statuses: readonly TicketStatus[] | undefined): Filter[] {
  if (!statuses) return [];
  const distinct = new Set(statuses);
  const allOpen = distinct.size === OPEN_COUNT && [...distinct].every(isOpenStatus);
  if (allOpen) return [...OPEN_CONDITIONS];
  return [oneOrIn('status', statuses)];
}

/** True for the staff's list of open tickets only, across beneficiaries: the view holds it whole. */
function servedByOpenView(scope: ReadScope, f: TicketFilters): boolean {
  return (
    scope.kind === 'all' &&
    f.beneficiaryId === undefined &&
    f.statuses !== undefined &&
    f.statuses.length > 0 &&
    f.statuses.every(isOpenStatus)
  );
}

/** One page of the tickets the scope lets the caller see (copies without ETag from the view). */
export async function listVisibleTickets(
  repo: TicketRepository,
  scope: ReadScope,
  f: TicketFilters,
): Promise<Page<TicketDoc>> {
  const list = {
    filters: [...statusFilters(f.statuses), ...(f.severities ? [oneOrIn('severity', f.severities)] : [])],
    orderBy: ORDER[f.sort],
    limit: f.limit,
    continuationToken: f.continuationToken,
  };
  if (servedByOpenView(scope, f)) return listFromView(repo.openView, list);
  return listVisible(repo.container, scope, { ...list, type: 'ticket', beneficiaryId: f.beneficiaryId });
}
