/**
 * Reading the open-ticket view (`OPEN_TICKETS_VIEW`, one partition of the `views` container): the
 * SLA watch's due tickets and staff's lists of open tickets across beneficiaries, each a
 * single-partition query that an index serves (SQLite: `sqlite/view-indexes.ts`; Cosmos: the
 * `views` shapes of `cosmos-indexing.ts`).
 *
 * Tombstones (tickets resolved or closed since) never come out: every query has a condition on a
 * field they lack — a status, or `nextAlertAt` — and a missing field matches no condition, `ne`
 * included.
 */
import { formatInstantToSecond } from '../../domain/calendar/instant';
import { CLOSED_TICKET_STATUSES } from '../../domain/tickets/ticket';
import type { Container, Filter, OrderBy, Page, QuerySpec } from '../port';
import type { TicketDoc } from '../ticket-repository';
import { OPEN_TICKETS_VIEW } from './view-projections';
import { sourceOf, type ViewRow } from './view-row';

/**
 * "Neither resolved nor closed": true of every live row, false of a tombstone (no status). Written
 * as the business lists write the open statuses, so a list keeps its shape whichever side serves it.
 */
export const OPEN_CONDITIONS: readonly Filter[] = CLOSED_TICKET_STATUSES.map((value): Filter => ({
  field: 'status',
  op: 'ne',
  value,
}));

/** A page of the view: conditions on the tickets' own fields, an order, a page size. */
export interface OpenTicketQuery {
  /** Conditions on ticket fields (status, severity…); without a status one, the open ones apply. */
  readonly filters?: readonly Filter[];
  readonly orderBy: OrderBy[];
  readonly limit: number;
  readonly continuationToken?: string;
}

/**
 * The rows of the tickets whose next SLA alert has passed at `now`, the longest-waiting first.
 * Stored instants have second precision, with milliseconds only when non-zero (`formatInstant`), and
 * strings compare character by character: `…:00.500Z` sorts before `…:00Z`. Comparing with `now`
 * truncated to the second (`…:SSZ`) therefore returns every ticket due at `now`, plus at most the
 * ones due later within the same second, which the watch then leaves alone.
 */
export function dueTicketRowsQuery(now: Date, limit: number, continuationToken?: string): QuerySpec {
  return {
    pk: OPEN_TICKETS_VIEW,
    filters: [{ field: 'nextAlertAt', op: 'lte', value: formatInstantToSecond(now.getTime()) }],
    orderBy: [{ field: 'nextAlertAt', direction: 'asc' }],
    limit,
    ...(continuationToken ? { continuationToken } : {}),
  };
}

/** The spec of one page of open tickets (see `OpenTicketView.page`). */
export function openTicketsQuery(q: OpenTicketQuery): QuerySpec {
  const filters = q.filters ?? [];
  const live = filters.some((f) => f.field === 'status') ? [] : OPEN_CONDITIONS;
  return {
    pk: OPEN_TICKETS_VIEW,
    filters: [...live, ...filters],
    orderBy: q.orderBy,
    limit: q.limit,
    ...(q.continuationToken ? { continuationToken: q.continuationToken } : {}),
  };
}

/** Reads the open-ticket view. */
export class OpenTicketView {
  /** The view's partition, also what the API's continuation tokens of the view name. */
  readonly name = OPEN_TICKETS_VIEW;

  constructor(private readonly views: Container<ViewRow>) {}

  /**
   * One page of open tickets of every beneficiary, as copied in their rows (no ETag: a write reads
   * the ticket itself). Each write refreshes its rows before it returns, so a row lags its ticket
   * only while a write is in flight, or after a crash until the partition's next visit.
   */
  async page(q: OpenTicketQuery): Promise<Page<TicketDoc>> {
    const page = await this.views.query(openTicketsQuery(q));
    return {
      items: page.items.map((row) => sourceOf<TicketDoc>(row)),
      ...(page.continuationToken ? { continuationToken: page.continuationToken } : {}),
    };
  }
}
