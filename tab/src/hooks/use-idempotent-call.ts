import { useCallback, useRef, useState } from 'react';
import { ApiError, type ApiIssue } from '../api/http-client';
import { messageOf } from './use-async';

export interface CallFailure<K extends string> {
  type: K;
  message: string;
  issues: readonly ApiIssue[];
}

/**
 * Sends calls that change a document (a ticket, quote or order action): each submission carries an
 * Idempotency-Key kept while its outcome is unknown (timeout, network loss), so a retry cannot apply
 * it twice, and dropped once the service answered either way. A 409 or 412 means the document
 * changed meanwhile: `onStale` rereads it.
 */
export function useIdempotentCall<C extends { type: K }, R, K extends string = C['type']>(
  send: (call: C, key: string, signal: AbortSignal) => Promise<R>,
  onDone: (result: R, call: C) => void,
  onStale: () => void,
) {
  const [pending, setPending] = useState<K>();
  const [failure, setFailure] = useState<CallFailure<K>>();
  const keys = useRef(new Map<K, string>());

  const submit = useCallback(
    async (call: C) => {
      const key = keys.current.get(call.type) ?? newKey();
      keys.current.set(call.type, key);
      setPending(call.type);
      setFailure(undefined);
      try {
        const result = await send(call, key, new AbortController().signal);
        keys.current.delete(call.type);
        onDone(result, call);
      } catch (error) {
        if (error instanceof ApiError) {
          keys.current.delete(call.type);
          if (error.status === 409 || error.status === 412) onStale();
        }
        setFailure({
          type: call.type,
          message: messageOf(error),
          issues: error instanceof ApiError ? error.issues : [],
        });
      } finally {
        setPending(undefined);
      }
    },
    [send, onDone, onStale],
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
