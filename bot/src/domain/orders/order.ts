/**
 * An order (bon de commande) as stored: issued when an approver accepts a quote, it carries a copy
 * of the accepted version's lines and amounts (HT / TVA / TTC) and the beneficiary's SIRET, so that
 * nothing later — a new price schedule, a revision — can change what was ordered. Plain JSON, every
 * instant UTC ISO-8601, changed only by `issueOrder` and `applyOrderAction`.
 */
import type { LocalDate } from '../calendar/civil-date';
import type { Instant } from '../calendar/instant';
import type { ZoneSlug } from '../calendar/zones';
import type { PriceLine } from '../catalogue/price-line';
import type { ProfileCode } from '../quotes/anonymised-profile';
import type { Amounts } from '../quotes/quote-amounts';
import type { PersonRef } from '../tickets/ticket';

/** Every status of an order, in lifecycle order. */
export const ORDER_STATUSES = [
  'issued',
  'acknowledged',
  'in-progress',
  'delivered',
  'accepted',
  'invoiced',
  'paid',
  'cancelled',
] as const;
/** One status of an order. */
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** Statuses in which an order still needs someone to act: every one before it is paid or cancelled. */
export const OPEN_ORDER_STATUSES: readonly OrderStatus[] = Object.freeze(
  ORDER_STATUSES.filter((status) => status !== 'paid' && status !== 'cancelled'),
);

/** True while the order still needs someone to act (staff's open lists). */
export function isOpenOrderStatus(status: unknown): status is OrderStatus {
  return OPEN_ORDER_STATUSES.includes(status as OrderStatus);
}

/** French labels of the statuses, as cards and lists show them. */
export const ORDER_STATUS_LABELS: Readonly<Record<OrderStatus, string>> = Object.freeze({
  issued: 'Émis',
  acknowledged: 'Accusé de réception',
  'in-progress': 'En cours',
  delivered: 'Livré',
  accepted: 'Service fait',
  invoiced: 'Facturé',
  paid: 'Payé',
  cancelled: 'Annulé',
});

/** One line of the order: a charge of the accepted quote, where it sat in its calendar. */
export interface OrderLine {
  readonly phase: string;
  readonly phaseLabel: string;
  readonly deliverable?: string;
  readonly deliverableLabel?: string;
  readonly line: PriceLine;
  readonly quantity: number;
  readonly profile?: ProfileCode;
  readonly amountHtCents: number;
}

/** A step of the order's life: who moved it to which status, and when. */
export interface OrderStep {
  readonly status: OrderStatus;
  readonly at: Instant;
  readonly by: PersonRef;
}

/** Why and by whom an order was cancelled. */
export interface OrderCancellation {
  readonly reason: string;
  readonly at: Instant;
  readonly by: PersonRef;
  readonly from: OrderStatus;
}

/** An order document; `seq` counts its events (1 once issued). */
export interface Order {
  readonly id: string;
  readonly number: string;
  /** SIRET of the beneficiary; also the order's partition in the store. */
  readonly beneficiaryId: string;
  readonly beneficiaryName: string;
  readonly zone: ZoneSlug;
  readonly quote: {
    readonly id: string;
    readonly number: string;
    readonly version: number;
    readonly subject: string;
  };
  readonly scheduleVersion: string;
  readonly vatRateBp: number;
  readonly lines: readonly OrderLine[];
  readonly totals: Amounts;
  /** First and last day of the accepted calendar. */
  readonly period: { readonly start: LocalDate; readonly end: LocalDate };
  readonly status: OrderStatus;
  readonly issuedAt: Instant;
  readonly issuedBy: PersonRef;
  readonly steps: readonly OrderStep[];
  readonly invoiceReference?: string;
  readonly cancellation?: OrderCancellation;
  /** The conversation the quote was requested from, which hears about every step. */
  readonly originConversationId?: string;
  readonly seq: number;
  readonly updatedAt: Instant;
}
