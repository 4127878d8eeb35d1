/**
 * Ticket numbers `INC-YYYY-NNNNNN`: a sequence per year, handed out by the store's counters. Users
 * type them back in chat ("ticket inc 2026 42"), so parsing is tolerant and always returns the
 * canonical form.
 */
import { DAY_MS, civilFromDays } from '../calendar/civil-date';
import { type Instant, parseInstant } from '../calendar/instant';
import { showValue } from '../calendar/show-value';
import { localFromUtc, zoneClock } from '../calendar/time-zone';
import { ValidationError } from '../errors';

export const TICKET_NUMBER_PREFIX = 'INC';
/** Six digits: a million tickets a year is far beyond any framework agreement. */
export const MAX_TICKET_SEQ = 999_999;
const MIN_YEAR = 1990;
const MAX_YEAR = 2100;

/** A ticket number split into its parts, with its canonical text. */
export interface TicketNumber {
  readonly year: number;
  readonly seq: number;
  readonly text: string;
}

const CANONICAL_RE = /^INC-(\d{4})-(\d{6})$/;
// Any mix of case, spaces, dashes, underscores or dots between the parts; leading zeros optional.
const TOLERANT_RE = /^INC[\s._-]*(\d{4})[\s._-]*(\d{1,6})$/i;

/** `INC-2026-000042` from a year and a sequence number; throws a French `ValidationError` if out of range. */
export function formatTicketNumber(year: number, seq: number): string {
  checkParts(year, seq, `${year}/${seq}`);
  return `${TICKET_NUMBER_PREFIX}-${year}-${String(seq).padStart(6, '0')}`;
}

/** Parses `INC-2026-000042`, `inc 2026 42`, ` Inc-2026-42 `…; throws a French `ValidationError` otherwise. */
export function parseTicketNumber(text: unknown): TicketNumber {
  const m = typeof text === 'string' ? TOLERANT_RE.exec(text.trim()) : null;
  if (!m) {
    throw new ValidationError(
      `Numéro de ticket invalide (${showValue(text)}) : attendu par exemple INC-2026-000042.`,
      [{ path: 'number', message: 'numéro de ticket invalide' }],
    );
  }
  const year = Number(m[1]);
  const seq = Number(m[2]);
  return { year, seq, text: formatTicketNumber(year, seq) };
}

/** True for a number in canonical form (as stored on a ticket). */
export function isTicketNumber(text: unknown): text is string {
  if (typeof text !== 'string') return false;
  const m = CANONICAL_RE.exec(text);
  return m !== null && isYear(Number(m[1])) && Number(m[2]) >= 1;
}

/**
 * The year a ticket opened at `at` is numbered in: the year on Paris wall clocks. One reference zone
 * for every beneficiary keeps a single counter per year (a Nouméa ticket at 08:00 on 1 January is
 * still in the previous year in Paris, and takes that year's next number).
 */
export function ticketNumberYear(at: Instant): number {
  const localMs = localFromUtc(zoneClock('Europe/Paris'), parseInstant(at, 'openedAt'));
  return civilFromDays(Math.floor(localMs / DAY_MS)).year;
}

/** Name of the store counter that numbers the tickets of a year. */
export function ticketCounterName(year: number): string {
  checkParts(year, 1, String(year));
  return `ticket-number-${year}`;
}

function checkParts(year: number, seq: number, shown: string): void {
  if (!isYear(year)) {
    throw new ValidationError(`Année de ticket invalide (${shown}) : attendu ${MIN_YEAR} à ${MAX_YEAR}.`, [
      { path: 'year', message: 'année invalide' },
    ]);
  }
  if (!Number.isInteger(seq) || seq < 1 || seq > MAX_TICKET_SEQ) {
    throw new ValidationError(
      `Numéro d'ordre de ticket invalide (${shown}) : attendu un entier de 1 à ${MAX_TICKET_SEQ}.`,
      [{ path: 'seq', message: "numéro d'ordre invalide" }],
    );
  }
}

function isYear(year: number): boolean {
  return Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR;
}
