/**
 * Sums over long ranges of local days without visiting each day: whole weeks are counted by
 * arithmetic, then the few closed days (holidays, local closing days) and the few DST transitions of
 * the range are corrected one by one. The cost grows with the number of years spanned, not days.
 */
import { DAY_MS, type DayNumber, isoWeekday, yearOfDay } from './civil-date';
import { type BusinessCalendar, isClosedDay } from './business-calendar';
import { dayBusinessMs } from './day-windows';
import { holidayDaysOf, isHoliday } from './holidays';
import { localFromUtc, transitionsBetween } from './time-zone';

/** Σ `weights[weekday index]` (index 0 = Monday) over the open (not closed) days of [from, to). */
export function sumOverOpenDays(
  calendar: BusinessCalendar,
  from: DayNumber,
  to: DayNumber,
  weights: readonly number[],
): number {
  if (to <= from) return 0;
  const weight = (day: DayNumber) => weights[isoWeekday(day) - 1]!;
  const weeks = Math.floor((to - from) / 7);
  let total = weeks * weights.reduce((a, b) => a + b, 0);
  for (let day = from + weeks * 7; day < to; day++) total += weight(day);
  for (let year = yearOfDay(from); year <= yearOfDay(to - 1); year++) {
    for (const day of holidayDaysOf(calendar.zone, year).keys())
      if (day >= from && day < to) total -= weight(day);
  }
  const closing = calendar.closingDays;
  for (let i = lowerBound(closing, from); i < closing.length && closing[i]! < to; i++) {
    const day = closing[i]!;
    // A closing day that is also a holiday was already taken off.
    if (!isHoliday(calendar.zone, day)) total -= weight(day);
  }
  return total;
}

/** Number of working days (Monday–Friday, not closed) in [from, to). */
export function countWorkingDays(calendar: BusinessCalendar, from: DayNumber, to: DayNumber): number {
  return sumOverOpenDays(calendar, from, to, WORKING_WEEKDAYS);
}

const WORKING_WEEKDAYS = Object.freeze([1, 1, 1, 1, 1, 0, 0]);

/** Real business milliseconds of the whole local days [from, to). */
export function wholeDaysBusinessMs(calendar: BusinessCalendar, from: DayNumber, to: DayNumber): number {
  if (to <= from) return 0;
  let total = sumOverOpenDays(calendar, from, to, calendar.windows.nominalMs);
  // Only a day whose window contains a DST change differs from its wall-clock length.
  const seen = new Set<DayNumber>();
  for (const at of transitionsBetween(calendar.clock, (from - 1) * DAY_MS, (to + 1) * DAY_MS)) {
    const centre = Math.floor(localFromUtc(calendar.clock, at) / DAY_MS);
    for (let day = centre - 1; day <= centre + 1; day++) {
      if (day < from || day >= to || seen.has(day) || isClosedDay(calendar, day)) continue;
      seen.add(day);
      total += dayBusinessMs(calendar, day) - calendar.windows.nominalMs[isoWeekday(day) - 1]!;
    }
  }
  return total;
}

function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
