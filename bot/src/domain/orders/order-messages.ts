/**
 * The French texts of an order's notifications: the beneficiary hears about every step (DESIGN.md,
 * "Orders"); the account managers hear about what the beneficiary's side does.
 */
import { formatEuros } from '../catalogue/money';
import { formatFrenchDate } from '../quotes/french-date';
import type { QuoteActor } from '../quotes/quote-actor';
import { formatVatRate } from '../quotes/quote-terms';
import { quoteVersionLabel } from '../quotes/quote';
import type { OrderAction } from './order-action';
import type { Order } from './order';

/** Texts per audience; the beneficiary always has one. */
export interface OrderTexts {
  readonly beneficiary: string;
  readonly 'account-managers'?: string;
}

/** "12 345,00 € HT, TVA 20 % 2 469,00 €, 14 814,00 € TTC". */
export function orderAmountsText(order: Order): string {
  const t = order.totals;
  return `${formatEuros(t.htCents)} HT, TVA ${formatVatRate(order.vatRateBp)} ${formatEuros(t.vatCents)}, ${formatEuros(t.ttcCents)} TTC`;
}

/** Texts announcing a new order. */
export function issuedTexts(order: Order): OrderTexts {
  const quote = quoteVersionLabel(order.quote, order.quote.version);
  return {
    beneficiary:
      `Bon de commande ${order.number} émis pour le devis ${quote} (« ${order.quote.subject} ») : ` +
      `${orderAmountsText(order)}. Le Titulaire va en accuser réception.`,
    'account-managers':
      `Nouveau bon de commande ${order.number} — ${order.beneficiaryName} (SIRET ${order.beneficiaryId}) : ` +
      `${formatEuros(order.totals.htCents)} HT, devis ${quote} accepté par ${order.issuedBy.name}.`,
  };
}

/** Texts announcing an action on an order. */
export function orderActionTexts(order: Order, action: OrderAction, actor: QuoteActor): OrderTexts {
  const n = order.number;
  const who = `${actor.name} (${order.beneficiaryName})`;
  switch (action.type) {
    case 'acknowledge':
      return { beneficiary: `Le Titulaire accuse réception de votre bon de commande ${n}.` };
    case 'start':
      return {
        beneficiary:
          `Les prestations du bon de commande ${n} ont démarré (calendrier prévisionnel du ` +
          `${formatFrenchDate(order.period.start)} au ${formatFrenchDate(order.period.end)}).`,
      };
    case 'deliver':
      return {
        beneficiary:
          `Les prestations du bon de commande ${n} sont livrées${action.note ? ` : ${action.note}` : '.'}\n\n` +
          `Un approbateur de ${order.beneficiaryName} peut attester le service fait, ou refuser la livraison ` +
          'en indiquant ses réserves, depuis la fiche de la commande.',
      };
    case 'accept':
      return {
        beneficiary: `Service fait attesté par ${actor.name} pour le bon de commande ${n}. Le Titulaire peut émettre sa facture.`,
        'account-managers': `Service fait attesté sur ${n} par ${who} : vous pouvez facturer ${formatEuros(order.totals.ttcCents)} TTC.`,
      };
    case 'rejectDelivery':
      return {
        beneficiary: `Livraison du bon de commande ${n} refusée par ${actor.name} : ${quoted(action.reason)} Le Titulaire reprend les prestations.`,
        'account-managers': `Livraison de ${n} refusée par ${who} : ${quoted(action.reason)}`,
      };
    case 'invoice':
      return {
        beneficiary: `Le bon de commande ${n} est facturé${action.reference ? ` (facture ${action.reference})` : ''} : ${formatEuros(order.totals.ttcCents)} TTC.`,
      };
    case 'pay':
      return { beneficiary: `Le paiement du bon de commande ${n} est enregistré. Merci.` };
    case 'cancel':
      return {
        beneficiary: `Le bon de commande ${n} est annulé par ${actor.name} : ${quoted(action.reason)}`,
        ...(actor.kind === 'beneficiary'
          ? { 'account-managers': `${n} annulé par ${who} : ${quoted(action.reason)}` }
          : {}),
      };
  }
}

/** « text », closed by a full stop unless the text ends a sentence itself. */
function quoted(text: string): string {
  return /[.!?…]$/.test(text) ? `« ${text} »` : `« ${text} ».`;
}
