/**
 * The order state machine: issued → acknowledged → in-progress → delivered → accepted (service
 * fait) → invoiced → paid, a refused delivery going back to in-progress, and cancelled from any
 * status before invoiced. Every applied action yields the new order, one append-only audit event and
 * a French notification to the beneficiary; a refused action throws and changes nothing.
 */
import { type Instant, formatInstant, parseInstant } from '../calendar/instant';
import { ForbiddenError, InvalidTransitionError } from '../errors';
import {
  type QuoteActor,
  type QuoteActorRole,
  isAccountManager,
  isApproverOf,
  requireAccountManager,
  requireApproverOf,
} from '../quotes/quote-actor';
import { withDe } from '../quotes/quote-action';
import { eventActor, quoteNotifications } from '../quotes/quote-event';
import {
  ORDER_ACTION_SIDE,
  ORDER_ACTION_TYPES,
  ORDER_ACTION_VERBS,
  ORDER_TRANSITIONS,
  type OrderAction,
  type OrderActionType,
  validateOrderAction,
} from './order-action';
import { type OrderEvent, type OrderNotification, orderEventId } from './order-event';
import { orderActionTexts } from './order-messages';
import { ORDER_STATUS_LABELS, type Order } from './order';

/** An order after an action, with its audit event and the notifications to send. */
export interface AppliedOrderAction {
  readonly order: Order;
  readonly event: OrderEvent;
  readonly notify: OrderNotification[];
}

/** Applies an action and returns the order with `seq` + 1; the input order is never modified. */
export function applyOrderAction(
  order: Order,
  action: OrderAction,
  actor: QuoteActor,
  now: Instant,
): AppliedOrderAction {
  const role = authorise(order, action.type, actor);
  assertTransition(order, action.type);
  const valid = validateOrderAction(action);
  const at = formatInstant(Math.max(parseInstant(now, 'now'), parseInstant(order.updatedAt, 'updatedAt')));
  const by = { objectId: actor.objectId, name: actor.name };
  const to = ORDER_TRANSITIONS[valid.type].to;
  const after: Order = {
    ...order,
    status: to,
    steps: [...order.steps, { status: to, at, by }],
    ...(valid.type === 'invoice' && valid.reference ? { invoiceReference: valid.reference } : {}),
    ...(valid.type === 'cancel'
      ? { cancellation: { reason: valid.reason, at, by, from: order.status } }
      : {}),
    seq: order.seq + 1,
    updatedAt: at,
  };
  const event: OrderEvent = {
    id: orderEventId(after.id, after.seq),
    type: 'order-event',
    orderId: after.id,
    orderNumber: after.number,
    beneficiaryId: after.beneficiaryId,
    seq: after.seq,
    at,
    action: valid.type,
    actor: eventActor(actor, role),
    before: order.status,
    after: to,
    details: detailsOf(valid),
  };
  const notify = quoteNotifications(after, orderActionTexts(after, valid, actor)) as OrderNotification[];
  return { order: after, event, notify };
}

/** The actions this actor may make on the order now (what a card or the tab shows as buttons). */
export function availableOrderActions(order: Order, actor: QuoteActor): OrderActionType[] {
  return ORDER_ACTION_TYPES.filter((type) => {
    if (!ORDER_TRANSITIONS[type].from.includes(order.status)) return false;
    const side = ORDER_ACTION_SIDE[type];
    const manager = isAccountManager(actor);
    const approver = isApproverOf(actor, order.beneficiaryId);
    return side === 'titulaire' ? manager : side === 'approver' ? approver : manager || approver;
  });
}

function authorise(order: Order, type: OrderActionType, actor: QuoteActor): QuoteActorRole {
  const side = ORDER_ACTION_SIDE[type];
  const beneficiary = { id: order.beneficiaryId, name: order.beneficiaryName };
  const what = ORDER_ACTION_VERBS[type];
  if (side === 'titulaire') return requireAccountManager(actor, what);
  if (side === 'approver') return requireApproverOf(actor, beneficiary, what);
  if (isAccountManager(actor)) return requireAccountManager(actor, what);
  if (isApproverOf(actor, order.beneficiaryId)) return 'Beneficiary.Approver';
  throw new ForbiddenError(
    `Seuls les chargés de compte du Titulaire et les approbateurs de ${order.beneficiaryName} peuvent ${what}.`,
  );
}

function assertTransition(order: Order, type: OrderActionType): void {
  if (ORDER_TRANSITIONS[type].from.includes(order.status)) return;
  const why =
    type === 'cancel' && (order.status === 'invoiced' || order.status === 'paid')
      ? ' Une commande facturée ne peut plus être annulée : un avoir doit être émis.'
      : '';
  throw new InvalidTransitionError(
    `Impossible ${withDe(ORDER_ACTION_VERBS[type])} ${order.number} : il est au statut « ${ORDER_STATUS_LABELS[order.status]} ».${why}`,
    order.status,
    type,
  );
}

function detailsOf(action: OrderAction): OrderEvent['details'] {
  switch (action.type) {
    case 'cancel':
    case 'rejectDelivery':
      return { reason: action.reason };
    case 'deliver':
      return { note: action.note ?? null };
    case 'invoice':
      return { reference: action.reference ?? null };
    default:
      return {};
  }
}
