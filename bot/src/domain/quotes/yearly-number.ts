/**
 * Document numbers `PREFIX-YYYY-NNNN` (quotes `DEV-…`, orders `BC-…`): a sequence per year, handed
 * out by the store's counters. Users type them back in chat ("devis dev 2026 7"), so parsing is
 * tolerant and always returns the canonical form. The year is read on Paris wall clocks for every
 * beneficiary, which keeps a single counter per year (as ticket numbers do).
 */
import { DAY_MS, civilFromDays } from '../calendar/civil-date';
import { type Instant, parseInstant } from '../calendar/instant';
import { showValue } from '../calendar/show-value';
import { localFromUtc, zoneClock } from '../calendar/time-zone';
import { ValidationError } from '../errors';

/** A document number split into its parts, with its canonical text. */
export interface YearlyNumber {
  readonly year: number;
  readonly seq: number;
  readonly text: string;
}

/** The numbering of one kind of document. */
export interface YearlyNumbering {
  readonly prefix: string;
  /** Canonical number from a year and a sequence number. */
  format(year: number, seq: number): string;
  /** Canonical number from any tolerant spelling; French `ValidationError` otherwise. */
  parse(text: unknown): YearlyNumber;
  /** True for a number in canonical form. */
  isCanonical(text: unknown): text is string;
  /** Name of the store counter of a year. */
  counterName(year: number): string;
}

const MIN_YEAR = 1990;
const MAX_YEAR = 2100;
const DIGITS = 4;
/** Four digits, as the contract's forms show them: 9 999 documents a year is far beyond the agreement. */
export const MAX_YEARLY_SEQ = 9_999;

/** The numbering of documents named `what` ("devis", "bon de commande") with this prefix. */
export function yearlyNumbering(prefix: string, what: string, counter: string): YearlyNumbering {
  const canonical = new RegExp(`^${prefix}-(\\d{4})-(\\d{${DIGITS}})$`);
  const tolerant = new RegExp(`^${prefix}[\\s._-]*(\\d{4})[\\s._-]*(\\d{1,${DIGITS}})$`, 'i');
  const example = `${prefix}-2026-0042`;
  const check = (year: number, seq: number) => {
    if (!isYear(year))
      throw new ValidationError(`Année de ${what} invalide (${year}) : attendu ${MIN_YEAR} à ${MAX_YEAR}.`, [
        { path: 'year', message: 'année invalide' },
      ]);
    if (!Number.isInteger(seq) || seq < 1 || seq > MAX_YEARLY_SEQ)
      throw new ValidationError(
        `Numéro d'ordre de ${what} invalide (${seq}) : attendu un entier de 1 à ${MAX_YEARLY_SEQ}.`,
        [{ path: 'seq', message: "numéro d'ordre invalide" }],
      );
  };
  const format = (year: number, seq: number) => {
    check(year, seq);
    return `${prefix}-${year}-${String(seq).padStart(DIGITS, '0')}`;
  };
  return {
    prefix,
    format,
    parse(text) {
      const m = typeof text === 'string' ? tolerant.exec(text.trim()) : null;
      if (!m)
        throw new ValidationError(
          `Numéro de ${what} invalide (${showValue(text)}) : attendu par exemple ${example}.`,
          [{ path: 'number', message: `numéro de ${what} invalide` }],
        );
      const [year, seq] = [Number(m[1]), Number(m[2])];
      return { year, seq, text: format(year, seq) };
    },
    isCanonical(text): text is string {
      const m = typeof text === 'string' ? canonical.exec(text) : null;
      return m !== null && isYear(Number(m[1])) && Number(m[2]) >= 1;
    },
    counterName(year) {
      check(year, 1);
      return `${counter}-${year}`;
    },
  };
}

/** The year a document created at `at` is numbered in: the year on Paris wall clocks. */
export function numberingYear(at: Instant): number {
  const localMs = localFromUtc(zoneClock('Europe/Paris'), parseInstant(at, 'now'));
  return civilFromDays(Math.floor(localMs / DAY_MS)).year;
}

function isYear(year: number): boolean {
  return Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR;
}
