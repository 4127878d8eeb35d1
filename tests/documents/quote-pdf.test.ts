import { renderQuotePdf } from '../../bot/src/documents/quote-pdf';
import { DEMO_PARTIES, DEMO_TITULAIRE } from '../../bot/src/documents/titulaire-identity';
import { formatEuros } from '../../bot/src/domain/catalogue/money';
import { NotFoundError, ValidationError } from '../../bot/src/domain/errors';
import { formatFrenchDate, formatShortFrenchDate } from '../../bot/src/domain/quotes/french-date';
import { applyQuoteAction } from '../../bot/src/domain/quotes/quote-lifecycle';
import { type Quote, latestVersion } from '../../bot/src/domain/quotes/quote';
import { DEMO_PRICE_SCHEDULE } from '../../bot/src/domain/catalogue/demo-price-schedule';
import {
  PARIS_SIRET,
  RECEIVED_AT,
  aDraftInput,
  aQuoteIn,
  anAccountManager,
} from '../domain/quotes/factories';
import { PEOPLE, nameTokens } from './document-factories';
import { type ExtractedPdf, extractPdf, plain } from './pdf-text';

const render = (quote: Quote, version?: number) => renderQuotePdf(quote, version, DEMO_PARTIES);
const oneLine = (text: string) => text.replace(/\s+/g, ' ');
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('renderQuotePdf — a sent quote', () => {
  const quote = aQuoteIn('sent').quote;
  const v = latestVersion(quote)!;
  let pdf: Buffer;
  let doc: ExtractedPdf;

  beforeAll(async () => {
    pdf = await render(quote);
    doc = extractPdf(pdf);
  });

  it('is an A4 PDF with page numbers "page X / Y"', () => {
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(doc.pages.length).toBeGreaterThanOrEqual(1);
    doc.pages.forEach((page, i) => expect(page).toContain(`page ${i + 1} / ${doc.pages.length}`));
  });

  it('holds the totals HT, TVA and TTC as formatted, with the VAT rate', () => {
    expect(doc.text).toContain(`Total HT ${plain(formatEuros(v.totals.htCents))}`);
    expect(doc.text).toContain(`TVA 20 % ${plain(formatEuros(v.totals.vatCents))}`);
    expect(doc.text).toContain(`Total TTC ${plain(formatEuros(v.totals.ttcCents))}`);
    expect(doc.text).toContain('17 217,50 €');
    expect(doc.text).toContain('20 661,00 €');
  });

  it('holds the calendar: each phase with its dates, each deliverable with its due date', () => {
    for (const phase of v.phases) {
      const dates = `${formatShortFrenchDate(phase.start)} ${formatShortFrenchDate(phase.end)}`;
      expect(doc.text).toContain(`${phase.code} — ${phase.label} ${dates}`);
      for (const d of phase.deliverables) {
        expect(doc.text).toMatch(
          new RegExp(`${escape(`${d.code} — ${d.label}`)} ${escape(formatShortFrenchDate(d.dueDate!))}`),
        );
      }
    }
  });

  it('holds the costed lines: code, label, level, quantity, unit price and amount', () => {
    expect(doc.text).toContain('CA-EXP Consultant senior / architecte EXPERT P2 3,5 j 1 050,00 € 3 675,00 €');
    expect(doc.text).toContain("INT-EXP Ingénieur d'intégration EXPERT P2 4,25 j 890,00 € 3 782,50 €");
    expect(doc.text).toContain('Total phase PH1 HT 5 235,00 €');
    expect(doc.text).toContain('Sous-total livrable L2.1 10 282,50 €');
  });

  it('holds both parties with their SIRETs', () => {
    expect(doc.text).toContain(`SIRET : 847 129 053 00017`);
    expect(doc.text).toContain(`SIRET : 216 900 123 00029`);
    const digits = doc.text.replace(/\s/g, '');
    expect(digits).toContain(DEMO_TITULAIRE.siret);
    expect(digits).toContain(PARIS_SIRET);
    expect(doc.text).toContain(DEMO_TITULAIRE.name);
    expect(doc.text).toContain(quote.beneficiaryName);
  });

  it('holds the agreement reference, the quote number and version, the dates and the validity', () => {
    expect(doc.text).toContain(
      'Accord-cadre à bons de commande AOO_2024_PSTM — prestations spécialisées sur les technologies Microsoft',
    );
    expect(doc.text).toContain('DEV-2026-0001 — version 1');
    expect(doc.text).toContain("Date d'émission : 19/05/2026");
    expect(v.validUntil).toBe('2026-08-19');
    expect(doc.text).toContain("Valable jusqu'au : 19/08/2026");
    expect(oneLine(doc.text)).toContain(`jusqu'au ${formatFrenchDate(v.validUntil!)} inclus`);
  });

  it('holds the anonymised profiles: codes, levels, certifications', () => {
    expect(doc.text).toContain('P1 CONFIRMÉ PMP');
    expect(doc.text).toContain('P2 EXPERT MS-102, Microsoft 365 Certified: Enterprise Administrator Expert');
    expect(doc.text).toContain('P3 CONFIRMÉ MS-203, MS-700');
  });

  it('holds the legal mentions a public buyer needs', () => {
    const text = oneLine(doc.text);
    expect(text).toContain('virement administratif');
    expect(text).toContain('délai global de paiement de 30 jours');
    expect(text).toContain('R. 2192-10');
    expect(text).toContain('CCAG-TIC');
    expect(text).toContain('TVA au taux de 20 %');
    expect(text).toContain('Montants exprimés en euros (€)');
    expect(text).toContain('version 2024-1');
  });

  it('prints no person name: the requester is the organisation, the Titulaire a company', () => {
    const names = nameTokens([quote.request.requestedBy.name, v.preparedBy.name, v.sentBy!.name, ...PEOPLE]);
    const text = oneLine(doc.text);
    for (const name of names) expect(text).not.toContain(name);
    expect(text).not.toContain(quote.request.requestedBy.objectId!);
    expect(Object.values(doc.info).join(' ')).not.toMatch(new RegExp(names.map(escape).join('|')));
  });

  it('carries metadata dated by the sending, and renders the same bytes twice', async () => {
    expect(doc.info).toMatchObject({
      Title: 'Devis DEV-2026-0001 v1 — Ville de Bellerive-sur-Rhône',
      Author: DEMO_TITULAIRE.name,
      Subject: quote.request.subject,
      CreationDate: 'D:20260519140000Z',
      Language: 'fr-FR',
    });
    expect((await render(quote)).equals(pdf)).toBe(true);
  });
});

describe('renderQuotePdf — other versions and states', () => {
  it('prints a request received by e-mail without its contact name or address', async () => {
    const contact = { name: 'Jeanne Morel', email: 'jeanne.morel@bellerive.example' };
    const { quote } = aQuoteIn('sent', {
      requestedBy: anAccountManager(),
      channel: 'email',
      contact,
      receivedAt: RECEIVED_AT,
    });
    const text = oneLine(extractPdf(await render(quote)).text);
    expect(text).toContain('reçue de Ville de Bellerive-sur-Rhône le 30/04/2026 (par e-mail)');
    for (const token of [...nameTokens([contact.name, ...PEOPLE]), contact.email])
      expect(text).not.toContain(token);
  });

  it('notes the acceptance and the order, without the approver name', async () => {
    const { quote } = aQuoteIn('accepted');
    const linked: Quote = { ...quote, order: { id: 'bc-0001', number: 'BC-2026-0001' } };
    const text = oneLine(extractPdf(await render(linked)).text);
    expect(text).toContain('Devis accepté par le bénéficiaire le 21/05/2026 : bon de commande BC-2026-0001.');
    expect(text).toContain('Statut : Accepté');
    for (const name of nameTokens(PEOPLE)) expect(text).not.toContain(name);
  });

  it('marks a draft as not yet sent, with its validity in months', async () => {
    const { quote } = aQuoteIn('in-preparation');
    const text = oneLine(extractPdf(await render(quote)).text);
    expect(text).toContain("Projet : cette version n'a pas encore été envoyée");
    expect(text).toContain('Préparé le : 05/05/2026');
    expect(text).toContain('Validité : 3 mois après envoi');
  });

  it('prints any version on demand and marks a superseded one', async () => {
    const sent = aQuoteIn('sent').quote;
    const draft = aDraftInput();
    const revised = applyQuoteAction(
      sent,
      {
        type: 'revise',
        draft: { ...draft, profiles: draft.profiles.slice() },
        schedule: DEMO_PRICE_SCHEDULE,
      },
      anAccountManager(),
      '2026-05-20T08:00:00Z',
    ).quote;
    const v1 = oneLine(extractPdf(await render(revised, 1)).text);
    expect(v1).toContain('DEV-2026-0001 — version 1');
    expect(v1).toContain('Version remplacée : la version 2 de ce devis annule et remplace celle-ci');
    const latest = oneLine(extractPdf(await render(revised)).text);
    expect(latest).toContain('DEV-2026-0001 — version 2');
  });

  it('refuses a missing version and an invalid Titulaire SIRET', async () => {
    const { quote } = aQuoteIn('sent');
    await expect(render(quote, 3)).rejects.toThrow(NotFoundError);
    await expect(render(aQuoteIn('requested').quote)).rejects.toThrow(NotFoundError);
    await expect(
      renderQuotePdf(quote, undefined, { titulaire: { ...DEMO_TITULAIRE, siret: '12345678901234' } }),
    ).rejects.toThrow(ValidationError);
  });

  it('renders characters outside WinAnsi in free text legibly', async () => {
    const { quote } = aQuoteIn('sent', {
      form: {
        subject: 'Migration « Exchange » – œuvre −1 : 1\u202f250 € → cœur',
        need: 'Besoin.',
        domain: 'modern-workplace',
      },
    });
    const text = extractPdf(await render(quote)).text;
    expect(text).toContain('Migration « Exchange » – œuvre -1 : 1 250 € -> cœur');
  });
});
