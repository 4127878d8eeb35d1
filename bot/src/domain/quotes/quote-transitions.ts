/**
 * What each action does to a quote whose status allows it (checked by `quote-lifecycle.ts`
 * beforehand), and what its audit event records about it. Timeliness is measured on the first
 * send only: the contractual deadline is about answering the request, and a revision answers the
 * beneficiary's follow-up, not the request.
 */
import { type Instant } from '../calendar/instant';
import { InvalidTransitionError, QuoteExpiredError } from '../errors';
import { penaltyFor } from '../penalties/penalty-amount';
import type { PersonRef } from '../tickets/ticket';
import type { JsonValue } from '../tickets/ticket-event';
import { addMonths, formatFrenchDate } from './french-date';
import type { QuoteAction } from './quote-action';
import type { QuoteActor } from './quote-actor';
import { localDateOf, quoteCalendar } from './quote-calendar';
import { quoteLateness } from './quote-deadline';
import { priceQuoteDraft } from './quote-draft';
import {
  type Quote,
  type QuoteContent,
  type QuoteDecision,
  type QuoteTimeliness,
  type QuoteVersion,
  latestVersion,
  quoteVersionLabel,
} from './quote';

/** A quote's versions after an action, the version it concerned, and the event's details. */
export interface QuoteTransitionResult {
  readonly quote: Quote;
  readonly version: number;
  readonly details: { readonly [key: string]: JsonValue };
}

type ActionOf<T extends QuoteAction['type']> = Extract<QuoteAction, { type: T }>;
type Transition<A extends QuoteAction> = (
  quote: Quote,
  action: A,
  actor: QuoteActor,
  at: Instant,
) => QuoteTransitionResult;

/** Each action's effect. */
export const QUOTE_TRANSITIONS: { readonly [T in QuoteAction['type']]: Transition<ActionOf<T>> } = {
  prepare: (q, a, actor, at) => {
    const content = price(q, a);
    const latest = latestVersion(q);
    const number = latest?.version ?? 1;
    const version: QuoteVersion = { ...content, ...prepared(number, actor, at) };
    return {
      quote: { ...q, versions: latest ? [...q.versions.slice(0, -1), version] : [version] },
      version: number,
      details: contentDetails(content),
    };
  },
  send,
  revise: (q, a, actor, at) => {
    const previous = latestVersion(q)!;
    const content = price(q, a);
    // Only a standing offer is withdrawn; a declined or expired version keeps its outcome.
    const closed: QuoteVersion =
      previous.status === 'sent' ? { ...previous, status: 'superseded', closedAt: at } : previous;
    const next: QuoteVersion = { ...content, ...prepared(previous.version + 1, actor, at) };
    return {
      quote: { ...q, versions: [...q.versions.slice(0, -1), closed, next] },
      version: next.version,
      details: { ...contentDetails(content), from: previous.version, reason: a.reason ?? null },
    };
  },
  accept: (q, _a, actor, at) => decide(q, 'accepted', { by: person(actor), at }),
  decline: (q, a, actor, at) =>
    decide(q, 'declined', { by: person(actor), at, ...(a.reason ? { reason: a.reason } : {}) }),
  expire: (q, _a, _actor, at) => {
    const v = latestVersion(q)!;
    if (!isPastValidity(q, v, at)) {
      throw new InvalidTransitionError(
        `Le devis ${quoteVersionLabel(q, v.version)} est valable jusqu'au ${formatFrenchDate(v.validUntil!)} : il n'a pas expiré.`,
        q.status,
        'expire',
      );
    }
    const expired: QuoteVersion = { ...v, status: 'expired', closedAt: at };
    return {
      quote: { ...q, versions: [...q.versions.slice(0, -1), expired] },
      version: v.version,
      details: { validUntil: v.validUntil! },
    };
  },
};

/** True when the local day of `at` in the beneficiary's zone is after the version's last valid day. */
export function isPastValidity(quote: Quote, version: QuoteVersion, at: Instant): boolean {
  return version.validUntil !== undefined && localDateOf(quote.zone, at) > version.validUntil;
}

function send(q: Quote, _a: ActionOf<'send'>, actor: QuoteActor, at: Instant): QuoteTransitionResult {
  const v = latestVersion(q)!;
  const validUntil = addMonths(localDateOf(q.zone, at), q.terms.validityMonths);
  const sent: QuoteVersion = { ...v, status: 'sent', sentAt: at, sentBy: person(actor), validUntil };
  const timeliness = q.timeliness ?? timelinessOf(q, sent, at);
  const first = q.timeliness === undefined;
  return {
    quote: { ...q, versions: [...q.versions.slice(0, -1), sent], timeliness },
    version: v.version,
    details: {
      validUntil,
      ...amountDetails(sent),
      ...(first
        ? {
            dueDate: timeliness.dueDate,
            onTime: timeliness.onTime,
            calendarDaysLate: timeliness.calendarDaysLate,
            workingDaysLate: timeliness.workingDaysLate,
            penaltyCents: timeliness.penalty.amountCents,
          }
        : {}),
    },
  };
}

/** Lateness of the first answer and the penalty it accrues on the quote's value excluding VAT. */
function timelinessOf(q: Quote, v: QuoteVersion, sentAt: Instant): QuoteTimeliness {
  const calendar = quoteCalendar(q);
  const lateness = quoteLateness(calendar, q.request.receivedAt, sentAt, q.terms.answerWorkingDays);
  const penalty = penaltyFor(q.terms.penaltyRules, v.totals.htCents, {
    calendarDays: lateness.calendarDaysLate,
    workingDays: lateness.workingDaysLate,
  });
  return { ...lateness, sentAt, version: v.version, penalty };
}

function decide(q: Quote, status: 'accepted' | 'declined', decision: QuoteDecision): QuoteTransitionResult {
  const v = latestVersion(q)!;
  if (status === 'accepted' && isPastValidity(q, v, decision.at)) {
    throw new QuoteExpiredError(
      `Le devis ${quoteVersionLabel(q, v.version)} était valable jusqu'au ${formatFrenchDate(v.validUntil!)} : ` +
        'il ne peut plus être accepté. Demandez une nouvelle version au Titulaire.',
      v.validUntil!,
    );
  }
  const decided: QuoteVersion = { ...v, status, decision, closedAt: decision.at };
  return {
    quote: { ...q, versions: [...q.versions.slice(0, -1), decided] },
    version: v.version,
    details: { ...amountDetails(v), reason: decision.reason ?? null },
  };
}

function price(q: Quote, a: ActionOf<'prepare'> | ActionOf<'revise'>): QuoteContent {
  return priceQuoteDraft(a.draft, {
    schedule: a.schedule,
    vatRateBp: q.terms.vatRateBp,
    notBefore: localDateOf(q.zone, q.request.receivedAt),
  });
}

function prepared(version: number, actor: QuoteActor, at: Instant) {
  return { version, status: 'in-preparation' as const, preparedBy: person(actor), preparedAt: at };
}

function contentDetails(c: QuoteContent): { [key: string]: JsonValue } {
  return {
    scheduleVersion: c.scheduleVersion,
    phases: c.phases.length,
    profiles: c.profiles.length,
    htCents: c.totals.htCents,
    vatCents: c.totals.vatCents,
    ttcCents: c.totals.ttcCents,
  };
}

function amountDetails(c: QuoteContent): { [key: string]: JsonValue } {
  return { htCents: c.totals.htCents, vatCents: c.totals.vatCents, ttcCents: c.totals.ttcCents };
}

function person(actor: QuoteActor): PersonRef {
  return { objectId: actor.objectId, name: actor.name };
}
