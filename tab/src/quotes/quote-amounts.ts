/**
 * Amounts of a draft computed in the browser by the server's rule (bot/src/domain/quotes/
 * quote-amounts.ts): each charge HT = unit price × quantity (counted in quarters), rounded to the
 * cent with halves up; subtotals are exact sums; VAT = total HT × rate, rounded once, halves up;
 * TTC = HT + VAT. Integer cents throughout: no floating-point drift reaches a displayed amount.
 */
import type { Amounts } from '../api/types';

const QUARTERS = 4;

/** A typed quantity ("2", "2,5", " 0.25 ") as a number of units, or undefined when it is not one. */
export function parseQuantity(text: string): number | undefined {
  const normalised = text.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(normalised)) return undefined;
  return Number(normalised);
}

/** `x / d` rounded to the nearest integer, halves up (x ≥ 0, d > 0). */
function divideHalfUp(x: number, d: number): number {
  return Math.floor((2 * x + d) / (2 * d));
}

/** HT of one charge: unit price × quantity, rounded to the cent (halves up). */
export function chargeAmountCents(unitPriceCents: number, quantity: number): number {
  const quarters = Math.round(quantity * QUARTERS);
  return divideHalfUp(unitPriceCents * quarters, QUARTERS);
}

/** VAT on an amount excluding VAT, at a rate in basis points (2000 = 20 %), rounded once. */
export function vatOn(htCents: number, vatRateBp: number): number {
  return divideHalfUp(htCents * vatRateBp, 10_000);
}

/** HT, VAT and TTC of a total excluding VAT. */
export function amountsOf(htCents: number, vatRateBp: number): Amounts {
  const vatCents = vatOn(htCents, vatRateBp);
  return { htCents, vatCents, ttcCents: htCents + vatCents };
}
