/**
 * The tables of a CANUT report, in French, as both the CSV files and the XLSX sheets show them: one
 * table per figure family, each aggregate row ending with the numbers of the documents behind it.
 */
import { PROFILE_LEVEL_LABELS, PRICE_UNIT_LABELS } from '../domain/catalogue/price-line';
import { ORDER_STATUS_LABELS } from '../domain/orders/order';
import type { PeriodKind } from '../domain/reports/report-period';
import type {
  QuoteState,
  QuoteTimelinessRow,
  Report,
  SlaRow,
  SlaState,
  Trace,
} from '../domain/reports/report-types';
import { CATEGORY_LABELS, DOMAIN_LABELS } from '../domain/tickets/incident-form';
import { type Cell, type Column, type DataTable, joinNumbers } from './data-table';
import { keyFigureTable, penaltiesBySiretTable } from './report-key-figures';

const KIND_LABELS: Readonly<Record<PeriodKind, string>> = {
  month: 'Mois',
  quarter: 'Trimestre',
  year: 'Année',
};
const SLA_STATE_LABELS: Readonly<Record<SlaState, string>> = {
  'on-time': 'Dans le délai',
  late: 'Hors délai',
  'open-late': 'Ouvert, délai dépassé',
  pending: 'Ouvert, dans le délai',
};
const QUOTE_STATE_LABELS: Readonly<Record<QuoteState, string>> = {
  'on-time': 'Envoyé dans le délai',
  late: 'Envoyé en retard',
  overdue: 'Non envoyé, délai dépassé',
  pending: 'Non envoyé, dans le délai',
};
const ALL = 'Tous';

const text = (header: string, width?: number): Column => ({ header, kind: 'text', width });
const euros = (header: string): Column => ({ header, kind: 'euros' });
const integer = (header: string): Column => ({ header, kind: 'integer' });
const percent = (header: string): Column => ({ header, kind: 'percent' });
const date = (header: string): Column => ({ header, kind: 'date' });
const docs = (header: string): Column => ({ header, kind: 'text', width: 60 });
const count = (t: Trace) => t.ids.length;

/** Every table of the report, the key figures first. */
export function reportTables(report: Report): DataTable[] {
  return [
    keyFigureTable(report),
    volumeTable(report),
    ordersTable(report),
    priceLinesTable(report),
    slaTable('conformite-sla-gravite', 'SLA par gravité', 'Gravité', report.sla.bySeverity, report),
    slaTable(
      'conformite-sla-beneficiaire',
      'SLA par bénéficiaire',
      'SIRET',
      report.sla.byBeneficiary,
      report,
    ),
    ticketsTable(report),
    ticketBreakdownTable(report),
    quoteTimelinessTable(report),
    quotesTable(report),
    penaltiesTable(report),
    penaltiesBySiretTable(report),
  ];
}

function volumeTable(report: Report): DataTable {
  return {
    name: 'volume-affaires',
    sheet: "Volume d'affaires",
    description:
      "Volume d'affaires (bons de commande émis, hors annulés) par mois, trimestre et année, au total et par SIRET.",
    columns: [
      text('Granularité'),
      text('Période'),
      text('SIRET', 16),
      text('Bénéficiaire', 36),
      integer('Nombre de commandes'),
      euros('Montant HT (€)'),
      euros('TVA (€)'),
      euros('Montant TTC (€)'),
      docs('Bons de commande'),
    ],
    rows: report.volume.rows.map((r) => [
      KIND_LABELS[r.bucket.kind],
      r.bucket.label,
      r.siret ?? ALL,
      r.beneficiaryName ?? ALL,
      r.orderCount,
      r.htCents,
      r.vatCents,
      r.ttcCents,
      joinNumbers(r.trace.numbers),
    ]),
  };
}

function ordersTable(report: Report): DataTable {
  return {
    name: 'bons-de-commande',
    sheet: 'Bons de commande',
    description:
      'Liste complète des bons de commande émis dans la période, avec leur statut en fin de période.',
    columns: [
      text('N° de commande', 16),
      date("Date d'émission"),
      text('SIRET', 16),
      text('Bénéficiaire', 36),
      text('Devis', 16),
      integer('Version du devis'),
      text('Objet', 48),
      text('Statut', 20),
      { header: "Compté dans le volume d'affaires", kind: 'boolean' },
      text('Version du BPU'),
      euros('Montant HT (€)'),
      euros('TVA (€)'),
      euros('Montant TTC (€)'),
      text('Identifiant', 24),
    ],
    rows: report.orders.map((o) => [
      o.number,
      o.issuedOn,
      o.siret,
      o.beneficiaryName,
      o.quoteNumber,
      o.quoteVersion,
      o.subject,
      ORDER_STATUS_LABELS[o.status],
      o.counted,
      o.scheduleVersion,
      o.htCents,
      o.vatCents,
      o.ttcCents,
      o.id,
    ]),
  };
}

function priceLinesTable(report: Report): DataTable {
  return {
    name: 'repartition-lignes-bpu',
    sheet: 'Répartition par ligne BPU',
    description: 'Répartition des bons de commande comptés sur les lignes du bordereau des prix (BPU).',
    columns: [
      text('Code'),
      text('Libellé', 40),
      text('Niveau'),
      text('Unité'),
      euros('Prix unitaire HT (€)'),
      { header: 'Quantité', kind: 'decimal' },
      integer('Nombre de lignes'),
      euros('Montant HT (€)'),
      percent('Part du volume HT (%)'),
      docs('Bons de commande'),
    ],
    rows: report.priceLines.map((l) => [
      l.code,
      l.label,
      l.level ? PROFILE_LEVEL_LABELS[l.level] : '',
      PRICE_UNIT_LABELS[l.unit].one,
      l.unitPriceCents,
      l.quantity,
      l.lineCount,
      l.htCents,
      l.shareBp,
      joinNumbers(l.trace.numbers),
    ]),
  };
}

const SLA_COLUMNS: readonly Column[] = [
  integer('Tickets reçus'),
  integer('Première réponse dans le délai'),
  integer('Première réponse hors délai'),
  integer('Ouverts, délai dépassé'),
  integer('Ouverts, dans le délai (non comptés)'),
  percent('Conformité (%)'),
  docs('Tickets hors délai'),
  docs('Tickets ouverts en retard'),
  docs('Tickets dans le délai'),
];

function slaCells(r: SlaRow): Cell[] {
  const received = count(r.onTime) + count(r.late) + count(r.openLate) + count(r.pending);
  return [
    received,
    count(r.onTime),
    count(r.late),
    count(r.openLate),
    count(r.pending),
    r.complianceBp,
    joinNumbers(r.late.numbers),
    joinNumbers(r.openLate.numbers),
    joinNumbers(r.onTime.numbers),
  ];
}

function slaTable(
  name: string,
  sheet: string,
  by: string,
  rows: readonly SlaRow[],
  report: Report,
): DataTable {
  const perSeverity = by === 'Gravité';
  return {
    name,
    sheet,
    description: `Conformité de la première réponse aux incidents (CCTP 5.6.6.1) ${perSeverity ? 'par gravité' : 'par bénéficiaire'}, tickets reçus dans la période, état en fin de période.`,
    columns: perSeverity
      ? [text('Gravité'), ...SLA_COLUMNS]
      : [text('SIRET', 16), text('Bénéficiaire', 36), ...SLA_COLUMNS],
    rows: [
      ...rows.map((r) =>
        perSeverity ? [String(r.severity), ...slaCells(r)] : [r.siret, r.beneficiaryName, ...slaCells(r)],
      ),
      perSeverity ? [ALL, ...slaCells(report.sla.total)] : [ALL, ALL, ...slaCells(report.sla.total)],
    ],
  };
}

function ticketsTable(report: Report): DataTable {
  return {
    name: 'tickets',
    sheet: 'Tickets',
    description: 'Tickets reçus dans la période et état de leur première réponse en fin de période.',
    columns: [
      text('N° de ticket', 18),
      date('Date de réception'),
      text('SIRET', 16),
      text('Bénéficiaire', 36),
      integer('Gravité'),
      text('Catégorie', 24),
      text('Domaine', 40),
      text('Reçu le (UTC)', 22),
      text('Première réponse due le (UTC)', 22),
      text('Première réponse le (UTC)', 22),
      text('État', 24),
      text('Identifiant', 24),
    ],
    rows: report.sla.tickets.map((t) => [
      t.number,
      t.receivedOn,
      t.siret,
      t.beneficiaryName,
      t.severity,
      CATEGORY_LABELS[t.category],
      DOMAIN_LABELS[t.domain],
      t.receivedAt,
      t.firstResponseDueAt,
      t.firstResponseAt,
      SLA_STATE_LABELS[t.state],
      t.id,
    ]),
  };
}

function ticketBreakdownTable(report: Report): DataTable {
  return {
    name: 'tickets-domaine-categorie',
    sheet: 'Tickets par domaine',
    description: 'Tickets reçus dans la période par domaine technique et par catégorie.',
    columns: [text('Domaine', 40), text('Catégorie', 24), integer('Nombre de tickets'), docs('Tickets')],
    rows: report.tickets.byDomainAndCategory.map((r) => [
      DOMAIN_LABELS[r.domain],
      CATEGORY_LABELS[r.category],
      count(r.trace),
      joinNumbers(r.trace.numbers),
    ]),
  };
}

function timelinessCells(r: QuoteTimelinessRow): Cell[] {
  return [
    r.siret ?? ALL,
    r.beneficiaryName ?? ALL,
    count(r.onTime) + count(r.late) + count(r.overdue) + count(r.pending),
    count(r.onTime),
    count(r.late),
    count(r.overdue),
    count(r.pending),
    r.onTimeBp,
    r.calendarDaysLateTotal,
    r.averageCalendarDaysLate,
    joinNumbers(r.late.numbers),
    joinNumbers(r.overdue.numbers),
  ];
}

function quoteTimelinessTable(report: Report): DataTable {
  return {
    name: 'delais-devis',
    sheet: 'Délais des devis',
    description:
      'Respect du délai de remise des devis (CCTP 5.6.6.2), demandes reçues dans la période, état en fin de période.',
    columns: [
      text('SIRET', 16),
      text('Bénéficiaire', 36),
      integer('Demandes reçues'),
      integer('Envoyés dans le délai'),
      integer('Envoyés en retard'),
      integer('Non envoyés, délai dépassé'),
      integer('Non envoyés, dans le délai (non comptés)'),
      percent('Dans le délai (%)'),
      integer('Jours de retard (total, calendaires)'),
      { header: 'Retard moyen (jours calendaires)', kind: 'decimal' },
      docs('Devis envoyés en retard'),
      docs('Devis non envoyés en retard'),
    ],
    rows: [...report.quotes.byBeneficiary, report.quotes.total].map(timelinessCells),
  };
}

function quotesTable(report: Report): DataTable {
  return {
    name: 'devis',
    sheet: 'Devis',
    description:
      'Demandes de devis reçues dans la période et état de leur première réponse en fin de période.',
    columns: [
      text('N° de devis', 16),
      text('SIRET', 16),
      text('Bénéficiaire', 36),
      date('Date de réception'),
      date('Date limite'),
      date("Date d'envoi"),
      text('État', 26),
      integer('Jours de retard (calendaires)'),
      integer('Jours de retard (ouvrés)'),
      text('Identifiant', 24),
    ],
    rows: report.quotes.rows.map((q) => [
      q.number,
      q.siret,
      q.beneficiaryName,
      q.receivedOn,
      q.dueDate,
      q.sentOn,
      QUOTE_STATE_LABELS[q.state],
      q.calendarDaysLate,
      q.workingDaysLate,
      q.id,
    ]),
  };
}

function penaltiesTable(report: Report): DataTable {
  return {
    name: 'penalites',
    sheet: 'Pénalités',
    description:
      'Pénalités de retard des devis dont la première réponse, en retard, a été envoyée dans la période (montants enregistrés sur chaque devis).',
    columns: [
      text('N° de devis', 16),
      text('SIRET', 16),
      text('Bénéficiaire', 36),
      date('Date limite'),
      date("Date d'envoi"),
      integer('Jours de retard (calendaires)'),
      integer('Jours de retard (ouvrés)'),
      euros('Valeur HT du devis (€)'),
      euros('Pénalité (€)'),
      { header: 'Plafonnée', kind: 'boolean' },
    ],
    rows: report.penalties.rows.map((p) => [
      p.quoteNumber,
      p.siret,
      p.beneficiaryName,
      p.dueDate,
      p.sentOn,
      p.calendarDaysLate,
      p.workingDaysLate,
      p.baseHtCents,
      p.amountCents,
      p.capped,
    ]),
  };
}
