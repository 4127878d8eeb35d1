import { useCallback, useMemo, useRef, useState } from 'react';
import type { ApiClient } from '../api/api-client';
import { useSession } from '../auth/auth-context';
import { useAsync } from './use-async';
import { useIdempotentCall } from './use-idempotent-call';

/** The ids of one document of a beneficiary, read from the route ("orderId", "quoteId", "ticketId"). */
export function useDocumentIds<K extends string>(
  params: Readonly<Record<string, string | undefined>>,
  key: K,
): { beneficiaryId: string } & Record<K, string> {
  return useMemo(
    () =>
      ({ beneficiaryId: params['beneficiaryId'] ?? '', [key]: params[key] ?? '' }) as {
        beneficiaryId: string;
      } & Record<K, string>,
    [params, key],
  );
}

/** How a detail page reads its document and sends the calls that change it. Module-level functions. */
export interface DocumentAccess<I, D, C> {
  read: (api: ApiClient, ids: I, signal: AbortSignal) => Promise<D>;
  send: (api: ApiClient, ids: I, call: C, key: string, signal: AbortSignal) => Promise<D>;
  /** What to say once a call succeeded ("Devis envoyé…"). */
  doneNotice: (call: C) => string;
}

/**
 * One document and the calls on it: each answer replaces the document and says what was done; a
 * refusal because the document changed meanwhile rereads it quietly, so the refusal stays on screen
 * next to the document's current state.
 */
export function useDocument<I, D, C extends { type: K }, K extends string = C['type']>(
  ids: I,
  { read, send, doneNotice }: DocumentAccess<I, D, C>,
) {
  const { api } = useSession();
  const load = useCallback((signal: AbortSignal) => read(api, ids, signal), [read, api, ids]);
  const [state, reload, replace] = useAsync(load);
  const [notice, setNotice] = useState<string>();
  const requestId = useRef(0);
  const sendCall = useCallback(
    (call: C, key: string, signal: AbortSignal) => send(api, ids, call, key, signal),
    [send, api, ids],
  );
  const onDone = useCallback(
    (detail: D, call: C) => {
      replace(detail);
      setNotice(doneNotice(call));
    },
    [replace, doneNotice],
  );
  const onStale = useCallback(() => {
    const id = ++requestId.current;
    load(new AbortController().signal).then(
      (detail) => id === requestId.current && replace(detail),
      () => undefined,
    );
  }, [load, replace]);
  const action = useIdempotentCall<C, D, K>(sendCall, onDone, onStale);
  return { api, state, reload, notice, action };
}
