/**
 * A table as both writers see it: typed columns, so that the CSV writer can print French numbers and
 * the XLSX writer can store real numbers with a number format, from the same rows. Amounts are
 * integer cents and rates basis points all the way here; only the writers turn them into euros and
 * percentages.
 */

/** How a column's values are stored and shown. */
export type ColumnKind =
  /** Free text. */
  | 'text'
  /** A whole number (counts, days). */
  | 'integer'
  /** Integer euro cents, shown in euros with two decimals. */
  | 'euros'
  /** A number with decimals (quantities, averages). */
  | 'decimal'
  /** Basis points, shown as a percentage with two decimals. */
  | 'percent'
  /** A local date `YYYY-MM-DD`. */
  | 'date'
  /** Shown "oui" / "non". */
  | 'boolean';

/** One column: its header (French, as users read it) and kind. */
export interface Column {
  readonly header: string;
  readonly kind: ColumnKind;
  /** Width in characters for the spreadsheet; a default per kind otherwise. */
  readonly width?: number;
}

/** A value; `null` is an empty cell. */
export type Cell = string | number | boolean | null;

/** A table of a report or an export. */
export interface DataTable {
  /** File name without extension: lower case ASCII, dashes ("volume-affaires"). */
  readonly name: string;
  /** Sheet name: 31 characters at most, none of `[]:*?/\`. */
  readonly sheet: string;
  /** What the table is, one sentence (README, sheet title). */
  readonly description: string;
  readonly columns: readonly Column[];
  readonly rows: readonly (readonly Cell[])[];
}

/** "BC-2026-0001, BC-2026-0007": the documents behind a figure, in one cell. */
export function joinNumbers(numbers: readonly string[]): string {
  return numbers.join(', ');
}
