/**
 * Issuing the order of an accepted quote. The service first applies `accept` to the quote (which
 * refuses a superseded, expired or already decided version before any number is taken), then takes
 * the next `BC-` number and calls `issueOrder`, and commits both documents, both events and all the
 * notifications in one batch of the beneficiary's partition: there is never an accepted quote
 * without its order, nor an order without its quote.
 */
import { type Instant, formatInstant, parseInstant } from '../calendar/instant';
import { ConflictError, InvalidTransitionError, ValidationError } from '../errors';
import { type QuoteActor, requireApproverOf } from '../quotes/quote-actor';
import { eventActor, quoteNotifications } from '../quotes/quote-event';
import { type Quote, type QuoteVersion, latestVersion, quoteVersionLabel } from '../quotes/quote';
import { type OrderEvent, type OrderNotification, orderEventId } from './order-event';
import { issuedTexts } from './order-messages';
import { parseOrderNumber } from './order-number';
import type { Order, OrderLine } from './order';

/** What issuing needs: the accepted quote, the approver who accepted it, the id and number chosen. */
export interface IssueOrderInput {
  readonly quote: Quote;
  readonly actor: QuoteActor;
  readonly now: Instant;
  readonly id: string;
  readonly number: string;
}

/** The new order, its event and notifications, and the quote now linked to it (same `seq`). */
export interface IssuedOrder {
  readonly order: Order;
  readonly event: OrderEvent;
  readonly notify: OrderNotification[];
  readonly quote: Quote;
}

const FORBIDDEN_ID_CHARS = /[/\\?#]/;

/** Issues the order of an accepted quote; `InvalidTransitionError`, `ConflictError`, `ForbiddenError` otherwise. */
export function issueOrder(input: IssueOrderInput): IssuedOrder {
  const { quote, actor } = input;
  const role = requireApproverOf(
    actor,
    { id: quote.beneficiaryId, name: quote.beneficiaryName },
    'passer commande sur ce devis',
  );
  const v = acceptedVersion(quote);
  checkId(input.id);
  const now = formatInstant(Math.max(parseInstant(input.now, 'now'), parseInstant(quote.updatedAt)));
  const by = { objectId: actor.objectId, name: actor.name };
  const order: Order = {
    id: input.id,
    number: parseOrderNumber(input.number).text,
    beneficiaryId: quote.beneficiaryId,
    beneficiaryName: quote.beneficiaryName,
    zone: quote.zone,
    quote: { id: quote.id, number: quote.number, version: v.version, subject: quote.request.subject },
    scheduleVersion: v.scheduleVersion,
    vatRateBp: v.vatRateBp,
    lines: orderLines(v),
    totals: { ...v.totals },
    period: periodOf(v),
    status: 'issued',
    issuedAt: now,
    issuedBy: by,
    steps: [{ status: 'issued', at: now, by }],
    ...(quote.originConversationId ? { originConversationId: quote.originConversationId } : {}),
    seq: 1,
    updatedAt: now,
  };
  const event = issueEvent(order, eventActor(actor, role), v.version);
  const notify = quoteNotifications(order, issuedTexts(order)) as OrderNotification[];
  return { order, event, notify, quote: { ...quote, order: { id: order.id, number: order.number } } };
}

function issueEvent(order: Order, actor: OrderEvent['actor'], version: number): OrderEvent {
  return {
    id: orderEventId(order.id, 1),
    type: 'order-event',
    orderId: order.id,
    orderNumber: order.number,
    beneficiaryId: order.beneficiaryId,
    seq: 1,
    at: order.issuedAt,
    action: 'issue',
    actor,
    before: null,
    after: 'issued',
    details: { quoteId: order.quote.id, quoteNumber: order.quote.number, version, ...order.totals },
  };
}

function acceptedVersion(quote: Quote): QuoteVersion {
  const v = latestVersion(quote);
  if (quote.status !== 'accepted' || !v) {
    throw new InvalidTransitionError(
      `Impossible d'émettre un bon de commande : le devis ${quote.number} n'est pas accepté.`,
      quote.status,
      'issue',
    );
  }
  if (quote.order) {
    throw new ConflictError(
      `Le devis ${quoteVersionLabel(quote, v.version)} a déjà donné lieu au bon de commande ${quote.order.number}.`,
    );
  }
  return v;
}

/** Every charge of the version, flattened in calendar order: phase charges, then each deliverable's. */
function orderLines(v: QuoteVersion): OrderLine[] {
  return v.phases.flatMap((p) => [
    ...p.charges.map((c) => ({ phase: p.code, phaseLabel: p.label, ...copy(c) })),
    ...p.deliverables.flatMap((d) =>
      d.charges.map((c) => ({
        phase: p.code,
        phaseLabel: p.label,
        deliverable: d.code,
        deliverableLabel: d.label,
        ...copy(c),
      })),
    ),
  ]);
}

function copy(c: QuoteVersion['phases'][number]['charges'][number]) {
  return {
    line: { ...c.line },
    quantity: c.quantity,
    ...(c.profile ? { profile: c.profile } : {}),
    amountHtCents: c.amountHtCents,
  };
}

function periodOf(v: QuoteVersion): Order['period'] {
  const start = v.phases.reduce((a, p) => (p.start < a ? p.start : a), v.phases[0]!.start);
  const end = v.phases.reduce((a, p) => (p.end > a ? p.end : a), v.phases[0]!.end);
  return { start, end };
}

function checkId(id: string): void {
  if (typeof id !== 'string' || id.length === 0 || id.length > 200 || FORBIDDEN_ID_CHARS.test(id)) {
    throw new ValidationError(`Identifiant de bon de commande invalide (${String(id).slice(0, 60)}).`, [
      { path: 'id', message: 'identifiant invalide' },
    ]);
  }
}
