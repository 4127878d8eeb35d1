/**
 * Business-time arithmetic: "N business milliseconds after t" and "business milliseconds between a
 * and b" over a calendar's windows. It walks window to window and day to day, and leaps over whole
 * weeks for long durations, so its cost never depends on the duration's length in minutes.
 *
 * Durations are milliseconds. Functions ending in `Ms` take and return epoch milliseconds (hot paths);
 * the others take and return UTC ISO-8601 instants.
 */
import { ValidationError } from '../errors';
import type { DayNumber } from './civil-date';
import type { BusinessCalendar } from './business-calendar';
import { dayBusinessMs, dayBusinessMsWithin, localDayOf, windowsOfDay } from './day-windows';
import { type Instant, formatInstant, parseInstant } from './instant';
import { wholeDaysBusinessMs } from './open-day-sums';

// Walking more days than this without finding business time means the calendar has none.
const MAX_DAYS_WALKED = 20_000;
// Below this many days, visiting each day is cheaper than counting.
const SHORT_RANGE_DAYS = 14;

/** Instant at which `durationMs` of business time has accumulated from `startMs`. */
export function addBusinessMs(calendar: BusinessCalendar, startMs: number, durationMs: number): number {
  assertDuration(durationMs);
  if (durationMs === 0) return startMs;
  let remaining = durationMs;
  let day = localDayOf(calendar, startMs);
  for (let walked = 0; walked < MAX_DAYS_WALKED; walked++) {
    const windows = windowsOfDay(calendar, day);
    for (let i = 0; i < windows.length; i += 2) {
      const from = Math.max(windows[i]!, startMs);
      const length = windows[i + 1]! - from;
      if (length <= 0) continue;
      // `<=`: landing exactly on a window's end (18:00) is due at that end, not the next morning.
      if (remaining <= length) return from + remaining;
      remaining -= length;
    }
    day += 1;
    if (remaining > 3 * calendar.windows.weekMs) ({ day, remaining } = leapWeeks(calendar, day, remaining));
  }
  throw noBusinessTime();
}

/** Jumps over as many whole weeks as certainly end before the due instant. */
function leapWeeks(
  calendar: BusinessCalendar,
  day: DayNumber,
  remaining: number,
): { day: DayNumber; remaining: number } {
  let weeks = Math.floor(remaining / calendar.windows.weekMs) - 1;
  while (weeks >= 1) {
    const span = wholeDaysBusinessMs(calendar, day, day + 7 * weeks);
    // Strictly less: when the span equals what remains, the due instant is inside the span.
    if (span < remaining) return { day: day + 7 * weeks, remaining: remaining - span };
    weeks = Math.floor(weeks / 2);
  }
  return { day, remaining };
}

/** Business milliseconds in [aMs, bMs); negative when `bMs` is before `aMs`. */
export function businessMsBetween(calendar: BusinessCalendar, aMs: number, bMs: number): number {
  if (bMs < aMs) return -businessMsBetween(calendar, bMs, aMs);
  const first = localDayOf(calendar, aMs);
  const last = localDayOf(calendar, bMs);
  if (first === last) return dayBusinessMsWithin(calendar, first, aMs, bMs);
  return (
    dayBusinessMsWithin(calendar, first, aMs, Infinity) +
    middleDaysMs(calendar, first + 1, last) +
    dayBusinessMsWithin(calendar, last, -Infinity, bMs)
  );
}

function middleDaysMs(calendar: BusinessCalendar, from: DayNumber, to: DayNumber): number {
  if (to - from > SHORT_RANGE_DAYS) return wholeDaysBusinessMs(calendar, from, to);
  let total = 0;
  for (let day = from; day < to; day++) total += dayBusinessMs(calendar, day);
  return total;
}

/** The earliest instant at or after `atMs` that lies inside a business window. */
export function nextWindowStartMs(calendar: BusinessCalendar, atMs: number): number {
  let day = localDayOf(calendar, atMs);
  for (let walked = 0; walked < MAX_DAYS_WALKED; walked++, day++) {
    const windows = windowsOfDay(calendar, day);
    for (let i = 0; i < windows.length; i += 2) {
      if (windows[i + 1]! > atMs && windows[i + 1]! > windows[i]!) return Math.max(windows[i]!, atMs);
    }
  }
  throw noBusinessTime();
}

/** True when the instant lies in a window, its closing instant included (e.g. 18:00 exactly). */
export function isWithinWindowMs(calendar: BusinessCalendar, atMs: number): boolean {
  const day = localDayOf(calendar, atMs);
  for (const d of [day - 1, day]) {
    const windows = windowsOfDay(calendar, d);
    for (let i = 0; i < windows.length; i += 2)
      if (windows[i]! <= atMs && atMs <= windows[i + 1]!) return true;
  }
  return false;
}

/** Adds `durationMs` of business time to a UTC ISO instant. */
export function addBusinessTime(calendar: BusinessCalendar, start: Instant, durationMs: number): Instant {
  return formatInstant(addBusinessMs(calendar, parseInstant(start, 'start'), durationMs));
}

/** Business milliseconds between two UTC ISO instants (negative when `b` is before `a`). */
export function businessTimeBetween(calendar: BusinessCalendar, a: Instant, b: Instant): number {
  return businessMsBetween(calendar, parseInstant(a, 'a'), parseInstant(b, 'b'));
}

/** The earliest instant at or after `at` inside a business window, as UTC ISO. */
export function nextWindowStart(calendar: BusinessCalendar, at: Instant): Instant {
  return formatInstant(nextWindowStartMs(calendar, parseInstant(at, 'at')));
}

function assertDuration(durationMs: number): void {
  if (!Number.isSafeInteger(durationMs) || durationMs < 0) {
    throw new ValidationError(
      `Durée invalide (${String(durationMs)}) : attendu un nombre entier de millisecondes ≥ 0.`,
    );
  }
}

function noBusinessTime(): ValidationError {
  return new ValidationError(
    'Ce calendrier ne comporte aucune plage ouvrée sur la période : échéance impossible à calculer.',
  );
}
