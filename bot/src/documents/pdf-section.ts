/**
 * Section titles and labelled facts, the small blocks documents are made of. A title asks for room
 * for itself and for the start of its content, so that it never ends a page on its own.
 */
import type { PdfFlow } from './pdf-flow';
import { COLORS, CONTENT_WIDTH, PAGE, SIZES } from './pdf-theme';

/** Room a section title keeps for the first lines of its content. */
const DEFAULT_KEEP = 70;

/** Draws a section title with a rule under it, on a new page if its content would not start here. */
export function sectionTitle(flow: PdfFlow, title: string, keep = DEFAULT_KEEP): void {
  const style = { size: SIZES.section, face: 'bold', color: COLORS.brand } as const;
  const height = flow.measure(title, CONTENT_WIDTH, style);
  flow.gap(10);
  flow.ensure(height + 8 + keep);
  flow.y += flow.text(title, PAGE.left, flow.y, CONTENT_WIDTH, style) + 2;
  flow.rule(PAGE.left, PAGE.right, flow.y, COLORS.brand, 0.8);
  flow.gap(6);
}

/** A label and its value, as "Label : value" lines are printed in a column. */
export interface Fact {
  readonly label: string;
  readonly value: string;
}

/** Draws facts as two aligned columns at the cursor, kept together on one page. */
export function drawFacts(flow: PdfFlow, facts: readonly Fact[], labelWidth = 120): void {
  const valueWidth = CONTENT_WIDTH - labelWidth;
  const heights = facts.map((f) =>
    Math.max(
      flow.measure(f.label, labelWidth - 8, { face: 'bold' }),
      flow.measure(f.value, valueWidth, { lineGap: 1 }),
    ),
  );
  flow.ensure(heights.reduce((sum, h) => sum + h + 3, 0));
  facts.forEach((fact, i) => {
    flow.text(fact.label, PAGE.left, flow.y, labelWidth - 8, { face: 'bold', color: COLORS.muted });
    flow.text(fact.value, PAGE.left + labelWidth, flow.y, valueWidth, { lineGap: 1 });
    flow.y += heights[i]! + 3;
  });
}

/** Draws a framed notice across the column (a draft, a superseded or cancelled document). */
export function drawNotice(flow: PdfFlow, text: string, tone: 'alert' | 'info' = 'alert'): void {
  const style = { face: 'bold', color: tone === 'alert' ? COLORS.alert : COLORS.brand } as const;
  const height = flow.measure(text, CONTENT_WIDTH - 20, style) + 12;
  flow.ensure(height);
  flow.fill(PAGE.left, flow.y, CONTENT_WIDTH, height, tone === 'alert' ? COLORS.alertFill : COLORS.band);
  flow.fill(PAGE.left, flow.y, 3, height, style.color);
  flow.text(text, PAGE.left + 12, flow.y + 6, CONTENT_WIDTH - 20, style);
  flow.y += height + 8;
}
