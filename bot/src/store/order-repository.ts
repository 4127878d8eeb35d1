/**
 * Orders (bons de commande) and their audit events in the `business` container, partitioned by the
 * beneficiary's SIRET, next to the quote they come from. Writes go through `QuoteService` (issue, in
 * the acceptance's batch) and `OrderService` (later steps); this repository reads.
 */
import type { Order, OrderStatus } from '../domain/orders/order';
import type { OrderEvent } from '../domain/orders/order-event';
import { BusinessDocumentRepository } from './business-document-repository';
import type { Doc, Store } from './port';

/** A stored order, with the last card action applied and where the request's conversation is stored. */
export type OrderDoc = Doc &
  Order & {
    type: 'order';
    lastAction?: { key: string; by: string };
    originConversationPk?: string;
  };
export type OrderEventDoc = Doc & OrderEvent;

/** Statuses in which an order still needs someone to act. */
export const OPEN_ORDER_STATUSES: readonly OrderStatus[] = [
  'issued',
  'acknowledged',
  'in-progress',
  'delivered',
  'accepted',
  'invoiced',
];

/** The order id derived from its quote's id: one quote can never give two orders. */
export function orderIdOf(quoteId: string): string {
  return `bc-${quoteId.replace(/^dev-/, '')}`;
}

/** Reads orders and their events. */
export class OrderRepository extends BusinessDocumentRepository<OrderDoc, OrderEvent> {
  constructor(store: Store) {
    super(store, {
      type: 'order',
      eventType: 'order-event',
      eventKey: 'orderId',
      openStatuses: OPEN_ORDER_STATUSES,
      // The newest first; the open view shows the oldest order still running first.
      listOrder: [{ field: 'issuedAt', direction: 'desc' }],
      openOrder: [{ field: 'issuedAt' }],
    });
  }
}
