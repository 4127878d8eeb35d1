/**
 * Sends one proactive activity to a stored conversation through the Agents SDK, and turns every
 * failure into a `DeliveryError` the outbox's retry policy understands.
 *
 * What the SDK 1.8.1 does, read in its sources and checked against the fake connector:
 * - `adapter.continueConversation(identity, reference, logic)` builds a connector client for the
 *   reference's `serviceUrl`: with `{}` as identity it is anonymous (no Authorization header); with the
 *   bot's client id (a string) it becomes `{ aud: clientId }` and a token for the Bot Framework scope
 *   is attached.
 * - `ctx.sendActivity()` always posts as a *reply* (`/activities/{replyToId}`, the continuation's id,
 *   random when the reference has none), which in a channel lands in some old thread. Here the
 *   activity is posted with `adapter.sendActivities()` without `replyToId`, i.e. `POST
 *   /v3/conversations/{id}/activities`: a new message in the conversation.
 * - A non-2xx answer is thrown as the SDK's `HttpError` (not exported by the package): `name ===
 *   'HttpError'`, `status`, and `response.headers` (a fetch `Headers`, so `get('retry-after')`) and
 *   `response.data` (the parsed body). The SDK never retries. A network failure is fetch's
 *   `TypeError: fetch failed`. There is no timeout: one is added here.
 * - An error thrown inside `logic` goes to `adapter.onTurnError` when one is set (the service sets one)
 *   and `continueConversation` then resolves normally. So the error is caught inside `logic` and
 *   rethrown after, whatever the adapter's configuration.
 */
import { Activity, type ConversationReference } from '@microsoft/agents-activity';
import type { CloudAdapter } from '@microsoft/agents-hosting';
import { classifyStatus, parseRetryAfter, type DeliveryFailure } from '../jobs/retry-policy';
import type { OutboxActivity } from '../store/outbox-message';

/** Delivers proactive activities; the outbox sender's only way out. */
export interface ProactiveDelivery {
  deliver(reference: Record<string, unknown>, activity: OutboxActivity): Promise<{ activityId?: string }>;
}

/** A failed delivery, classified for the retry policy. */
export class DeliveryError extends Error implements DeliveryFailure {
  readonly status?: number;
  readonly retryAfterMs?: number;
  readonly permanent: boolean;

  constructor(message: string, fields: { status?: number; retryAfterMs?: number; permanent: boolean }) {
    super(message);
    this.name = 'DeliveryError';
    this.status = fields.status;
    this.retryAfterMs = fields.retryAfterMs;
    this.permanent = fields.permanent;
  }
}

/** The part of the SDK adapter this module uses (a `CloudAdapter` fits). */
export type ProactiveAdapter = Pick<CloudAdapter, 'continueConversation' | 'sendActivities' | 'getClientId'>;

export interface SdkProactiveDeliveryOptions {
  /** The bot's app id; default: the adapter's configured client id. Absent → anonymous (`{}`). */
  botClientId?: string;
  /** Abandon a send after this long (default 30 s); keep it well under the outbox lease. */
  timeoutMs?: number;
  /** Clock for HTTP-date Retry-After values. */
  now?: () => number;
}

/** Longest connector error text kept in a message (it is stored in the outbox document). */
const MAX_DETAIL = 300;

/** Proactive delivery over the Agents SDK's CloudAdapter. */
export class SdkProactiveDelivery implements ProactiveDelivery {
  private readonly identity: Parameters<ProactiveAdapter['continueConversation']>[0];
  private readonly timeoutMs: number;
  private readonly now: () => number;

  constructor(
    private readonly adapter: ProactiveAdapter,
    options: SdkProactiveDeliveryOptions = {},
  ) {
    const clientId = options.botClientId ?? adapter.getClientId();
    // The SDK rejects '' (botbuilder's anonymous idiom) but accepts an empty identity object.
    this.identity = clientId ? clientId : {};
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.now = options.now ?? Date.now;
  }

  /** Posts `activity` as a new message of the referenced conversation; throws DeliveryError. */
  async deliver(
    reference: Record<string, unknown>,
    activity: OutboxActivity,
  ): Promise<{ activityId?: string }> {
    const ref = checkReference(reference);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new DeliveryError(`délai dépassé (${this.timeoutMs} ms)`, { permanent: false })),
        this.timeoutMs,
      );
    });
    try {
      return await Promise.race([this.send(ref, activity), timeout]);
    } catch (err) {
      throw toDeliveryError(err, this.now());
    } finally {
      clearTimeout(timer);
    }
  }

  private async send(ref: ConversationReference, activity: OutboxActivity): Promise<{ activityId?: string }> {
    let failure: unknown;
    let activityId: string | undefined;
    await this.adapter.continueConversation(this.identity, ref, async (ctx) => {
      try {
        const outgoing = Activity.fromObject({ type: 'message', ...activity });
        // Without activityId no replyToId is set: a new message, not a reply in an old thread.
        outgoing.applyConversationReference({ ...ref, activityId: undefined });
        const [response] = await this.adapter.sendActivities(ctx, [outgoing]);
        activityId = response?.id || undefined;
      } catch (err) {
        failure = err ?? new Error('échec inconnu');
      }
    });
    if (failure !== undefined) throw failure;
    return { activityId };
  }
}

/** Validates a stored reference; a broken one can never be delivered. */
function checkReference(reference: Record<string, unknown>): ConversationReference {
  const conversation = reference.conversation as { id?: unknown } | undefined;
  if (typeof reference.serviceUrl !== 'string' || typeof conversation?.id !== 'string') {
    throw new DeliveryError('référence de conversation invalide (serviceUrl ou conversation.id absent)', {
      permanent: true,
    });
  }
  return reference as unknown as ConversationReference;
}

interface HttpErrorLike {
  status: number;
  message: string;
  response?: { headers?: unknown; data?: unknown };
}

function isHttpError(err: unknown): err is HttpErrorLike {
  return (
    err instanceof Error &&
    err.name === 'HttpError' &&
    typeof (err as { status?: unknown }).status === 'number'
  );
}

function header(headers: unknown, name: string): string | undefined {
  if (headers && typeof (headers as Headers).get === 'function') {
    return (headers as Headers).get(name) ?? undefined;
  }
  const value = (headers as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : undefined;
}

/** The connector's error code (`{ error: { code } }`), else the start of the body. */
function detail(data: unknown): string {
  const code = (data as { error?: { code?: unknown } } | undefined)?.error?.code;
  if (typeof code === 'string') return code;
  const text = typeof data === 'string' ? data : JSON.stringify(data ?? '');
  return text.slice(0, MAX_DETAIL);
}

/** Maps anything the SDK (or fetch) threw to a DeliveryError. */
export function toDeliveryError(err: unknown, nowMs: number): DeliveryError {
  if (err instanceof DeliveryError) return err;
  if (isHttpError(err)) {
    const { status } = err;
    const retryAfterMs = parseRetryAfter(header(err.response?.headers, 'retry-after'), nowMs);
    const info = detail(err.response?.data);
    return new DeliveryError(`HTTP ${status}${info ? ` ${info}` : ''}`, {
      status,
      retryAfterMs,
      permanent: classifyStatus(status) !== 'retry',
    });
  }
  // Network errors (fetch failed, reset, DNS) and the unexpected: worth retrying, the attempt cap
  // turns a persistent one into a dead message.
  const cause = (err as { cause?: { code?: unknown } } | undefined)?.cause?.code;
  const message = err instanceof Error ? err.message : String(err);
  return new DeliveryError(
    `${message}${typeof cause === 'string' ? ` (${cause})` : ''}`.slice(0, MAX_DETAIL),
    {
      permanent: false,
    },
  );
}
