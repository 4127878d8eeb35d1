/**
 * The French texts of the quote watch's reminders to the account managers: which quote, for whom,
 * its due date, what stands prepared, and once late the days late and the penalty accrued so far
 * under the quote's own penalty rules (frozen on it at reception, from configuration). A request
 * not priced yet has no value V: a proportional penalty is then given as its share of V.
 */
import { formatLocalDate, parseLocalDate } from '../domain/calendar/civil-date';
import { type Instant, formatInstant } from '../domain/calendar/instant';
import { formatEuros } from '../domain/catalogue/money';
import { penaltyFor, startedHoursLate } from '../domain/penalties/penalty-amount';
import { formatFrenchDate } from '../domain/quotes/french-date';
import { quoteCalendar } from '../domain/quotes/quote-calendar';
import { quoteLateness } from '../domain/quotes/quote-deadline';
import { type Quote, latestVersion } from '../domain/quotes/quote';
import { startOfLocalDayMs } from '../domain/tickets/wall-clock-input';
import type { ReminderStage } from './quote-watch-schedule';

const SUBJECT_MAX = 120;

/** How late a request is at `now` and the penalty accrued, as the overdue reminder states them. */
export interface AccruedPenalty {
  /** Days late in the unit the rules count: calendar days (CCAG-TIC) or working days. */
  readonly days: number;
  readonly workingDays: boolean;
  /** The amount when it can be known (a version is priced, or a fixed rate); `undefined` otherwise. */
  readonly amountCents?: number;
  readonly text: string;
}

/** The reminder's text for this stage of the quote. */
export function reminderText(quote: Quote, stage: ReminderStage, now: Instant): string {
  const what = `le devis ${quote.number} (${quote.beneficiaryName}, ${quoted(quote.request.subject)})`;
  const due = formatFrenchDate(quote.dueDate);
  const state = preparedText(quote);
  switch (stage.kind) {
    case 'd-3':
      return `Rappel : ${what} est à envoyer au plus tard le ${due}, dans 3 jours ouvrés. ${state}`;
    case 'd-1':
      return `Dernier jour ouvré avant l'échéance : ${what} est à envoyer au plus tard le ${due}. ${state}`;
    case 'overdue': {
      const penalty = accruedPenalty(quote, now);
      return (
        `En retard : ${what} devait être envoyé au plus tard le ${due}. ` +
        `${daysText(penalty)} de retard à ce jour ; pénalité courue : ${penalty.text}. ${state} ` +
        'Envoyez-le au plus vite : la pénalité augmente avec chaque jour de retard.'
      );
    }
  }
}

/** Days late and the penalty the request has accrued if it were sent at `now`. */
export function accruedPenalty(quote: Quote, now: Instant): AccruedPenalty {
  const rules = quote.terms.penaltyRules;
  const late = quoteLateness(
    quoteCalendar(quote),
    quote.request.receivedAt,
    now,
    quote.terms.answerWorkingDays,
  );
  const workingDays = rules.lateDays === 'working';
  const days = workingDays ? late.workingDaysLate : late.calendarDaysLate;
  const lateness = {
    calendarDays: late.calendarDaysLate,
    workingDays: late.workingDaysLate,
    hours: startedHoursLate(endOfDueDay(quote), now),
  };
  const v = latestVersion(quote);
  if (v) {
    const p = penaltyFor(rules, v.totals.htCents, lateness);
    const capped = p.capped ? ' (plafonnée)' : '';
    const basis = `sur la version ${v.version} en préparation, ${formatEuros(v.totals.htCents)} HT`;
    return {
      days,
      workingDays,
      amountCents: p.amountCents,
      text: `${formatEuros(p.amountCents)}${capped} ${basis}`,
    };
  }
  if (rules.rate.kind === 'proportional') {
    const d = rules.rate.divisor;
    const text = `${days}/${d} de la valeur HT du devis (P = V × R / ${d}), à chiffrer dès la première version`;
    return { days, workingDays, text };
  }
  // A fixed rate does not depend on V; only its cap (a share of V) does.
  const p = penaltyFor({ ...rules, capPercent: null }, 0, lateness);
  const cap = rules.capPercent === null ? '' : ' avant plafonnement';
  return { days, workingDays, amountCents: p.amountCents, text: `${formatEuros(p.amountCents)}${cap}` };
}

/** "Version 1 en préparation : 8 900,00 € HT." or "Aucune version préparée." */
function preparedText(quote: Quote): string {
  const v = latestVersion(quote);
  if (!v) return 'Aucune version préparée pour l’instant.';
  return `Version ${v.version} en préparation : ${formatEuros(v.totals.htCents)} HT.`;
}

function daysText({ days, workingDays }: AccruedPenalty): string {
  const unit = days > 1 ? 'jours' : 'jour';
  return `${days} ${unit}${workingDays ? (days > 1 ? ' ouvrés' : ' ouvré') : ''}`;
}

/** The first instant after the due day: a quote sent on its due day is on time. */
function endOfDueDay(quote: Quote): Instant {
  const next = formatLocalDate(parseLocalDate(quote.dueDate, 'dueDate') + 1);
  return formatInstant(startOfLocalDayMs(next, quote.zone));
}

function quoted(text: string): string {
  const chars = [...text];
  return `« ${chars.length > SUBJECT_MAX ? `${chars.slice(0, SUBJECT_MAX - 1).join('')}…` : text} »`;
}
