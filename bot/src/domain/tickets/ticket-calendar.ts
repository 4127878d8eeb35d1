/**
 * The business calendar a ticket's deadlines run on: its beneficiary's zone and closing days as
 * frozen on the ticket. Calendars are cached by content, because the SLA watch asks for one per
 * ticket it looks at and most tickets share a handful of them.
 */
import { type BusinessCalendar, createCalendar } from '../calendar/business-calendar';
import type { LocalDate } from '../calendar/civil-date';

const MAX_CACHED = 1000;
const cache = new Map<string, BusinessCalendar>();

/** The calendar of a zone plus local closing days (cached). */
export function calendarFor(zone: string, closingDays: readonly LocalDate[] = []): BusinessCalendar {
  const key = closingDays.length === 0 ? zone : `${zone}|${[...closingDays].sort().join(',')}`;
  let calendar = cache.get(key);
  if (!calendar) {
    calendar = createCalendar({ zone, extraClosingDays: closingDays });
    // Beneficiaries number in the thousands at most; the bound only guards against a runaway input.
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(key, calendar);
  }
  return calendar;
}

/** The calendar of a ticket (its zone and frozen closing days). */
export function ticketCalendar(ticket: {
  zone: string;
  closingDays: readonly LocalDate[];
}): BusinessCalendar {
  return calendarFor(ticket.zone, ticket.closingDays);
}
