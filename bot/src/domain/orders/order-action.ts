/**
 * The actions on an order, who may make each, and which statuses they start from. The Titulaire's
 * account managers move the order through its delivery and billing; the beneficiary's approvers
 * attest the service done (or refuse the delivery with a reason), since "service fait" is the
 * buyer's own finding in French public accounting, the one that opens the way to payment. Either
 * side may cancel, with a reason, until the order is invoiced.
 */
import { ValidationError } from '../errors';
import { REASON_MAX } from '../quotes/quote-action';
import type { OrderStatus } from './order';

/** An action on an order, with its inputs. */
export type OrderAction =
  | { readonly type: 'acknowledge' }
  | { readonly type: 'start' }
  | { readonly type: 'deliver'; readonly note?: string }
  | { readonly type: 'accept' }
  | { readonly type: 'rejectDelivery'; readonly reason: string }
  | { readonly type: 'invoice'; readonly reference?: string }
  | { readonly type: 'pay' }
  | { readonly type: 'cancel'; readonly reason: string };

/** The name of an action on an order. */
export type OrderActionType = OrderAction['type'];

/** Every action on an order, in lifecycle order. */
export const ORDER_ACTION_TYPES: readonly OrderActionType[] = Object.freeze([
  'acknowledge',
  'start',
  'deliver',
  'accept',
  'rejectDelivery',
  'invoice',
  'pay',
  'cancel',
]);

/** Who may make an action: account managers, the beneficiary's approvers, or either. */
export const ORDER_ACTION_SIDE: Readonly<Record<OrderActionType, 'titulaire' | 'approver' | 'both'>> =
  Object.freeze({
    acknowledge: 'titulaire',
    start: 'titulaire',
    deliver: 'titulaire',
    accept: 'approver',
    rejectDelivery: 'approver',
    invoice: 'titulaire',
    pay: 'titulaire',
    cancel: 'both',
  });

/** Statuses before invoicing: an order can be cancelled from any of them. */
export const CANCELLABLE: readonly OrderStatus[] = Object.freeze([
  'issued',
  'acknowledged',
  'in-progress',
  'delivered',
  'accepted',
]);

/** The status each action starts from, and the one it leads to. */
export const ORDER_TRANSITIONS: Readonly<
  Record<OrderActionType, { readonly from: readonly OrderStatus[]; readonly to: OrderStatus }>
> = Object.freeze({
  acknowledge: { from: ['issued'], to: 'acknowledged' },
  start: { from: ['acknowledged'], to: 'in-progress' },
  deliver: { from: ['in-progress'], to: 'delivered' },
  accept: { from: ['delivered'], to: 'accepted' },
  rejectDelivery: { from: ['delivered'], to: 'in-progress' },
  invoice: { from: ['accepted'], to: 'invoiced' },
  pay: { from: ['invoiced'], to: 'paid' },
  cancel: { from: CANCELLABLE, to: 'cancelled' },
});

/** French infinitive phrases of the actions, for refusals ("Impossible de facturer le bon de commande…"). */
export const ORDER_ACTION_VERBS: Readonly<Record<OrderActionType, string>> = Object.freeze({
  acknowledge: 'accuser réception du bon de commande',
  start: 'démarrer le bon de commande',
  deliver: 'déclarer livré le bon de commande',
  accept: 'attester le service fait du bon de commande',
  rejectDelivery: 'refuser la livraison du bon de commande',
  invoice: 'facturer le bon de commande',
  pay: 'déclarer payé le bon de commande',
  cancel: 'annuler le bon de commande',
});

/** French button titles, as cards show them. */
export const ORDER_ACTION_TITLES: Readonly<Record<OrderActionType, string>> = Object.freeze({
  acknowledge: 'Accuser réception',
  start: 'Démarrer',
  deliver: 'Déclarer livré',
  accept: 'Attester le service fait',
  rejectDelivery: 'Refuser la livraison',
  invoice: 'Facturer',
  pay: 'Déclarer payé',
  cancel: 'Annuler la commande',
});

/** The same action with its texts checked and trimmed; French `ValidationError` otherwise. */
export function validateOrderAction(action: OrderAction): OrderAction {
  switch (action.type) {
    case 'cancel':
    case 'rejectDelivery':
      return { type: action.type, reason: requiredText(action.reason, 'reason', REASON_MAX) };
    case 'deliver': {
      const note = optionalText(action.note, 'note', REASON_MAX);
      return note === undefined ? { type: 'deliver' } : { type: 'deliver', note };
    }
    case 'invoice': {
      const reference = optionalText(action.reference, 'reference', 60);
      return reference === undefined ? { type: 'invoice' } : { type: 'invoice', reference };
    }
    default:
      return { type: action.type };
  }
}

function requiredText(value: unknown, path: string, max: number): string {
  const text = optionalText(value, path, max);
  if (text !== undefined && [...text].length >= 3) return text;
  throw new ValidationError('Indiquez la raison (3 caractères au moins).', [
    { path, message: 'raison manquante' },
  ]);
}

function optionalText(value: unknown, path: string, max: number): string | undefined {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text === '') return undefined;
  if ([...text].length <= max) return text;
  throw new ValidationError(`Ce texte ne doit pas dépasser ${max} caractères.`, [
    { path, message: 'texte trop long' },
  ]);
}
