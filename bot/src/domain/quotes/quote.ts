/**
 * A quote as stored: one document per request, plain JSON (every instant UTC ISO-8601), immutable,
 * changed only by `requestQuote` and `applyQuoteAction`, which also produce its audit events. The
 * document holds every version of the answer: a revision adds a version and supersedes the previous
 * one, so "only the latest version can be sent or accepted" is checked on one document, written in
 * one batch with its event and its notifications. Each version copies the price lines it uses.
 */
import type { LocalDate } from '../calendar/civil-date';
import type { Instant } from '../calendar/instant';
import type { ZoneSlug } from '../calendar/zones';
import type { PriceLine } from '../catalogue/price-line';
import type { PenaltyResult } from '../penalties/penalty-amount';
import type { IncidentDomain } from '../tickets/incident-form';
import type { PersonRef } from '../tickets/ticket';
import type { AnonymisedProfile, ProfileCode } from './anonymised-profile';
import type { Amounts } from './quote-amounts';
import type { QuoteLateness } from './quote-deadline';
import type { QuoteTerms } from './quote-terms';

/** Every status of a quote, in lifecycle order. */
export const QUOTE_STATUSES = [
  'requested',
  'in-preparation',
  'sent',
  'accepted',
  'declined',
  'expired',
] as const;
/** Status of the quote: `requested` before any version, then the status of its latest version. */
export type QuoteStatus = (typeof QUOTE_STATUSES)[number];

/**
 * The statuses still waiting on someone, the Titulaire to answer or the approvers to decide: every one
 * before a decision.
 */
export const OPEN_QUOTE_STATUSES: readonly QuoteStatus[] = Object.freeze(
  QUOTE_STATUSES.filter((status) => status !== 'accepted' && status !== 'declined' && status !== 'expired'),
);

/** True while the quote still waits on someone (staff's open lists, the quote watch). */
export function isOpenQuoteStatus(status: unknown): status is QuoteStatus {
  return OPEN_QUOTE_STATUSES.includes(status as QuoteStatus);
}

/** Status of one version: a version replaced by a revision is `superseded`. */
export type QuoteVersionStatus = Exclude<QuoteStatus, 'requested'> | 'superseded';

/** French labels of the statuses, as cards and lists show them. */
export const QUOTE_STATUS_LABELS: Readonly<Record<QuoteVersionStatus | 'requested', string>> = Object.freeze({
  requested: 'Demandé',
  'in-preparation': 'En préparation',
  sent: 'Envoyé',
  accepted: 'Accepté',
  declined: 'Refusé',
  expired: 'Expiré',
  superseded: 'Remplacé par une version plus récente',
});

/** How the request reached the Titulaire. */
export type QuoteChannel = 'teams' | 'email';
/** Every reception channel of a request. */
export const QUOTE_CHANNELS: readonly QuoteChannel[] = Object.freeze(['teams', 'email']);

/** The technical domains of the agreement (the same as for incidents). */
export type QuoteDomain = IncidentDomain;

/** Who asked: the beneficiary's agent in Teams, or the contact named in an e-mail. */
export interface QuoteContact {
  readonly name: string;
  readonly email?: string;
  readonly tenantId?: string;
  readonly objectId?: string;
}

/** The request as received. */
export interface QuoteRequest {
  readonly subject: string;
  readonly need: string;
  readonly wishedStart?: LocalDate;
  readonly domain: QuoteDomain;
  readonly channel: QuoteChannel;
  /** When the request reached the Titulaire: the 10-working-day deadline runs from its local day. */
  readonly receivedAt: Instant;
  readonly requestedBy: QuoteContact;
  /** The account manager who typed in a request received by e-mail. */
  readonly recordedBy?: PersonRef;
}

/** Days (or months, for the support option) of a price line, copied with its price. */
export interface QuoteCharge {
  readonly line: PriceLine;
  /** In the line's unit; a positive multiple of 0.25 for days, a whole number of months. */
  readonly quantity: number;
  readonly profile?: ProfileCode;
  readonly amountHtCents: number;
}

/** A deliverable of a phase, with the charges that produce it. */
export interface QuoteDeliverable {
  /** "L1.2": second deliverable of phase 1. */
  readonly code: string;
  readonly label: string;
  readonly dueDate?: LocalDate;
  readonly charges: readonly QuoteCharge[];
  readonly totals: Amounts;
}

/** A phase of the provisional calendar. */
export interface QuotePhase {
  /** "PH1". */
  readonly code: string;
  readonly label: string;
  readonly start: LocalDate;
  readonly end: LocalDate;
  /** Charges of the phase tied to no deliverable (steering, coordination). */
  readonly charges: readonly QuoteCharge[];
  readonly deliverables: readonly QuoteDeliverable[];
  readonly totals: Amounts;
}

/** The priced content of a version. */
export interface QuoteContent {
  readonly scheduleVersion: string;
  readonly vatRateBp: number;
  readonly phases: readonly QuotePhase[];
  readonly profiles: readonly AnonymisedProfile[];
  readonly totals: Amounts;
}

/** A decision of the beneficiary on a version. */
export interface QuoteDecision {
  readonly by: PersonRef;
  readonly at: Instant;
  readonly reason?: string;
}

/** One version of the answer. */
export interface QuoteVersion extends QuoteContent {
  readonly version: number;
  readonly status: QuoteVersionStatus;
  readonly preparedBy: PersonRef;
  readonly preparedAt: Instant;
  readonly sentAt?: Instant;
  readonly sentBy?: PersonRef;
  /** Last local day (in the beneficiary's zone) on which the version can be accepted. */
  readonly validUntil?: LocalDate;
  readonly decision?: QuoteDecision;
  readonly closedAt?: Instant;
}

/** Whether the first answer was on time (CCTP 5.6.6.2), and the penalty it accrued. */
export interface QuoteTimeliness extends QuoteLateness {
  readonly sentAt: Instant;
  readonly version: number;
  readonly penalty: PenaltyResult;
}

/** A quote document. `seq` counts the events applied (1 after the request) and keys idempotent writes. */
export interface Quote {
  readonly id: string;
  readonly number: string;
  /** SIRET of the beneficiary; also the quote's partition in the store. */
  readonly beneficiaryId: string;
  readonly beneficiaryName: string;
  readonly zone: ZoneSlug;
  /** The beneficiary's own closing days when the request was received. */
  readonly closingDays: readonly LocalDate[];
  readonly request: QuoteRequest;
  /** Local date by which the quote must be sent. */
  readonly dueDate: LocalDate;
  readonly terms: QuoteTerms;
  /** Conversation the request came from, which hears about every change. */
  readonly originConversationId?: string;
  readonly status: QuoteStatus;
  readonly versions: readonly QuoteVersion[];
  readonly timeliness?: QuoteTimeliness;
  /** The order issued on acceptance. */
  readonly order?: { readonly id: string; readonly number: string };
  readonly createdAt: Instant;
  readonly seq: number;
  readonly updatedAt: Instant;
}

/** The latest version, or `undefined` while the quote is only requested. */
export function latestVersion(quote: Pick<Quote, 'versions'>): QuoteVersion | undefined {
  return quote.versions[quote.versions.length - 1];
}

/** The quote's status, read from its latest version. */
export function quoteStatusOf(versions: readonly QuoteVersion[]): QuoteStatus {
  const latest = versions[versions.length - 1];
  if (!latest) return 'requested';
  // The latest version is never superseded: a revision always adds a newer one.
  return latest.status === 'superseded' ? 'in-preparation' : latest.status;
}

/** "DEV-2026-0007 v2". */
export function quoteVersionLabel(quote: Pick<Quote, 'number'>, version: number): string {
  return `${quote.number} v${version}`;
}
