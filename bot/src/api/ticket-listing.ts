/**
 * Ticket lists scoped by the caller, through the same partition-by-partition paging as quotes and
 * orders (`scoped-listing.ts`). Results are ordered within each partition.
 */
import type { TicketStatus } from '../domain/tickets/ticket';
import type { OrderBy, Page, Stored } from '../store/port';
import type { TicketDoc, TicketRepository } from '../store/ticket-repository';
import type { ReadScope } from './api-caller';
import { listVisible } from './scoped-listing';

/** What a ticket list asks for, once parsed. */
export interface TicketFilters {
  readonly statuses?: readonly TicketStatus[];
  readonly severities?: readonly number[];
  readonly beneficiaryId?: string;
  readonly sort: 'recent' | 'urgent';
  readonly limit: number;
  readonly continuationToken?: string;
}

const ORDER: Record<TicketFilters['sort'], OrderBy[]> = {
  recent: [{ field: 'receivedAt', direction: 'desc' }],
  urgent: [{ field: 'firstResponseDueAt', direction: 'asc' }],
};

/** One page of the tickets the scope lets the caller see. */
export async function listVisibleTickets(
  repo: TicketRepository,
  scope: ReadScope,
  f: TicketFilters,
): Promise<Page<Stored<TicketDoc>>> {
  return listVisible(repo.container, scope, {
    type: 'ticket',
    statuses: f.statuses,
    filters: f.severities ? [{ field: 'severity', op: 'in', value: [...f.severities] }] : [],
    beneficiaryId: f.beneficiaryId,
    orderBy: ORDER[f.sort],
    limit: f.limit,
    continuationToken: f.continuationToken,
  });
}
