/**
 * Amounts of a quote, in integer euro cents, by the rule French public buyers check invoices with
 * (CGI art. 242 nonies A: VAT is due on the total excluding VAT, per rate):
 *
 * 1. each charge line HT = unit price × quantity, rounded to the cent (halves up) — the only
 *    rounding of an amount excluding VAT;
 * 2. every HT subtotal (deliverable, phase, quote) is the exact sum of its lines;
 * 3. the quote's VAT = its total HT × rate, rounded to the cent (halves up), once;
 * 4. TTC = HT + VAT, at every level.
 *
 * Phases and deliverables also show a VAT, for reading only: the quote's VAT apportioned over its
 * phases, then each phase's VAT over its deliverables and its direct charges, by largest remainder.
 * So the VAT of the phases adds up exactly to the quote's VAT, every subtotal adds up, and each share
 * stays within one cent of its exact proportion — where per-phase rounding could drift by a cent
 * per phase away from the VAT actually invoiced.
 */
import { apportionCents, scaleCents, sumCents } from '../catalogue/money';

/** Amounts excluding VAT, of VAT, and including VAT. */
export interface Amounts {
  readonly htCents: number;
  readonly vatCents: number;
  readonly ttcCents: number;
}

/** Quantities are counted in quarters (of a day), the finest unit a charge may use. */
export const QUANTITY_STEPS_PER_UNIT = 4;

/** HT of one charge line: unit price × quantity, rounded to the cent (halves up). */
export function chargeAmountCents(unitPriceCents: number, quantity: number): number {
  const quarters = Math.round(quantity * QUANTITY_STEPS_PER_UNIT);
  return scaleCents(unitPriceCents, quarters, QUANTITY_STEPS_PER_UNIT);
}

/** VAT on an amount excluding VAT at a rate in basis points, rounded to the cent (halves up). */
export function vatOn(htCents: number, vatRateBp: number): number {
  return scaleCents(htCents, vatRateBp, 10_000);
}

/** `{ ht, vat, ttc }` with TTC = HT + VAT. */
export function amountsOf(htCents: number, vatCents: number): Amounts {
  return { htCents, vatCents, ttcCents: sumCents([htCents, vatCents]) };
}

/** HT of a phase's parts: its direct charges, and each deliverable's charges. */
export interface PhaseHt {
  readonly directHtCents: number;
  readonly deliverablesHtCents: readonly number[];
}

/** Totals of a whole quote: overall, per phase, per deliverable, and the phase's direct charges. */
export interface QuoteTotalsBreakdown {
  readonly overall: Amounts;
  readonly phases: readonly {
    readonly totals: Amounts;
    readonly direct: Amounts;
    readonly deliverables: readonly Amounts[];
  }[];
}

/** Applies the rule above to the HT amounts of a quote's phases. */
export function computeQuoteTotals(phases: readonly PhaseHt[], vatRateBp: number): QuoteTotalsBreakdown {
  const phaseHt = phases.map((p) => sumCents([p.directHtCents, ...p.deliverablesHtCents]));
  const overallHt = sumCents(phaseHt);
  const overallVat = vatOn(overallHt, vatRateBp);
  const phaseVat = apportionCents(overallVat, phaseHt);
  return {
    overall: amountsOf(overallHt, overallVat),
    phases: phases.map((p, i) => {
      const parts = [p.directHtCents, ...p.deliverablesHtCents];
      const partVat = apportionCents(phaseVat[i]!, parts);
      return {
        totals: amountsOf(phaseHt[i]!, phaseVat[i]!),
        direct: amountsOf(p.directHtCents, partVat[0]!),
        deliverables: p.deliverablesHtCents.map((ht, j) => amountsOf(ht, partVat[j + 1]!)),
      };
    }),
  };
}
