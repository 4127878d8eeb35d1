/**
 * French labels and figures of quotes and orders, worded as the bot's cards word them
 * (bot/src/domain/quotes/quote.ts, bot/src/domain/orders/order.ts): the tab bundles no server code.
 */
import type {
  OrderActionType,
  OrderStatus,
  ProfileLevel,
  QuoteStatus,
  QuoteVersionStatus,
} from '../api/types';

export const QUOTE_STATUS_LABELS: Readonly<Record<QuoteStatus | QuoteVersionStatus, string>> = {
  requested: 'Demandé',
  'in-preparation': 'En préparation',
  sent: 'Envoyé',
  accepted: 'Accepté',
  declined: 'Refusé',
  expired: 'Expiré',
  superseded: 'Remplacé par une version plus récente',
};

export const ORDER_STATUS_LABELS: Readonly<Record<OrderStatus, string>> = {
  issued: 'Émis',
  acknowledged: 'Accusé de réception',
  'in-progress': 'En cours',
  delivered: 'Livré',
  accepted: 'Service fait',
  invoiced: 'Facturé',
  paid: 'Payé',
  cancelled: 'Annulé',
};

export const ORDER_ACTION_TITLES: Readonly<Record<OrderActionType, string>> = {
  acknowledge: 'Accuser réception',
  start: 'Démarrer',
  deliver: 'Déclarer livré',
  accept: 'Attester le service fait',
  rejectDelivery: 'Refuser la livraison',
  invoice: 'Facturer',
  pay: 'Déclarer payé',
  cancel: 'Annuler la commande',
};

/** Levels as the contract writes them (stored without the accent, shown with it). */
export const LEVEL_LABELS: Readonly<Record<ProfileLevel, string>> = {
  JUNIOR: 'Junior',
  CONFIRME: 'Confirmé',
  EXPERT: 'Expert',
};

const euros = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** "1 250,50 €" from cents (integer arithmetic until the very display). */
export function formatEuros(cents: number): string {
  const sign = cents < 0 ? '−' : '';
  const abs = Math.abs(cents);
  return `${sign}${euros.format(Math.floor(abs / 100) + (abs % 100) / 100)}\u00a0€`;
}

/** "14/09/2026" from a local date "2026-09-14". */
export function formatLocalDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}

/** "2,5 jours", "1 mois". */
export function formatQuantity(quantity: number, unit: 'jour' | 'mois'): string {
  const n = quantity.toLocaleString('fr-FR');
  if (unit === 'mois') return `${n} mois`;
  return `${n} jour${quantity > 1 ? 's' : ''}`;
}

/** "20 %" from basis points. */
export function formatVatRate(bp: number): string {
  return `${(bp / 100).toLocaleString('fr-FR')}\u00a0%`;
}
