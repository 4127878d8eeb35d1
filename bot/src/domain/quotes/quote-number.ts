/** Quote numbers `DEV-YYYY-NNNN` (one per request; its revisions keep it and add a version). */
import { type YearlyNumber, yearlyNumbering } from './yearly-number';

/** The year a quote created at an instant is numbered in (Paris wall clocks). */
export { numberingYear as quoteNumberYear } from './yearly-number';

const QUOTE_NUMBERS = yearlyNumbering('DEV', 'devis', 'quote-number');

/** `DEV-2026-0042` from a year and a sequence number. */
export function formatQuoteNumber(year: number, seq: number): string {
  return QUOTE_NUMBERS.format(year, seq);
}

/** Parses `DEV-2026-0042`, `dev 2026 42`…; French `ValidationError` otherwise. */
export function parseQuoteNumber(text: unknown): YearlyNumber {
  return QUOTE_NUMBERS.parse(text);
}

/** True for a quote number in canonical form. */
export function isQuoteNumber(text: unknown): text is string {
  return QUOTE_NUMBERS.isCanonical(text);
}

/** Name of the store counter that numbers the quotes of a year. */
export function quoteCounterName(year: number): string {
  return QUOTE_NUMBERS.counterName(year);
}
