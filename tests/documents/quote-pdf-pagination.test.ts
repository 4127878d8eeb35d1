import { renderQuotePdf } from '../../bot/src/documents/quote-pdf';
import { formatQuantity } from '../../bot/src/documents/document-formats';
import { DEMO_PARTIES } from '../../bot/src/documents/titulaire-identity';
import { formatEuros } from '../../bot/src/domain/catalogue/money';
import { latestVersion } from '../../bot/src/domain/quotes/quote';
import { LONG_QUOTE_SHAPE, aLongDraft, aSentQuoteOf } from './document-factories';
import { type ExtractedPdf, extractPdf, plain } from './pdf-text';

const CHARGES_HEADER = 'Code BPU Désignation Niveau Profil Quantité Prix unitaire HT Montant HT';
const count = (text: string, part: string) => text.split(part).length - 1;

describe('renderQuotePdf — a long quote paginates cleanly', () => {
  const quote = aSentQuoteOf(aLongDraft());
  const v = latestVersion(quote)!;
  const charges = v.phases.flatMap((p) => p.deliverables.flatMap((d) => d.charges));
  // What a charge row ends with: quantity, unit price, amount — drawn together, so read together.
  const rowText = (c: (typeof charges)[number]) =>
    plain(
      `${formatQuantity(c.quantity, c.line.unit)} ${formatEuros(c.line.unitPriceCents)} ${formatEuros(c.amountHtCents)}`,
    );
  let doc: ExtractedPdf;

  beforeAll(async () => {
    doc = extractPdf(await renderQuotePdf(quote, undefined, DEMO_PARTIES));
  });

  it('has 60 charge lines and more than one page, each numbered', () => {
    const { phases, deliverables, charges: perDeliverable } = LONG_QUOTE_SHAPE;
    expect(charges).toHaveLength(phases * deliverables * perDeliverable);
    expect(doc.pages.length).toBeGreaterThan(1);
    doc.pages.forEach((page, i) => expect(page).toContain(`page ${i + 1} / ${doc.pages.length}`));
  });

  it('prints every charge line exactly once, whole on one page, after a table header on that page', () => {
    for (const charge of charges) {
      expect(count(doc.text, rowText(charge))).toBe(1);
      const page = doc.pages.find((p) => p.includes(rowText(charge)))!;
      const row = page.indexOf(rowText(charge));
      expect(page.lastIndexOf(charge.line.code, row)).toBeGreaterThan(page.indexOf(CHARGES_HEADER));
      expect(page.indexOf(CHARGES_HEADER)).toBeGreaterThanOrEqual(0);
    }
  });

  it('repeats the table header and a "(suite)" title on every page the table continues on', () => {
    const withRows = doc.pages.filter((page) => charges.some((c) => page.includes(rowText(c))));
    expect(withRows.length).toBeGreaterThan(1);
    withRows.forEach((page) => expect(count(page, CHARGES_HEADER)).toBe(1));
    withRows.slice(1).forEach((page) => {
      expect(page).toContain('Détail des charges et des coûts (suite)');
      expect(page).toContain('Devis DEV-2026-0001 — version 1 · Ville de Bellerive-sur-Rhône');
    });
  });

  it('keeps the totals with the end of the table and prints every phase total once', () => {
    for (const phase of v.phases) {
      expect(
        count(doc.text, `Total phase ${phase.code} HT ${plain(formatEuros(phase.totals.htCents))}`),
      ).toBe(1);
    }
    const last = doc.pages.findIndex((p) => p.includes(`Total TTC ${plain(formatEuros(v.totals.ttcCents))}`));
    expect(doc.pages[last]).toContain(`Total phase ${v.phases[v.phases.length - 1]!.code} HT`);
  });

  it('never starts a page with a lonely subtotal', () => {
    for (const page of doc.pages.slice(1)) {
      const afterHeader = page.split(CHARGES_HEADER)[1];
      if (afterHeader) expect(afterHeader.trimStart()).not.toMatch(/^(Sous-total|Total phase)/);
    }
  });
});
