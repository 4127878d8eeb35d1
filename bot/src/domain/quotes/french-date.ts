/**
 * Local dates as French texts ("mardi 19 mai 2026"). Quote deadlines and validity are whole local
 * days of the beneficiary, so no time zone is involved: the date is already the beneficiary's.
 */
import {
  type LocalDate,
  civilFromDays,
  daysFromCivil,
  formatLocalDate,
  isValidCivilDate,
  isoWeekday,
  parseLocalDate,
} from '../calendar/civil-date';

const WEEKDAYS = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];
const MONTHS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];

/** "mardi 19 mai 2026", "vendredi 1er mai 2026". */
export function formatFrenchDate(date: LocalDate): string {
  const day = parseLocalDate(date);
  const { year, month, day: dom } = civilFromDays(day);
  return `${WEEKDAYS[isoWeekday(day) - 1]} ${dom === 1 ? '1er' : dom} ${MONTHS[month - 1]} ${year}`;
}

/** "19/05/2026", for lists and narrow card columns. */
export function formatShortFrenchDate(date: LocalDate): string {
  const [y, m, d] = formatLocalDate(parseLocalDate(date)).split('-');
  return `${d}/${m}/${y}`;
}

/**
 * The same day `months` later; a day the month does not have becomes its last day
 * (30 November + 3 months → 28 or 29 February), as French law counts periods in months.
 */
export function addMonths(date: LocalDate, months: number): LocalDate {
  const { year, month, day } = civilFromDays(parseLocalDate(date));
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  let d = day;
  while (!isValidCivilDate(y, m, d)) d -= 1;
  return formatLocalDate(daysFromCivil(y, m, d));
}
