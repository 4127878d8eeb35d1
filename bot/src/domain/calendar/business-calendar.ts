/**
 * A beneficiary's business calendar: its zone (IANA time zone + holidays), its own extra closing
 * days, and the weekly windows that count as business time (Zammad's model: zone + weekly hours +
 * holiday dates).
 */
import { ValidationError } from '../errors';
import { type DayNumber, type LocalDate, isoWeekday, parseLocalDate } from './civil-date';
import { showValue } from './show-value';
import { isHoliday } from './holidays';
import { type ZoneClock, zoneClock } from './time-zone';
import { type CompiledWindows, DEFAULT_WINDOWS, type WeeklyWindows, compileWindows } from './weekly-windows';
import { ZONES, ZONE_SLUGS, type ZoneSlug, isZoneSlug } from './zones';

/** Everything business-time arithmetic needs; build it with `createCalendar`. */
export interface BusinessCalendar {
  readonly zone: ZoneSlug;
  readonly clock: ZoneClock;
  readonly windows: CompiledWindows;
  /** The beneficiary's own closing days, sorted, on top of the zone's holidays. */
  readonly closingDays: readonly DayNumber[];
  readonly closingSet: ReadonlySet<DayNumber>;
}

/** What a calendar is made of: a zone slug, optional windows (default Mon–Fri 08–18), local closing days. */
export interface CalendarOptions {
  readonly zone: string;
  readonly windows?: WeeklyWindows;
  readonly extraClosingDays?: readonly LocalDate[];
}

/** Builds a business calendar; throws a `ValidationError` (in French) for an unknown zone or bad date. */
export function createCalendar(options: CalendarOptions): BusinessCalendar {
  const zone = parseZone(options.zone);
  const closingDays = [
    ...new Set((options.extraClosingDays ?? []).map((d, i) => parseLocalDate(d, `extraClosingDays[${i}]`))),
  ];
  closingDays.sort((a, b) => a - b);
  return Object.freeze({
    zone,
    clock: zoneClock(ZONES[zone].tz),
    windows: compileWindows(options.windows ?? DEFAULT_WINDOWS),
    closingDays,
    closingSet: new Set(closingDays),
  });
}

// Derived calendars are cached so that hot paths (one SLA computation per ticket) allocate nothing.
const derived = new WeakMap<BusinessCalendar, Map<CompiledWindows, BusinessCalendar>>();

/** The same calendar with other weekly windows (e.g. those of an SLA policy). */
export function withWindows(calendar: BusinessCalendar, windows: WeeklyWindows): BusinessCalendar {
  const compiled = compileWindows(windows);
  if (compiled === calendar.windows) return calendar;
  let byWindows = derived.get(calendar);
  if (!byWindows) derived.set(calendar, (byWindows = new Map()));
  let result = byWindows.get(compiled);
  if (!result) byWindows.set(compiled, (result = Object.freeze({ ...calendar, windows: compiled })));
  return result;
}

/** Checks a zone slug and returns it typed; the French error lists the valid slugs. */
export function parseZone(value: unknown): ZoneSlug {
  if (typeof value === 'string' && isZoneSlug(value)) return value;
  throw new ValidationError(
    `zone inconnue (${showValue(value)}) : zones possibles ${ZONE_SLUGS.join(', ')}.`,
    [{ path: 'zone', message: 'zone inconnue' }],
  );
}

/** True when the local day is a holiday of the zone or one of the beneficiary's closing days. */
export function isClosedDay(calendar: BusinessCalendar, day: DayNumber): boolean {
  return (calendar.closingDays.length > 0 && calendar.closingSet.has(day)) || isHoliday(calendar.zone, day);
}

/** Working day (DESIGN.md): Monday–Friday, not a holiday of the zone, not a local closing day. */
export function isWorkingDayNumber(calendar: BusinessCalendar, day: DayNumber): boolean {
  return isoWeekday(day) <= 5 && !isClosedDay(calendar, day);
}

/** True when the local date `YYYY-MM-DD` is a working day of the calendar. */
export function isWorkingDay(calendar: BusinessCalendar, date: LocalDate): boolean {
  return isWorkingDayNumber(calendar, parseLocalDate(date));
}
