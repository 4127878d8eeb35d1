/**
 * What frames every page: a running header on continuation pages (so a loose page still says which
 * document it belongs to) and a footer with "page X / Y", stamped once every page exists — the
 * total is only known at the end, which is why the document keeps its pages in memory.
 */
import { AGREEMENT } from './agreement-reference';
import type { PdfFlow } from './pdf-flow';
import { COLORS, CONTENT_WIDTH, PAGE, SIZES } from './pdf-theme';

/** How the pages of one document name it. */
export interface PageFrame {
  /** "Devis DEV-2026-0001 — version 1". */
  readonly documentLabel: string;
  /** "Ville de Bellerive-sur-Rhône". */
  readonly beneficiaryName: string;
  /** "Azurine Services Numériques — SIRET 847 129 053 00017". */
  readonly issuerLine: string;
}

const small = { size: SIZES.small, color: COLORS.muted } as const;

/** Draws the running header of a continuation page and moves the cursor below it. */
export function drawRunningHeader(flow: PdfFlow, frame: PageFrame): void {
  const y = PAGE.top - 14;
  const right = `Accord-cadre ${AGREEMENT.reference}`;
  const rightWidth = flow.widthOf(right, small) + 1;
  flow.text(
    `${frame.documentLabel} · ${frame.beneficiaryName}`,
    PAGE.left,
    y,
    CONTENT_WIDTH - rightWidth - 12,
    {
      ...small,
      face: 'bold',
    },
  );
  flow.text(right, PAGE.right - rightWidth, y, rightWidth, { ...small, align: 'right' });
  flow.rule(PAGE.left, PAGE.right, y + 12);
  flow.y = y + 24;
}

/** Stamps the footer of every page: who issued the document, which document, "page X / Y". */
export function stampFooters(flow: PdfFlow, frame: PageFrame): void {
  const { start, count } = flow.doc.bufferedPageRange();
  for (let i = 0; i < count; i++) {
    flow.doc.switchToPage(start + i);
    const y = PAGE.footerY;
    const pageText = `page ${i + 1} / ${count}`;
    const pageWidth = flow.widthOf(pageText, small) + 1;
    flow.rule(PAGE.left, PAGE.right, y - 6);
    flow.text(
      `${frame.issuerLine} · ${frame.documentLabel}`,
      PAGE.left,
      y,
      CONTENT_WIDTH - pageWidth - 12,
      small,
    );
    flow.text(pageText, PAGE.right - pageWidth, y, pageWidth, { ...small, align: 'right' });
  }
}
