/**
 * The audit trail of an order: one append-only event per state change (who, role, channel, when,
 * status before and after), with ids derived from the order id and its sequence number so that a
 * replay writes nothing twice. Notifications use the quotes' shape and outbox keys.
 */
import type { Instant } from '../calendar/instant';
import type { QuoteEventActor, QuoteNotification } from '../quotes/quote-event';
import type { JsonValue } from '../tickets/ticket-event';
import type { OrderActionType } from './order-action';
import type { OrderStatus } from './order';

/** Deterministic id of an order's event number `seq` (same scheme as quotes and tickets). */
export { quoteEventId as orderEventId } from '../quotes/quote-event';

/** One append-only audit event of an order. */
export interface OrderEvent {
  readonly id: string;
  readonly type: 'order-event';
  readonly orderId: string;
  readonly orderNumber: string;
  readonly beneficiaryId: string;
  readonly seq: number;
  readonly at: Instant;
  readonly action: 'issue' | OrderActionType;
  readonly actor: QuoteEventActor;
  readonly before: OrderStatus | null;
  readonly after: OrderStatus;
  readonly details: { readonly [key: string]: JsonValue };
}

/** A proactive message caused by an order's change: to the beneficiary, or to the account managers. */
export type OrderNotification = QuoteNotification & { readonly audience: 'beneficiary' | 'account-managers' };
