import { useCallback } from 'react';
import type { ApiClient } from '../api/api-client';
import { listTickets, type TicketQuery } from '../api/tickets';
import { usePages } from '../hooks/use-pages';

/**
 * The ticket list for a query, page by page (see `usePages`). Keyed by the query's content, so an
 * equal query rebuilt on a render does not reload the list.
 */
export function useTicketPages(api: ApiClient, query: TicketQuery) {
  const key = JSON.stringify(query);
  const fetchPage = useCallback(
    (page: { limit: number; continuationToken?: string }, signal: AbortSignal) =>
      listTickets(api, { ...(JSON.parse(key) as TicketQuery), ...page }, signal),
    [api, key],
  );
  return usePages(fetchPage);
}
