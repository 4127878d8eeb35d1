/**
 * Arithmetic of reports. Amounts stay integer cents; a year of the whole agreement can exceed the
 * 10 M€ ceiling `sumCents` puts on a single quote, so report totals are only bounded by exact
 * integer arithmetic. Ratios are rounded once, halves up, like every other rounding of Guichet.
 */
import { ValidationError } from '../errors';
import { divideRoundHalfUp } from '../penalties/penalty-amount';
import type { Trace } from './report-types';

/** Exact sum of integer cents; refuses a total beyond what a double holds exactly. */
export function totalCents(amounts: Iterable<number>): number {
  let total = 0;
  for (const amount of amounts) {
    if (!Number.isSafeInteger(amount)) throw new ValidationError(`Montant invalide : ${String(amount)}.`);
    total += amount;
    if (!Number.isSafeInteger(total)) throw new ValidationError('Total trop grand pour être exact.');
  }
  return total;
}

/** numerator / denominator in basis points, halves up; null when the denominator is 0. */
export function ratioBp(numerator: number, denominator: number): number | null {
  if (denominator === 0) return null;
  return Number(divideRoundHalfUp(BigInt(numerator) * 10_000n, BigInt(denominator)));
}

/** total / count to the hundredth, halves up; null when the count is 0. */
export function averageHundredths(total: number, count: number): number | null {
  if (count === 0) return null;
  return Number(divideRoundHalfUp(BigInt(total) * 100n, BigInt(count))) / 100;
}

/** The trace of documents, kept in the order given. */
export function traceOf(docs: readonly { readonly id: string; readonly number: string }[]): Trace {
  return { ids: docs.map((d) => d.id), numbers: docs.map((d) => d.number) };
}

/** Groups items by a key, keeping the order of first appearance and of the items. */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** Compares two texts by code point, the order reports sort keys in (locale-free, reproducible). */
export function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
