/**
 * Instants as a beneficiary reads them: French wall-clock text in its own zone, named ("heure de la
 * Martinique"), because a deadline shown in Paris time to someone in Fort-de-France is a trap. The
 * API sends UTC instants and the ticket's zone slug; the slug → IANA table mirrors
 * bot/src/domain/calendar/zones.ts (the tab bundles no server code).
 */

interface Zone {
  tz: string;
  timeName: string;
}

const ZONES: Readonly<Record<string, Zone>> = {
  metropole: { tz: 'Europe/Paris', timeName: 'heure de Paris' },
  'alsace-moselle': { tz: 'Europe/Paris', timeName: 'heure de Paris' },
  guadeloupe: { tz: 'America/Guadeloupe', timeName: 'heure de la Guadeloupe' },
  martinique: { tz: 'America/Martinique', timeName: 'heure de la Martinique' },
  guyane: { tz: 'America/Cayenne', timeName: 'heure de la Guyane' },
  'la-reunion': { tz: 'Indian/Reunion', timeName: 'heure de La Réunion' },
  mayotte: { tz: 'Indian/Mayotte', timeName: 'heure de Mayotte' },
  'saint-barthelemy': { tz: 'America/St_Barthelemy', timeName: 'heure de Saint-Barthélemy' },
  'saint-martin': { tz: 'America/Marigot', timeName: 'heure de Saint-Martin' },
  'nouvelle-caledonie': { tz: 'Pacific/Noumea', timeName: 'heure de la Nouvelle-Calédonie' },
  'polynesie-francaise': { tz: 'Pacific/Tahiti', timeName: 'heure de Tahiti' },
  'saint-pierre-et-miquelon': { tz: 'America/Miquelon', timeName: 'heure de Saint-Pierre-et-Miquelon' },
  'wallis-et-futuna': { tz: 'Pacific/Wallis', timeName: 'heure de Wallis-et-Futuna' },
};

/** A zone the tab does not know yet is shown in UTC, and says so, rather than in a guessed zone. */
const UTC: Zone = { tz: 'UTC', timeName: 'heure UTC' };

function zoneOf(slug: string): Zone {
  return ZONES[slug] ?? UTC;
}

/** "heure de la Martinique". */
export function zoneTimeName(slug: string): string {
  return zoneOf(slug).timeName;
}

// Intl formatters cost far more to build than to use: one per IANA zone and shape.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(tz: string, shape: 'long' | 'short' | 'input'): Intl.DateTimeFormat {
  const key = `${tz}|${shape}`;
  let f = formatters.get(key);
  if (!f) {
    const date: Intl.DateTimeFormatOptions =
      shape === 'long'
        ? { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }
        : { day: '2-digit', month: '2-digit', year: 'numeric' };
    f = new Intl.DateTimeFormat('fr-FR', {
      timeZone: tz,
      ...date,
      hour: '2-digit',
      minute: '2-digit',
      ...(shape === 'input' ? { second: '2-digit' } : {}),
      hourCycle: 'h23',
    });
    formatters.set(key, f);
  }
  return f;
}

// Assembled from parts rather than taken from `format()`: ICU versions differ in the joining words
// and spaces, and the tests need one stable text.
function parts(instant: string | number, tz: string, shape: 'long' | 'short' | 'input') {
  const out: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const part of formatter(tz, shape).formatToParts(new Date(instant))) out[part.type] = part.value;
  return out;
}

/** "mardi 3 mars 2026 à 09:30" in the zone, without its name (for texts that name it once). */
export function formatLongInZone(instant: string, slug: string): string {
  const p = parts(instant, zoneOf(slug).tz, 'long');
  // French writes the first day of a month as an ordinal: « 1er mars ».
  const day = p.day === '1' ? '1er' : p.day;
  return `${p.weekday} ${day} ${p.month} ${p.year} à ${p.hour}:${p.minute}`;
}

/** "mardi 3 mars 2026 à 09:30, heure de la Martinique". */
export function formatInZone(instant: string, slug: string): string {
  return `${formatLongInZone(instant, slug)}, ${zoneTimeName(slug)}`;
}

/** "03/03/2026 09:30" in the zone, for timelines and narrow columns. */
export function formatShortInZone(instant: string, slug: string): string {
  const p = parts(instant, zoneOf(slug).tz, 'short');
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

/**
 * "2026-03-03T09:30:12": the wall time in the zone, as a datetime-local input with seconds wants it.
 * Seconds, because a ticket resolved within the minute it was received would otherwise default to a
 * restoration time before its reception, which the API refuses.
 */
export function toLocalInputValue(instant: number, slug: string): string {
  const p = parts(instant, zoneOf(slug).tz, 'input');
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}`;
}

const relative = new Intl.RelativeTimeFormat('fr', { numeric: 'auto' });
const STEPS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/**
 * "il y a 5 minutes", "hier": zone-free, for lists, whose rows come without their beneficiary's
 * zone (the detail page gives the wall time).
 */
export function formatRelative(instant: string, now: number): string {
  const delta = Date.parse(instant) - now;
  for (const [unit, ms] of STEPS) {
    if (Math.abs(delta) >= ms) return relative.format(Math.trunc(delta / ms), unit);
  }
  return "à l'instant";
}
