/**
 * Civil (wall-calendar) dates as day numbers: whole days since 1970-01-01 in the proleptic Gregorian
 * calendar. A day number names a local date, not an instant: which instants it covers depends on the
 * zone. Integers make "next day", "days between" and weekday arithmetic exact and allocation-free.
 */
import { ValidationError } from '../errors';
import { showValue } from './show-value';

/** Days since 1970-01-01 (may be negative). */
export type DayNumber = number;

/** A local date written `YYYY-MM-DD`. */
export type LocalDate = string;

/** Milliseconds in a 24-hour day (of wall-clock time, not of real time on DST days). */
export const DAY_MS = 86_400_000;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number of a civil date (Howard Hinnant's `days_from_civil`). */
export function daysFromCivil(year: number, month: number, day: number): DayNumber {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** Civil date of a day number (Howard Hinnant's `civil_from_days`). */
export function civilFromDays(dayNumber: DayNumber): { year: number; month: number; day: number } {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Calendar year of a day number. */
export function yearOfDay(dayNumber: DayNumber): number {
  return civilFromDays(dayNumber).year;
}

/** ISO weekday of a day number: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export function isoWeekday(dayNumber: DayNumber): number {
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1;
}

/** True when the date exists (month 1–12, day within the month, leap years included). */
export function isValidCivilDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const next = month === 12 ? daysFromCivil(year + 1, 1, 1) : daysFromCivil(year, month + 1, 1);
  return day <= next - daysFromCivil(year, month, 1);
}

/** Formats a day number as `YYYY-MM-DD`. */
export function formatLocalDate(dayNumber: DayNumber): LocalDate {
  const { year, month, day } = civilFromDays(dayNumber);
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/** Parses a strict `YYYY-MM-DD` date into its day number; `field` names it in the French error. */
export function parseLocalDate(text: unknown, field = 'date'): DayNumber {
  const m = typeof text === 'string' ? DATE_RE.exec(text) : null;
  if (m) {
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (isValidCivilDate(year, month, day)) return daysFromCivil(year, month, day);
  }
  throw new ValidationError(
    `${field} : date invalide (${showValue(text)}), attendu une date AAAA-MM-JJ comme 2026-05-19.`,
    [{ path: field, message: 'date invalide' }],
  );
}
