/**
 * Instants typed by people: either a full ISO-8601 instant with its offset, or a local wall-clock
 * time "YYYY-MM-DDTHH:mm" (what a date and a time input give) read in the beneficiary's zone, since
 * the engineer who took a call from Cayenne writes down Cayenne's time.
 */
import { DAY_MS, daysFromCivil, isValidCivilDate, parseLocalDate } from '../calendar/civil-date';
import { parseInstant } from '../calendar/instant';
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
