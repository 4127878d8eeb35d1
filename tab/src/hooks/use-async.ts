import { useCallback, useEffect, useState } from 'react';
import { ServiceError } from '../api/http-client';

export type AsyncState<T> =
  { status: 'loading' } | { status: 'success'; data: T } | { status: 'error'; message: string };

/** Fallback when something other than a ServiceError escapes a loader (a bug, not the network). */
const UNEXPECTED_ERROR = 'Une erreur inattendue est survenue. Rechargez la page.';

/** The French message to show for a failure: the service's own, or a generic one for a bug. */
export function messageOf(error: unknown): string {
  return error instanceof ServiceError ? error.message : UNEXPECTED_ERROR;
}

/**
 * Runs `load` on mount and on `reload()`, aborting the previous run so a slow answer never overwrites a
 * newer one. `load` must be stable (module-level function or useCallback).
 */
export function useAsync<T>(
  load: (signal: AbortSignal) => Promise<T>,
): [AsyncState<T>, () => void, (data: T) => void] {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ status: 'success', data });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState({ status: 'error', message: messageOf(error) });
      },
    );
    return () => controller.abort();
  }, [load, generation]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  // For data the page got by other means (the answer to an action): shown without a loading flash.
  const replace = useCallback((data: T) => setState({ status: 'success', data }), []);
  return [state, reload, replace];
}
