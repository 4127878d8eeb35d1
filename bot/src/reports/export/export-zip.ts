/**
 * The reversibility export as one zip (DESIGN.md, "Data duties"; issue 7): JSON files complete with
 * audit events, CSV files French Excel opens, a README describing every file and field, and a
 * manifest with each file's SHA-256 so the beneficiary can check nothing was altered on the way.
 * Built from one beneficiary's partitions only (`gatherExportData`).
 */
import { createHash } from 'node:crypto';
import JSZip from 'jszip';
import type { Store } from '../../store/port';
import { csvOf } from '../csv-writer';
import { type ExportData, gatherExportData } from './export-data';
import { csvPath, exportReadme, README_NAME } from './export-readme';
import { exportTables } from './export-tables';

/** Name of the manifest file. */
export const MANIFEST_NAME = 'manifeste.json';
/** Format tag and version of the archive, for programs that read it back. */
export const EXPORT_FORMAT = { format: 'guichet-export', version: 1 } as const;

/** One file of the archive as the manifest lists it. */
export interface ManifestEntry {
  readonly name: string;
  readonly bytes: number;
  /** Documents (JSON arrays) or rows (CSV) in the file; null for the README. */
  readonly records: number | null;
  readonly sha256: string;
}

/** The manifest. */
export interface ExportManifest {
  readonly format: string;
  readonly version: number;
  readonly siret: string;
  readonly beneficiaryName: string;
  readonly generatedAt: string;
  readonly files: readonly ManifestEntry[];
}

/** The zip and what it holds. */
export interface ExportArchive {
  readonly zip: Buffer;
  readonly manifest: ExportManifest;
}

/** Reads a beneficiary's data and builds its export. */
export async function buildExportArchive(
  store: Store,
  siret: string,
  now = new Date(),
): Promise<ExportArchive> {
  return exportArchiveOf(await gatherExportData(store, siret), now.toISOString());
}

/** The export of data already gathered. */
export async function exportArchiveOf(data: ExportData, generatedAt: string): Promise<ExportArchive> {
  const json: [string, unknown][] = [
    ['beneficiaire.json', data.beneficiary],
    ['tickets.json', data.tickets],
    ['devis.json', data.quotes],
    ['commandes.json', data.orders],
    ['contacts.json', data.contacts],
    ['conversations.json', data.conversations],
    ['notifications.json', data.notifications],
    ['journal-confidentialite.json', data.privacyEvents],
    ['autres-documents.json', data.otherDocuments],
  ];
  const tables = exportTables(data);
  const files: { name: string; content: Buffer; records: number | null }[] = [
    ...json.map(([name, value]) => ({
      name,
      content: Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8'),
      records: Array.isArray(value) ? value.length : 1,
    })),
    ...tables.map((t) => ({ name: csvPath(t), content: csvOf(t), records: t.rows.length })),
  ];
  const meta = { siret: data.beneficiary.siret, beneficiaryName: data.beneficiary.name, generatedAt };
  files.unshift({
    name: README_NAME,
    content: Buffer.from(exportReadme(meta, tables), 'utf8'),
    records: null,
  });
  const manifest: ExportManifest = { ...EXPORT_FORMAT, ...meta, files: files.map(entryOf) };
  const zip = new JSZip();
  const date = new Date(generatedAt);
  for (const f of files) zip.file(f.name, f.content, { date });
  zip.file(MANIFEST_NAME, `${JSON.stringify(manifest, null, 2)}\n`, { date });
  const content = await zip.generateAsync({
    type: 'nodebuffer',
    compression: 'DEFLATE',
    compressionOptions: { level: 6 },
  });
  return { zip: content, manifest };
}

function entryOf(f: { name: string; content: Buffer; records: number | null }): ManifestEntry {
  return {
    name: f.name,
    bytes: f.content.length,
    records: f.records,
    sha256: createHash('sha256').update(f.content).digest('hex'),
  };
}
