/**
 * The order use cases after issue (the acceptance issues the order, in `QuoteService`): account
 * managers acknowledge, start, deliver, invoice and record payment; approvers attest the service done
 * or refuse the delivery; either side cancels before invoicing. Each step is committed in one batch
 * of the beneficiary's partition with its audit event and the notification card to the beneficiary;
 * a retried invoke changes nothing twice.
 */
import { NotFoundError, PreconditionFailedError } from '../domain/errors';
import type { Order } from '../domain/orders/order';
import type { OrderAction } from '../domain/orders/order-action';
import type { OrderNotification } from '../domain/orders/order-event';
import { applyOrderAction } from '../domain/orders/order-lifecycle';
import type { QuoteActor } from '../domain/quotes/quote-actor';
import { OrderRepository, type OrderDoc } from '../store/order-repository';
import type { BatchOperation, Doc, Store } from '../store/port';
import { isReplay, lastActionOf, QuoteOutbox, type QuoteServiceOptions } from './quote-service';

/** What the order service needs: the same audiences, renderers and clock as the quote service. */
export type OrderServiceOptions = Omit<QuoteServiceOptions, 'terms'>;

export interface OrderActInput {
  beneficiaryId: string;
  orderId: string;
  action: OrderAction;
  actor: QuoteActor;
  /** The invoke's activity id: a retried invoke returns the order as the first one left it. */
  idempotencyKey?: string;
}

/** Moves orders through their lifecycle. */
export class OrderService {
  readonly orders: OrderRepository;
  private readonly outbox: QuoteOutbox;
  private readonly now: () => Date;

  constructor(
    store: Store,
    private readonly options: OrderServiceOptions,
  ) {
    this.orders = new OrderRepository(store);
    this.outbox = new QuoteOutbox(options.audiences);
    this.now = options.now ?? (() => new Date());
  }

  /** Applies an action; retried once when someone else changed the order in between. */
  async act(input: OrderActInput): Promise<Order> {
    for (let attempt = 0; ; attempt++) {
      const current = await this.orders.get(input.beneficiaryId, input.orderId);
      if (!current) throw new NotFoundError('Ce bon de commande');
      if (isReplay(current, input)) return current;
      const now = this.now().toISOString();
      const applied = applyOrderAction(current, input.action, input.actor, now);
      const doc: OrderDoc = {
        ...applied.order,
        pk: current.pk,
        type: 'order',
        ...(current.originConversationPk ? { originConversationPk: current.originConversationPk } : {}),
        ...lastActionOf(input),
      };
      const messages = await this.outbox.messages(doc, applied.notify, now, (n, ctx) =>
        this.options.render.order(applied.order, n as OrderNotification, ctx),
      );
      const operations: BatchOperation<Doc>[] = [
        { op: 'replace', doc, ifMatch: current._etag },
        { op: 'create', doc: { ...applied.event, pk: doc.pk } as unknown as Doc },
        ...messages.map((m): BatchOperation<Doc> => ({ op: 'create', doc: m })),
      ];
      try {
        await this.orders.container.batch(doc.pk, operations as BatchOperation<OrderDoc>[]);
      } catch (err) {
        if (!(err instanceof PreconditionFailedError) || attempt > 0) throw err;
        continue;
      }
      if (messages.length > 0) this.options.wake?.();
      return applied.order;
    }
  }
}
