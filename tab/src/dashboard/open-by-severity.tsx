import { useCallback } from 'react';
import { useSession } from '../auth/auth-context';
import { AsyncContent } from '../components/async-content';
import { StatusCard } from '../components/status-card';
import { useAsync } from '../hooks/use-async';
import { loadSeverityCounts } from './dashboard-data';
import { SeverityTiles } from './severity-tiles';

/** Open tickets counted per severity; each count links to the filtered list. */
export function OpenBySeverity() {
  const { api } = useSession();
  const load = useCallback((signal: AbortSignal) => loadSeverityCounts(api, signal), [api]);
  const [state, reload] = useAsync(load);
  return (
    <StatusCard id="ouverts-par-gravite" title="Tickets ouverts par gravité">
      <AsyncContent
        state={state}
        loading="Comptage des tickets ouverts…"
        failed="Comptage des tickets indisponible."
        onRetry={reload}
      >
        {(counts) => <SeverityTiles counts={counts} />}
      </AsyncContent>
    </StatusCard>
  );
}
