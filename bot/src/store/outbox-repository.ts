/**
 * The sender's view of the outbox: find due messages, claim them, record the outcome.
 *
 * Messages are written by the code that causes them (in the `business` container, in the batch of the
 * change); this repository never creates one. Every state change is an ETag-conditional replace, so
 * several instances can sweep the same store: a claim lost to another instance is skipped, and an
 * outcome is only recorded by the holder of the claim.
 *
 * A claim moves `nextAttemptAt` to the end of the lease. The due-message query then needs a single
 * range condition (`status = pending AND nextAttemptAt <= now`), which one index serves in both
 * adapters, and a lease that expires makes the message due again without any extra condition.
 */
import { NotFoundError, PreconditionFailedError } from '../domain/errors';
import type { OutboxMessage } from './outbox-message';
import type { Container, Filter, Store, Stored } from './port';

/** A message as read from the store: its fields plus the ETag that guards the next write. */
export type StoredOutboxMessage = Stored<OutboxMessage>;

/** Page size of the cross-partition count. */
const COUNT_PAGE = 1000;

const PENDING: Filter[] = [
  { field: 'type', op: 'eq', value: 'outbox' },
  { field: 'status', op: 'eq', value: 'pending' },
];

/** Undefined fields are dropped when the document is serialised: the claim disappears. */
const NO_LEASE = { leasedBy: undefined, leaseUntil: undefined } as const;

/** Reads and updates outbox messages for the sender. */
export class OutboxRepository {
  private readonly container: Container<OutboxMessage>;

  constructor(store: Store) {
    this.container = store.container<OutboxMessage>('business');
  }

  /** One message, or undefined. */
  async get(pk: string, id: string): Promise<StoredOutboxMessage | undefined> {
    const doc = await this.container.read(pk, id);
    return doc?.type === 'outbox' ? doc : undefined;
  }

  /**
   * Claims up to `limit` pending messages due at `now`, oldest first, for `leaseMs`. A message another
   * instance claimed first (stale ETag) or deleted meanwhile is skipped. Cross-partition on purpose:
   * this is a background job, not a user's request.
   */
  async claimDue(
    now: Date,
    limit: number,
    instanceId: string,
    leaseMs: number,
  ): Promise<StoredOutboxMessage[]> {
    const nowIso = now.toISOString();
    const leaseUntil = new Date(now.getTime() + leaseMs).toISOString();
    const page = await this.container.query({
      crossPartition: true,
      filters: [...PENDING, { field: 'nextAttemptAt', op: 'lte', value: nowIso }],
      orderBy: [{ field: 'nextAttemptAt', direction: 'asc' }],
      limit,
    });
    const claimed: StoredOutboxMessage[] = [];
    for (const msg of page.items) {
      // Defensive: a lease written by other code without moving nextAttemptAt is still honoured.
      if (msg.leaseUntil !== undefined && msg.leaseUntil > nowIso) continue;
      const won = await this.write(msg, { leasedBy: instanceId, leaseUntil, nextAttemptAt: leaseUntil });
      if (won) claimed.push(won);
    }
    return claimed;
  }

  /** Records a delivery; false when the claim was lost meanwhile. */
  async markSent(msg: StoredOutboxMessage, activityId: string | undefined, now: Date): Promise<boolean> {
    const done = await this.write(msg, {
      status: 'sent',
      attempts: msg.attempts + 1,
      sentAt: now.toISOString(),
      activityId,
      lastError: undefined,
      ...NO_LEASE,
    });
    return done !== undefined;
  }

  /** Records a failed attempt and when to try again; false when the claim was lost meanwhile. */
  async reschedule(msg: StoredOutboxMessage, nextAttemptAt: Date, error: string): Promise<boolean> {
    const done = await this.write(msg, {
      attempts: msg.attempts + 1,
      nextAttemptAt: nextAttemptAt.toISOString(),
      lastError: error,
      ...NO_LEASE,
    });
    return done !== undefined;
  }

  /**
   * Gives a message up for good. `attempted` says whether this follows a delivery attempt (it counts)
   * or a check before any (unknown or inactive conversation). False when the claim was lost meanwhile.
   */
  async markDead(msg: StoredOutboxMessage, reason: string, attempted = false): Promise<boolean> {
    const done = await this.write(msg, {
      status: 'dead',
      attempts: msg.attempts + (attempted ? 1 : 0),
      lastError: reason,
      ...NO_LEASE,
    });
    return done !== undefined;
  }

  /**
   * Gives a claim back without counting an attempt (e.g. the conversation is throttled, or the lease
   * is too short to deliver safely); the message is due again at `nextAttemptAt`.
   */
  async release(msg: StoredOutboxMessage, nextAttemptAt: Date): Promise<boolean> {
    const done = await this.write(msg, { nextAttemptAt: nextAttemptAt.toISOString(), ...NO_LEASE });
    return done !== undefined;
  }

  /** Pending messages (due or not, claimed or not), for readiness and metrics. Pages cross-partition. */
  async pendingCount(): Promise<number> {
    let total = 0;
    let continuationToken: string | undefined;
    do {
      const page = await this.container.query({
        crossPartition: true,
        filters: PENDING,
        limit: COUNT_PAGE,
        continuationToken,
      });
      total += page.items.length;
      continuationToken = page.continuationToken;
    } while (continuationToken);
    return total;
  }

  /** Replaces `msg` with `changes` if its ETag still matches; undefined when another writer won. */
  private async write(
    msg: StoredOutboxMessage,
    changes: Partial<OutboxMessage>,
  ): Promise<StoredOutboxMessage | undefined> {
    const { _etag, _ts, ...fields } = msg;
    try {
      return await this.container.replace({ ...fields, ...changes }, { ifMatch: _etag });
    } catch (err) {
      if (err instanceof PreconditionFailedError || err instanceof NotFoundError) return undefined;
      throw err;
    }
  }
}
