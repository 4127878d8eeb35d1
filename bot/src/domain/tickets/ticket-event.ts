/**
 * The audit trail of a ticket (DESIGN.md, "Data duties"): one append-only event per state change,
 * saying who, under which role, from which channel, when, what, and the status before and after.
 * Event ids derive from the ticket id and its sequence number, so a replayed action writes the same
 * id twice and the store refuses the second write instead of recording it again.
 */
import type { Instant } from '../calendar/instant';
import type { ActionChannel, ActorRole } from './ticket-actor';
import type { TicketStatus } from './ticket';

/** Every kind of change a ticket goes through. */
export type TicketEventAction =
  'open' | 'take' | 'reply' | 'wait' | 'resume' | 'resolve' | 'reassign' | 'addInfo' | 'close' | 'reopen';

/** JSON values only, so that an event stores and exports as it is. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** Who made a change, as the audit trail keeps it. */
export interface EventActor {
  readonly tenantId: string;
  readonly objectId?: string;
  readonly name: string;
  readonly role: ActorRole;
  readonly channel: ActionChannel;
}

/** One append-only audit event. */
export interface TicketEvent {
  readonly id: string;
  readonly type: 'ticket-event';
  readonly ticketId: string;
  readonly ticketNumber: string;
  readonly beneficiaryId: string;
  readonly seq: number;
  readonly at: Instant;
  readonly action: TicketEventAction;
  readonly actor: EventActor;
  readonly before: TicketStatus | null;
  readonly after: TicketStatus;
  readonly details: { readonly [key: string]: JsonValue };
}

/** Who must hear about a change: the beneficiary's conversation or the Titulaire's support channel. */
export type NotificationAudience = 'beneficiary' | 'support';

/** A proactive message to send (through the outbox) because of a change. */
export interface TicketNotification {
  readonly audience: NotificationAudience;
  /** Idempotency key of the outbox message: `outbox:<ticket id>:<event seq>:<audience>`. */
  readonly key: string;
  /**
   * For the beneficiary: the conversation where the ticket was declared, absent for a ticket taken
   * by phone or e-mail (the caller then chooses where to reach the beneficiary, if anywhere).
   */
  readonly conversationId?: string;
  readonly text: string;
}

/** Deterministic id of a ticket's event number `seq` (zero-padded so ids sort in event order). */
export function ticketEventId(ticketId: string, seq: number): string {
  return `${ticketId}:event:${String(seq).padStart(6, '0')}`;
}

/** Deterministic outbox key of a notification caused by a ticket's event number `seq`. */
export function notificationKey(ticketId: string, seq: number, audience: NotificationAudience): string {
  return `outbox:${ticketId}:${seq}:${audience}`;
}
