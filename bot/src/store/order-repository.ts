/**
 * Orders (bons de commande) and their audit events in the `business` container, partitioned by the
 * beneficiary's SIRET, next to the quote they come from. Writes go through `QuoteService` (issue, in
 * the acceptance's batch) and `OrderService` (later steps); this repository reads.
 */
import type { Order, OrderStatus } from '../domain/orders/order';
import type { OrderEvent } from '../domain/orders/order-event';
import type { Container, Doc, Page, Store, Stored } from './port';

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
export class OrderRepository {
  readonly container: Container<OrderDoc>;

  constructor(store: Store) {
    this.container = store.container<OrderDoc>('business');
  }

  /** The order with this id in this beneficiary's partition. */
  async get(beneficiaryId: string, id: string): Promise<Stored<OrderDoc> | undefined> {
    const doc = await this.container.read(beneficiaryId, id);
    return doc?.type === 'order' ? doc : undefined;
  }

  /** The order with this number among the given beneficiaries' partitions (never a cross-partition read). */
  async findByNumber(
    number: string,
    beneficiaryIds: readonly string[],
  ): Promise<Stored<OrderDoc> | undefined> {
    for (const pk of beneficiaryIds) {
      const page = await this.container.query({
        pk,
        filters: [
          { field: 'type', op: 'eq', value: 'order' },
          { field: 'number', op: 'eq', value: number },
        ],
        limit: 1,
      });
      if (page.items[0]) return page.items[0];
    }
    return undefined;
  }

  /** The order with this number in any partition: for Titulaire and CANUT staff only. */
  async findByNumberAnywhere(number: string): Promise<Stored<OrderDoc> | undefined> {
    const page = await this.container.query({
      crossPartition: true,
      filters: [
        { field: 'type', op: 'eq', value: 'order' },
        { field: 'number', op: 'eq', value: number },
      ],
      limit: 1,
    });
    return page.items[0];
  }

  /** A beneficiary's orders, the newest first. */
  async listForBeneficiary(
    beneficiaryId: string,
    continuationToken?: string,
    limit = 20,
  ): Promise<Page<Stored<OrderDoc>>> {
    return this.container.query({
      pk: beneficiaryId,
      filters: [{ field: 'type', op: 'eq', value: 'order' }],
      orderBy: [{ field: 'issuedAt', direction: 'desc' }],
      limit,
      continuationToken,
    });
  }

  /** Every order not yet paid nor cancelled, across beneficiaries (the Titulaire's view), oldest first. */
  async listAllOpen(continuationToken?: string, limit = 20): Promise<Page<Stored<OrderDoc>>> {
    return this.container.query({
      crossPartition: true,
      filters: [
        { field: 'type', op: 'eq', value: 'order' },
        { field: 'status', op: 'in', value: OPEN_ORDER_STATUSES },
      ],
      orderBy: [{ field: 'issuedAt' }],
      limit,
      continuationToken,
    });
  }

  /** The audit trail of an order, oldest first. */
  async events(beneficiaryId: string, orderId: string): Promise<OrderEvent[]> {
    const page = await (this.container as unknown as Container<OrderEventDoc>).query({
      pk: beneficiaryId,
      filters: [
        { field: 'type', op: 'eq', value: 'order-event' },
        { field: 'orderId', op: 'eq', value: orderId },
      ],
      orderBy: [{ field: 'seq' }],
      limit: 1000,
    });
    return page.items;
  }
}
