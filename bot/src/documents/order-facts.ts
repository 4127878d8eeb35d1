/**
 * What an order's PDF says about the order, read from the domain document: dates, state, the quote
 * it comes from, its lines grouped back under their phases and deliverables, its history and its
 * metadata. Who moved the order is recorded for the audit, not printed: the document names the
 * parties, not their agents.
 */
import { ORDER_STATUS_LABELS, type Order, type OrderLine } from '../domain/orders/order';
import { quoteVersionLabel } from '../domain/quotes/quote';
import { AGREEMENT } from './agreement-reference';
import type { ChargeItem, PhaseCharges } from './charges-table';
import { shortDate, shortDateOf } from './document-formats';
import type { PdfMetadata } from './pdf-document';
import type { Fact } from './pdf-section';
import type { TableSpec } from './pdf-table';
import type { TitulaireIdentity } from './titulaire-identity';

/** "BC-2026-0001" with the kind of document, as pages and metadata name it. */
export function orderLabel(order: Order): string {
  return `Bon de commande ${order.number}`;
}

/** "DEV-2026-0001 v1": the accepted quote version. */
export function orderQuoteLabel(order: Order): string {
  return quoteVersionLabel(order.quote, order.quote.version);
}

/** Date, origin and state, as the heading of the first page shows them. */
export function orderHeadingFacts(order: Order): Fact[] {
  return [
    { label: "Date d'émission", value: shortDateOf(order.issuedAt, order.zone) },
    { label: "Devis d'origine", value: orderQuoteLabel(order) },
    { label: 'État', value: ORDER_STATUS_LABELS[order.status] },
  ];
}

/** The notice a cancelled order carries. */
export function orderNotice(order: Order): string | undefined {
  const c = order.cancellation;
  if (!c) return undefined;
  return (
    `Bon de commande annulé le ${shortDateOf(c.at, order.zone)} (il était à l'état « ${ORDER_STATUS_LABELS[c.from]} »). ` +
    `Motif : ${c.reason}`
  );
}

/** Subject, period, price schedule and the references an invoice must quote. */
export function orderFacts(order: Order): Fact[] {
  return [
    { label: 'Objet', value: order.quote.subject },
    { label: 'Devis accepté', value: orderQuoteLabel(order) },
    {
      label: "Période d'exécution",
      value: `du ${shortDate(order.period.start)} au ${shortDate(order.period.end)} (prévisionnelle)`,
    },
    { label: 'Bordereau des prix', value: `BPU version ${order.scheduleVersion}` },
    { label: 'À rappeler sur la facture', value: order.number },
    ...(order.invoiceReference ? [{ label: 'Facture', value: order.invoiceReference }] : []),
  ];
}

interface DeliverableDraft {
  readonly code: string;
  readonly label: string;
  readonly charges: ChargeItem[];
}
interface PhaseDraft {
  readonly code: string;
  readonly label: string;
  readonly direct: ChargeItem[];
  readonly deliverables: DeliverableDraft[];
}

/** The order's flat lines grouped back under their phases and deliverables, in order. */
export function orderPhaseCharges(lines: readonly OrderLine[]): PhaseCharges[] {
  const phases: PhaseDraft[] = [];
  for (const line of lines) {
    let phase = phases[phases.length - 1];
    if (!phase || phase.code !== line.phase) {
      phase = { code: line.phase, label: line.phaseLabel, direct: [], deliverables: [] };
      phases.push(phase);
    }
    if (!line.deliverable) {
      phase.direct.push(line);
      continue;
    }
    let d = phase.deliverables[phase.deliverables.length - 1];
    if (!d || d.code !== line.deliverable) {
      d = { code: line.deliverable, label: line.deliverableLabel ?? line.deliverable, charges: [] };
      phase.deliverables.push(d);
    }
    d.charges.push(line);
  }
  return phases;
}

/** The order's history: each state and the day it was reached (cancellation included), no names. */
export function stepsTable(order: Order): TableSpec {
  const rows = order.steps.map((step) => ({
    cells: [ORDER_STATUS_LABELS[step.status], shortDateOf(step.at, order.zone)],
  }));
  return {
    columns: [
      { header: 'État', width: 200 },
      { header: 'Date', width: 90, align: 'right' },
    ],
    rows,
    continuedTitle: 'Suivi de la commande',
  };
}

/** Metadata: dated by the order's issue, last changed at its last step. */
export function orderMetadata(order: Order, titulaire: TitulaireIdentity): PdfMetadata {
  return {
    title: `${orderLabel(order)} — ${order.beneficiaryName}`,
    author: titulaire.name,
    subject: order.quote.subject,
    keywords: [
      AGREEMENT.reference,
      'bon de commande',
      order.number,
      order.quote.number,
      `SIRET ${order.beneficiaryId}`,
    ],
    createdAt: new Date(order.issuedAt),
    modifiedAt: new Date(order.updatedAt),
  };
}
