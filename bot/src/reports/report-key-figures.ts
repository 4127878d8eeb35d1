/**
 * The first sheet of a report: what it covers and its key figures, one per row, each in the column
 * of its kind (a count, an amount or a rate) so that the spreadsheet keeps them as numbers. Also the
 * penalties per beneficiary, a small table the CANUT reads next to the volume.
 */
import { SEVERITIES } from '../domain/sla/severity';
import type { Report } from '../domain/reports/report-types';
import type { Cell, DataTable } from './data-table';
import { joinNumbers } from './data-table';

type Figure = readonly [
  label: string,
  value: string | null,
  count: number | null,
  cents: number | null,
  bp: number | null,
];

const info = (label: string, value: string | null): Figure => [label, value, null, null, null];
const number = (label: string, count: number): Figure => [label, null, count, null, null];
const money = (label: string, cents: number, count: number | null = null): Figure => [
  label,
  null,
  count,
  cents,
  null,
];
const rate = (label: string, bp: number | null): Figure => [label, null, null, null, bp];

/** What the report covers. */
function scopeFigures(report: Report): Figure[] {
  const { scope, period } = report;
  return [
    info('Période', period.label),
    info('Du', period.start),
    info('Au', period.end),
    info(
      'Périmètre',
      scope.siret ? `${scope.beneficiaryName ?? ''} (SIRET ${scope.siret})` : 'Tous les bénéficiaires',
    ),
    info('Établi le (UTC)', report.generatedAt),
  ];
}

/** The key figures, one per row. */
function keyFigures(report: Report): Figure[] {
  const { volume, sla, quotes, penalties } = report;
  const counted = report.orders.filter((o) => o.counted);
  const average = quotes.total.averageCalendarDaysLate;
  return [
    number("Bons de commande comptés dans le volume d'affaires", volume.total.orderCount),
    number('Bons de commande émis puis annulés (non comptés)', report.orders.length - counted.length),
    money("Volume d'affaires HT", volume.total.htCents),
    money("Volume d'affaires TTC", volume.total.ttcCents),
    number('Bénéficiaires ayant commandé', new Set(counted.map((o) => o.siret)).size),
    number('Tickets reçus', sla.tickets.length),
    rate('Conformité de la première réponse, toutes gravités', sla.total.complianceBp),
    ...SEVERITIES.map((s) =>
      rate(`Conformité de la première réponse, gravité ${s}`, sla.bySeverity[s - 1]?.complianceBp ?? null),
    ),
    number('Tickets ouverts avec délai de première réponse dépassé', sla.total.openLate.ids.length),
    number('Demandes de devis reçues', quotes.rows.length),
    rate('Devis envoyés dans le délai', quotes.total.onTimeBp),
    info(
      'Retard moyen des devis en retard (jours calendaires)',
      average === null ? null : String(average).replace('.', ','),
    ),
    money('Pénalités de retard des devis', penalties.totalCents, penalties.rows.length),
  ];
}

/** The "Synthèse" table. */
export function keyFigureTable(report: Report): DataTable {
  const figures = [...scopeFigures(report), ...keyFigures(report)];
  return {
    name: 'synthese',
    sheet: 'Synthèse',
    description: 'Période, périmètre et chiffres clés du rapport.',
    columns: [
      { header: 'Indicateur', kind: 'text', width: 60 },
      { header: 'Valeur', kind: 'text', width: 40 },
      { header: 'Nombre', kind: 'integer' },
      { header: 'Montant (€)', kind: 'euros' },
      { header: 'Taux (%)', kind: 'percent' },
    ],
    rows: figures.map((f): Cell[] => [...f]),
  };
}

/** Penalties per beneficiary. */
export function penaltiesBySiretTable(report: Report): DataTable {
  return {
    name: 'penalites-beneficiaire',
    sheet: 'Pénalités par bénéficiaire',
    description: 'Total des pénalités de retard des devis par bénéficiaire sur la période.',
    columns: [
      { header: 'SIRET', kind: 'text', width: 16 },
      { header: 'Bénéficiaire', kind: 'text', width: 36 },
      { header: 'Nombre de devis', kind: 'integer' },
      { header: 'Pénalités (€)', kind: 'euros' },
      { header: 'Devis', kind: 'text', width: 60 },
    ],
    rows: report.penalties.bySiret.map((r) => [
      r.siret,
      r.beneficiaryName,
      r.trace.ids.length,
      r.amountCents,
      joinNumbers(r.trace.numbers),
    ]),
  };
}

/** How the figures are made, for whoever checks them. */
const METHOD_NOTES: readonly string[] = [
  "Chaque document est rattaché à la période par sa date locale, dans le fuseau de son bénéficiaire (émission d'une commande, réception d'un ticket ou d'une demande de devis).",
  "Les chiffres sont ceux de la fin de la période (ou du moment du rapport si elle n'est pas finie) : un rapport sur une période passée donne toujours les mêmes chiffres.",
  "Volume d'affaires : montants HT des bons de commande émis dans la période, sauf ceux annulés avant sa fin (listés mais non comptés).",
  'Conformité SLA : première réponse au plus tard à son échéance ; un ticket sans réponse et déjà en retard en fin de période compte comme hors délai, un ticket sans réponse pas encore échu n’est pas compté.',
  'Devis : premier envoi au plus tard à la date limite (10e jour ouvré suivant la réception) ; un devis non envoyé dont la date limite est passée compte comme en retard.',
  "Pénalités : montants enregistrés sur chaque devis au premier envoi en retard, comptés dans la période de cet envoi ; l'exonération éventuelle s'apprécie sur le total du marché.",
  'Chaque ligne agrégée se termine par les numéros des documents qui la composent ; les feuilles Bons de commande, Tickets et Devis donnent le détail et les identifiants.',
];

/** The "Lisez-moi" table: what each other table holds, then how the figures are made. */
export function readmeTable(tables: readonly DataTable[], stem: string): DataTable {
  return {
    name: 'lisez-moi',
    sheet: 'Lisez-moi',
    description: 'Contenu de chaque feuille et fichier, et règles de calcul.',
    columns: [
      { header: 'Feuille', kind: 'text', width: 28 },
      { header: 'Fichier CSV', kind: 'text', width: 48 },
      { header: 'Contenu', kind: 'text', width: 110 },
    ],
    rows: [
      ...tables.map((t) => [t.sheet, `${stem}-${t.name}.csv`, t.description]),
      ...METHOD_NOTES.map((note) => ['Méthode', null, note]),
    ],
  };
}
