/**
 * Orders (bons de commande) as the API returns them.
 */
import type { Amounts, PriceLine } from './catalogue-types';
import type { AuditEvent } from './quote-types';
import type { PersonRef } from './ticket-types';

export type OrderStatus =
  'issued' | 'acknowledged' | 'in-progress' | 'delivered' | 'accepted' | 'invoiced' | 'paid' | 'cancelled';
export type OrderActionType =
  'acknowledge' | 'start' | 'deliver' | 'accept' | 'rejectDelivery' | 'invoice' | 'pay' | 'cancel';

/** An order (bon de commande) as lists show it. */
export interface OrderSummary {
  id: string;
  number: string;
  beneficiaryId: string;
  beneficiaryName: string;
  quote: { id: string; number: string; version: number; subject: string };
  status: OrderStatus;
  totals: Amounts;
  period: { start: string; end: string };
  issuedAt: string;
  updatedAt: string;
}

export interface OrderPage {
  items: OrderSummary[];
  continuationToken?: string;
}

export interface OrderLine {
  phase: string;
  phaseLabel: string;
  deliverable?: string;
  deliverableLabel?: string;
  line: PriceLine;
  quantity: number;
  profile?: string;
  amountHtCents: number;
}

export interface OrderFull extends OrderSummary {
  scheduleVersion: string;
  vatRateBp: number;
  lines: OrderLine[];
  issuedBy: PersonRef;
  steps: { status: OrderStatus; at: string; by: PersonRef }[];
  invoiceReference?: string;
  cancellation?: { reason: string; at: string; by: PersonRef; from: OrderStatus };
}

export interface OrderDetail {
  order: OrderFull;
  timeline: AuditEvent[];
  availableActions: OrderActionType[];
}
