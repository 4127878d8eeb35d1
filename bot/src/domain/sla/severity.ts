/**
 * Incident severities (CCTP 5.6.6.1) and support modalities: 1 = base support on business hours,
 * 2 = the 24/7 option.
 */
import { showValue } from '../calendar/show-value';
import { ValidationError } from '../errors';

/** 1 critical system down, 2 critical system degraded, 3 moderate impact, 4 minimal impact. */
export type Severity = 1 | 2 | 3 | 4;
/** 1 = base support (business hours), 2 = 24/7 option. */
export type Modality = 1 | 2;

export const SEVERITIES: readonly Severity[] = Object.freeze([1, 2, 3, 4]);
export const MODALITIES: readonly Modality[] = Object.freeze([1, 2]);

/** French meaning of each severity, as in the contract. */
export const SEVERITY_LABELS: Readonly<Record<Severity, string>> = Object.freeze({
  1: 'système critique arrêté, activité menacée',
  2: 'système critique dégradé',
  3: 'impact modéré, le travail continue',
  4: 'impact minime',
});

/** True for 1, 2, 3 or 4. */
export function isSeverity(value: unknown): value is Severity {
  return value === 1 || value === 2 || value === 3 || value === 4;
}

/** True for 1 or 2. */
export function isModality(value: unknown): value is Modality {
  return value === 1 || value === 2;
}

/** Checks a severity; the French error says which values are allowed. */
export function parseSeverity(value: unknown, field = 'severity'): Severity {
  if (isSeverity(value)) return value;
  throw new ValidationError(`${field} : gravité invalide (${showValue(value)}), attendu 1, 2, 3 ou 4.`, [
    { path: field, message: 'gravité invalide' },
  ]);
}

/** Checks a support modality; the French error says which values are allowed. */
export function parseModality(value: unknown, field = 'modality'): Modality {
  if (isModality(value)) return value;
  throw new ValidationError(
    `${field} : modalité de support invalide (${showValue(value)}), attendu 1 ou 2.`,
    [{ path: field, message: 'modalité invalide' }],
  );
}
