/**
 * Request and response schemas of the quote resources. Responses list every field the API
 * publishes: a stored quote carries more (partition, card replay keys, the conversation it came
 * from, the watch's bookkeeping, the frozen closing days, the requester's Entra ids) and parsing
 * through these schemas leaves that out. Bodies the domain parses itself (the request form, the
 * draft) are passed through, so the API and the cards refuse the same inputs with the same French
 * messages and paths; the OpenAPI document shows their full shape.
 */
import { z } from 'zod';
import { PRICE_UNITS, PROFILE_LEVELS, SERVICE_KINDS, SUPPORT_OPTION } from '../domain/catalogue/price-line';
import { QUOTE_ACTION_TYPES, REASON_MAX, type QuoteActionType } from '../domain/quotes/quote-action';
import { QUOTE_STATUSES, type QuoteStatus } from '../domain/quotes/quote';
import { INCIDENT_DOMAINS } from '../domain/tickets/incident-form';
import { documentedAs } from './api-route';

/** A stored instant. */
export const instant = z.string().describe('Instant ISO-8601 UTC');
/** A local date of the beneficiary (deadlines, validity, calendar). */
export const localDate = z.string().describe('Date locale du bénéficiaire, AAAA-MM-JJ');
/** Someone of the Titulaire or an approver, as documents record them. */
export const person = z.object({ objectId: z.string(), name: z.string() });
const cents = z.number().int();

/** A response list; domain documents hold readonly arrays. */
export function list<T extends z.ZodType>(item: T) {
  return z.array(item).readonly();
}

/** Amounts in euro cents. */
export const amounts = z
  .object({ htCents: cents, vatCents: cents, ttcCents: cents })
  .describe('Montants en centimes d’euro : HT, TVA, TTC');

/** A line of the price schedule (BPU). */
export const priceLine = z.object({
  code: z.string(),
  label: z.string(),
  kind: z.enum(SERVICE_KINDS),
  level: z.enum(PROFILE_LEVELS).nullable().describe('null pour l’option support 24/7, vendue au mois'),
  unit: z.enum(PRICE_UNITS),
  unitPriceCents: cents.describe('Prix unitaire HT en centimes'),
  option: z.literal(SUPPORT_OPTION).optional(),
});

const charge = z.object({
  line: priceLine,
  quantity: z.number(),
  profile: z.string().optional(),
  amountHtCents: cents,
});

const phase = z.object({
  code: z.string(),
  label: z.string(),
  start: localDate,
  end: localDate,
  charges: list(charge),
  deliverables: list(
    z.object({
      code: z.string(),
      label: z.string(),
      dueDate: localDate.optional(),
      charges: list(charge),
      totals: amounts,
    }),
  ),
  totals: amounts,
});

const versionStatus = z.enum(['in-preparation', 'sent', 'accepted', 'declined', 'expired', 'superseded']);

const version = z.object({
  version: z.number().int(),
  status: versionStatus,
  scheduleVersion: z.string(),
  vatRateBp: z.number().int().describe('Taux de TVA en points de base : 2000 = 20 %'),
  phases: list(phase),
  profiles: list(
    z.object({ code: z.string(), level: z.enum(PROFILE_LEVELS), certifications: list(z.string()) }),
  ),
  totals: amounts,
  preparedBy: person,
  preparedAt: instant,
  sentAt: instant.optional(),
  sentBy: person.optional(),
  validUntil: localDate.optional(),
  decision: z.object({ by: person, at: instant, reason: z.string().optional() }).optional(),
  closedAt: instant.optional(),
});

const request = z.object({
  subject: z.string(),
  need: z.string(),
  wishedStart: localDate.optional(),
  domain: z.enum(INCIDENT_DOMAINS),
  channel: z.enum(['teams', 'email']),
  receivedAt: instant,
  requestedBy: z.object({ name: z.string(), email: z.string().optional() }),
  recordedBy: z.object({ name: z.string() }).optional(),
});

/** A quote as lists show it: the request's heading and the latest version's figures. */
export const quoteSummary = z.object({
  id: z.string(),
  number: z.string(),
  beneficiaryId: z.string(),
  beneficiaryName: z.string(),
  status: z.enum(QUOTE_STATUSES),
  request: request.pick({ subject: true, domain: true, channel: true, receivedAt: true }),
  dueDate: localDate.describe('Date limite d’envoi (10 jours ouvrés, CCTP 5.6.6.2)'),
  latest: z
    .object({
      version: z.number().int(),
      status: versionStatus,
      totals: amounts,
      validUntil: localDate.optional(),
    })
    .optional()
    .describe('La dernière version, absente tant qu’aucune n’est chiffrée'),
  timeliness: z
    .object({
      onTime: z.boolean(),
      sentDate: localDate,
      calendarDaysLate: z.number().int(),
      workingDaysLate: z.number().int(),
      penalty: z.object({ amountCents: cents, capped: z.boolean() }),
    })
    .optional()
    .describe('Ponctualité de la première réponse, et sa pénalité'),
  order: z.object({ id: z.string(), number: z.string() }).optional(),
  createdAt: instant,
  updatedAt: instant,
});

/** A page of quotes. */
export const quotePage = z.object({
  items: z.array(quoteSummary),
  continuationToken: z.string().optional().describe('Absent sur la dernière page'),
});

/** One audit event of a quote or an order. */
export const auditEvent = z.object({
  id: z.string(),
  seq: z.number().int(),
  at: instant,
  action: z.string(),
  version: z.number().int().nullable().optional(),
  actor: z.object({ name: z.string(), role: z.string(), channel: z.string() }),
  before: z.string().nullable(),
  after: z.string(),
  details: z.record(z.string(), z.unknown()),
});

const apiQuoteActions = QUOTE_ACTION_TYPES.filter((t) => t !== 'expire') as [
  QuoteActionType,
  ...QuoteActionType[],
];

/** A quote with its request, every version, its timeline and what the caller may do with it. */
export const quoteDetail = z.object({
  quote: quoteSummary.extend({
    request,
    zone: z.string(),
    terms: z.object({
      vatRateBp: z.number().int(),
      validityMonths: z.number().int(),
      answerWorkingDays: z.number().int(),
    }),
    versions: list(version),
  }),
  timeline: z.array(auditEvent),
  availableActions: z
    .array(z.enum(apiQuoteActions))
    .describe('prepare et revise passent par PUT …/draft ; send, accept et decline par leurs routes'),
});

/** Path of one quote. */
export const quotePath = z.object({
  beneficiaryId: z.string().min(1).max(64),
  quoteId: z.string().min(1).max(200),
});

/** One comma-separated list in a query string, or the parameter repeated. */
export function csv<T extends z.ZodType<unknown, string>>(item: T, description: string) {
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

/** Query of `GET /api/v1/quotes`. */
export const quoteListQuery = z.object({
  status: csv(
    z.enum([...QUOTE_STATUSES, 'open']),
    `Statuts séparés par des virgules, parmi ${QUOTE_STATUSES.join(', ')} ; « open » vaut requested, in-preparation, sent`,
  ),
  beneficiary: z.string().trim().min(1).max(64).optional().describe('SIRET du bénéficiaire'),
  sort: z
    .enum(['recent', 'due'])
    .default('recent')
    .describe('recent : demandes les plus récentes d’abord ; due : date limite la plus proche d’abord'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  continuationToken: z.string().min(1).max(16384).optional().describe('Jeton de la page suivante'),
});

const OPEN: readonly QuoteStatus[] = ['requested', 'in-preparation', 'sent'];

/** The statuses a `status` filter stands for. */
export function expandQuoteStatuses(values: readonly string[] | undefined): QuoteStatus[] | undefined {
  if (!values) return undefined;
  return [...new Set(values.flatMap((v) => (v === 'open' ? OPEN : [v as QuoteStatus])))];
}

const text = z.string();

/** What the OpenAPI document shows of a request's body. */
const quoteRequestDoc = z.object({
  beneficiaryId: text.describe('SIRET du bénéficiaire'),
  subject: text.describe('Objet, 3 à 120 caractères'),
  need: text.describe('Besoin, 10 à 4 000 caractères'),
  domain: z.enum(INCIDENT_DOMAINS),
  wishedStart: localDate.optional(),
  channel: z
    .enum(['teams', 'email'])
    .optional()
    .describe('email (défaut pour le Titulaire) : demande reçue par e-mail'),
  receivedAt: text
    .optional()
    .describe('Réception de l’e-mail : ISO-8601, ou « AAAA-MM-JJTHH:mm » heure locale'),
  contactName: text.optional().describe('L’agent qui a écrit l’e-mail (obligatoire pour le Titulaire)'),
  contactEmail: text.optional(),
});

/** Body of `POST /api/v1/quotes`: the beneficiary, then the form the domain parses. */
export const quoteRequestBody = documentedAs(
  z.looseObject({ beneficiaryId: z.string().trim().min(1).max(64) }),
  quoteRequestDoc,
);

const chargeDoc = z.object({
  line: text.describe('Code d’une ligne du BPU, comme INT-EXP'),
  quantity: z.union([z.number(), text]).describe('Jours (au quart de jour) ou mois de l’option support'),
  profile: text.optional().describe('Code d’un profil déclaré, comme P1'),
});

/** What the OpenAPI document shows of a draft. */
const quoteDraftDoc = z.object({
  phases: z.array(
    z.object({
      label: text,
      start: localDate,
      end: localDate,
      charges: z.array(chargeDoc).optional(),
      deliverables: z
        .array(
          z.object({ label: text, dueDate: localDate.optional(), charges: z.array(chargeDoc).optional() }),
        )
        .optional(),
    }),
  ),
  profiles: z.array(
    z.object({
      code: text.describe('P1 … P99'),
      level: z.enum(['JUNIOR', 'CONFIRMÉ', 'EXPERT']),
      certifications: z.array(text).optional().describe('Jamais un nom de personne'),
    }),
  ),
  scheduleVersion: text.optional().describe('Version du BPU ; par défaut celle en vigueur'),
  reason: text.optional().describe('Raison d’une nouvelle version (révision)'),
});

/** Body of `PUT …/draft`: phases and profiles go to the domain, which names each bad field. */
export const quoteDraftBody = documentedAs(
  z.looseObject({
    scheduleVersion: z.string().trim().min(1).max(40).optional(),
    reason: z.string().max(REASON_MAX).optional(),
  }),
  quoteDraftDoc,
);

const versionNumber = z.number().int().min(1).describe('La version affichée à l’appelant');

/** Body of `POST …/send`. */
export const sendBody = z.object({ version: versionNumber.optional() });
/** Body of `POST …/accept`. */
export const acceptBody = z.object({ version: versionNumber });
/** Body of `POST …/decline`. */
export const declineBody = z.object({ version: versionNumber, reason: z.string().optional() });
/** Query of `GET …/pdf`. */
export const pdfQuery = z.object({
  version: z.coerce.number().int().min(1).optional().describe('Par défaut la dernière version'),
});
