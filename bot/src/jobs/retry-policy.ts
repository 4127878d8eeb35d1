/**
 * What to do after a failed proactive delivery: retry later (when), give up on the message, or give up
 * on the whole conversation. Pure: the clock and the random source are arguments, so the same inputs
 * always give the same decision.
 *
 * Back-off is "full jitter" (a uniformly random delay between 0 and the capped exponential bound), which
 * spreads the retries of many instances hit by the same outage instead of synchronising them. A
 * Retry-After the connector sent is a floor: the retry never comes before it.
 */

/** How a connector HTTP status is handled. */
export type StatusClass = 'retry' | 'dead-conversation' | 'permanent';

/** The failure of one delivery attempt, as `ProactiveDelivery` reports it. */
export interface DeliveryFailure {
  /** HTTP status of the connector's answer; absent for network errors and timeouts. */
  status?: number;
  /** The connector's Retry-After, already converted to a delay. */
  retryAfterMs?: number;
  /** True when retrying cannot help (the delivery layer classified it so). */
  permanent: boolean;
  message?: string;
}

export interface RetryPolicyOptions {
  /** First back-off bound (default 1 s); doubles with each attempt. */
  baseMs?: number;
  /** Largest back-off bound (default 5 min). */
  capMs?: number;
  /** Attempts after which a message is dead (default 8). */
  maxAttempts?: number;
  /** Ceiling on an honoured Retry-After, so a bogus header cannot park a message for days (default 1 h). */
  maxRetryAfterMs?: number;
}

export type RetryDecision =
  | { kind: 'retry'; delayMs: number; nextAttemptAt: Date }
  | { kind: 'dead'; reason: string }
  | { kind: 'dead-conversation'; reason: string };

/** Statuses the Bot Framework connector uses for throttling and transient failures. */
const RETRYABLE = new Set([408, 412, 429, 500, 502, 503, 504]);
/** The bot was removed from the conversation, or the conversation no longer exists. */
const CONVERSATION_GONE = new Set([403, 404]);

/** Classifies a connector HTTP status: retry later, conversation gone, or permanent for the message. */
export function classifyStatus(status: number): StatusClass {
  if (CONVERSATION_GONE.has(status)) return 'dead-conversation';
  if (RETRYABLE.has(status) || status >= 500) return 'retry';
  return 'permanent';
}

/**
 * Parses a Retry-After header (delta-seconds or HTTP-date) into milliseconds from `nowMs`; undefined
 * when absent or unreadable. A date in the past means "now" (0).
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.trim();
  if (text === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.ceil(Number(text) * 1000);
  // Only a date-looking value is parsed as a date: Date.parse accepts too much (e.g. "1 2").
  if (!/[a-z]/i.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}

/** The retry policy of the outbox sender. */
export class RetryPolicy {
  readonly baseMs: number;
  readonly capMs: number;
  readonly maxAttempts: number;
  readonly maxRetryAfterMs: number;

  constructor(options: RetryPolicyOptions = {}) {
    this.baseMs = options.baseMs ?? 1000;
    this.capMs = options.capMs ?? 5 * 60_000;
    this.maxAttempts = options.maxAttempts ?? 8;
    this.maxRetryAfterMs = options.maxRetryAfterMs ?? 60 * 60_000;
    if (!(this.baseMs > 0 && this.capMs >= this.baseMs && this.maxAttempts >= 1)) {
      throw new RangeError('RetryPolicy: baseMs > 0, capMs >= baseMs and maxAttempts >= 1 are required');
    }
  }

  /** Upper bound of the jittered delay before retry number `attempt` (1-based). */
  bound(attempt: number): number {
    // 2^(attempt-1) overflows to Infinity for large attempts; min() keeps the cap.
    return Math.min(this.capMs, this.baseMs * 2 ** Math.max(0, attempt - 1));
  }

  /**
   * Decides after failed attempt number `attempts` (1-based: the count including this failure).
   * `random` returns a number in [0, 1).
   */
  decide(failure: DeliveryFailure, attempts: number, now: Date, random: () => number): RetryDecision {
    const what = describe(failure);
    if (failure.status !== undefined && classifyStatus(failure.status) === 'dead-conversation') {
      return { kind: 'dead-conversation', reason: `conversation inaccessible (${what})` };
    }
    if (failure.permanent) return { kind: 'dead', reason: `échec définitif (${what})` };
    if (attempts >= this.maxAttempts) {
      return { kind: 'dead', reason: `abandon après ${attempts} tentatives (${what})` };
    }
    const r = Math.min(Math.max(random(), 0), 1);
    const jittered = Math.floor(r * this.bound(attempts));
    const floor = Math.min(failure.retryAfterMs ?? 0, this.maxRetryAfterMs);
    const delayMs = Math.max(jittered, floor);
    return { kind: 'retry', delayMs, nextAttemptAt: new Date(now.getTime() + delayMs) };
  }
}

function describe(failure: DeliveryFailure): string {
  const status = failure.status === undefined ? 'erreur réseau' : `HTTP ${failure.status}`;
  return failure.message ? `${status} : ${failure.message}` : status;
}
