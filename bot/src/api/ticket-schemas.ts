/**
 * Request and response schemas of the ticket resources. Responses list every field the API
 * publishes: a stored ticket carries more (the frozen SLA policy, alert bookkeeping, idempotency
 * keys, conversation ids) and parsing through these schemas leaves that out.
 */
import { z } from 'zod';
import { INCIDENT_CATEGORIES, INCIDENT_DOMAINS } from '../domain/tickets/incident-form';
import { isOpenStatus, TICKET_STATUSES, type TicketStatus } from '../domain/tickets/ticket';
import {
  parseTicketAction,
  TICKET_ACTION_TYPES,
  type TicketActionType,
} from '../domain/tickets/ticket-action';
import { documentedAs } from './api-route';
import { TICKET_SORTS } from './ticket-listing';

const instant = z.string().describe('Instant ISO-8601 UTC');
const status = z.enum(TICKET_STATUSES);
const severity = z.literal([1, 2, 3, 4]).describe('1 critique … 4 minime');
const actionType = z.enum(TICKET_ACTION_TYPES as [TicketActionType, ...TicketActionType[]]);
const person = z.object({ objectId: z.string(), name: z.string() });

/** One comma-separated list in a query string (`?status=new,taken`), or the parameter repeated. */
function csv<T extends z.ZodType<unknown, string>>(item: T, description: string) {
  return z
    .union([z.string(), z.array(z.string())])
    .transform((v) =>
      (Array.isArray(v) ? v.join(',') : v)
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item).min(1))
    .optional()
    .describe(description);
}

/** Query of `GET /api/v1/tickets`. */
export const ticketListQuery = z.object({
  status: csv(
    z.enum([...TICKET_STATUSES, 'open']),
    `Statuts séparés par des virgules, parmi ${TICKET_STATUSES.join(', ')} ; « open » vaut tous les statuts ouverts`,
  ),
  severity: csv(z.enum(['1', '2', '3', '4']).transform(Number), 'Gravités séparées par des virgules (1 à 4)'),
  beneficiary: z.string().trim().min(1).max(64).optional().describe('SIRET du bénéficiaire'),
  sort: z
    .enum(TICKET_SORTS)
    .default('recent')
    .describe(
      'recent : les plus récents d’abord ; urgent : échéance de première réponse la plus proche ; ' +
        'updated : dernières modifications d’abord',
    ),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  continuationToken: z.string().min(1).max(16384).optional().describe('Jeton de la page suivante'),
});
/** A parsed ticket list query. */
export type TicketListQuery = z.output<typeof ticketListQuery>;

/** Path of one ticket. */
export const ticketPath = z.object({
  beneficiaryId: z.string().min(1).max(64),
  ticketId: z.string().min(1).max(128),
});

const restoration = z.discriminatedUnion('status', [
  z.object({ status: z.literal('none') }),
  z.object({ status: z.literal('running'), dueAt: instant }),
  z.object({ status: z.literal('paused'), remainingMs: z.number(), pausedSince: instant }),
]);

/** A ticket as lists show it. */
export const ticketSummary = z.object({
  id: z.string(),
  number: z.string(),
  beneficiaryId: z.string(),
  beneficiaryName: z.string(),
  zone: z
    .string()
    .optional()
    .describe('Zone calendaire du bénéficiaire à l’ouverture (jours fériés, fuseau), ex. « metropole »'),
  severity,
  category: z.enum(INCIDENT_CATEGORIES),
  domain: z.enum(INCIDENT_DOMAINS),
  title: z.string(),
  status,
  channel: z.enum(['teams', 'phone', 'email']),
  receivedAt: instant,
  openedAt: instant,
  updatedAt: instant,
  firstResponseDueAt: instant,
  firstResponse: z.object({ by: person, at: instant, onTime: z.boolean() }).optional(),
  assignee: person.optional(),
  restoration,
  closedAt: instant.optional(),
  reopenedCount: z.number().int(),
});

/** A page of tickets. */
export const ticketPage = z.object({
  items: z.array(ticketSummary),
  continuationToken: z.string().optional().describe('Absent sur la dernière page'),
});

/** One audit event of a ticket's timeline. */
export const timelineEvent = z.object({
  id: z.string(),
  seq: z.number().int(),
  at: instant,
  action: z.enum(['open', ...TICKET_ACTION_TYPES] as [string, ...string[]]),
  actor: z.object({
    name: z.string(),
    role: z.enum(['Support.Engineer', 'Admin', 'Beneficiary.Agent']),
    channel: z.enum(['teams', 'tab', 'phone', 'email']),
  }),
  before: status.nullable(),
  after: status,
  details: z.record(z.string(), z.unknown()),
});

/** A ticket with its report, pauses and timeline, and what the caller may do with it. */
export const ticketDetail = z.object({
  ticket: ticketSummary.extend({
    description: z.string(),
    phone: z.string().optional(),
    declaredBy: z.object({ name: z.string() }),
    zone: z.string(),
    modality: z.literal([1, 2]),
    pauses: z
      .array(
        z.object({
          from: instant,
          to: instant.nullish(),
          reason: z.enum(['waiting-beneficiary', 'resolved']),
        }),
      )
      .readonly(),
    resolution: z
      .object({
        diagnostic: z.string(),
        actions: z.string(),
        cause: z.string(),
        restoredAt: instant,
        by: person,
        at: instant,
        onTime: z.boolean().optional(),
      })
      .optional(),
  }),
  timeline: z.array(timelineEvent),
  availableActions: z.array(actionType).describe("Les actions que l'appelant peut faire maintenant"),
});

const text = z.string();

/** What the OpenAPI document shows of an action's body. */
const ticketActionDoc = z.discriminatedUnion('type', [
  z.object({ type: z.literal('take') }),
  z.object({ type: z.literal('reply'), message: text }),
  z.object({ type: z.literal('wait'), message: text.optional() }),
  z.object({ type: z.literal('resume') }),
  z.object({
    type: z.literal('resolve'),
    diagnostic: text,
    actions: text,
    cause: text,
    restoredAt: text.describe('ISO-8601, ou « AAAA-MM-JJTHH:mm » heure locale du bénéficiaire'),
  }),
  z.object({ type: z.literal('reassign'), assigneeId: text, assigneeName: text }),
  z.object({ type: z.literal('addInfo'), message: text }),
  z.object({ type: z.literal('close') }),
  z.object({ type: z.literal('reopen'), reason: text }),
]);

/**
 * Body of `POST …/actions`: the action's type and its inputs, with the cards' input ids. Parsed by
 * the domain itself, so the API and the cards refuse the same inputs with the same French messages.
 */
export const ticketActionBody = documentedAs(
  z.unknown().transform((raw) => {
    const type = raw !== null && typeof raw === 'object' ? (raw as { type?: unknown }).type : undefined;
    return parseTicketAction(type, raw);
  }),
  ticketActionDoc,
);

/** The statuses a `status` filter stands for. */
export function expandStatuses(values: readonly string[] | undefined): TicketStatus[] | undefined {
  if (!values) return undefined;
  const open = TICKET_STATUSES.filter(isOpenStatus);
  return [...new Set(values.flatMap((v) => (v === 'open' ? open : [v as TicketStatus])))];
}
