/**
 * When the quote watch reminds the account managers of a request not answered yet (CCTP 5.6.6.2:
 * the quote is due on the 10th working day after the day of receipt). Pure: no store, no clock.
 *
 * Stages, in the quote's calendar (its zone, holidays and frozen closing days), each at the start
 * of the business window (08:00 local) of its day, since a reminder at midnight would only be read
 * in the morning anyway:
 * - `d-3`: the third working day before the due date;
 * - `d-1`: the last working day before it;
 * - `overdue-<date>`: every working day after it while the request is still unanswered. Daily,
 *   because the penalty grows every day; working days only, because nobody sends a quote on a
 *   Sunday and Monday's reminder says the same with the right count.
 *
 * Only the latest stage reached is due: a watch that was down on D-3 and comes back on D-1 sends D-1
 * alone, not a stale D-3 first. A stage on or before the day of receipt (a configured deadline
 * shorter than three working days) never applies.
 */
import { isWorkingDayNumber, type BusinessCalendar } from '../domain/calendar/business-calendar';
import { type DayNumber, formatLocalDate, parseLocalDate } from '../domain/calendar/civil-date';
import { localDayOf, windowsOfDay } from '../domain/calendar/day-windows';
import { type Instant, formatInstant, parseInstant } from '../domain/calendar/instant';
import { quoteCalendar } from '../domain/quotes/quote-calendar';
import type { Quote } from '../domain/quotes/quote';
import { startOfLocalDayMs } from '../domain/tickets/wall-clock-input';

/** One reminder of a quote: its key (part of the outbox ids), its local day and its instant. */
export interface ReminderStage {
  readonly key: string;
  readonly kind: 'd-3' | 'd-1' | 'overdue';
  readonly day: string;
  readonly at: Instant;
}

/** What the watch records on the quote once a stage is handled, so that it is never sent twice. */
export interface ReminderRecord {
  readonly key: string;
  readonly at: Instant;
}

/** Working days before the due date of the two early reminders. */
const EARLY = [
  { kind: 'd-3', workingDays: 3 },
  { kind: 'd-1', workingDays: 1 },
] as const;

/** The quotes the watch reminds about: requested or in preparation, and never sent. */
export function awaitsFirstAnswer(quote: Pick<Quote, 'status' | 'timeliness'>): boolean {
  // A revision in preparation answers the beneficiary's follow-up, not the request: no deadline.
  return (quote.status === 'requested' || quote.status === 'in-preparation') && !quote.timeliness;
}

/** The latest stage reached at `nowMs`, if any; `undefined` before D-3 (or when none applies). */
export function currentReminderStage(quote: Quote, nowMs: number): ReminderStage | undefined {
  const calendar = quoteCalendar(quote);
  const due = parseLocalDate(quote.dueDate, 'dueDate');
  const received = localDayOf(calendar, parseInstant(quote.request.receivedAt, 'receivedAt'));
  const overdue = latestOverdueDay(calendar, due, nowMs);
  if (overdue !== undefined) return stageOf(calendar, 'overdue', overdue);
  // D-1 before D-3: the later of the two reached wins.
  for (const { kind, workingDays } of [...EARLY].reverse()) {
    const day = workingDayBefore(calendar, due, workingDays);
    if (day <= received) continue;
    const stage = stageOf(calendar, kind, day);
    if (parseInstant(stage.at) <= nowMs) return stage;
  }
  return undefined;
}

/** True when `stage` comes after the one recorded (or nothing was recorded yet). */
export function isNewStage(stage: ReminderStage, recorded: ReminderRecord | undefined): boolean {
  return recorded === undefined || parseInstant(stage.at) > parseInstant(recorded.at);
}

/** The latest working day after `due` whose business window has started at `nowMs`. */
function latestOverdueDay(calendar: BusinessCalendar, due: DayNumber, nowMs: number): DayNumber | undefined {
  // Walks back from today: at most a weekend and a few holidays before a working day is met.
  for (let day = localDayOf(calendar, nowMs); day > due; day--) {
    if (!isWorkingDayNumber(calendar, day)) continue;
    if (windowStart(calendar, day) <= nowMs) return day;
  }
  return undefined;
}

/** The working day `count` working days before `day` (`day` itself never counts). */
export function workingDayBefore(calendar: BusinessCalendar, day: DayNumber, count: number): DayNumber {
  let current = day;
  // A calendar closed for years would be a configuration error; the bound keeps the loop finite.
  for (let found = 0, walked = 0; found < count && walked < 3660; walked++) {
    current -= 1;
    if (isWorkingDayNumber(calendar, current)) found += 1;
  }
  return current;
}

function stageOf(calendar: BusinessCalendar, kind: ReminderStage['kind'], day: DayNumber): ReminderStage {
  const date = formatLocalDate(day);
  return {
    key: kind === 'overdue' ? `overdue-${date}` : kind,
    kind,
    day: date,
    at: formatInstant(windowStart(calendar, day)),
  };
}

/** Start of the day's first business window (08:00 local by default); local midnight without one. */
function windowStart(calendar: BusinessCalendar, day: DayNumber): number {
  return windowsOfDay(calendar, day)[0] ?? startOfLocalDayMs(formatLocalDate(day), calendar.zone);
}
