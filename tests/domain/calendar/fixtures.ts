/** Shared helpers for the deadline-engine tests: calendars, instants, and an independent Intl oracle. */
import { createCalendar, type BusinessCalendar } from '../../../bot/src/domain/calendar/business-calendar';
import type { WeeklyWindows } from '../../../bot/src/domain/calendar/weekly-windows';

export const MINUTE = 60_000;
export const HOUR = 3_600_000;

/** A zone's calendar with the default windows (Mon–Fri 08:00–18:00), optionally other windows or closing days. */
export function calendarOf(
  zone: string,
  windows?: WeeklyWindows,
  extraClosingDays?: string[],
): BusinessCalendar {
  return createCalendar({ zone, windows, extraClosingDays });
}

/** The UTC `…Z` form of an instant written with an explicit offset, computed by `Date` (not by the engine). */
export function utc(text: string): string {
  return new Date(text).toISOString().replace('.000Z', 'Z');
}

const oracles = new Map<string, Intl.DateTimeFormat>();

/** Wall-clock reading `YYYY-MM-DD HH:MM:SS` of an instant in an IANA zone, straight from Intl. */
export function wallClock(tz: string, instantMs: number): string {
  let f = oracles.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('sv-SE', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    oracles.set(tz, f);
  }
  return f.format(instantMs);
}
