/**
 * The sender's view of the outbox: find due messages, claim them, record the outcome.
 *
 * Messages are written by the code that causes them (in the `business` container, in the batch of the
 * change); this repository never creates one. Every state change is an ETag-conditional replace, so
 * several instances can sweep the same store: a claim lost to another instance is skipped, and an
 * outcome is only recorded by the holder of the claim.
 *
 * Due messages are found through the agenda (`views/agenda.ts`), never by a query across
 * beneficiaries: every write of a message touches its partition's entry first, so the agenda lists
 * every partition that may hold pending messages. A claim visits the due partitions (`AgendaVisitor`)
 * and, in each, runs a single-partition query; the entry is then put off until the partition's
 * earliest pending message.
 *
 * A claim moves `nextAttemptAt` to the end of the lease. The due-message query then needs a single
 * range condition (`status = pending AND nextAttemptAt <= now`), which one index serves in both
 * adapters, and a lease that expires makes the message due again without any extra condition (its
 * partition's entry, put off until the lease's end, is due again then too).
 */
import { NotFoundError, PreconditionFailedError } from '../domain/errors';
import type { OutboxMessage } from './outbox-message';
import type { Container, Filter, Store, Stored } from './port';
import { Agenda, type AgendaEntry } from './views/agenda';
import { AgendaVisitor } from './views/agenda-visit';
import type { ViewsOptions } from './views/projecting-store';
import { pagesOf } from './query-pages';

/** A message as read from the store: its fields plus the ETag that guards the next write. */
export type StoredOutboxMessage = Stored<OutboxMessage>;

/** Page size of a partition's count. */
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
  private readonly agenda: Agenda;
  private readonly visitor: AgendaVisitor;

  /** `options.wallClock` measures the agenda's grace (tests). */
  constructor(store: Store, options: ViewsOptions = {}) {
    this.container = store.container<OutboxMessage>('business');
    this.agenda = new Agenda(store.container<AgendaEntry>('views'), options.wallClock);
    this.visitor = new AgendaVisitor(store, options);
  }

  /** One message, or undefined. */
  async get(pk: string, id: string): Promise<StoredOutboxMessage | undefined> {
    const doc = await this.container.read(pk, id);
    return doc?.type === 'outbox' ? doc : undefined;
  }

  /**
   * Claims up to `limit` pending messages due at `now` for `leaseMs`: the partitions longest due
   * first, each one's messages oldest first. A message another instance claimed first (stale ETag)
   * or deleted meanwhile is skipped. Visiting a partition also finishes its interrupted view refreshes.
   */
  async claimDue(
    now: Date,
    limit: number,
    instanceId: string,
    leaseMs: number,
  ): Promise<StoredOutboxMessage[]> {
    const leaseUntil = new Date(now.getTime() + leaseMs).toISOString();
    return this.visitor.walk(now, limit, {
      take: (pk, room) => this.claimIn(pk, now.toISOString(), room, instanceId, leaseUntil),
      nextDueAt: (pk) => this.earliestPending(pk),
    });
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

  /**
   * Pending messages (due or not, claimed or not), for readiness and metrics: counted partition by
   * partition over the agenda, which lists every partition that may hold one.
   */
  async pendingCount(): Promise<number> {
    let total = 0;
    // A registry's entries hold view refreshes only, never a message.
    for (const entry of await this.agenda.all())
      if (entry.container === undefined) total += await this.pendingIn(entry.id);
    return total;
  }

  /** Claims up to `room` messages of partition `pk` due at `nowIso`, oldest first. */
  private async claimIn(
    pk: string,
    nowIso: string,
    room: number,
    instanceId: string,
    leaseUntil: string,
  ): Promise<StoredOutboxMessage[]> {
    const page = await this.container.query({
      pk,
      filters: [...PENDING, { field: 'nextAttemptAt', op: 'lte', value: nowIso }],
      orderBy: [{ field: 'nextAttemptAt', direction: 'asc' }],
      limit: room,
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

  /** When the first pending message of `pk` is due (a claimed one at its lease's end), or undefined. */
  private async earliestPending(pk: string): Promise<string | undefined> {
    const page = await this.container.query({
      pk,
      filters: PENDING,
      orderBy: [{ field: 'nextAttemptAt', direction: 'asc' }],
      limit: 1,
    });
    return page.items[0]?.nextAttemptAt;
  }

  /** Pending messages of partition `pk`, page by page. */
  private async pendingIn(pk: string): Promise<number> {
    let count = 0;
    for await (const items of pagesOf(this.container, { pk, filters: PENDING, limit: COUNT_PAGE })) {
      count += items.length;
    }
    return count;
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
