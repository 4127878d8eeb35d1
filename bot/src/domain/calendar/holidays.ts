/**
 * Public holidays per calendar zone (DESIGN.md, "Calendar zones"): the 11 national holidays of the
 * Code du travail plus each zone's own, computed for any year (Easter by computus). Names are the
 * French ones of the government's public-holiday service.
 */
import { ValidationError } from '../errors';
import { type DayNumber, type LocalDate, daysFromCivil, formatLocalDate, yearOfDay } from './civil-date';
import { easterSunday } from './easter';
import type { ZoneSlug } from './zones';

/** One public holiday: its local date and French name. */
export interface Holiday {
  readonly date: LocalDate;
  readonly name: string;
}

/** First and last years for which holidays are published. */
export const FIRST_HOLIDAY_YEAR = 1990;
export const LAST_HOLIDAY_YEAR = 2100;

interface HolidayRule {
  name: string;
  dayIn(year: number): DayNumber;
}

const fixed = (name: string, month: number, day: number): HolidayRule => ({
  name,
  dayIn: (year) => daysFromCivil(year, month, day),
});
const fromEaster = (name: string, offsetDays: number): HolidayRule => ({
  name,
  dayIn: (year) => easterSunday(year) + offsetDays,
});
const ABOLITION = "Abolition de l'esclavage";

const NATIONAL: readonly HolidayRule[] = [
  fixed("Jour de l'an", 1, 1),
  fromEaster('Lundi de Pâques', 1),
  fixed('Fête du travail', 5, 1),
  fixed('Victoire des alliés', 5, 8),
  fromEaster('Ascension', 39),
  fromEaster('Lundi de Pentecôte', 50),
  fixed('Fête nationale', 7, 14),
  fixed('Assomption', 8, 15),
  fixed('Toussaint', 11, 1),
  fixed('Armistice', 11, 11),
  fixed('Noël', 12, 25),
];

const ZONE_EXTRAS: Readonly<Record<ZoneSlug, readonly HolidayRule[]>> = {
  metropole: [],
  'alsace-moselle': [fromEaster('Vendredi saint', -2), fixed('Saint Étienne', 12, 26)],
  guadeloupe: [fixed(ABOLITION, 5, 27)],
  martinique: [fixed(ABOLITION, 5, 22)],
  guyane: [fixed(ABOLITION, 6, 10)],
  'la-reunion': [fixed(ABOLITION, 12, 20)],
  mayotte: [fixed(ABOLITION, 4, 27)],
  'saint-barthelemy': [fixed(ABOLITION, 10, 9)],
  // The date moved from 27 to 28 May in 2018.
  'saint-martin': [{ name: ABOLITION, dayIn: (year) => daysFromCivil(year, 5, year < 2018 ? 27 : 28) }],
  'nouvelle-caledonie': [],
  'polynesie-francaise': [],
  'saint-pierre-et-miquelon': [],
  'wallis-et-futuna': [],
};

/** Holidays of a zone in a year (1990–2100), sorted by date. */
export function holidaysOf(zone: ZoneSlug, year: number): Holiday[] {
  if (!Number.isInteger(year) || year < FIRST_HOLIDAY_YEAR || year > LAST_HOLIDAY_YEAR) {
    throw new ValidationError(
      `Année ${year} hors de la période couverte (${FIRST_HOLIDAY_YEAR} à ${LAST_HOLIDAY_YEAR}).`,
    );
  }
  return [...NATIONAL, ...ZONE_EXTRAS[zone]]
    .map((rule) => ({ day: rule.dayIn(year), name: rule.name }))
    .sort((x, y) => x.day - y.day)
    .map(({ day, name }) => ({ date: formatLocalDate(day), name }));
}

// zone → year → day → name. Bounded: 13 zones × the years actually asked for.
const cache = new Map<ZoneSlug, Map<number, ReadonlyMap<DayNumber, string>>>();

/** Holiday days of a zone in a year, day number → name (names joined when two fall together). */
export function holidayDaysOf(zone: ZoneSlug, year: number): ReadonlyMap<DayNumber, string> {
  let byYear = cache.get(zone);
  if (!byYear) cache.set(zone, (byYear = new Map()));
  let days = byYear.get(year);
  if (!days) {
    const map = new Map<DayNumber, string>();
    for (const rule of [...NATIONAL, ...ZONE_EXTRAS[zone]]) {
      const day = rule.dayIn(year);
      const other = map.get(day);
      map.set(day, other ? `${other}, ${rule.name}` : rule.name);
    }
    byYear.set(year, (days = map));
  }
  return days;
}

/** Name of the zone's holiday on a local day, or `undefined` on an ordinary day. */
export function holidayOn(zone: ZoneSlug, day: DayNumber): string | undefined {
  return holidayDaysOf(zone, yearOfDay(day)).get(day);
}

// A bitmap per zone over 1980–2120 makes the hot "is this day a holiday?" question one array read.
const BITMAP_FIRST_YEAR = 1980;
const BITMAP_END_YEAR = 2121;
const BITMAP_FIRST_DAY = daysFromCivil(BITMAP_FIRST_YEAR, 1, 1);
const BITMAP_END_DAY = daysFromCivil(BITMAP_END_YEAR, 1, 1);
const bitmaps = new Map<ZoneSlug, Uint8Array>();

/** True when the local day is a holiday of the zone. */
export function isHoliday(zone: ZoneSlug, day: DayNumber): boolean {
  if (day < BITMAP_FIRST_DAY || day >= BITMAP_END_DAY) return holidayOn(zone, day) !== undefined;
  let bitmap = bitmaps.get(zone);
  if (!bitmap) {
    bitmap = new Uint8Array(BITMAP_END_DAY - BITMAP_FIRST_DAY);
    for (let year = BITMAP_FIRST_YEAR; year < BITMAP_END_YEAR; year++) {
      for (const rule of [...NATIONAL, ...ZONE_EXTRAS[zone]]) bitmap[rule.dayIn(year) - BITMAP_FIRST_DAY] = 1;
    }
    bitmaps.set(zone, bitmap);
  }
  return bitmap[day - BITMAP_FIRST_DAY] === 1;
}
