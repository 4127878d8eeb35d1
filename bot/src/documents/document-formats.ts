/**
 * How the printed documents write values: SIRETs in the groups INSEE prints them in, quantities
 * with the French decimal comma, charges as days (and months for the support option). Amounts,
 * dates and VAT rates reuse the domain's own formats, so a PDF reads exactly like the cards.
 */
import type { LocalDate } from '../domain/calendar/civil-date';
import type { Instant } from '../domain/calendar/instant';
import type { ZoneSlug } from '../domain/calendar/zones';
import { PRICE_UNIT_LABELS, type PriceUnit } from '../domain/catalogue/price-line';
import { QUANTITY_STEPS_PER_UNIT } from '../domain/quotes/quote-amounts';
import { localDateOf } from '../domain/quotes/quote-calendar';
import { formatShortFrenchDate } from '../domain/quotes/french-date';

const NBSP = '\u00a0';

/** "847 129 053 00017": SIREN in three groups, then the establishment number (no-break spaces). */
export function formatSiret(siret: string): string {
  return /^\d{14}$/.test(siret)
    ? `${siret.slice(0, 3)}${NBSP}${siret.slice(3, 6)}${NBSP}${siret.slice(6, 9)}${NBSP}${siret.slice(9)}`
    : siret;
}

/** "4,25", "10": a quantity counted in quarters, with the French decimal comma. */
export function formatDecimal(quantity: number): string {
  return String(Math.round(quantity * QUANTITY_STEPS_PER_UNIT) / QUANTITY_STEPS_PER_UNIT).replace('.', ',');
}

/** "4,25 j", "1 j", "2 mois": a quantity with the short unit tables use. */
export function formatQuantity(quantity: number, unit: PriceUnit): string {
  return `${formatDecimal(quantity)}${NBSP}${unit === 'jour' ? 'j' : PRICE_UNIT_LABELS[unit].one}`;
}

/** A quantity of some price line's unit, as charges carry it. */
export interface UnitQuantity {
  readonly quantity: number;
  readonly line: { readonly unit: PriceUnit };
}

/** "12,5 j", "3 j + 2 mois", "—": the charge of several lines, summed per unit exactly (in quarters). */
export function formatCharge(charges: readonly UnitQuantity[]): string {
  const quarters = (unit: PriceUnit) =>
    charges
      .filter((c) => c.line.unit === unit)
      .reduce((sum, c) => sum + Math.round(c.quantity * QUANTITY_STEPS_PER_UNIT), 0);
  const parts = (['jour', 'mois'] as const)
    .filter((unit) => quarters(unit) > 0)
    .map((unit) => formatQuantity(quarters(unit) / QUANTITY_STEPS_PER_UNIT, unit));
  return parts.length > 0 ? parts.join(' + ') : '—';
}

/** "19/05/2026". */
export function shortDate(date: LocalDate): string {
  return formatShortFrenchDate(date);
}

/** "19/05/2026": the local day of an instant in the beneficiary's zone. */
export function shortDateOf(at: Instant, zone: ZoneSlug): string {
  return formatShortFrenchDate(localDateOf(zone, at));
}
