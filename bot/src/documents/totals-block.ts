/**
 * The totals of a document, HT / TVA / TTC, in a box at the right of the page as French buyers
 * expect them. The amounts are the domain's (exact to the cent, VAT computed once on the total HT):
 * the document formats them and never recomputes them.
 */
import { formatEuros } from '../domain/catalogue/money';
import type { Amounts } from '../domain/quotes/quote-amounts';
import { formatVatRate } from '../domain/quotes/quote-terms';
import type { PdfFlow } from './pdf-flow';
import { COLORS, PAGE, SIZES } from './pdf-theme';

const WIDTH = 250;
const LABEL_WIDTH = 130;
const ROW = 17;
const GAP_BEFORE = 10;

/** Height the totals block takes, the space above it included: tables keep it with their last row. */
export const TOTALS_BLOCK_HEIGHT = GAP_BEFORE + 3 * ROW + 2 + 4;

/** The three lines of the totals: "Total HT", "TVA 20 %", "Total TTC", with their amounts. */
export function totalsLines(totals: Amounts, vatRateBp: number): readonly (readonly [string, string])[] {
  return [
    ['Total HT', formatEuros(totals.htCents)],
    [`TVA ${formatVatRate(vatRateBp)}`, formatEuros(totals.vatCents)],
    ['Total TTC', formatEuros(totals.ttcCents)],
  ];
}

/** Draws the totals box at the right of the column, on one page. */
export function drawTotals(flow: PdfFlow, totals: Amounts, vatRateBp: number): void {
  const lines = totalsLines(totals, vatRateBp);
  flow.gap(GAP_BEFORE);
  flow.ensure(lines.length * ROW + 2);
  const x = PAGE.right - WIDTH;
  lines.forEach(([label, amount], i) => {
    const last = i === lines.length - 1;
    const style = { size: last ? 10 : SIZES.body, face: last ? 'bold' : 'regular' } as const;
    if (last) flow.fill(x, flow.y, WIDTH, ROW + 2, COLORS.band);
    const y = flow.y + (last ? 5 : 4);
    flow.text(label, x + 8, y, LABEL_WIDTH, style);
    flow.text(amount, x + LABEL_WIDTH, y, WIDTH - LABEL_WIDTH - 8, { ...style, align: 'right' });
    flow.y += last ? ROW + 2 : ROW;
    flow.rule(x, PAGE.right, flow.y, last ? COLORS.brand : COLORS.rule, last ? 0.8 : 0.4);
  });
  flow.gap(4);
}
