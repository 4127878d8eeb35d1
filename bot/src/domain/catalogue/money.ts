/**
 * Money in integer euro cents. Every product or ratio is computed with BigInt and rounded once, to
 * the nearest cent with halves rounded up (the rule of `penalties/penalty-amount.ts`), so that no
 * floating-point drift can reach an amount a public buyer will check by hand.
 */
import { ValidationError } from '../errors';
import { divideRoundHalfUp } from '../penalties/penalty-amount';
import { frenchNumber } from '../tickets/incident-form';

/** Largest amount Guichet handles: 10 million euros, far above any order of the agreement. */
export const MAX_AMOUNT_CENTS = 1_000_000_000;

const EUROS_RE = /^(\d{1,9})(?:[.,](\d{1,2}))?$/;

/** "1 250,50 €": French grouping with no-break spaces, two decimals, the sign before the digits. */
export function formatEuros(cents: number): string {
  const abs = Math.abs(cents);
  const euros = Math.floor(abs / 100);
  const rest = abs % 100;
  return `${cents < 0 ? '−' : ''}${frenchNumber(euros)},${String(rest).padStart(2, '0')}\u00a0€`;
}

/**
 * Cents of an amount in euros as typed or stored in a file: `1250.5`, `"1 250,50"`, `"650 €"`.
 * `undefined` for anything else (negative, more than two decimals, not a number), so that the
 * caller can say which field is wrong.
 */
export function parseEurosToCents(value: unknown): number | undefined {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) return undefined;
    const cents = Math.round(value * 100);
    // 0.1 + 0.2 style noise is tolerated; a third decimal is not.
    return Math.abs(cents - value * 100) < 1e-6 && cents <= MAX_AMOUNT_CENTS ? cents : undefined;
  }
  if (typeof value !== 'string') return undefined;
  const text = value.replace(/[\s\u00a0\u202f]/g, '').replace(/(€|EUR)$/i, '');
  const m = EUROS_RE.exec(text);
  if (!m) return undefined;
  const cents = Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0'));
  return cents <= MAX_AMOUNT_CENTS ? cents : undefined;
}

/** `amountCents × numerator / denominator`, rounded to the nearest cent, halves up (all ≥ 0). */
export function scaleCents(amountCents: number, numerator: number, denominator: number): number {
  return toCents(divideRoundHalfUp(BigInt(amountCents) * BigInt(numerator), BigInt(denominator)));
}

/**
 * Splits `totalCents` in proportion to `weights` so that the parts add up to the total exactly
 * (largest-remainder method): each part is its exact quota rounded down, and the cents left over go
 * to the largest remainders, the earlier part first on a tie. Every part is within one cent of its
 * quota. With no weight at all, the total goes to the first part.
 */
export function apportionCents(totalCents: number, weights: readonly number[]): number[] {
  if (weights.length === 0) return [];
  const total = BigInt(totalCents);
  const w = weights.map((x) => BigInt(x));
  const sum = w.reduce((a, b) => a + b, 0n);
  if (sum === 0n) return weights.map((_, i) => (i === 0 ? totalCents : 0));
  const floors = w.map((x) => (total * x) / sum);
  const remainders = w.map((x, i) => ({ i, r: total * x - floors[i]! * sum }));
  let left = total - floors.reduce((a, b) => a + b, 0n);
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left <= 0n) break;
    floors[i] = floors[i]! + 1n;
    left -= 1n;
  }
  return floors.map(toCents);
}

/** Sum of amounts in cents, refused beyond `MAX_AMOUNT_CENTS`. */
export function sumCents(amounts: readonly number[]): number {
  return toCents(amounts.reduce((a, b) => a + BigInt(b), 0n));
}

function toCents(value: bigint): number {
  if (value > BigInt(MAX_AMOUNT_CENTS) || value < -BigInt(MAX_AMOUNT_CENTS)) {
    throw new ValidationError(
      `Montant trop élevé : Guichet traite des montants jusqu'à ${formatEuros(MAX_AMOUNT_CENTS)}.`,
    );
  }
  return Number(value);
}
