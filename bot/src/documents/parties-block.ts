/**
 * The two parties side by side, each with its SIRET: the Titulaire (from configuration) and the
 * beneficiary (from the quote or order). A public buyer's accounting matches both SIRETs against
 * the agreement and against Chorus Pro, so they are printed in full, in INSEE's grouping. The
 * beneficiary is named as an organisation only: its agents' names are personal data the document
 * does not need.
 */
import { AGREEMENT } from './agreement-reference';
import { formatSiret } from './document-formats';
import type { PdfFlow } from './pdf-flow';
import { COLORS, CONTENT_WIDTH, PAGE, SIZES } from './pdf-theme';
import type { TitulaireIdentity } from './titulaire-identity';

/** One party's box: its role in the agreement, its name, and the lines under it. */
export interface PartyBox {
  readonly role: string;
  readonly name: string;
  readonly lines: readonly string[];
}

const GAP = 14;
const PAD = 8;

/** The Titulaire's box: SIRET, VAT number, registration, legal form, address. */
export function titulaireBox(titulaire: TitulaireIdentity): PartyBox {
  return {
    role: 'Titulaire',
    name: titulaire.name,
    lines: [
      `SIRET : ${formatSiret(titulaire.siret)}`,
      ...(titulaire.vatNumber ? [`N° TVA intracommunautaire : ${titulaire.vatNumber}`] : []),
      ...[titulaire.legalForm, titulaire.registration].filter((l): l is string => Boolean(l)),
      titulaire.address.join(', '),
    ],
  };
}

/** The beneficiary's box: its name and SIRET, and its standing under the agreement. */
export function beneficiaryBox(name: string, siret: string): PartyBox {
  return {
    role: 'Bénéficiaire (acheteur public)',
    name,
    lines: [
      `SIRET : ${formatSiret(siret)}`,
      `Membre bénéficiaire de l'accord-cadre ${AGREEMENT.reference}, par convention avec ${AGREEMENT.purchasingBody}`,
    ],
  };
}

/** Draws two party boxes of equal height side by side. */
export function drawParties(flow: PdfFlow, left: PartyBox, right: PartyBox): void {
  const width = (CONTENT_WIDTH - GAP) / 2;
  const height = Math.max(boxHeight(flow, left, width), boxHeight(flow, right, width));
  flow.ensure(height);
  drawBox(flow, left, PAGE.left, width, height);
  drawBox(flow, right, PAGE.left + width + GAP, width, height);
  flow.y += height;
}

function boxHeight(flow: PdfFlow, box: PartyBox, width: number): number {
  const inner = width - 2 * PAD;
  return (
    2 * PAD +
    flow.measure(box.role.toUpperCase(), inner, { size: SIZES.small, face: 'bold' }) +
    3 +
    flow.measure(box.name, inner, { face: 'bold', size: 10 }) +
    3 +
    box.lines.reduce((sum, line) => sum + flow.measure(line, inner, { size: SIZES.body }) + 1.5, 0)
  );
}

function drawBox(flow: PdfFlow, box: PartyBox, x: number, width: number, height: number): void {
  const inner = width - 2 * PAD;
  flow.frame(x, flow.y, width, height);
  flow.fill(x, flow.y, width, 2, COLORS.brand);
  let y = flow.y + PAD;
  y +=
    flow.text(box.role.toUpperCase(), x + PAD, y, inner, {
      size: SIZES.small,
      face: 'bold',
      color: COLORS.muted,
    }) + 3;
  y += flow.text(box.name, x + PAD, y, inner, { face: 'bold', size: 10 }) + 3;
  for (const line of box.lines) y += flow.text(line, x + PAD, y, inner, { size: SIZES.body }) + 1.5;
}
