/**
 * Instants typed by people: either a full ISO-8601 instant with its offset, or a local wall-clock
 * time "YYYY-MM-DDTHH:mm" (what a date and a time input give) read in the beneficiary's zone, since
 * the engineer who took a call from Cayenne writes down Cayenne's time.
 */
import { DAY_MS, daysFromCivil, isValidCivilDate, parseLocalDate } from '../calendar/civil-date';
import { formatInstant, parseInstant, type Instant } from '../calendar/instant';
import { formatLocalDateTime } from './format-local-time';
import { utcFromLocal, zoneClock } from '../calendar/time-zone';
import { ZONES, type ZoneSlug } from '../calendar/zones';
import { ValidationError } from '../errors';

const LOCAL_RE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;
const HAS_OFFSET_RE = /(Z|[+-]\d{2}:\d{2})$/i;

/** Epoch ms of an ISO instant with offset, or of a local "YYYY-MM-DDTHH:mm" in the zone; `undefined` if neither. */
export function parseWallClockInput(text: unknown, zone: ZoneSlug): number | undefined {
  if (typeof text !== 'string') return undefined;
  const value = text.trim();
  if (HAS_OFFSET_RE.test(value)) {
    try {
      return parseInstant(value.replace(/z$/, 'Z').replace(' ', 'T'));
    } catch (err) {
      if (err instanceof ValidationError) return undefined;
      throw err;
    }
  }
  const m = LOCAL_RE.exec(value);
  if (!m) return undefined;
  const [year, month, day, hour, minute] = [1, 2, 3, 4, 5].map((i) => Number(m[i]));
  const second = m[6] === undefined ? 0 : Number(m[6]);
  if (!isValidCivilDate(year!, month!, day!) || hour! > 23 || minute! > 59 || second > 59) return undefined;
  const localMs = daysFromCivil(year!, month!, day!) * DAY_MS + ((hour! * 60 + minute!) * 60 + second) * 1000;
  // A time skipped by a DST change is read as the wall clock moved forward (Temporal's default).
  return utcFromLocal(zoneClock(ZONES[zone].tz), localMs);
}

/** First instant of a local date (`YYYY-MM-DD`) in the zone, e.g. the start of a convention's first day. */
export function startOfLocalDayMs(date: string, zone: ZoneSlug): number {
  return utcFromLocal(zoneClock(ZONES[zone].tz), parseLocalDate(date) * DAY_MS);
}

/** What a reception time is checked against: the beneficiary's zone and convention date, and now. */
export interface ReceptionContext {
  readonly beneficiary: { readonly zone: ZoneSlug; readonly conventionDate: string };
  readonly now: Instant;
}

/**
 * A reception time typed by staff (a call, an e-mail), in UTC — or the French problem with it: missing,
 * unreadable, in the future, or before the beneficiary's convention. `what` names what was received
 * ("de la demande", "de l'e-mail").
 */
export function parseReceptionTime(
  value: unknown,
  { beneficiary, now }: ReceptionContext,
  what: string,
): { at: Instant } | { problem: string } {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
    return { problem: `Indiquez la date et l'heure de réception ${what} (heure locale du bénéficiaire).` };
  }
  const ms = parseWallClockInput(value, beneficiary.zone);
  if (ms === undefined) {
    return {
      problem:
        'Date de réception invalide : saisissez-la comme 2026-03-03T09:30 (heure locale du bénéficiaire) ' +
        'ou avec son décalage, comme 2026-03-03T09:30:00-04:00.',
    };
  }
  const nowMs = parseInstant(now, 'now');
  if (ms > nowMs) {
    const clock = formatLocalDateTime(formatInstant(nowMs), beneficiary.zone);
    return { problem: `La date de réception ne peut pas être dans le futur (il est ${clock}).` };
  }
  if (ms < startOfLocalDayMs(beneficiary.conventionDate, beneficiary.zone)) {
    const [y, m, d] = beneficiary.conventionDate.split('-');
    return {
      problem: `La date de réception ne peut pas précéder la convention du bénéficiaire, du ${d}/${m}/${y}.`,
    };
  }
  return { at: formatInstant(ms) };
}
