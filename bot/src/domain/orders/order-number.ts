/** Order numbers `BC-YYYY-NNNN` (bons de commande), numbered in the year they are issued. */
import { type YearlyNumber, yearlyNumbering } from '../quotes/yearly-number';

/** The year an order issued at an instant is numbered in (Paris wall clocks). */
export { numberingYear as orderNumberYear } from '../quotes/yearly-number';

const ORDER_NUMBERS = yearlyNumbering('BC', 'bon de commande', 'order-number');

/** `BC-2026-0042` from a year and a sequence number. */
export function formatOrderNumber(year: number, seq: number): string {
  return ORDER_NUMBERS.format(year, seq);
}

/** Parses `BC-2026-0042`, `bc 2026 42`…; French `ValidationError` otherwise. */
export function parseOrderNumber(text: unknown): YearlyNumber {
  return ORDER_NUMBERS.parse(text);
}

/** True for an order number in canonical form. */
export function isOrderNumber(text: unknown): text is string {
  return ORDER_NUMBERS.isCanonical(text);
}

/** Name of the store counter that numbers the orders of a year. */
export function orderCounterName(year: number): string {
  return ORDER_NUMBERS.counterName(year);
}
