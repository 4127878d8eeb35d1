/**
 * Quote deadline (CCTP 5.6.6.2): a quote request is due on the 10th working day strictly after the
 * local day it was received (the day of receipt does not count); a quote sent on or before that local
 * date is on time. Lateness is given in working days and in calendar days for the penalty rules.
 */
import { type BusinessCalendar } from '../calendar/business-calendar';
import { type DayNumber, type LocalDate, formatLocalDate } from '../calendar/civil-date';
import { localDayOf } from '../calendar/day-windows';
import { type Instant, parseInstant } from '../calendar/instant';
import { countWorkingDays } from '../calendar/open-day-sums';
import { addWorkingDaysToDay } from '../calendar/working-days';
import { ValidationError } from '../errors';

/** Working days the contract gives to send a quote. */
export const QUOTE_WORKING_DAYS = 10;

/** How late a quote was sent; both day counts are 0 when it was on time. */
export interface QuoteLateness {
  readonly dueDate: LocalDate;
  readonly sentDate: LocalDate;
  readonly onTime: boolean;
  readonly calendarDaysLate: number;
  readonly workingDaysLate: number;
}

/** Due local day for a request received at `receivedMs` (hot path, validated input). */
export function quoteDueDay(
  calendar: BusinessCalendar,
  receivedMs: number,
  workingDays = QUOTE_WORKING_DAYS,
): DayNumber {
  return addWorkingDaysToDay(calendar, localDayOf(calendar, receivedMs), workingDays);
}

/** Due local date `YYYY-MM-DD` of a quote request received at a UTC instant. */
export function quoteDueDate(
  calendar: BusinessCalendar,
  receivedAt: Instant,
  workingDays = QUOTE_WORKING_DAYS,
): LocalDate {
  return formatLocalDate(quoteDueDay(calendar, parseInstant(receivedAt, 'receivedAt'), workingDays));
}

/** Whether a quote sent at `sentAt` was on time, and by how many days it was late. */
export function quoteLateness(
  calendar: BusinessCalendar,
  receivedAt: Instant,
  sentAt: Instant,
  workingDays = QUOTE_WORKING_DAYS,
): QuoteLateness {
  const receivedMs = parseInstant(receivedAt, 'receivedAt');
  const sentMs = parseInstant(sentAt, 'sentAt');
  if (sentMs < receivedMs)
    throw new ValidationError('sentAt : le devis ne peut pas être envoyé avant la réception de la demande.');
  const due = quoteDueDay(calendar, receivedMs, workingDays);
  const sent = localDayOf(calendar, sentMs);
  const late = sent > due;
  return {
    dueDate: formatLocalDate(due),
    sentDate: formatLocalDate(sent),
    onTime: !late,
    calendarDaysLate: late ? sent - due : 0,
    workingDaysLate: late ? countWorkingDays(calendar, due + 1, sent + 1) : 0,
  };
}
