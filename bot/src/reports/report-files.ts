/**
 * The files of a report: one CSV per table and one XLSX workbook with a sheet per table, named after
 * the period (and the SIRET for a beneficiary's own report) so that several reports can share a
 * folder or a Teams channel's files without overwriting one another.
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Report } from '../domain/reports/report-types';
import { csvOf } from './csv-writer';
import { readmeTable } from './report-key-figures';
import { reportTables } from './report-tables';
import { xlsxOf } from './xlsx-writer';

/** A file to write or attach. */
export interface NamedFile {
  readonly name: string;
  readonly content: Buffer;
}

/** "rapport-2026-T3" or "rapport-2026-T3-21690012300029". */
export function reportStem(report: Pick<Report, 'period' | 'scope'>): string {
  return `rapport-${report.period.key}${report.scope.siret ? `-${report.scope.siret}` : ''}`;
}

/** The CSV files then the XLSX workbook of a report. */
export async function reportFiles(report: Report): Promise<NamedFile[]> {
  const stem = reportStem(report);
  const data = reportTables(report);
  const tables = [...data, readmeTable(data, stem)];
  const csv = tables.map((t) => ({ name: `${stem}-${t.name}.csv`, content: csvOf(t) }));
  const scope = report.scope.siret ? ` — ${report.scope.beneficiaryName ?? report.scope.siret}` : '';
  const xlsx = await xlsxOf(tables, {
    title: `Rapport AOO_2024_PSTM — ${report.period.label}${scope}`,
    created: new Date(report.generatedAt),
  });
  return [...csv, { name: `${stem}.xlsx`, content: xlsx }];
}

/** Writes the files in a folder (created if needed), each through a temporary name; returns their paths. */
export async function writeFiles(dir: string, files: readonly NamedFile[]): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  for (const file of files) {
    const target = path.join(dir, file.name);
    // A reader (or a sync client) never sees half a file.
    const partial = `${target}.partial`;
    await writeFile(partial, file.content);
    await rename(partial, target);
    written.push(target);
  }
  return written;
}
