/**
 * Working-day arithmetic (DESIGN.md: Monday–Friday, not a holiday of the zone, not a local closing
 * day), independent of business windows: quote deadlines and lateness count whole days.
 */
import { ValidationError } from '../errors';
import { type DayNumber, type LocalDate, formatLocalDate, parseLocalDate } from './civil-date';
import { type BusinessCalendar, isWorkingDayNumber } from './business-calendar';
import { countWorkingDays } from './open-day-sums';

/** The `count`-th working day strictly after `day` (the day itself never counts). */
export function addWorkingDaysToDay(calendar: BusinessCalendar, day: DayNumber, count: number): DayNumber {
  if (!Number.isSafeInteger(count) || count < 0) {
    throw new ValidationError(`Nombre de jours ouvrés invalide (${String(count)}) : attendu un entier ≥ 0.`);
  }
  let current = day;
  // Each year has ~250 working days: this bound only trips on a calendar closed for decades.
  for (let found = 0, walked = 0; found < count; walked++) {
    if (walked > count * 3 + 3660)
      throw new ValidationError('Ce calendrier ne comporte aucun jour ouvré sur la période.');
    current += 1;
    if (isWorkingDayNumber(calendar, current)) found += 1;
  }
  return current;
}

/** The `count`-th working day strictly after a local date `YYYY-MM-DD`. */
export function addWorkingDays(calendar: BusinessCalendar, date: LocalDate, count: number): LocalDate {
  return formatLocalDate(addWorkingDaysToDay(calendar, parseLocalDate(date), count));
}

/** Working days in (from, to], i.e. strictly after `from` up to and including `to`; negative if reversed. */
export function workingDaysAfter(calendar: BusinessCalendar, from: LocalDate, to: LocalDate): number {
  const a = parseLocalDate(from, 'from');
  const b = parseLocalDate(to, 'to');
  return b >= a ? countWorkingDays(calendar, a + 1, b + 1) : -countWorkingDays(calendar, b + 1, a + 1);
}
