import { useCallback, useEffect, useRef, useState } from 'react';
import { messageOf } from './use-async';

const PAGE_SIZE = 20;

export type PagesState<T> =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; items: T[]; next?: string; loadingMore: boolean; moreError?: string };

type Fetch<T> = (
  query: { limit: number; continuationToken?: string },
  signal: AbortSignal,
) => Promise<{ items: T[]; continuationToken?: string }>;

/**
 * A list page by page: the first page whenever `fetchPage` changes (a new query, which aborts whatever
 * the old one was loading), the next ones appended by `loadMore` with the API's continuation token.
 * `fetchPage` must change with the query only (useCallback).
 */
export function usePages<T>(fetchPage: Fetch<T>) {
  const [state, setState] = useState<PagesState<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const current = useRef(new AbortController());

  useEffect(() => {
    const controller = new AbortController();
    current.current = controller;
    setState({ status: 'loading' });
    fetchPage({ limit: PAGE_SIZE }, controller.signal).then(
      (page) => {
        if (!controller.signal.aborted)
          setState({ status: 'ready', items: page.items, next: page.continuationToken, loadingMore: false });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'error', message: messageOf(error) });
      },
    );
    return () => controller.abort();
  }, [fetchPage, attempt]);

  const loadMore = useCallback(() => {
    if (state.status !== 'ready' || !state.next || state.loadingMore) return;
    const controller = current.current;
    setState({ ...state, loadingMore: true, moreError: undefined });
    fetchPage({ limit: PAGE_SIZE, continuationToken: state.next }, controller.signal).then(
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
  }, [fetchPage, state]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, loadMore, retry };
}
