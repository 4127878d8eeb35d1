/** French renderings of report figures: cents to euros, basis points to percentages. */

const EUROS = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });
const EUROS_ROUND = new Intl.NumberFormat('fr-FR', {
  style: 'currency',
  currency: 'EUR',
  maximumFractionDigits: 0,
});
const NUMBER = new Intl.NumberFormat('fr-FR');
const PERCENT = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 1 });

/** "12 345,67 €". */
export function formatEuros(cents: number): string {
  return EUROS.format(cents / 100);
}

/** "12 346 €" (chart axes). */
export function formatEurosRound(euros: number): string {
  return EUROS_ROUND.format(euros);
}

/** "1 234". */
export function formatCount(n: number): string {
  return NUMBER.format(n);
}

/** "92,5 %", or "—" when there is nothing to measure. */
export function formatRate(bp: number | null): string {
  return bp === null ? '—' : PERCENT.format(bp / 10_000);
}

/** "3,25 j" or "—". */
export function formatDays(days: number | null): string {
  return days === null ? '—' : `${NUMBER.format(days)} j`;
}
