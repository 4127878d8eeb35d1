/**
 * The period picker's model: a kind (month, quarter, year), its number and a year, written as the API
 * reads it ("2026-10", "T3 2026", "2026") and read back from the address.
 */

export type PeriodKind = 'month' | 'quarter' | 'year';

export interface PeriodChoice {
  kind: PeriodKind;
  year: number;
  /** Month 1–12 or quarter 1–4; ignored for a year. */
  index: number;
}

export const MONTH_NAMES = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
] as const;

export const KIND_LABELS: Readonly<Record<PeriodKind, string>> = {
  month: 'Mois',
  quarter: 'Trimestre',
  year: 'Année',
};

/** The period as the API reads it. */
export function periodText(choice: PeriodChoice): string {
  if (choice.kind === 'year') return String(choice.year);
  if (choice.kind === 'quarter') return `T${choice.index} ${choice.year}`;
  return `${choice.year}-${String(choice.index).padStart(2, '0')}`;
}

/** "octobre 2026", "T3 2026", "2026". */
export function periodLabel(choice: PeriodChoice): string {
  if (choice.kind === 'month') return `${MONTH_NAMES[choice.index - 1] ?? ''} ${choice.year}`;
  return periodText(choice);
}

/**
 * Reads back what `periodText` wrote, and the API's period keys and labels a link may carry
 * ("2026-T3", "2026-10", "octobre 2026"), case and spacing aside; undefined for anything else.
 */
export function parsePeriodText(text: string | null): PeriodChoice | undefined {
  if (!text) return undefined;
  const value = text.trim().toUpperCase().replace(/\s+/g, ' ');
  let match = /^(\d{4})$/.exec(value);
  if (match) return { kind: 'year', year: Number(match[1]), index: 1 };
  match = /^T([1-4])[ -]?(\d{4})$/.exec(value);
  if (match) return { kind: 'quarter', year: Number(match[2]), index: Number(match[1]) };
  match = /^(\d{4})[ -]?T([1-4])$/.exec(value);
  if (match) return { kind: 'quarter', year: Number(match[1]), index: Number(match[2]) };
  match = /^(\d{4})-(0?[1-9]|1[0-2])$/.exec(value);
  if (match) return { kind: 'month', year: Number(match[1]), index: Number(match[2]) };
  match = /^(\p{L}+) (\d{4})$/u.exec(value.toLowerCase());
  const month = match ? MONTH_NAMES.indexOf(match[1] as (typeof MONTH_NAMES)[number]) : -1;
  if (match && month >= 0) return { kind: 'month', year: Number(match[2]), index: month + 1 };
  return undefined;
}

/** The default: the last complete month before `today`. */
export function defaultPeriod(today: Date): PeriodChoice {
  const month = today.getMonth(); // 0–11: the previous month is `month` in 1–12 terms
  return month === 0
    ? { kind: 'month', year: today.getFullYear() - 1, index: 12 }
    : { kind: 'month', year: today.getFullYear(), index: month };
}

/** Same year and kind, the index kept in range (a month 11 becomes quarter 4). */
export function withKind(choice: PeriodChoice, kind: PeriodKind): PeriodChoice {
  if (kind === choice.kind) return choice;
  if (kind === 'year') return { kind, year: choice.year, index: 1 };
  if (kind === 'quarter') {
    const index = choice.kind === 'month' ? Math.ceil(choice.index / 3) : 1;
    return { kind, year: choice.year, index };
  }
  return { kind, year: choice.year, index: choice.kind === 'quarter' ? choice.index * 3 - 2 : 1 };
}

/** Years offered: from 2024 (the agreement's start) to next year. */
export function yearsOffered(today: Date): number[] {
  const last = Math.max(today.getFullYear() + 1, 2026);
  return Array.from({ length: last - 2024 + 1 }, (_, i) => 2024 + i);
}
