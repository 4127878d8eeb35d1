/**
 * Orders (bons de commande) and their audit events in the `business` container, partitioned by the
 * beneficiary's SIRET, next to the quote they come from. Writes go through `QuoteService` (issue, in
 * the acceptance's batch) and `OrderService` (later steps); this repository reads.
 */
import { OPEN_ORDER_STATUSES, type Order } from '../domain/orders/order';
import type { OrderEvent } from '../domain/orders/order-event';
import { BusinessDocumentRepository } from './business-document-repository';
import type { Doc, Page, Store } from './port';
import { OpenView } from './views/open-view';
import { OPEN_ORDERS_VIEW } from './views/view-projections';

export { OPEN_ORDER_STATUSES } from '../domain/orders/order';

/** A stored order, with the last card action applied and where the request's conversation is stored. */
export type OrderDoc = Doc &
  Order & {
    type: 'order';
    lastAction?: { key: string; by: string };
    originConversationPk?: string;
  };
export type OrderEventDoc = Doc & OrderEvent;

/** The order id derived from its quote's id: one quote can never give two orders. */
export function orderIdOf(quoteId: string): string {
  return `bc-${quoteId.replace(/^dev-/, '')}`;
}

/** Reads orders and their events. */
export class OrderRepository extends BusinessDocumentRepository<OrderDoc, OrderEvent> {
  /** The orders under way of every beneficiary, in one partition of the `views` container. */
  readonly openView: OpenView<OrderDoc>;

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
    this.openView = new OpenView(store, OPEN_ORDERS_VIEW, OPEN_ORDER_STATUSES);
  }

  /** Every order under way, the oldest first: read from the view, not across partitions. */
  override listAllOpen(continuationToken?: string, limit = 20): Promise<Page<OrderDoc>> {
    return this.openView.list({ orderBy: [{ field: 'issuedAt' }], limit, continuationToken });
  }
}
