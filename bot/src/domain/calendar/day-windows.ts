/**
 * The business windows of one local day as UTC instants. Windows are wall-clock times in the
 * calendar's zone, so on a DST day a window keeps its wall-clock bounds and its real length changes.
 */
import { DAY_MS, type DayNumber, isoWeekday } from './civil-date';
import { type BusinessCalendar, isClosedDay } from './business-calendar';
import { localFromUtc, utcFromLocal } from './time-zone';

const MINUTE_MS = 60_000;
const EMPTY: readonly number[] = Object.freeze([]);

/** Local day (day number) on which an instant falls in the calendar's zone. */
export function localDayOf(calendar: BusinessCalendar, utcMs: number): DayNumber {
  return Math.floor(localFromUtc(calendar.clock, utcMs) / DAY_MS);
}

/**
 * UTC bounds of the day's windows, flattened as [start0, end0, start1, end1, …] in order;
 * empty on a closed day or a day without windows.
 */
export function windowsOfDay(calendar: BusinessCalendar, day: DayNumber): readonly number[] {
  const ranges = calendar.windows.byWeekday[isoWeekday(day) - 1]!;
  if (ranges.length === 0 || isClosedDay(calendar, day)) return EMPTY;
  const base = day * DAY_MS;
  const out: number[] = [];
  for (const [from, to] of ranges) {
    const start = utcFromLocal(calendar.clock, base + from * MINUTE_MS);
    // A window swallowed by a DST gap would otherwise end before it starts.
    out.push(start, Math.max(start, utcFromLocal(calendar.clock, base + to * MINUTE_MS)));
  }
  return out;
}

/** Real business milliseconds of a whole local day. */
export function dayBusinessMs(calendar: BusinessCalendar, day: DayNumber): number {
  const windows = windowsOfDay(calendar, day);
  let total = 0;
  for (let i = 0; i < windows.length; i += 2) total += windows[i + 1]! - windows[i]!;
  return total;
}

/** Business milliseconds of the day's windows that fall inside [fromMs, toMs). */
export function dayBusinessMsWithin(
  calendar: BusinessCalendar,
  day: DayNumber,
  fromMs: number,
  toMs: number,
): number {
  const windows = windowsOfDay(calendar, day);
  let total = 0;
  for (let i = 0; i < windows.length; i += 2) {
    const overlap = Math.min(windows[i + 1]!, toMs) - Math.max(windows[i]!, fromMs);
    if (overlap > 0) total += overlap;
  }
  return total;
}
