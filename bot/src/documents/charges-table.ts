/**
 * The costed table shared by quotes and orders: every charge (a quantity of a price-schedule line)
 * under its phase and deliverable, with the line's code, label and level, the profile doing it,
 * the quantity, the unit price and the amount excluding VAT, then a subtotal per deliverable and a
 * total per phase. Amounts are the ones the domain stored; subtotals are exact sums of them.
 */
import { formatEuros, sumCents } from '../domain/catalogue/money';
import { PROFILE_LEVEL_LABELS, type PriceLine } from '../domain/catalogue/price-line';
import { formatQuantity } from './document-formats';
import type { TableColumn, TableRow } from './pdf-table';
import { CONTENT_WIDTH } from './pdf-theme';

/** One charge as both quotes and orders carry it. */
export interface ChargeItem {
  readonly line: PriceLine;
  readonly quantity: number;
  readonly profile?: string;
  readonly amountHtCents: number;
}

/** A deliverable and the charges that produce it. */
export interface DeliverableCharges {
  readonly code: string;
  readonly label: string;
  /** "échéance 12/06/2026". */
  readonly detail?: string;
  readonly charges: readonly ChargeItem[];
}

/** A phase: its charges tied to no deliverable, then its deliverables. */
export interface PhaseCharges {
  readonly code: string;
  readonly label: string;
  /** "du 01/06/2026 au 12/06/2026". */
  readonly detail?: string;
  readonly direct: readonly ChargeItem[];
  readonly deliverables: readonly DeliverableCharges[];
}

const FIXED = { code: 54, level: 56, profile: 34, quantity: 44, unitPrice: 68, amount: 80 };

/** Columns of the costed table; the label takes the width left. */
export const CHARGE_COLUMNS: readonly TableColumn[] = Object.freeze([
  { header: 'Code BPU', width: FIXED.code },
  {
    header: 'Désignation',
    width: CONTENT_WIDTH - Object.values(FIXED).reduce((sum, w) => sum + w, 0),
  },
  { header: 'Niveau', width: FIXED.level },
  { header: 'Profil', width: FIXED.profile, align: 'center' },
  { header: 'Quantité', width: FIXED.quantity, align: 'right' },
  { header: 'Prix unitaire HT', width: FIXED.unitPrice, align: 'right' },
  { header: 'Montant HT', width: FIXED.amount, align: 'right' },
]);

/** The rows of the costed table, phase by phase. */
export function chargeRows(phases: readonly PhaseCharges[]): TableRow[] {
  return phases.flatMap((phase) => phaseRows(phase));
}

function phaseRows(phase: PhaseCharges): TableRow[] {
  const rows: TableRow[] = [
    { cells: [heading(`Phase ${phase.code}`, phase.label, phase.detail)], style: 'group' },
  ];
  if (phase.direct.length > 0) {
    rows.push({ cells: ['Charges de la phase hors livrable (pilotage, coordination)'], style: 'subgroup' });
    rows.push(...phase.direct.map(chargeRow));
  }
  for (const d of phase.deliverables) {
    rows.push({ cells: [heading(`Livrable ${d.code}`, d.label, d.detail)], style: 'subgroup' });
    rows.push(...d.charges.map(chargeRow));
    rows.push({ cells: [`Sous-total livrable ${d.code}`, formatEuros(htOf(d.charges))], style: 'subtotal' });
  }
  const all = [...phase.direct, ...phase.deliverables.flatMap((d) => d.charges)];
  rows.push({ cells: [`Total phase ${phase.code} HT`, formatEuros(htOf(all))], style: 'total' });
  return rows;
}

function heading(code: string, label: string, detail?: string): string {
  return `${code} — ${label}${detail ? ` (${detail})` : ''}`;
}

function chargeRow(charge: ChargeItem): TableRow {
  const { line } = charge;
  return {
    cells: [
      line.code,
      line.label,
      line.level ? PROFILE_LEVEL_LABELS[line.level] : '—',
      charge.profile ?? '—',
      formatQuantity(charge.quantity, line.unit),
      formatEuros(line.unitPriceCents),
      formatEuros(charge.amountHtCents),
    ],
  };
}

/** Exact HT of some charges. */
export function htOf(charges: readonly ChargeItem[]): number {
  return sumCents(charges.map((c) => c.amountHtCents));
}
