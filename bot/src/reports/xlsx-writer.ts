/**
 * XLSX workbooks with exceljs: one sheet per table, a bold frozen header row with filters, column
 * widths, and real numbers (euros, percentages, dates) carrying a number format, so that the CANUT
 * can sum and chart them without converting text. Excel shows the formats in the reader's locale:
 * "1 250,50 €" on a French Excel.
 */
import ExcelJS from 'exceljs';
import type { Cell, Column, ColumnKind, DataTable } from './data-table';

/** Euros with two decimals and the sign after the amount, as French accounts write them. */
export const EURO_FORMAT = '#,##0.00\\ "€"';
/** A percentage with two decimals (the cell holds the ratio: 0.975 shows 97,50 %). */
export const PERCENT_FORMAT = '0.00%';
export const INTEGER_FORMAT = '0';
export const DECIMAL_FORMAT = '0.00';
export const DATE_FORMAT = 'dd/mm/yyyy';

const FORMATS: Readonly<Partial<Record<ColumnKind, string>>> = {
  euros: EURO_FORMAT,
  percent: PERCENT_FORMAT,
  integer: INTEGER_FORMAT,
  decimal: DECIMAL_FORMAT,
  date: DATE_FORMAT,
};
const WIDTHS: Readonly<Record<ColumnKind, number>> = {
  text: 20,
  integer: 14,
  euros: 18,
  decimal: 14,
  percent: 14,
  date: 14,
  boolean: 10,
};
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
const SHEET_NAME_FORBIDDEN = /[[\]:*?/\\]/g;

/** What the workbook says about itself. */
export interface WorkbookMeta {
  readonly title: string;
  /** Recorded as the workbook's creation date (the report's moment, so the file is reproducible). */
  readonly created: Date;
}

/** The XLSX file of some tables, one sheet each, in order. */
export async function xlsxOf(tables: readonly DataTable[], meta: WorkbookMeta): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Guichet';
  workbook.title = meta.title;
  workbook.created = meta.created;
  workbook.modified = meta.created;
  const used = new Set<string>();
  for (const table of tables) addSheet(workbook, table, uniqueSheetName(table.sheet, used));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function addSheet(workbook: ExcelJS.Workbook, table: DataTable, name: string): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = table.columns.map((c) => ({
    header: c.header,
    width: c.width ?? Math.max(WIDTHS[c.kind], Math.min(40, c.header.length + 2)),
    style: FORMATS[c.kind] ? { numFmt: FORMATS[c.kind] } : {},
  }));
  for (const row of table.rows) sheet.addRow(table.columns.map((c, i) => cellValue(row[i] ?? null, c)));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    // The header row inherits the column's number format; it holds text.
    cell.numFmt = '@';
  });
  if (table.columns.length > 0) {
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
  }
}

/** A cell as exceljs stores it: numbers for amounts and rates, dates as dates. */
export function cellValue(value: Cell, column: Pick<Column, 'kind'>): ExcelJS.CellValue {
  if (value === null || value === '') return null;
  if (typeof value === 'boolean') return value ? 'oui' : 'non';
  if (typeof value === 'number') {
    if (column.kind === 'euros') return value / 100;
    if (column.kind === 'percent') return value / 10_000;
    return value;
  }
  if (column.kind === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(`${value}T00:00:00Z`);
  return value;
}

function uniqueSheetName(wanted: string, used: Set<string>): string {
  const base = wanted.replace(SHEET_NAME_FORBIDDEN, '-').slice(0, 31) || 'Feuille';
  let name = base;
  for (let i = 2; used.has(name.toLowerCase()); i++)
    name = `${base.slice(0, 31 - String(i).length - 1)} ${i}`;
  used.add(name.toLowerCase());
  return name;
}
