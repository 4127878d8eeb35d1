/**
 * Delivers the outbox: claims due messages, sends each through the rate limiter to its stored
 * conversation, then records the outcome (sent, retry later, dead).
 *
 * Nothing is sent twice, even with several instances on one store:
 * - a message is sent only by the instance whose ETag-conditional claim succeeded;
 * - it is sent only while the claim has at least the delivery timeout (plus a margin for clock skew
 *   between instances) left, so nobody else can take it over mid-send;
 * - it is marked sent with a conditional write right after the connector's answer.
 * The one window left is a crash (or a store outage) between the connector's answer and that write:
 * the message is then sent again after its lease — at-least-once is the best HTTP allows.
 *
 * Messages of one conversation go out in creation order, one at a time; conversations are served in
 * parallel. When a conversation is throttled or unreachable, its remaining messages are given back
 * (not counted as attempts) to keep their order and to stop hammering it.
 *
 * The sweep is also the upkeep of the views: claiming visits the partitions on the agenda, which
 * finishes their interrupted view refreshes, and each sweep purges a few old tombstones.
 */
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { ConversationRepository, type ConversationRecord } from '../store/conversation-repository';
import { OutboxRepository, type StoredOutboxMessage } from '../store/outbox-repository';
import type { Container, Store } from '../store/port';
import { purgeTombstones } from '../store/views/tombstone-purge';
import type { ViewRow } from '../store/views/view-row';
import type { ProactiveDelivery } from '../teams/proactive-delivery';
import { JobRunner } from './job-runner';
import { RateLimiter, systemClock, type Clock } from './rate-limiter';
import { RetryPolicy, type DeliveryFailure } from './retry-policy';

export interface OutboxSenderOptions {
  store: Store;
  delivery: ProactiveDelivery;
  logger: Logger;
  /** Names this instance in claims; default host, pid and a random suffix. */
  instanceId?: string;
  limiter?: RateLimiter;
  retryPolicy?: RetryPolicy;
  clock?: Clock;
  /** Random source of the back-off jitter, in [0, 1). */
  random?: () => number;
  /** Messages claimed per sweep (default 100). */
  batchSize?: number;
  /** Claim duration (default 2 min); must exceed the delivery timeout plus the skew margin. */
  leaseMs?: number;
  /** The delivery's own timeout (default 30 s, as SdkProactiveDelivery). */
  deliveryTimeoutMs?: number;
  /** Conversations served in parallel (default 8). */
  concurrency?: number;
  /** Pause between sweeps when idle (default 5 s). */
  intervalMs?: number;
  /**
   * Real time, for the agenda's grace and the tombstones' age (tests): unlike `clock`, it measures
   * writes in flight and must not jump.
   */
  wallClock?: () => Date;
}

/** What one sweep did. */
export interface SweepResult {
  claimed: number;
  sent: number;
  retried: number;
  dead: number;
  /** Given back without an attempt (conversation throttled, lease too short). */
  released: number;
  /** Outcomes not recorded because another instance had taken the message over. */
  lost: number;
}

/** Clock skew tolerated between instances sharing a store. */
const SKEW_MARGIN_MS = 5000;
/** Attempts at recording "sent" when the store fails: a lost record means a duplicate later. */
const MARK_SENT_TRIES = 3;
/** Least time between two purges of view tombstones, on the wall clock. */
export const PURGE_EVERY_MS = 60_000;

type Outcome = { next: 'continue' } | { next: 'release'; at: Date } | { next: 'dead'; reason: string };

/** The outbox's delivery job. */
export class OutboxSender {
  readonly instanceId: string;
  private readonly outbox: OutboxRepository;
  private readonly views: Container<ViewRow>;
  private readonly wallClock: () => Date;
  /** Wall-clock time of the last purge (0: none yet, so the first sweep purges). */
  private lastPurgeAt = 0;
  private readonly conversations: ConversationRepository;
  private readonly delivery: ProactiveDelivery;
  private readonly log: Logger;
  private readonly limiter: RateLimiter;
  private readonly policy: RetryPolicy;
  private readonly clock: Clock;
  private readonly random: () => number;
  private readonly batchSize: number;
  private readonly leaseMs: number;
  private readonly deliveryTimeoutMs: number;
  private readonly concurrency: number;
  private readonly runner: JobRunner;
  /** Set by stop(): the running sweep finishes the message in hand and gives the rest back. */
  private stopping = false;

  constructor(options: OutboxSenderOptions) {
    this.instanceId = options.instanceId ?? `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;
    this.wallClock = options.wallClock ?? (() => new Date());
    this.outbox = new OutboxRepository(options.store, { wallClock: this.wallClock });
    this.views = options.store.container<ViewRow>('views');
    this.conversations = new ConversationRepository(options.store);
    this.delivery = options.delivery;
    this.log = options.logger.child({ job: 'outbox', instance: this.instanceId });
    this.clock = options.clock ?? systemClock;
    this.limiter = options.limiter ?? new RateLimiter({ clock: this.clock });
    this.policy = options.retryPolicy ?? new RetryPolicy();
    this.random = options.random ?? Math.random;
    this.batchSize = options.batchSize ?? 100;
    this.leaseMs = options.leaseMs ?? 120_000;
    this.deliveryTimeoutMs = options.deliveryTimeoutMs ?? 30_000;
    this.concurrency = Math.max(1, options.concurrency ?? 8);
    if (this.leaseMs <= this.deliveryTimeoutMs + SKEW_MARGIN_MS) {
      throw new RangeError('OutboxSender: leaseMs must exceed deliveryTimeoutMs plus a 5 s margin');
    }
    this.runner = new JobRunner({
      name: 'outbox',
      intervalMs: options.intervalMs ?? 5000,
      logger: this.log,
      run: async () => (await this.sweep()).claimed >= this.batchSize,
    });
  }

  /** Starts the periodic sweeps (the first one at once). */
  start(): void {
    this.stopping = false;
    this.runner.start();
  }

  /** Stops sweeping; resolves when the sweep in progress has recorded its outcomes. */
  stop(): Promise<void> {
    this.stopping = true;
    return this.runner.stop();
  }

  /** Asks for a sweep soon: call it after writing outbox messages. */
  wake(): void {
    this.runner.wake();
  }

  /** Pending messages, for readiness and metrics. */
  pendingCount(): Promise<number> {
    return this.outbox.pendingCount();
  }

  /** One pass: claim a batch, deliver it, record outcomes, purge old tombstones. Never throws. */
  async sweep(): Promise<SweepResult> {
    const result: SweepResult = { claimed: 0, sent: 0, retried: 0, dead: 0, released: 0, lost: 0 };
    try {
      const now = new Date(this.clock.now());
      const claimed = await this.outbox.claimDue(now, this.batchSize, this.instanceId, this.leaseMs);
      result.claimed = claimed.length;
      await runPool([...groupByConversation(claimed).values()], this.concurrency, (group) =>
        this.deliverGroup(group, result),
      );
    } catch (err) {
      this.log.error({ err }, 'outbox sweep failed');
    }
    if (result.claimed > 0) this.log.info(result, 'outbox sweep');
    await this.purgeTombstones();
    return result;
  }

  /**
   * Purges a page of old view tombstones, at most once a minute: under load the sender sweeps after
   * every commit, and tombstones an hour old can wait a minute more. A failure only delays it.
   */
  private async purgeTombstones(): Promise<void> {
    const at = this.wallClock().getTime();
    if (at - this.lastPurgeAt < PURGE_EVERY_MS) return;
    this.lastPurgeAt = at;
    try {
      const purged = await purgeTombstones(this.views, { wallClock: this.wallClock });
      if (purged > 0) this.log.debug({ purged }, 'view tombstones purged');
    } catch (err) {
      this.log.warn({ err }, 'view tombstone purge failed');
    }
  }

  /** Delivers the messages of one conversation in order; never throws. */
  private async deliverGroup(group: StoredOutboxMessage[], result: SweepResult): Promise<void> {
    const { pk, conversationId } = group[0]!.target;
    try {
      const conversation = await this.conversations.get(pk, conversationId);
      if (!conversation || conversation.inactive) {
        await this.killAll(group, unusable(pk, conversationId, conversation), result);
        return;
      }
      for (let i = 0; i < group.length; i++) {
        if (this.stopping) {
          // Shutting down: hand the rest back at once rather than hold the stop for their pacing.
          const now = new Date(this.clock.now());
          for (const msg of group.slice(i))
            await this.count(this.outbox.release(msg, now), 'released', result);
          return;
        }
        const outcome = await this.deliverOne(group[i]!, conversation, result);
        const rest = group.slice(i + 1);
        if (outcome.next === 'release') {
          for (const msg of rest) await this.count(this.outbox.release(msg, outcome.at), 'released', result);
          return;
        }
        if (outcome.next === 'dead') {
          await this.killAll(rest, outcome.reason, result);
          return;
        }
      }
    } catch (err) {
      // Store failure: the remaining claims expire and the messages are taken up again later.
      this.log.error({ err, pk, conversationId }, 'outbox delivery to a conversation failed');
    }
  }

  /** Sends one message and records the outcome; tells the group what to do with the next ones. */
  private async deliverOne(
    msg: StoredOutboxMessage,
    conversation: ConversationRecord,
    result: SweepResult,
  ): Promise<Outcome> {
    await this.limiter.acquire(conversation.conversationId, conversation.tenantId);
    const now = this.clock.now();
    if (Date.parse(msg.leaseUntil ?? '') - now < this.deliveryTimeoutMs + SKEW_MARGIN_MS) {
      // Too little of the claim left to finish before another instance may take the message over.
      await this.count(this.outbox.release(msg, new Date(now)), 'released', result);
      return { next: 'continue' };
    }
    let activityId: string | undefined;
    try {
      const reference = { ...conversation.reference, serviceUrl: conversation.serviceUrl };
      ({ activityId } = await this.delivery.deliver(reference, msg.activity));
    } catch (err) {
      return this.onFailure(msg, conversation, asFailure(err), result);
    }
    await this.recordSent(msg, activityId, result);
    return { next: 'continue' };
  }

  private async onFailure(
    msg: StoredOutboxMessage,
    conversation: ConversationRecord,
    failure: DeliveryFailure,
    result: SweepResult,
  ): Promise<Outcome> {
    const now = new Date(this.clock.now());
    const decision = this.policy.decide(failure, msg.attempts + 1, now, this.random);
    const ctx = { id: msg.id, pk: msg.pk, attempts: msg.attempts + 1, status: failure.status };
    switch (decision.kind) {
      case 'retry':
        this.log.warn(
          { ...ctx, nextAttemptAt: decision.nextAttemptAt, err: failure.message },
          'delivery failed, will retry',
        );
        await this.count(
          this.outbox.reschedule(msg, decision.nextAttemptAt, failure.message ?? ''),
          'retried',
          result,
        );
        return { next: 'release', at: decision.nextAttemptAt };
      case 'dead':
        this.log.error({ ...ctx, reason: decision.reason }, 'outbox message dead');
        await this.count(this.outbox.markDead(msg, decision.reason, true), 'dead', result);
        return { next: 'continue' };
      case 'dead-conversation':
        this.log.warn(
          { ...ctx, conversationId: conversation.conversationId, reason: decision.reason },
          'conversation inactive',
        );
        // The message first: if marking the conversation fails, the message at least is not retried.
        await this.count(this.outbox.markDead(msg, decision.reason, true), 'dead', result);
        await this.conversations.markInactive(
          conversation.pk,
          conversation.conversationId,
          decision.reason,
          now,
        );
        return { next: 'dead', reason: decision.reason };
    }
  }

  /** Marks sent, insisting on store errors: failing here means sending the message again later. */
  private async recordSent(
    msg: StoredOutboxMessage,
    activityId: string | undefined,
    result: SweepResult,
  ): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.count(this.outbox.markSent(msg, activityId, new Date(this.clock.now())), 'sent', result);
        return;
      } catch (err) {
        if (attempt >= MARK_SENT_TRIES) throw err;
        this.log.warn({ err, id: msg.id, attempt }, 'could not record a sent message, retrying');
        await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
      }
    }
  }

  private async killAll(msgs: StoredOutboxMessage[], reason: string, result: SweepResult): Promise<void> {
    if (msgs.length > 0) this.log.error({ ids: msgs.map((m) => m.id), reason }, 'outbox messages dead');
    for (const msg of msgs) await this.count(this.outbox.markDead(msg, reason), 'dead', result);
  }

  /** Adds a recorded outcome to the sweep's result, or to `lost` when the claim had been taken over. */
  private async count(
    write: Promise<boolean>,
    field: Exclude<keyof SweepResult, 'claimed' | 'lost'>,
    result: SweepResult,
  ): Promise<void> {
    if (await write) {
      result[field]++;
      return;
    }
    result.lost++;
    this.log.warn({ outcome: field }, 'outbox claim lost before recording an outcome');
  }
}

/** Why a target conversation cannot receive anything. */
function unusable(pk: string, conversationId: string, conversation: ConversationRecord | undefined): string {
  if (!conversation) return `conversation inconnue (${pk} / ${conversationId})`;
  return (
    `conversation inactive depuis ${conversation.inactiveSince ?? '?'}` +
    ` (${conversation.inactiveReason ?? 'sans motif'})`
  );
}

/** Any error from a ProactiveDelivery, as the retry policy reads it (unknown → transient). */
function asFailure(err: unknown): DeliveryFailure {
  const e = err as Partial<DeliveryFailure> & { message?: unknown };
  return {
    status: typeof e?.status === 'number' ? e.status : undefined,
    retryAfterMs: typeof e?.retryAfterMs === 'number' ? e.retryAfterMs : undefined,
    permanent: e?.permanent === true,
    message: typeof e?.message === 'string' ? e.message : String(err),
  };
}

/** Claimed messages by target conversation, each group in creation order. */
function groupByConversation(msgs: StoredOutboxMessage[]): Map<string, StoredOutboxMessage[]> {
  const groups = new Map<string, StoredOutboxMessage[]>();
  for (const msg of msgs) {
    const key = `${msg.target.pk}\u0000${msg.target.conversationId}`;
    const group = groups.get(key) ?? [];
    group.push(msg);
    groups.set(key, group);
  }
  for (const group of groups.values()) {
    group.sort((a, b) =>
      a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1,
    );
  }
  return groups;
}

/** Runs `work` over `items`, at most `size` at a time. */
async function runPool<T>(items: T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
}
