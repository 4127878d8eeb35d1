/**
 * `guichet import FILE`: loads beneficiaries from JSON or CSV. Every row is validated first; a file
 * with any bad row is refused whole and nothing is written.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Beneficiary } from '../../domain/beneficiaries/beneficiary';
import { validateBeneficiaryRows } from '../../domain/beneficiaries/validate-beneficiary-rows';
import { ImportRejectedError, ValidationError } from '../../domain/errors';
import { BeneficiaryRepository } from '../../store/beneficiary-repository';
import type { Store } from '../../store/port';
import { readCsvRows, readJsonRows } from './read-rows';

export interface ImportResult {
  imported: number;
  created: number;
  updated: number;
}

/** Reads and validates `file`, then writes its beneficiaries; throws ImportRejectedError on any bad row. */
export async function importBeneficiariesFile(store: Store, file: string): Promise<ImportResult> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new ValidationError(`Fichier introuvable ou illisible : ${file}`);
  }
  const ext = path.extname(file).toLowerCase();
  if (ext !== '.json' && ext !== '.csv')
    throw new ValidationError('Format non reconnu : fichier .json ou .csv attendu');
  const rows = ext === '.json' ? readJsonRows(text) : readCsvRows(text);
  const { beneficiaries, issues } = validateBeneficiaryRows(rows);
  if (issues.length > 0) throw new ImportRejectedError(issues);
  return saveAll(new BeneficiaryRepository(store), beneficiaries);
}

async function saveAll(repo: BeneficiaryRepository, beneficiaries: Beneficiary[]): Promise<ImportResult> {
  let created = 0;
  for (const b of beneficiaries) {
    if (!(await repo.get(b.siret))) created++;
    await repo.save(b);
  }
  return { imported: beneficiaries.length, created, updated: beneficiaries.length - created };
}
