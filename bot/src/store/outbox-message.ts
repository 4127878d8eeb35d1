/**
 * A proactive message waiting to be delivered. It is written in the same `batch` as the change that
 * caused it (same container, same partition), so a change is never acknowledged without its
 * notifications, and a notification never exists without its change. The sender in `jobs/` claims
 * due messages with conditional writes, so two instances never send the same one.
 */
import type { Doc } from './port';

export type OutboxStatus = 'pending' | 'sent' | 'dead';

export interface OutboxActivity {
  text?: string;
  /** Adaptive Card attachments, as the Bot Framework carries them. */
  attachments?: { contentType: string; content: unknown }[];
  summary?: string;
}

export interface OutboxMessage extends Doc {
  /** Idempotency key, deterministic from the cause (e.g. `outbox:<ticket id>:<event seq>:<target>`). */
  id: string;
  /** Partition of the change that caused it: a beneficiary SIRET, or SYSTEM_PARTITION. */
  pk: string;
  type: 'outbox';
  /** A conversation whose reference is stored in the `conversations` container. */
  target: { pk: string; conversationId: string };
  activity: OutboxActivity;
  status: OutboxStatus;
  attempts: number;
  /** Not before this instant (ISO-8601 UTC); the sender's index. */
  nextAttemptAt: string;
  /** A claim: the instance that holds it and until when. Expired claims may be taken over. */
  leasedBy?: string;
  leaseUntil?: string;
  createdAt: string;
  sentAt?: string;
  /** Id of the activity the connector created, for later updates of the same card. */
  activityId?: string;
  lastError?: string;
}

/** A new pending message (the caller adds it to the batch of the change that causes it). */
export function newOutboxMessage(
  fields: Pick<OutboxMessage, 'id' | 'pk' | 'target' | 'activity'>,
  now: string,
): OutboxMessage {
  return { ...fields, type: 'outbox', status: 'pending', attempts: 0, nextAttemptAt: now, createdAt: now };
}
