import { renderOrderPdf } from '../../bot/src/documents/order-pdf';
import { DEMO_PARTIES, DEMO_TITULAIRE } from '../../bot/src/documents/titulaire-identity';
import { formatEuros } from '../../bot/src/domain/catalogue/money';
import { PARIS_SIRET, anIssuedOrder, anOrderIn } from '../domain/quotes/factories';
import { PEOPLE, nameTokens } from './document-factories';
import { type ExtractedPdf, extractPdf, plain } from './pdf-text';

const oneLine = (text: string) => text.replace(/\s+/g, ' ');

describe('renderOrderPdf — an invoiced order', () => {
  const { order } = anOrderIn('invoiced');
  let pdf: Buffer;
  let doc: ExtractedPdf;

  beforeAll(async () => {
    pdf = await renderOrderPdf(order, DEMO_PARTIES);
    doc = extractPdf(pdf);
  });

  it('holds its number, the quote it comes from, its date and its state', () => {
    expect(doc.text).toContain('BON DE COMMANDE');
    expect(doc.text).toContain('Bon de commande BC-2026-0001');
    expect(doc.text).toContain("Devis d'origine : DEV-2026-0001 v1");
    expect(doc.text).toContain("Date d'émission : 21/05/2026");
    expect(doc.text).toContain('État : Facturé');
    expect(doc.text).toContain('Facture F-2026-0412');
    expect(doc.text).toContain("Période d'exécution du 01/06/2026 au 10/07/2026");
  });

  it('holds the totals HT, TVA and TTC and every line', () => {
    expect(doc.text).toContain(`Total HT ${plain(formatEuros(order.totals.htCents))}`);
    expect(doc.text).toContain(`TVA 20 % ${plain(formatEuros(order.totals.vatCents))}`);
    expect(doc.text).toContain(`Total TTC ${plain(formatEuros(order.totals.ttcCents))}`);
    for (const line of order.lines) expect(doc.text).toContain(plain(formatEuros(line.amountHtCents)));
    expect(doc.text).toContain('Livrable L2.1 — Boîtes aux lettres migrées');
  });

  it('holds both SIRETs and the agreement', () => {
    expect(doc.text).toContain('SIRET : 847 129 053 00017');
    expect(doc.text).toContain('SIRET : 216 900 123 00029');
    expect(doc.text.replace(/\s/g, '')).toContain(PARIS_SIRET);
    expect(doc.text).toContain('AOO_2024_PSTM');
    expect(oneLine(doc.text)).toContain('délai global de paiement de 30 jours');
  });

  it('lists its history by date, and prints no person name', () => {
    expect(doc.text).toContain('Émis 21/05/2026');
    expect(doc.text).toContain('Facturé 26/05/2026');
    const text = oneLine(doc.text);
    for (const name of nameTokens([order.issuedBy.name, ...order.steps.map((s) => s.by.name), ...PEOPLE])) {
      expect(text).not.toContain(name);
    }
  });

  it('carries metadata dated by the issue, and renders the same bytes twice', async () => {
    expect(doc.info).toMatchObject({
      Title: 'Bon de commande BC-2026-0001 — Ville de Bellerive-sur-Rhône',
      Author: DEMO_TITULAIRE.name,
      CreationDate: 'D:20260521080000Z',
    });
    expect((await renderOrderPdf(order, DEMO_PARTIES)).equals(pdf)).toBe(true);
  });
});

describe('renderOrderPdf — other states', () => {
  it('marks a cancelled order with the date and the reason', async () => {
    const text = oneLine(extractPdf(await renderOrderPdf(anOrderIn('cancelled').order, DEMO_PARTIES)).text);
    expect(text).toContain('Bon de commande annulé le 22/05/2026');
    expect(text).toContain('Motif : Projet abandonné par le bénéficiaire.');
    expect(text).toContain('État : Annulé');
  });

  it('prints a freshly issued order on one page', async () => {
    const doc = extractPdf(await renderOrderPdf(anIssuedOrder().order, DEMO_PARTIES));
    expect(doc.text).toContain('État : Émis');
    expect(doc.pages[doc.pages.length - 1]).toContain(`page ${doc.pages.length} / ${doc.pages.length}`);
  });
});
