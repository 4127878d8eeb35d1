/**
 * CSV that French Excel opens correctly with a double click: UTF-8 with a byte-order mark (without it
 * Excel reads ANSI and mangles accents), `;` between fields (the list separator of French Windows),
 * decimal comma, CRLF line ends, and RFC 4180 quoting of any field holding `;`, a quote or a line
 * break. Amounts are written as plain numbers ("1250,50", no thousands separator nor euro sign) so
 * that Excel reads them as numbers.
 *
 * Text a beneficiary typed (a ticket title) may start with `=`, `+`, `-` or `@`, which Excel would run
 * as a formula (CSV injection): such a text cell is prefixed with an apostrophe. Numbers are never
 * touched, and the JSON of an export keeps every text as typed.
 */
import type { Cell, Column, DataTable } from './data-table';

/** The UTF-8 byte-order mark. */
export const BOM = '\ufeff';
const SEPARATOR = ';';
const EOL = '\r\n';
const NEEDS_QUOTES = /[;"\r\n]|^\s|\s$/;
const FORMULA_START = /^[=+\-@\t\r]/;

/** The CSV file of a table, BOM included. */
export function csvOf(table: Pick<DataTable, 'columns' | 'rows'>): Buffer {
  const lines = [
    table.columns.map((c) => quote(safeText(c.header))),
    ...table.rows.map((row) => table.columns.map((column, i) => quote(formatCell(row[i] ?? null, column)))),
  ];
  return Buffer.from(BOM + lines.map((fields) => fields.join(SEPARATOR)).join(EOL) + EOL, 'utf8');
}

/** A cell as CSV text, before quoting. */
export function formatCell(value: Cell, column: Pick<Column, 'kind'>): string {
  if (value === null || value === '') return '';
  switch (column.kind) {
    case 'euros':
      return typeof value === 'number' ? fixedTwo(value) : safeText(String(value));
    case 'percent':
      return typeof value === 'number' ? fixedTwo(value) : safeText(String(value));
    case 'integer':
    case 'decimal':
      return typeof value === 'number' ? decimalComma(value) : safeText(String(value));
    case 'boolean':
      return value === true ? 'oui' : value === false ? 'non' : safeText(String(value));
    default:
      return safeText(String(value));
  }
}

/** Hundredths (cents, basis points) as "1250,50", "-0,05". */
export function fixedTwo(hundredths: number): string {
  const sign = hundredths < 0 ? '-' : '';
  const abs = Math.abs(Math.round(hundredths));
  return `${sign}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
}

function decimalComma(value: number): string {
  return String(value).replace('.', ',');
}

function safeText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function quote(field: string): string {
  return NEEDS_QUOTES.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}
