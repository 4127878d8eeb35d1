/**
 * The provisional calendar of a quote version (CCTP 5.6.6.2) as a table: each phase with its dates,
 * its deliverables with their due dates, and the charge and cost of each — HT and TTC, the VAT of a
 * phase or deliverable being the domain's share of the quote's single VAT amount.
 */
import { formatEuros, sumCents } from '../domain/catalogue/money';
import type { QuotePhase, QuoteVersion } from '../domain/quotes/quote';
import { htOf } from './charges-table';
import { formatCharge, shortDate } from './document-formats';
import type { TableColumn, TableRow, TableSpec } from './pdf-table';
import { CONTENT_WIDTH } from './pdf-theme';

const FIXED = { start: 58, end: 66, charge: 62, ht: 76, ttc: 76 };
const INDENT = 12;

const COLUMNS: readonly TableColumn[] = [
  { header: 'Phase / livrable', width: CONTENT_WIDTH - Object.values(FIXED).reduce((sum, w) => sum + w, 0) },
  { header: 'Début', width: FIXED.start, align: 'center' },
  { header: 'Fin / échéance', width: FIXED.end, align: 'center' },
  { header: 'Charge', width: FIXED.charge, align: 'right' },
  { header: 'Montant HT', width: FIXED.ht, align: 'right' },
  { header: 'Montant TTC', width: FIXED.ttc, align: 'right' },
];

/** The calendar table of a version, with its overall total. */
export function calendarTable(v: QuoteVersion): TableSpec {
  const rows: TableRow[] = v.phases.flatMap(phaseRows);
  rows.push({
    cells: [
      'Total',
      formatCharge(allCharges(v.phases)),
      formatEuros(v.totals.htCents),
      formatEuros(v.totals.ttcCents),
    ],
    style: 'total',
  });
  return { columns: COLUMNS, rows, continuedTitle: 'Calendrier prévisionnel' };
}

function phaseRows(p: QuotePhase): TableRow[] {
  const rows: TableRow[] = [
    {
      cells: [
        `${p.code} — ${p.label}`,
        shortDate(p.start),
        shortDate(p.end),
        formatCharge(allCharges([p])),
        formatEuros(p.totals.htCents),
        formatEuros(p.totals.ttcCents),
      ],
      style: 'strong',
    },
  ];
  if (p.charges.length > 0) {
    // The phase's TTC is apportioned over its deliverables and its direct charges: what is left
    // once the deliverables have theirs is exactly the direct charges' share.
    const directTtc = p.totals.ttcCents - sumCents(p.deliverables.map((d) => d.totals.ttcCents));
    rows.push({
      cells: [
        'Pilotage et coordination (hors livrable)',
        '',
        '',
        formatCharge(p.charges),
        formatEuros(htOf(p.charges)),
        formatEuros(directTtc),
      ],
      indent: INDENT,
    });
  }
  for (const d of p.deliverables) {
    rows.push({
      cells: [
        `${d.code} — ${d.label}`,
        '',
        d.dueDate ? shortDate(d.dueDate) : '',
        formatCharge(d.charges),
        formatEuros(d.totals.htCents),
        formatEuros(d.totals.ttcCents),
      ],
      indent: INDENT,
    });
  }
  return rows;
}

function allCharges(phases: readonly QuotePhase[]) {
  return phases.flatMap((p) => [...p.charges, ...p.deliverables.flatMap((d) => d.charges)]);
}
