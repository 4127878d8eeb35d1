/**
 * Reporting periods (DESIGN.md, "Reporting to the CANUT"): a month, a quarter or a year, as people
 * type them ("T3 2026", "2026", "octobre 2026", "2026-10"). A period is a range of local dates: a
 * document belongs to it when its local date, in its own beneficiary's zone, falls inside, so that an
 * order placed on 31 March at 23:30 in Paris counts in Q1 and one on 1 January at 00:30 in Nouméa in
 * the new year, whatever the UTC instant says.
 */
import {
  DAY_MS,
  type LocalDate,
  daysFromCivil,
  formatLocalDate,
  parseLocalDate,
} from '../calendar/civil-date';
import { type Instant, formatInstant } from '../calendar/instant';
import { showValue } from '../calendar/show-value';
import type { ZoneSlug } from '../calendar/zones';
import { ValidationError } from '../errors';
import { startOfLocalDayMs } from '../tickets/wall-clock-input';

/** The three granularities of the contract's reporting. */
export type PeriodKind = 'month' | 'quarter' | 'year';

/** A reporting period: whole local days from `start` to `end`, both included. */
export interface ReportPeriod {
  readonly kind: PeriodKind;
  readonly year: number;
  /** Month 1–12, quarter 1–4, or 1 for a year. */
  readonly index: number;
  readonly start: LocalDate;
  readonly end: LocalDate;
  /** "octobre 2026", "T3 2026", "2026". */
  readonly label: string;
  /** "2026-10", "2026-T3", "2026": sortable, safe in a file name. */
  readonly key: string;
}

/** French month names, in order. */
export const FRENCH_MONTHS = [
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
] as const;

// Accent-free spellings and the usual abbreviations ("sept.", "févr.", "juil.").
const MONTH_WORDS: Readonly<Record<string, number>> = Object.freeze({
  janvier: 1,
  janv: 1,
  jan: 1,
  fevrier: 2,
  fevr: 2,
  fev: 2,
  mars: 3,
  mar: 3,
  avril: 4,
  avr: 4,
  mai: 5,
  juin: 6,
  juillet: 7,
  juil: 7,
  aout: 8,
  septembre: 9,
  sept: 9,
  sep: 9,
  octobre: 10,
  oct: 10,
  novembre: 11,
  nov: 11,
  decembre: 12,
  dec: 12,
});

/** Years a report may cover: the agreement's lifetime with a wide margin. */
const MIN_YEAR = 2000;
const MAX_YEAR = 2099;

const EXAMPLES = '« T3 2026 », « 2026 », « octobre 2026 » ou « 2026-10 »';

/** The period of a month (1–12). */
export function monthPeriod(year: number, month: number): ReportPeriod {
  checkYear(year);
  const start = daysFromCivil(year, month, 1);
  const next = month === 12 ? daysFromCivil(year + 1, 1, 1) : daysFromCivil(year, month + 1, 1);
  const mm = String(month).padStart(2, '0');
  return period(
    'month',
    year,
    month,
    start,
    next - 1,
    `${FRENCH_MONTHS[month - 1]} ${year}`,
    `${year}-${mm}`,
  );
}

/** The period of a quarter (1–4). */
export function quarterPeriod(year: number, quarter: number): ReportPeriod {
  checkYear(year);
  const start = daysFromCivil(year, quarter * 3 - 2, 1);
  const next = quarter === 4 ? daysFromCivil(year + 1, 1, 1) : daysFromCivil(year, quarter * 3 + 1, 1);
  return period('quarter', year, quarter, start, next - 1, `T${quarter} ${year}`, `${year}-T${quarter}`);
}

/** The period of a calendar year. */
export function yearPeriod(year: number): ReportPeriod {
  checkYear(year);
  const start = daysFromCivil(year, 1, 1);
  return period('year', year, 1, start, daysFromCivil(year + 1, 1, 1) - 1, String(year), String(year));
}

/**
 * A period from what a person typed: "T3 2026", "t3-2026", "2026-T3", "Q3 2026", "3e trimestre 2026",
 * "2026", "année 2026", "octobre 2026", "oct. 2026", "2026-10", "10/2026". A French `ValidationError`
 * with examples otherwise.
 */
export function parseReportPeriod(text: unknown): ReportPeriod {
  const value = typeof text === 'string' ? normalise(text) : '';
  const parsed = value ? matchPeriod(value) : undefined;
  if (parsed) return parsed;
  throw new ValidationError(`Période non reconnue (${showValue(text)}) : écrivez par exemple ${EXAMPLES}.`, [
    { path: 'period', message: 'période non reconnue' },
  ]);
}

/** The period of this kind that contains a local date. */
export function periodContaining(kind: PeriodKind, date: LocalDate): ReportPeriod {
  const [year, month] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
  parseLocalDate(date, 'date');
  if (kind === 'month') return monthPeriod(year, month);
  if (kind === 'quarter') return quarterPeriod(year, Math.ceil(month / 3));
  return yearPeriod(year);
}

/** True when a local date falls inside the period (ISO dates compare as text). */
export function periodContains(p: Pick<ReportPeriod, 'start' | 'end'>, date: LocalDate): boolean {
  return date >= p.start && date <= p.end;
}

/** The period of the same kind just before this one. */
export function previousPeriod(p: ReportPeriod): ReportPeriod {
  const dayBefore = formatLocalDate(parseLocalDate(p.start) - 1);
  return periodContaining(p.kind, dayBefore);
}

/** The last period of this kind that ended before `today` (what a scheduled report covers). */
export function lastCompletePeriod(kind: PeriodKind, today: LocalDate): ReportPeriod {
  return previousPeriod(periodContaining(kind, today));
}

/** The months, or quarters, of a period (a month has itself as its only month). */
export function subPeriods(p: ReportPeriod, kind: PeriodKind): ReportPeriod[] {
  const out: ReportPeriod[] = [];
  for (let date = p.start; date <= p.end;) {
    const sub = periodContaining(kind, date);
    out.push(sub);
    date = formatLocalDate(parseLocalDate(sub.end) + 1);
  }
  return out;
}

/** The granularities a period breaks down into, itself first: a year into itself, quarters and months. */
export function breakdownKinds(p: ReportPeriod): PeriodKind[] {
  if (p.kind === 'year') return ['year', 'quarter', 'month'];
  if (p.kind === 'quarter') return ['quarter', 'month'];
  return ['month'];
}

/** The instant the period ends in a zone: midnight starting the day after `end`, local time. */
export function periodEndIn(p: Pick<ReportPeriod, 'end'>, zone: ZoneSlug): Instant {
  return formatInstant(startOfLocalDayMs(formatLocalDate(parseLocalDate(p.end) + 1), zone));
}

/**
 * UTC instants that surely contain the period in every zone of the agreement (UTC−10 to UTC+12):
 * a day's margin on each side. Store queries use it; the builder then keeps the exact local days.
 */
export function periodSearchWindow(p: Pick<ReportPeriod, 'start' | 'end'>): { from: Instant; to: Instant } {
  const from = (parseLocalDate(p.start) - 1) * DAY_MS;
  const to = (parseLocalDate(p.end) + 2) * DAY_MS;
  return { from: formatInstant(from), to: formatInstant(to) };
}

function period(
  kind: PeriodKind,
  year: number,
  index: number,
  start: number,
  end: number,
  label: string,
  key: string,
): ReportPeriod {
  return Object.freeze({
    kind,
    year,
    index,
    start: formatLocalDate(start),
    end: formatLocalDate(end),
    label,
    key,
  });
}

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new ValidationError(`Année hors limites (${showValue(year)}) : de ${MIN_YEAR} à ${MAX_YEAR}.`, [
      { path: 'period', message: 'année hors limites' },
    ]);
  }
}

/** Lower case, no accents, no "rapport" in front, single spaces, no trailing dot after a word. */
function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/^\s*rapport\b/, '')
    .replace(/\./g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const YEAR_RE = /^(?:annee )?(\d{4})$/;
const QUARTER_RES = [/^[tq] ?(\d) ?[-/ ]? ?(\d{4})$/, /^(\d) ?(?:er|e|eme|ieme)? trimestre(?: de)? (\d{4})$/];
const QUARTER_YEAR_FIRST_RE = /^(\d{4}) ?[-/ ]? ?[tq] ?(\d)$/;
const YEAR_MONTH_RE = /^(\d{4})-(\d{1,2})$/;
const MONTH_YEAR_RE = /^(\d{1,2}) ?[/-] ?(\d{4})$/;
const MONTH_WORD_RE = /^([a-z]+) ?(\d{4})$/;

function matchPeriod(value: string): ReportPeriod | undefined {
  let m = YEAR_RE.exec(value);
  if (m) return yearPeriod(Number(m[1]));
  for (const re of QUARTER_RES) {
    m = re.exec(value);
    if (m) return checkedQuarter(Number(m[2]), Number(m[1]));
  }
  m = QUARTER_YEAR_FIRST_RE.exec(value);
  if (m) return checkedQuarter(Number(m[1]), Number(m[2]));
  return matchMonth(value);
}

function matchMonth(value: string): ReportPeriod | undefined {
  let m = YEAR_MONTH_RE.exec(value);
  if (m) return checkedMonth(Number(m[1]), Number(m[2]));
  m = MONTH_YEAR_RE.exec(value);
  if (m) return checkedMonth(Number(m[2]), Number(m[1]));
  m = MONTH_WORD_RE.exec(value);
  if (!m) return undefined;
  const month = MONTH_WORDS[m[1]!];
  if (month === undefined) {
    throw new ValidationError(`Mois inconnu (${showValue(m[1])}) : écrivez par exemple « octobre 2026 ».`, [
      { path: 'period', message: 'mois inconnu' },
    ]);
  }
  return monthPeriod(Number(m[2]), month);
}

function checkedQuarter(year: number, quarter: number): ReportPeriod {
  if (quarter < 1 || quarter > 4) {
    throw new ValidationError(`Trimestre invalide (T${quarter}) : de T1 à T4, par exemple « T3 2026 ».`, [
      { path: 'period', message: 'trimestre invalide' },
    ]);
  }
  return quarterPeriod(year, quarter);
}

function checkedMonth(year: number, month: number): ReportPeriod {
  if (month < 1 || month > 12) {
    throw new ValidationError(`Mois invalide (${month}) : de 1 à 12, par exemple « 2026-10 ».`, [
      { path: 'period', message: 'mois invalide' },
    ]);
  }
  return monthPeriod(year, month);
}
