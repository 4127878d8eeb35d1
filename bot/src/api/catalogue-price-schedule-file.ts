/**
 * A price schedule (BPU) version from a file, for `guichet import --price-schedule FILE`: JSON
 * (`{ "version", "validFrom", "lines": [...] }`, or the lines alone) or CSV (one line per row, French
 * or English headers, `;` or `,`). The whole file is checked with the domain's `parsePriceSchedule`
 * before anything is written: a file with one bad row is refused whole, every bad row named by its
 * line. A version, once written, is never rewritten (a price revision is a new version).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { SourceRow } from '../domain/beneficiaries/validate-beneficiary-rows';
import { parsePriceSchedule, type PriceSchedule } from '../domain/catalogue/price-schedule';
import { ValidationError } from '../domain/errors';
import { elementStartLines } from '../cli/import/read-rows';
import type { Store } from '../store/port';
import { PriceScheduleRepository } from '../store/price-schedule-repository';

/** Version label and first day given on the command line; they win over the file's. */
export interface PriceScheduleFileOptions {
  readonly version?: string;
  readonly validFrom?: string;
}

/** What an import did. */
export interface PriceScheduleImportResult {
  readonly schedule: PriceSchedule;
  /** False when the very same version was already there (imports are re-runnable). */
  readonly created: boolean;
}

/** CSV headers (lower case, no accents, `_` for spaces) and the fields they fill. */
const COLUMNS: Record<string, string> = {
  code: 'code',
  libelle: 'label',
  label: 'label',
  type: 'kind',
  type_de_prestation: 'kind',
  prestation: 'kind',
  kind: 'kind',
  niveau: 'level',
  level: 'level',
  unite: 'unit',
  unit: 'unit',
  prix: 'unitPrice',
  prix_unitaire: 'unitPrice',
  prix_unitaire_ht: 'unitPrice',
  prix_ht: 'unitPrice',
  unit_price: 'unitPrice',
  unitprice: 'unitPrice',
  unitpricecents: 'unitPriceCents',
  option: 'option',
};

/** Reads and validates the file; `ImportRejectedError` listing every bad line, and nothing written. */
export async function readPriceScheduleFile(
  file: string,
  options: PriceScheduleFileOptions = {},
): Promise<PriceSchedule> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new ValidationError(`Fichier introuvable ou illisible : ${file}`);
  }
  const ext = path.extname(file).toLowerCase();
  if (ext !== '.json' && ext !== '.csv')
    throw new ValidationError('Format non reconnu : fichier .json ou .csv attendu');
  const read = ext === '.json' ? jsonSchedule(text) : { rows: csvRows(text) };
  return parsePriceSchedule({
    version: options.version ?? read.version,
    validFrom: options.validFrom ?? read.validFrom,
    rows: read.rows,
  });
}

/** Records a validated version; `ConflictError` when its label exists with other prices. */
export async function savePriceSchedule(
  store: Store,
  schedule: PriceSchedule,
): Promise<PriceScheduleImportResult> {
  const { created } = await new PriceScheduleRepository(store).save(schedule);
  return { schedule, created };
}

function jsonSchedule(text: string): { version?: unknown; validFrom?: unknown; rows: SourceRow[] } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new ValidationError(`JSON illisible : ${(err as Error).message}`);
  }
  const object = data !== null && typeof data === 'object' && !Array.isArray(data) ? data : undefined;
  const list = Array.isArray(data) ? data : (object as { lines?: unknown } | undefined)?.lines;
  if (!Array.isArray(list))
    throw new ValidationError(
      'JSON attendu : { "version": "2025-1", "validFrom": "2025-01-01", "lines": [...] }, ou un tableau de lignes',
    );
  const lines = elementStartLines(text);
  const { version, validFrom } = (object ?? {}) as { version?: unknown; validFrom?: unknown };
  return { version, validFrom, rows: list.map((item, i) => ({ line: lines[i] ?? 1, data: item })) };
}

function csvRows(text: string): SourceRow[] {
  const header = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  // French spreadsheets write `;`, whose decimals then use a comma.
  const delimiter = header.split(';').length >= header.split(',').length ? ';' : ',';
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      delimiter,
      columns: (names: string[]) => names.map(columnOf),
      skip_empty_lines: true,
      trim: true,
      info: true,
    });
  } catch (err) {
    throw new ValidationError(`CSV illisible : ${(err as Error).message}`);
  }
  return records.map(({ record, info }) => ({
    line: info.lines,
    data: Object.fromEntries(Object.entries(record).filter(([, v]) => v !== '')),
  }));
}

function columnOf(name: string): string {
  const key = name
    .trim()
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/[\s-]+/g, '_');
  return COLUMNS[key] ?? COLUMNS[key.replace(/_/g, '')] ?? name.trim();
}
