/**
 * Request and response schemas of the order (bon de commande) resources. A stored order carries
 * more than these (partition, card replay key, the conversation of the request): parsing through
 * them leaves it out.
 */
import { z } from 'zod';
import { ORDER_ACTION_TYPES, type OrderActionType } from '../domain/orders/order-action';
import { ORDER_STATUSES } from '../domain/orders/order';
import { REASON_MAX } from '../domain/quotes/quote-action';
import { amounts, auditEvent, csv, instant, list, localDate, person, priceLine } from './quote-schemas';

const actionType = z.enum(ORDER_ACTION_TYPES as [OrderActionType, ...OrderActionType[]]);

/** An order as lists show it. */
export const orderSummary = z.object({
  id: z.string(),
  number: z.string(),
  beneficiaryId: z.string(),
  beneficiaryName: z.string(),
  quote: z.object({ id: z.string(), number: z.string(), version: z.number().int(), subject: z.string() }),
  status: z.enum(ORDER_STATUSES),
  totals: amounts,
  period: z.object({ start: localDate, end: localDate }),
  issuedAt: instant,
  updatedAt: instant,
});

/** A page of orders. */
export const orderPage = z.object({
  items: z.array(orderSummary),
  continuationToken: z.string().optional().describe('Absent sur la dernière page'),
});

/** An order with its lines, steps, timeline and what the caller may do with it. */
export const orderDetail = z.object({
  order: orderSummary.extend({
    scheduleVersion: z.string(),
    vatRateBp: z.number().int(),
    lines: list(
      z.object({
        phase: z.string(),
        phaseLabel: z.string(),
        deliverable: z.string().optional(),
        deliverableLabel: z.string().optional(),
        line: priceLine,
        quantity: z.number(),
        profile: z.string().optional(),
        amountHtCents: z.number().int(),
      }),
    ),
    issuedBy: person,
    steps: list(z.object({ status: z.enum(ORDER_STATUSES), at: instant, by: person })),
    invoiceReference: z.string().optional(),
    cancellation: z
      .object({ reason: z.string(), at: instant, by: person, from: z.enum(ORDER_STATUSES) })
      .optional(),
  }),
  timeline: z.array(auditEvent),
  availableActions: z.array(actionType).describe("Les actions que l'appelant peut faire maintenant"),
});

/** Path of one order. */
export const orderPath = z.object({
  beneficiaryId: z.string().min(1).max(64),
  orderId: z.string().min(1).max(200),
});

/** Query of `GET /api/v1/orders`. */
export const orderListQuery = z.object({
  status: csv(
    z.enum([...ORDER_STATUSES, 'open']),
    `Statuts séparés par des virgules, parmi ${ORDER_STATUSES.join(', ')} ; « open » vaut tous sauf paid et cancelled`,
  ),
  beneficiary: z.string().trim().min(1).max(64).optional().describe('SIRET du bénéficiaire'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  continuationToken: z.string().min(1).max(16384).optional().describe('Jeton de la page suivante'),
});

const text = z.string().max(REASON_MAX);

/** Body of `POST …/actions`: the action's type and its texts, checked again by the domain. */
export const orderActionBody = z.discriminatedUnion('type', [
  z.object({ type: z.literal('acknowledge') }),
  z.object({ type: z.literal('start') }),
  z.object({ type: z.literal('deliver'), note: text.optional() }),
  z.object({ type: z.literal('accept').describe('Service fait (approbateurs)') }),
  z.object({ type: z.literal('rejectDelivery'), reason: text.describe('3 caractères au moins') }),
  z.object({ type: z.literal('invoice'), reference: z.string().max(60).optional() }),
  z.object({ type: z.literal('pay') }),
  z.object({ type: z.literal('cancel'), reason: text.describe('3 caractères au moins') }),
]);
