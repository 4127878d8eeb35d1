import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiClient } from '../api/api-client';
import { listTickets, type TicketQuery } from '../api/tickets';
import type { TicketSummary } from '../api/types';
import { messageOf } from '../hooks/use-async';

const PAGE_SIZE = 20;

export type TicketPagesState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | {
      status: 'ready';
      items: TicketSummary[];
      /** Token of the next page; absent on the last one. */
      next?: string;
      loadingMore: boolean;
      moreError?: string;
    };

/**
 * The list for a query, page by page: the first page on each new query, the next ones appended by
 * `loadMore` with the API's continuation token. A new query aborts whatever the old one was loading.
 */
export function useTicketPages(api: ApiClient, query: TicketQuery) {
  const key = JSON.stringify(query);
  const [state, setState] = useState<TicketPagesState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const current = useRef(new AbortController());

  useEffect(() => {
    const controller = new AbortController();
    current.current = controller;
    setState({ status: 'loading' });
    listTickets(api, { ...(JSON.parse(key) as TicketQuery), limit: PAGE_SIZE }, controller.signal).then(
      (page) => {
        if (controller.signal.aborted) return;
        setState({ status: 'ready', items: page.items, next: page.continuationToken, loadingMore: false });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'error', message: messageOf(error) });
      },
    );
    return () => controller.abort();
  }, [api, key, attempt]);

  const loadMore = useCallback(() => {
    if (state.status !== 'ready' || !state.next || state.loadingMore) return;
    const controller = current.current;
    const continuationToken = state.next;
    setState({ ...state, loadingMore: true, moreError: undefined });
    const more = { ...(JSON.parse(key) as TicketQuery), limit: PAGE_SIZE, continuationToken };
    listTickets(api, more, controller.signal).then(
      (page) => {
        if (controller.signal.aborted) return;
        setState((s) =>
          s.status !== 'ready'
            ? s
            : {
                status: 'ready',
                items: [...s.items, ...page.items],
                next: page.continuationToken,
                loadingMore: false,
              },
        );
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState((s) =>
          s.status !== 'ready' ? s : { ...s, loadingMore: false, moreError: messageOf(error) },
        );
      },
    );
  }, [api, key, state]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, loadMore, retry };
}
