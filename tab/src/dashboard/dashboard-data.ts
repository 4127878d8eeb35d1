/**
 * What the dashboard reads, built from the ticket list endpoint (the API has no aggregate endpoint
 * yet): each block asks for one small page, so its cost follows the page, not the table.
 */
import type { ApiClient } from '../api/api-client';
import { listTickets } from '../api/tickets';
import type { Severity, TicketSummary } from '../api/types';
import { SEVERITIES } from '../format/labels';

/** Beyond this many open tickets of one severity the tile says "100+" instead of counting on. */
export const COUNT_LIMIT = 100;

export interface SeverityCount {
  severity: Severity;
  count: number;
  /** True when there are more than `count`. */
  more: boolean;
}

/** Open tickets per severity (one capped page each, in parallel). */
export function loadSeverityCounts(api: ApiClient, signal: AbortSignal): Promise<SeverityCount[]> {
  return Promise.all(
    SEVERITIES.map(async (severity) => {
      const page = await listTickets(api, { status: 'open', severity, limit: COUNT_LIMIT }, signal);
      const more = page.items.length === COUNT_LIMIT && page.continuationToken !== undefined;
      return { severity, count: page.items.length, more };
    }),
  );
}

/**
 * Tickets still waiting for their first response (status "new": taking a ticket is the first
 * response), the closest due date first.
 */
export async function loadAtRisk(api: ApiClient, signal: AbortSignal): Promise<TicketSummary[]> {
  const page = await listTickets(api, { status: 'new', sort: 'urgent', limit: 8 }, signal);
  return page.items.filter((ticket) => !ticket.firstResponse);
}

/** The last changed tickets, as the API sorts them (`updatedAt`, newest first). */
export async function loadRecent(api: ApiClient, signal: AbortSignal): Promise<TicketSummary[]> {
  const page = await listTickets(api, { sort: 'updated', limit: 6 }, signal);
  return page.items;
}
