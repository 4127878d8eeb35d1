/**
 * The printable order (bon de commande): its number, the quote version it comes from, both parties
 * and their SIRETs, its lines and totals HT / TVA / TTC as copied from the accepted quote, its
 * state and history, and the legal mentions — what the beneficiary's accounting files as its
 * commitment and what the Titulaire's invoice must quote.
 */
import type { Order } from '../domain/orders/order';
import { CHARGE_COLUMNS, chargeRows } from './charges-table';
import { drawDocumentHeader } from './document-header';
import { formatSiret } from './document-formats';
import { orderLegalMentions } from './legal-mentions';
import {
  orderFacts,
  orderHeadingFacts,
  orderLabel,
  orderMetadata,
  orderNotice,
  orderPhaseCharges,
  orderQuoteLabel,
  stepsTable,
} from './order-facts';
import { type PageFrame, drawRunningHeader, stampFooters } from './page-frame';
import { beneficiaryBox, drawParties, titulaireBox } from './parties-block';
import { finishPdf, openPdf } from './pdf-document';
import { drawFacts, drawNotice, sectionTitle } from './pdf-section';
import { drawTable } from './pdf-table';
import { SIZES } from './pdf-theme';
import { type DocumentParties, checkTitulaireIdentity, paymentDelayFor } from './titulaire-identity';
import { TOTALS_BLOCK_HEIGHT, drawTotals } from './totals-block';

/** Renders an order as a PDF. */
export async function renderOrderPdf(order: Order, parties: DocumentParties): Promise<Buffer> {
  const titulaire = checkTitulaireIdentity(parties.titulaire);
  const paymentDelay = await paymentDelayFor(parties, order.beneficiaryId);
  const frame: PageFrame = {
    documentLabel: orderLabel(order),
    beneficiaryName: order.beneficiaryName,
    issuerLine: `${titulaire.name} — SIRET ${formatSiret(titulaire.siret)}`,
  };
  const draft = openPdf(orderMetadata(order, titulaire));
  const { flow } = draft;
  flow.onNewPage((f) => drawRunningHeader(f, frame));

  drawDocumentHeader(flow, titulaire, {
    title: 'BON DE COMMANDE',
    reference: order.number,
    facts: orderHeadingFacts(order),
  });
  const notice = orderNotice(order);
  if (notice) drawNotice(flow, notice);
  drawParties(flow, titulaireBox(titulaire), beneficiaryBox(order.beneficiaryName, order.beneficiaryId));

  sectionTitle(flow, 'Objet de la commande');
  drawFacts(flow, orderFacts(order));
  sectionTitle(flow, 'Prestations commandées');
  drawTable(flow, {
    columns: CHARGE_COLUMNS,
    rows: chargeRows(orderPhaseCharges(order.lines)),
    continuedTitle: 'Prestations commandées',
    followedBy: TOTALS_BLOCK_HEIGHT,
  });
  drawTotals(flow, order.totals, order.vatRateBp);
  sectionTitle(flow, 'Suivi de la commande');
  drawTable(flow, stepsTable(order));
  sectionTitle(flow, 'Conditions et mentions légales');
  const mentions = orderLegalMentions({
    orderNumber: order.number,
    quoteLabel: orderQuoteLabel(order),
    vatRateBp: order.vatRateBp,
    scheduleVersion: order.scheduleVersion,
    paymentDelay,
  });
  for (const text of mentions) flow.paragraph(text, { size: SIZES.small + 0.4, lineGap: 1 }, 5);

  stampFooters(flow, frame);
  return finishPdf(draft);
}
