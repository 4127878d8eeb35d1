/**
 * The top of a document's first page: the Titulaire's letterhead on the left, the kind of document,
 * its number and key dates on the right, then the agreement it is made under — the first thing a
 * public buyer checks, since an order outside the agreement would have no legal basis.
 */
import { AGREEMENT, agreementTitle } from './agreement-reference';
import type { PdfFlow } from './pdf-flow';
import type { Fact } from './pdf-section';
import { COLORS, CONTENT_WIDTH, PAGE, SIZES } from './pdf-theme';
import type { TitulaireIdentity } from './titulaire-identity';

/** What the right-hand block says: "DEVIS", "DEV-2026-0001 — version 1", dates and status. */
export interface DocumentHeading {
  readonly title: string;
  readonly reference: string;
  readonly facts: readonly Fact[];
}

const LEFT_WIDTH = 250;
const RIGHT_WIDTH = 235;

/** Draws letterhead, heading and agreement banner at the top of the first page. */
export function drawDocumentHeader(flow: PdfFlow, issuer: TitulaireIdentity, heading: DocumentHeading): void {
  const top = flow.y;
  const leftBottom = drawLetterhead(flow, issuer, top);
  const rightBottom = drawHeading(flow, heading, top);
  flow.y = Math.max(leftBottom, rightBottom) + 12;
  drawAgreementBanner(flow);
}

function drawLetterhead(flow: PdfFlow, issuer: TitulaireIdentity, top: number): number {
  let y = top;
  y += flow.text(issuer.name, PAGE.left, y, LEFT_WIDTH, { face: 'bold', size: 13, color: COLORS.brand }) + 3;
  const lines = [
    ...issuer.address,
    ...(issuer.email ? [issuer.email] : []),
    ...(issuer.phone ? [issuer.phone] : []),
  ];
  for (const line of lines) {
    y += flow.text(line, PAGE.left, y, LEFT_WIDTH, { size: SIZES.body, color: COLORS.muted }) + 1;
  }
  return y;
}

function drawHeading(flow: PdfFlow, heading: DocumentHeading, top: number): number {
  const x = PAGE.right - RIGHT_WIDTH;
  const right = { align: 'right' } as const;
  let y = top - 3;
  y += flow.text(heading.title, x, y, RIGHT_WIDTH, {
    ...right,
    face: 'bold',
    size: SIZES.title,
    color: COLORS.brand,
  });
  y +=
    flow.text(heading.reference, x, y + 1, RIGHT_WIDTH, { ...right, face: 'bold', size: SIZES.reference }) +
    5;
  for (const fact of heading.facts) {
    y += flow.text(`${fact.label} : ${fact.value}`, x, y, RIGHT_WIDTH, { ...right, size: SIZES.body }) + 1.5;
  }
  return y;
}

function drawAgreementBanner(flow: PdfFlow): void {
  const title = agreementTitle();
  const detail =
    `Conclu par ${AGREEMENT.purchasingBody} pour le compte de ses membres bénéficiaires ; ` +
    'marché régi par le CCAG-TIC.';
  const width = CONTENT_WIDTH - 20;
  const titleStyle = { face: 'bold', size: SIZES.body, color: COLORS.brand } as const;
  const detailStyle = { size: SIZES.small, color: COLORS.muted } as const;
  const height = flow.measure(title, width, titleStyle) + flow.measure(detail, width, detailStyle) + 16;
  flow.fill(PAGE.left, flow.y, CONTENT_WIDTH, height, COLORS.band);
  flow.fill(PAGE.left, flow.y, 3, height, COLORS.brand);
  const y = flow.y + 6;
  const titleHeight = flow.text(title, PAGE.left + 12, y, width, titleStyle);
  flow.text(detail, PAGE.left + 12, y + titleHeight + 3, width, detailStyle);
  flow.y += height + 12;
}
