/**
 * The preparation form's state: texts as typed (so a half-typed "2," stays on screen), turned into
 * the body of PUT …/draft on save, and priced live with the price schedule.
 */
import type { ApiIssue } from '../api/http-client';
import type { Amounts, DraftCharge, PriceLine, ProfileLevel, QuoteDraft, QuoteVersion } from '../api/types';
import { amountsOf, chargeAmountCents, parseQuantity } from './quote-amounts';

export interface ChargeRow {
  key: number;
  line: string;
  quantity: string;
  profile: string;
}
export interface DeliverableRow {
  key: number;
  label: string;
  dueDate: string;
  charges: ChargeRow[];
}
export interface PhaseRow {
  key: number;
  label: string;
  start: string;
  end: string;
  charges: ChargeRow[];
  deliverables: DeliverableRow[];
}
export interface ProfileRow {
  key: number;
  code: string;
  level: ProfileLevel;
  /** Comma-separated certifications. */
  certifications: string;
}
export interface DraftState {
  phases: PhaseRow[];
  profiles: ProfileRow[];
}

let lastKey = 0;
/** A key for a new row, so React keeps each row's inputs when another one is removed. */
export const nextKey = (): number => ++lastKey;

export const emptyCharge = (): ChargeRow => ({ key: nextKey(), line: '', quantity: '', profile: '' });
export const emptyDeliverable = (): DeliverableRow => ({
  key: nextKey(),
  label: '',
  dueDate: '',
  charges: [emptyCharge()],
});
export const emptyPhase = (): PhaseRow => ({
  key: nextKey(),
  label: '',
  start: '',
  end: '',
  charges: [emptyCharge()],
  deliverables: [],
});
export const emptyProfile = (index: number): ProfileRow => ({
  key: nextKey(),
  code: `P${index + 1}`,
  level: 'EXPERT',
  certifications: '',
});

/** The form for a quote: its latest version when there is one, else one empty phase and profile P1. */
export function initialDraft(latest: QuoteVersion | undefined): DraftState {
  if (!latest) return { phases: [emptyPhase()], profiles: [emptyProfile(0)] };
  const charge = (c: QuoteVersion['phases'][number]['charges'][number]): ChargeRow => ({
    key: nextKey(),
    line: c.line.code,
    quantity: String(c.quantity).replace('.', ','),
    profile: c.profile ?? '',
  });
  return {
    phases: latest.phases.map((p) => ({
      key: nextKey(),
      label: p.label,
      start: p.start,
      end: p.end,
      charges: p.charges.map(charge),
      deliverables: p.deliverables.map((d) => ({
        key: nextKey(),
        label: d.label,
        dueDate: d.dueDate ?? '',
        charges: d.charges.map(charge),
      })),
    })),
    profiles: latest.profiles.map((p) => ({
      key: nextKey(),
      code: p.code,
      level: p.level,
      certifications: p.certifications.join(', '),
    })),
  };
}

function chargesOf(rows: readonly ChargeRow[]): DraftCharge[] {
  return rows.map((c) => {
    const quantity = parseQuantity(c.quantity);
    // A quantity the tab cannot read goes as typed: the service says in French what is wrong.
    return {
      line: c.line,
      quantity: quantity ?? c.quantity.trim(),
      ...(c.profile ? { profile: c.profile } : {}),
    };
  });
}

/** The body of PUT …/draft. */
export function draftBody(state: DraftState, scheduleVersion: string | undefined): QuoteDraft {
  return {
    phases: state.phases.map((p) => ({
      label: p.label.trim(),
      start: p.start,
      end: p.end,
      charges: chargesOf(p.charges),
      deliverables: p.deliverables.map((d) => ({
        label: d.label.trim(),
        ...(d.dueDate ? { dueDate: d.dueDate } : {}),
        charges: chargesOf(d.charges),
      })),
    })),
    profiles: state.profiles.map((p) => ({
      code: p.code.trim(),
      level: p.level,
      certifications: p.certifications
        .split(',')
        .map((c) => c.trim())
        .filter(Boolean),
    })),
    ...(scheduleVersion ? { scheduleVersion } : {}),
  };
}

/** HT of a charge row as typed, or undefined while its line or quantity is not usable. */
export function rowAmount(row: ChargeRow, lines: ReadonlyMap<string, PriceLine>): number | undefined {
  const line = lines.get(row.line);
  const quantity = parseQuantity(row.quantity);
  if (!line || quantity === undefined) return undefined;
  return chargeAmountCents(line.unitPriceCents, quantity);
}

const sum = (rows: readonly ChargeRow[], lines: ReadonlyMap<string, PriceLine>): number =>
  rows.reduce((total, row) => total + (rowAmount(row, lines) ?? 0), 0);

/** HT of a phase (its charges and its deliverables'). */
export function phaseHt(phase: PhaseRow, lines: ReadonlyMap<string, PriceLine>): number {
  return sum(phase.charges, lines) + phase.deliverables.reduce((t, d) => t + sum(d.charges, lines), 0);
}

/** The draft's totals: HT summed exactly, VAT once on the total. */
export function draftTotals(
  state: DraftState,
  lines: ReadonlyMap<string, PriceLine>,
  vatRateBp: number,
): Amounts {
  return amountsOf(
    state.phases.reduce((t, p) => t + phaseHt(p, lines), 0),
    vatRateBp,
  );
}

/** The service's message for an input path ("phases.0.charges.1.quantity"), if any. */
export function issueAt(issues: readonly ApiIssue[], path: string): string | undefined {
  return issues.find((issue) => issue.path === path)?.message;
}
