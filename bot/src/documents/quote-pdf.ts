/**
 * The printable quote (issue 5, point 4): A4, in French, with what a public buyer needs to commit
 * to it — both parties and their SIRETs, the agreement and its reference, dates and validity, the
 * provisional calendar, the costed table per phase and deliverable, totals HT / TVA / TTC, the
 * anonymised profiles and the legal mentions. It prints no person's name: the requester appears as
 * the beneficiary organisation, the Titulaire as a company, the people proposed as profiles.
 */
import type { Quote } from '../domain/quotes/quote';
import { CHARGE_COLUMNS, chargeRows } from './charges-table';
import { drawDocumentHeader } from './document-header';
import { formatSiret } from './document-formats';
import { quoteLegalMentions } from './legal-mentions';
import { type PageFrame, drawRunningHeader, stampFooters } from './page-frame';
import { beneficiaryBox, drawParties, titulaireBox } from './parties-block';
import { finishPdf, openPdf } from './pdf-document';
import { drawFacts, drawNotice, sectionTitle } from './pdf-section';
import { drawTable } from './pdf-table';
import { SIZES } from './pdf-theme';
import { profilesTable } from './profiles-table';
import { calendarTable } from './quote-calendar-table';
import {
  headingFacts,
  pickVersion,
  quoteMetadata,
  quotePhaseCharges,
  requestFacts,
  versionNotice,
} from './quote-facts';
import { type DocumentParties, checkTitulaireIdentity, paymentDelayFor } from './titulaire-identity';
import { TOTALS_BLOCK_HEIGHT, drawTotals } from './totals-block';

/** Renders a version of a quote (the latest by default) as a PDF; `NotFoundError` without one. */
export async function renderQuotePdf(
  quote: Quote,
  version: number | undefined,
  parties: DocumentParties,
): Promise<Buffer> {
  const v = pickVersion(quote, version);
  const titulaire = checkTitulaireIdentity(parties.titulaire);
  const paymentDelay = await paymentDelayFor(parties, quote.beneficiaryId);
  const frame: PageFrame = {
    documentLabel: `Devis ${quote.number} — version ${v.version}`,
    beneficiaryName: quote.beneficiaryName,
    issuerLine: `${titulaire.name} — SIRET ${formatSiret(titulaire.siret)}`,
  };
  const draft = openPdf(quoteMetadata(quote, v, titulaire));
  const { flow } = draft;
  flow.onNewPage((f) => drawRunningHeader(f, frame));

  drawDocumentHeader(flow, titulaire, {
    title: 'DEVIS',
    reference: `${quote.number} — version ${v.version}`,
    facts: headingFacts(quote, v),
  });
  const notice = versionNotice(quote, v);
  if (notice) drawNotice(flow, notice.text, notice.tone);
  drawParties(flow, titulaireBox(titulaire), beneficiaryBox(quote.beneficiaryName, quote.beneficiaryId));

  sectionTitle(flow, 'Objet du devis');
  drawFacts(flow, requestFacts(quote, v));
  sectionTitle(flow, 'Calendrier prévisionnel');
  drawTable(flow, calendarTable(v));
  sectionTitle(flow, 'Détail des charges et des coûts');
  drawTable(flow, {
    columns: CHARGE_COLUMNS,
    rows: chargeRows(quotePhaseCharges(v)),
    continuedTitle: 'Détail des charges et des coûts',
    followedBy: TOTALS_BLOCK_HEIGHT,
  });
  drawTotals(flow, v.totals, v.vatRateBp);
  sectionTitle(flow, 'Profils proposés (anonymisés)');
  drawTable(flow, profilesTable(v));
  sectionTitle(flow, 'Conditions et mentions légales');
  const mentions = quoteLegalMentions({
    ...(v.validUntil ? { validUntil: v.validUntil } : {}),
    validityMonths: quote.terms.validityMonths,
    vatRateBp: v.vatRateBp,
    scheduleVersion: v.scheduleVersion,
    paymentDelay,
  });
  for (const text of mentions) flow.paragraph(text, { size: SIZES.small + 0.4, lineGap: 1 }, 5);

  stampFooters(flow, frame);
  return finishPdf(draft);
}
