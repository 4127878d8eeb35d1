/**
 * Validation of a whole batch of beneficiaries before anything is written: every bad row is
 * reported with its line, and the batch is usable only when no row is bad.
 */
import { FRENCH_MESSAGES } from '../french-validation';
import type { Issue } from '../errors';
import { beneficiaryInputSchema, type Beneficiary } from './beneficiary';

/** A row read from an import file, with the line it starts on. */
export interface SourceRow {
  line: number;
  data: unknown;
}

export interface RowsVerdict {
  beneficiaries: Beneficiary[];
  issues: Issue[];
}

/** Checks every row (schema, SIRET, duplicates inside the file); returns all problems at once. */
export function validateBeneficiaryRows(rows: SourceRow[]): RowsVerdict {
  const beneficiaries: Beneficiary[] = [];
  const issues: Issue[] = [];
  const firstLineOf = new Map<string, number>();
  for (const row of rows) {
    const parsed = beneficiaryInputSchema.safeParse(row.data, FRENCH_MESSAGES);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const path = issue.path.join('.');
        issues.push({
          line: row.line,
          path: path || undefined,
          message: path ? `${path} : ${issue.message}` : issue.message,
        });
      }
      continue;
    }
    const seen = firstLineOf.get(parsed.data.siret);
    if (seen !== undefined) {
      issues.push({
        line: row.line,
        path: 'siret',
        message: `siret : ${parsed.data.siret} figure déjà ligne ${seen}`,
      });
      continue;
    }
    firstLineOf.set(parsed.data.siret, row.line);
    beneficiaries.push(parsed.data);
  }
  if (rows.length === 0) issues.push({ message: 'le fichier ne contient aucun bénéficiaire' });
  return { beneficiaries, issues };
}
