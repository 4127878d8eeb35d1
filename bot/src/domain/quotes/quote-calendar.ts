/**
 * The business calendar a quote's deadline and validity run on: its beneficiary's zone and the
 * closing days frozen on it when the request was received (shared, cached calendars).
 */
import type { BusinessCalendar } from '../calendar/business-calendar';
import { type DayNumber, type LocalDate, formatLocalDate } from '../calendar/civil-date';
import { localDayOf } from '../calendar/day-windows';
import { type Instant, parseInstant } from '../calendar/instant';
import type { ZoneSlug } from '../calendar/zones';
import { calendarFor } from '../tickets/ticket-calendar';

/** The calendar of a quote (its zone and frozen closing days). */
export function quoteCalendar(quote: {
  zone: ZoneSlug;
  closingDays: readonly LocalDate[];
}): BusinessCalendar {
  return calendarFor(quote.zone, quote.closingDays);
}

/** Local day number of an instant in a zone. */
export function localDayOfInstant(zone: ZoneSlug, at: Instant): DayNumber {
  return localDayOf(calendarFor(zone), parseInstant(at, 'instant'));
}

/** Local date `YYYY-MM-DD` of an instant in a zone. */
export function localDateOf(zone: ZoneSlug, at: Instant): LocalDate {
  return formatLocalDate(localDayOfInstant(zone, at));
}
