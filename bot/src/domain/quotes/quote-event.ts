/**
 * The audit trail of a quote (DESIGN.md, "Data duties"): one append-only event per state change,
 * saying who, under which role, from which channel, when, what, on which version, and the status
 * before and after. Ids derive from the quote id and its sequence number, so a replayed action
 * writes the same ids and the store refuses the second write instead of recording it twice.
 */
import type { Instant } from '../calendar/instant';
import type { JsonValue } from '../tickets/ticket-event';
import type { QuoteActionChannel, QuoteActor, QuoteActorRole } from './quote-actor';
import type { QuoteStatus } from './quote';

/** Every kind of change a quote goes through. */
export type QuoteEventAction = 'request' | 'prepare' | 'send' | 'revise' | 'accept' | 'decline' | 'expire';

/** Who made a change, as the audit trail keeps it. */
export interface QuoteEventActor {
  readonly tenantId: string;
  readonly objectId?: string;
  readonly name: string;
  readonly role: QuoteActorRole;
  readonly channel: QuoteActionChannel;
}

/** One append-only audit event of a quote. */
export interface QuoteEvent {
  readonly id: string;
  readonly type: 'quote-event';
  readonly quoteId: string;
  readonly quoteNumber: string;
  readonly beneficiaryId: string;
  readonly seq: number;
  readonly at: Instant;
  readonly action: QuoteEventAction;
  /** The version the action concerned; `null` for the request. */
  readonly version: number | null;
  readonly actor: QuoteEventActor;
  readonly before: QuoteStatus | null;
  readonly after: QuoteStatus;
  readonly details: { readonly [key: string]: JsonValue };
}

/**
 * Who must hear about a change: the conversation the request came from, the beneficiary's
 * approvers (the adapter finds their chats), or the Titulaire's account managers' channel.
 */
export type QuoteAudience = 'beneficiary' | 'approvers' | 'account-managers';

/** A proactive message to send (through the outbox) because of a change. */
export interface QuoteNotification {
  readonly audience: QuoteAudience;
  /** Idempotency key of the outbox message: `outbox:<quote id>:<event seq>:<audience>`. */
  readonly key: string;
  /** For the beneficiary: the conversation of the request, absent for a request received by e-mail. */
  readonly conversationId?: string;
  readonly text: string;
}

/** Deterministic id of a quote's event number `seq` (zero-padded so ids sort in event order). */
export function quoteEventId(quoteId: string, seq: number): string {
  return `${quoteId}:event:${String(seq).padStart(6, '0')}`;
}

/** Deterministic outbox key of a notification caused by a quote's event number `seq`. */
export function quoteNotificationKey(quoteId: string, seq: number, audience: QuoteAudience): string {
  return `outbox:${quoteId}:${seq}:${audience}`;
}

/** The audit trail's view of an actor acting under `role`. */
export function eventActor(actor: QuoteActor, role: QuoteActorRole): QuoteEventActor {
  return {
    tenantId: actor.tenantId,
    objectId: actor.objectId,
    name: actor.name,
    role,
    channel: actor.channel ?? 'teams',
  };
}

/** Notifications for the audiences that have a text, keyed on the quote's event. */
export function quoteNotifications(
  quote: { id: string; seq: number; originConversationId?: string },
  texts: Partial<Record<QuoteAudience, string>>,
): QuoteNotification[] {
  const audiences: QuoteAudience[] = ['beneficiary', 'approvers', 'account-managers'];
  return audiences.flatMap((audience) => {
    const text = texts[audience];
    if (text === undefined) return [];
    const conversation =
      audience === 'beneficiary' && quote.originConversationId
        ? { conversationId: quote.originConversationId }
        : {};
    return [{ audience, key: quoteNotificationKey(quote.id, quote.seq, audience), ...conversation, text }];
  });
}
