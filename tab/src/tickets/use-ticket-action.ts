import { useCallback, useRef, useState } from 'react';
import type { ApiClient } from '../api/api-client';
import { ApiError, type ApiIssue } from '../api/http-client';
import { actOnTicket, type TicketActionRequest } from '../api/tickets';
import type { TicketActionType, TicketDetail } from '../api/types';
import { messageOf } from '../hooks/use-async';

export interface ActionFailure {
  type: TicketActionType;
  message: string;
  issues: readonly ApiIssue[];
}

export interface ActionCallbacks {
  onDone: (detail: TicketDetail, type: TicketActionType) => void;
  /** The ticket changed meanwhile (409 transition refused, 412 concurrent write): reread it. */
  onStale: () => void;
}

interface Ids {
  beneficiaryId: string;
  ticketId: string;
}

/**
 * Sends actions on one ticket. Each submission carries an Idempotency-Key that is kept while the
 * outcome is unknown (timeout, network loss) so a retry cannot apply the action twice, and dropped
 * once the service has answered either way.
 */
export function useTicketAction(api: ApiClient, ids: Ids, on: ActionCallbacks) {
  const [pending, setPending] = useState<TicketActionType>();
  const [failure, setFailure] = useState<ActionFailure>();
  const keys = useRef(new Map<TicketActionType, string>());

  const submit = useCallback(
    async (action: TicketActionRequest) => {
      const key = keys.current.get(action.type) ?? newKey();
      keys.current.set(action.type, key);
      setPending(action.type);
      setFailure(undefined);
      try {
        const detail = await actOnTicket(api, ids, action, key, new AbortController().signal);
        keys.current.delete(action.type);
        on.onDone(detail, action.type);
      } catch (error) {
        if (error instanceof ApiError) {
          keys.current.delete(action.type);
          if (error.status === 409 || error.status === 412) on.onStale();
        }
        const issues = error instanceof ApiError ? error.issues : [];
        setFailure({ type: action.type, message: messageOf(error), issues });
      } finally {
        setPending(undefined);
      }
    },
    [api, ids, on],
  );

  const clearFailure = useCallback(() => setFailure(undefined), []);
  return { submit, pending, failure, clearFailure };
}

/** A random key; crypto.randomUUID needs a secure context, which a LAN http address is not. */
function newKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join(
    '',
  );
}
