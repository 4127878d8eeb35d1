/**
 * Reads the rows of an import file (JSON or CSV) with the line each row starts on, so that every
 * error can name its line.
 */
import { parse } from 'csv-parse/sync';
import type { SourceRow } from '../../domain/beneficiaries/validate-beneficiary-rows';
import { ValidationError } from '../../domain/errors';

/** Column names accepted in CSV headers (French or the model's own), mapped to model fields. */
const COLUMN_ALIASES: Record<string, string> = {
  siret: 'siret',
  nom: 'name',
  name: 'name',
  type: 'kind',
  kind: 'kind',
  zone: 'zone',
  modalite: 'modality',
  modality: 'modality',
  date_convention: 'conventionDate',
  conventiondate: 'conventionDate',
  actif: 'active',
  active: 'active',
  tenants: 'tenantIds',
  tenant_ids: 'tenantIds',
  tenantids: 'tenantIds',
  groupement: 'group',
  group: 'group',
  jours_fermes: 'closingDays',
  closingdays: 'closingDays',
};

const LIST_FIELDS = new Set(['tenantIds', 'closingDays']);

/** Rows of a JSON file: an array, or an object with a `beneficiaries` array. */
export function readJsonRows(text: string): SourceRow[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new ValidationError(`JSON illisible : ${(err as Error).message}`);
  }
  const list = Array.isArray(data) ? data : (data as { beneficiaries?: unknown })?.beneficiaries;
  if (!Array.isArray(list))
    throw new ValidationError('JSON attendu : un tableau de bénéficiaires, ou { "beneficiaries": [...] }');
  const lines = elementStartLines(text);
  return list.map((item, i) => ({ line: lines[i] ?? 1, data: item }));
}

/** Rows of a CSV file with a header line; `;` or `,` separated (French Excel writes `;`). */
export function readCsvRows(text: string): SourceRow[] {
  const header = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = header.split(';').length >= header.split(',').length ? ';' : ',';
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      delimiter,
      columns: mapHeader,
      skip_empty_lines: true,
      trim: true,
      info: true,
    });
  } catch (err) {
    throw new ValidationError(`CSV illisible : ${(err as Error).message}`);
  }
  return records.map(({ record, info }) => ({ line: info.lines, data: typedRecord(record) }));
}

function mapHeader(columns: string[]): string[] {
  return columns.map((c) => {
    const key = c
      .trim()
      .toLowerCase()
      .normalize('NFD')
      .replace(/\p{Diacritic}/gu, '')
      .replace(/[\s-]+/g, '_');
    return COLUMN_ALIASES[key] ?? COLUMN_ALIASES[key.replace(/_/g, '')] ?? c.trim();
  });
}

/** CSV cells are strings: turn them into the types the schema expects; leave garbage for it to report. */
function typedRecord(record: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field, raw] of Object.entries(record)) {
    if (raw === '') continue;
    if (LIST_FIELDS.has(field)) out[field] = raw.split(/[\s|,]+/).filter(Boolean);
    else if (field === 'modality') out[field] = /^\d+$/.test(raw) ? Number(raw) : raw;
    else if (field === 'active') out[field] = parseBoolean(raw);
    else out[field] = raw;
  }
  return out;
}

function parseBoolean(raw: string): unknown {
  const v = raw.toLowerCase();
  if (['oui', 'true', '1', 'vrai', 'yes'].includes(v)) return true;
  if (['non', 'false', '0', 'faux', 'no'].includes(v)) return false;
  return raw;
}

/** Line (1-based) where each element of the rows array starts. */
export function elementStartLines(text: string): number[] {
  const starts: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let expectValue = false;
  // `[...]` at the top, or `{ "beneficiaries": [...] }`: the rows sit one level deeper.
  const rowsDepth = text.trimStart().startsWith('{') ? 2 : 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') line++;
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (depth === rowsDepth && expectValue && c !== undefined && !/\s/.test(c) && c !== ']') {
      starts.push(line);
      expectValue = false;
    }
    if (c === '"') inString = true;
    else if (c === '[' || c === '{') {
      depth++;
      if (depth === rowsDepth && c === '[') expectValue = true;
    } else if (c === ']' || c === '}') depth--;
    else if (c === ',' && depth === rowsDepth) expectValue = true;
  }
  return starts;
}
