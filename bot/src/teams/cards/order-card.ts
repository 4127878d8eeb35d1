/**
 * The card of an order (bon de commande), as one viewer sees it: its status, the accepted quote it
 * comes from, its lines and amounts HT / TVA / TTC, its steps, and the buttons of the actions this
 * viewer may make now (delivery and billing for the Titulaire's account managers, service fait for
 * the beneficiary's approvers, cancellation for both before invoicing). It refreshes itself through
 * `order.refresh`, and every action is checked again on the server.
 */
import { formatEuros } from '../../domain/catalogue/money';
import { PRICE_UNIT_LABELS } from '../../domain/catalogue/price-line';
import { ORDER_ACTION_TITLES, type OrderActionType } from '../../domain/orders/order-action';
import { availableOrderActions } from '../../domain/orders/order-lifecycle';
import { ORDER_STATUS_LABELS, type Order } from '../../domain/orders/order';
import { formatFrenchDate, formatShortFrenchDate } from '../../domain/quotes/french-date';
import type { QuoteActor } from '../../domain/quotes/quote-actor';
import { localDateOf } from '../../domain/quotes/quote-calendar';
import { frenchDecimal } from '../../domain/quotes/quote-draft';
import { quoteVersionLabel } from '../../domain/quotes/quote';
import {
  card,
  cardHeading,
  execute,
  facts,
  showCard,
  text,
  textInput,
  withRefresh,
  type AdaptiveCard,
  type CardBanner,
  type CardAction,
  type CardElement,
} from './adaptive-card';
import { clip } from './quote-card';
import { amountFacts } from './quote-card-sections';

/** The verb prefix of every order card action; `order.refresh` re-renders the card. */
export const ORDER_VERB_PREFIX = 'order.';
export const ORDER_REFRESH_VERB = 'order.refresh';

export interface OrderCardOptions {
  banner?: CardBanner;
  /** Teams user ids (MRIs) whose client refreshes the card by itself (at most 60). */
  refreshUserIds?: string[];
}

const SHOWN_LINES = 12;

/** The card of `order` for `viewer` (undefined viewer: no buttons). */
export function orderCard(
  order: Order,
  viewer: QuoteActor | undefined,
  options: OrderCardOptions = {},
): AdaptiveCard {
  const ids = { beneficiaryId: order.beneficiaryId, orderId: order.id };
  const body: CardElement[] = [
    ...cardHeading(
      options.banner,
      `Bon de commande ${order.number}`,
      `${ORDER_STATUS_LABELS[order.status]} · ${order.quote.subject}`,
    ),
    orderFacts(order),
    text('Prestations commandées', { weight: 'Bolder', separator: true }),
    ...lineElements(order),
    amountFacts(order.totals, order.vatRateBp),
    text('Suivi', { weight: 'Bolder', separator: true }),
    text(stepsText(order), { size: 'Small' }),
    ...(order.cancellation
      ? [text(`Motif d’annulation : « ${clip(order.cancellation.reason, 300)} »`, { color: 'Attention' })]
      : []),
  ];
  const actions = viewer ? availableOrderActions(order, viewer).map((type) => actionButton(type, ids)) : [];
  return withRefresh(card(body, actions), ORDER_REFRESH_VERB, ids, options.refreshUserIds);
}

function orderFacts(order: Order): CardElement {
  return facts([
    ['Bénéficiaire', `${order.beneficiaryName} (SIRET ${order.beneficiaryId})`],
    ['Devis accepté', quoteVersionLabel(order.quote, order.quote.version)],
    ['Émis le', `${formatFrenchDate(localDateOf(order.zone, order.issuedAt))} par ${order.issuedBy.name}`],
    ['Calendrier', `du ${formatFrenchDate(order.period.start)} au ${formatFrenchDate(order.period.end)}`],
    ['Prix', `BPU ${order.scheduleVersion}`],
    ['Facture', order.invoiceReference],
  ]);
}

function lineElements(order: Order): CardElement[] {
  const rows = order.lines.slice(0, SHOWN_LINES).map((l) => {
    const unit = PRICE_UNIT_LABELS[l.line.unit];
    const where = l.deliverable ? `${l.phase} · ${l.deliverable}` : l.phase;
    const profile = l.profile ? ` (${l.profile})` : '';
    return (
      `- ${where} — ${l.line.code}${profile} : ${frenchDecimal(l.quantity)} ` +
      `${l.quantity > 1 ? unit.many : unit.one} = ${formatEuros(l.amountHtCents)} HT`
    );
  });
  const more =
    order.lines.length > SHOWN_LINES ? [`… et ${order.lines.length - SHOWN_LINES} autre(s) ligne(s).`] : [];
  return [text([...rows, ...more].join('\n'), { size: 'Small' })];
}

function stepsText(order: Order): string {
  return order.steps
    .map(
      (s) =>
        `- ${ORDER_STATUS_LABELS[s.status]} — ${formatShortFrenchDate(localDateOf(order.zone, s.at))}, ${s.by.name}`,
    )
    .join('\n');
}

/**
 * A button for a simple action, or a fold-out form for an action with inputs. Input ids are unique
 * on the card (Teams merges every input into the action's data): each reason has its own.
 */
function actionButton(type: OrderActionType, ids: Record<string, string>): CardAction {
  const verb = `${ORDER_VERB_PREFIX}${type}`;
  const confirm = (inputs: CardElement[], style?: 'positive' | 'destructive') =>
    showCard(ORDER_ACTION_TITLES[type], inputs, [execute('Valider', verb, ids, style)]);
  switch (type) {
    case 'cancel':
      return confirm(
        textInput('cancelReason', 'Motif de l’annulation', {
          isMultiline: true,
          isRequired: true,
          maxLength: 2000,
        }),
        'destructive',
      );
    case 'rejectDelivery':
      return confirm(
        textInput('rejectReason', 'Vos réserves sur la livraison', {
          isMultiline: true,
          isRequired: true,
          maxLength: 2000,
        }),
      );
    case 'deliver':
      return confirm(
        textInput('note', 'Note de livraison (facultatif)', { isMultiline: true, maxLength: 2000 }),
      );
    case 'invoice':
      return confirm(textInput('reference', 'Numéro de facture (facultatif)', { maxLength: 60 }));
    default:
      return execute(ORDER_ACTION_TITLES[type], verb, ids, type === 'accept' ? 'positive' : undefined);
  }
}
