/**
 * Outbound rate limits of proactive messages: Teams throttles a bot per conversation (7 messages per
 * second) and per tenant (about 30 requests per second). Staying under them avoids 429s, which would
 * only cost retries.
 *
 * Each limit is a token bucket kept as a GCRA "theoretical arrival time" (one number per key): a
 * request is conforming at `tat - tolerance`, and taking a token moves `tat` by one interval. This
 * makes a reservation in two buckets exact (take the later of the two earliest times, book both) and
 * makes eviction lossless: a bucket whose `tat` is in the past is indistinguishable from a new one.
 */

/** Time source of the jobs: injectable so tests run on virtual time. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

/** The real clock. */
export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
};

/** One limit: `ratePerSecond` sustained, up to `burst` back-to-back. */
export interface RateLimit {
  ratePerSecond: number;
  burst?: number;
}

export interface RateLimiterOptions {
  /** Per conversation; default 7/s without burst (Teams' limit). */
  perConversation?: RateLimit;
  /** Per tenant, across its conversations; default 30/s without burst. */
  perTenant?: RateLimit;
  clock?: Clock;
  /** Buckets kept before idle ones are evicted (default 10,000). */
  maxBuckets?: number;
}

interface Gcra {
  intervalMs: number;
  toleranceMs: number;
}

function gcra(limit: RateLimit, what: string): Gcra {
  const burst = limit.burst ?? 1;
  if (!(limit.ratePerSecond > 0) || !(burst >= 1)) {
    throw new RangeError(`RateLimiter: ${what} needs ratePerSecond > 0 and burst >= 1`);
  }
  const intervalMs = 1000 / limit.ratePerSecond;
  return { intervalMs, toleranceMs: (burst - 1) * intervalMs };
}

/** Token buckets keyed by conversation and by tenant, with bounded memory. */
export class RateLimiter {
  private readonly conversation: Gcra;
  private readonly tenant: Gcra;
  private readonly clock: Clock;
  private readonly maxBuckets: number;
  /** Theoretical arrival time per bucket key ("c:<conversation>" or "t:<tenant>"). */
  private readonly tat = new Map<string, number>();
  /** Size that triggers the next eviction scan; grows when every bucket is busy, so scans stay rare. */
  private evictAbove: number;

  constructor(options: RateLimiterOptions = {}) {
    this.conversation = gcra(options.perConversation ?? { ratePerSecond: 7 }, 'perConversation');
    this.tenant = gcra(options.perTenant ?? { ratePerSecond: 30 }, 'perTenant');
    this.clock = options.clock ?? systemClock;
    this.maxBuckets = options.maxBuckets ?? 10_000;
    this.evictAbove = this.maxBuckets;
  }

  /** Number of buckets held (for tests and metrics). */
  get size(): number {
    return this.tat.size;
  }

  /**
   * Books one send in both buckets and returns how long to wait before it (ms); does not wait.
   * Synchronous, so concurrent callers never book the same slot.
   */
  reserve(conversationId: string, tenantId: string): number {
    const now = this.clock.now();
    const cKey = `c:${conversationId}`;
    const tKey = `t:${tenantId}`;
    const at = Math.max(
      now,
      this.earliest(cKey, this.conversation, now),
      this.earliest(tKey, this.tenant, now),
    );
    this.book(cKey, this.conversation, at);
    this.book(tKey, this.tenant, at);
    if (this.tat.size > this.evictAbove) {
      this.evictIdle(now);
      this.evictAbove = Math.max(this.maxBuckets, this.tat.size * 2);
    }
    return at - now;
  }

  /** Waits until one more message may go to this conversation of this tenant. */
  async acquire(conversationId: string, tenantId: string): Promise<void> {
    const waitMs = this.reserve(conversationId, tenantId);
    if (waitMs > 0) await this.clock.sleep(waitMs);
  }

  /** Drops buckets that are back to full: forgetting them changes no future decision. */
  evictIdle(now = this.clock.now()): number {
    let evicted = 0;
    for (const [key, tat] of this.tat) {
      if (tat <= now) {
        this.tat.delete(key);
        evicted++;
      }
    }
    return evicted;
  }

  private earliest(key: string, limit: Gcra, now: number): number {
    const tat = this.tat.get(key);
    return tat === undefined ? now : Math.max(now, tat - limit.toleranceMs);
  }

  private book(key: string, limit: Gcra, at: number): void {
    const tat = this.tat.get(key) ?? at;
    this.tat.set(key, Math.max(tat, at) + limit.intervalMs);
  }
}
