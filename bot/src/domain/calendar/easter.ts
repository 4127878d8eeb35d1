/**
 * Easter Sunday by the Gregorian computus (the anonymous algorithm published by Meeus, after
 * Jones and Butcher), valid for every Gregorian year; no table to keep up to date.
 */
import { type DayNumber, daysFromCivil } from './civil-date';

/** Day number of Easter Sunday of a Gregorian year. */
export function easterSunday(year: number): DayNumber {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const monthDay = h + l - 7 * m + 114;
  return daysFromCivil(year, Math.floor(monthDay / 31), (monthDay % 31) + 1);
}
