/**
 * The price schedule (BPU) as versions: a price revision creates a new version valid from a date,
 * and never rewrites the previous one. Quotes copy the lines they use, so a quote keeps the prices
 * it was made with whatever version comes later. An import is checked whole before anything is
 * written: every bad row is reported with its line, and nothing is usable while one row is bad.
 */
import { FRENCH_MESSAGES } from '../french-validation';
import { type LocalDate, formatLocalDate, parseLocalDate } from '../calendar/civil-date';
import { ImportRejectedError, type Issue, ValidationError } from '../errors';
import type { SourceRow } from '../beneficiaries/validate-beneficiary-rows';
import { type PriceLine, SUPPORT_OPTION, priceLineRowSchema } from './price-line';

/** One version of the price schedule. */
export interface PriceSchedule {
  readonly version: string;
  /** First local date on which the version applies. */
  readonly validFrom: LocalDate;
  readonly lines: readonly PriceLine[];
}

/** The lines of an import and every problem found; usable only when `issues` is empty. */
export interface PriceLineRowsVerdict {
  readonly lines: PriceLine[];
  readonly issues: Issue[];
}

/** What an import file gives: a version label, its first day, and its rows. */
export interface PriceScheduleImport {
  readonly version: unknown;
  readonly validFrom: unknown;
  readonly rows: readonly SourceRow[];
}

const VERSION_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;

/** Checks every row (fields, duplicate codes, one support option at most); returns all problems at once. */
export function validatePriceLineRows(rows: readonly SourceRow[]): PriceLineRowsVerdict {
  const lines: PriceLine[] = [];
  const issues: Issue[] = [];
  const firstLineOf = new Map<string, number>();
  let optionLine: number | undefined;
  for (const row of rows) {
    const parsed = priceLineRowSchema.safeParse(row.data ?? {}, FRENCH_MESSAGES);
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
    const line = parsed.data;
    const seen = firstLineOf.get(line.code);
    if (seen !== undefined) {
      issues.push({ line: row.line, path: 'code', message: `code : ${line.code} figure déjà ligne ${seen}` });
      continue;
    }
    if (line.option === SUPPORT_OPTION && optionLine !== undefined) {
      issues.push({
        line: row.line,
        path: 'option',
        message: `option : l'option support 24/7 figure déjà ligne ${optionLine}`,
      });
      continue;
    }
    if (line.option === SUPPORT_OPTION) optionLine = row.line;
    firstLineOf.set(line.code, row.line);
    lines.push(line);
  }
  if (rows.length === 0) issues.push({ message: 'le fichier ne contient aucune ligne de prix' });
  return { lines, issues };
}

/** A whole schedule version from an import; `ImportRejectedError` listing every problem otherwise. */
export function parsePriceSchedule(input: PriceScheduleImport): PriceSchedule {
  const issues: Issue[] = [];
  const version = typeof input.version === 'string' ? input.version.trim() : '';
  if (!VERSION_RE.test(version)) {
    issues.push({
      path: 'version',
      message: 'version : 1 à 40 lettres, chiffres, points ou tirets, comme 2024-1',
    });
  }
  let validFrom: LocalDate | undefined;
  try {
    validFrom = formatLocalDate(parseLocalDate(input.validFrom, 'validFrom'));
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
    issues.push({ path: 'validFrom', message: 'validFrom : date de début invalide, attendu AAAA-MM-JJ' });
  }
  const verdict = validatePriceLineRows(input.rows);
  issues.push(...verdict.issues);
  if (issues.length > 0 || validFrom === undefined) throw new ImportRejectedError(issues);
  return Object.freeze({
    version,
    validFrom,
    lines: Object.freeze(verdict.lines.map((l) => Object.freeze(l))),
  });
}

/** The line with this code (case-insensitive), or `undefined`. */
export function findPriceLine(schedule: PriceSchedule, code: string): PriceLine | undefined {
  const wanted = code.trim().toUpperCase();
  return schedule.lines.find((line) => line.code === wanted);
}

/**
 * The version in force on a local date: the latest `validFrom` on or before it. Versions are
 * compared as dates, never by label, since labels are free text.
 */
export function scheduleInForce(
  schedules: readonly PriceSchedule[],
  date: LocalDate,
): PriceSchedule | undefined {
  const day = parseLocalDate(date, 'date');
  let best: PriceSchedule | undefined;
  for (const s of schedules) {
    if (parseLocalDate(s.validFrom) > day) continue;
    if (!best || parseLocalDate(s.validFrom) >= parseLocalDate(best.validFrom)) best = s;
  }
  return best;
}
