/**
 * Instants as a beneficiary reads them: French wall-clock text in its own zone, named ("heure de la
 * Martinique"), because a deadline shown in Paris time to someone in Fort-de-France is a trap.
 */
import { type Instant, parseInstant } from '../calendar/instant';
import { ZONES, type ZoneSlug } from '../calendar/zones';

interface LocalParts {
  weekday: string;
  day: number;
  month: string;
  year: string;
  hour: string;
  minute: string;
}

// Intl formatters cost far more to build than to use: one per IANA zone and shape.
const longFormatters = new Map<string, Intl.DateTimeFormat>();
const shortFormatters = new Map<string, Intl.DateTimeFormat>();

/** "mardi 3 mars 2026 à 09:30, heure de la Martinique" (24 h, French, in the zone's wall time). */
export function formatLocalDateTime(instant: Instant, zone: ZoneSlug): string {
  return `${formatLocalDateTimeWithoutZone(instant, zone)}, ${ZONES[zone].timeName}`;
}

/** "mardi 3 mars 2026 à 09:30": the same without the zone name, for texts that name it once. */
export function formatLocalDateTimeWithoutZone(instant: Instant, zone: ZoneSlug): string {
  const p = longParts(instant, zone);
  // French writes the first day of a month as an ordinal: « 1er mars ».
  const day = p.day === 1 ? '1er' : String(p.day);
  return `${p.weekday} ${day} ${p.month} ${p.year} à ${p.hour}:${p.minute}`;
}

/** "03/03 09:30": day/month and time in the zone, for lists and narrow card columns. */
export function formatShortLocalDateTime(instant: Instant, zone: ZoneSlug): string {
  const tz = ZONES[zone].tz;
  let f = shortFormatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('fr-FR', {
      timeZone: tz,
      day: '2-digit',
      month: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    shortFormatters.set(tz, f);
  }
  const parts = partsOf(f, parseInstant(instant, 'instant'));
  return `${parts.day}/${parts.month} ${parts.hour}:${parts.minute}`;
}

function longParts(instant: Instant, zone: ZoneSlug): LocalParts {
  const tz = ZONES[zone].tz;
  let f = longFormatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('fr-FR', {
      timeZone: tz,
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    longFormatters.set(tz, f);
  }
  const parts = partsOf(f, parseInstant(instant, 'instant'));
  return {
    weekday: parts.weekday ?? '',
    day: Number(parts.day),
    month: parts.month ?? '',
    year: parts.year ?? '',
    hour: parts.hour ?? '',
    minute: parts.minute ?? '',
  };
}

// Assembled from parts rather than taken from `format()`: ICU versions differ in the joining words
// and spaces (narrow no-break spaces, "à" or ","), and cards and tests need one stable text.
function partsOf(f: Intl.DateTimeFormat, ms: number): Partial<Record<Intl.DateTimeFormatPartTypes, string>> {
  const out: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const part of f.formatToParts(ms)) out[part.type] = part.value;
  return out;
}
