import { useCallback, type ReactNode } from 'react';
import type { ApiClient } from '../api/api-client';
import { useSession } from '../auth/auth-context';
import { AsyncContent } from '../components/async-content';
import { StatusCard } from '../components/status-card';
import { useAsync } from '../hooks/use-async';

interface DataTileProps<T> {
  id: string;
  title: string;
  /** See StatusCard: off for tiles holding live countdowns. */
  live?: boolean;
  /** What the tile reads; a module-level function, so the tile loads once per session. */
  load: (api: ApiClient, signal: AbortSignal) => Promise<T>;
  loading: string;
  failed: string;
  /** What to say when the list read is empty; omit when the data is never "empty". */
  empty?: string;
  children: (data: T) => ReactNode;
}

/** A dashboard tile that reads its own data, with the loading, error (with retry) and empty states. */
export function DataTile<T>({ id, title, live, load, loading, failed, empty, children }: DataTileProps<T>) {
  const { api } = useSession();
  const read = useCallback((signal: AbortSignal) => load(api, signal), [load, api]);
  const [state, reload] = useAsync(read);
  return (
    <StatusCard id={id} title={title} live={live}>
      <AsyncContent
        state={state}
        loading={loading}
        failed={failed}
        onRetry={reload}
        empty={empty === undefined ? undefined : { when: isEmptyList, text: empty }}
      >
        {children}
      </AsyncContent>
    </StatusCard>
  );
}

function isEmptyList(data: unknown): boolean {
  return Array.isArray(data) && data.length === 0;
}
