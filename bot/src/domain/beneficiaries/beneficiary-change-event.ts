/**
 * The audit events of the beneficiary registry (DESIGN.md, "Data duties": every state change is an
 * append-only audit event — who, when, what, from which channel). A beneficiary's creation or update
 * and each approver designation or removal are kept in the beneficiary's own partition, so its
 * reversibility export shows who changed its record and who may approve for it.
 */
import { ValidationError } from '../errors';
import type { PrivacyActor } from '../reports/contact-anonymisation';
import type { Beneficiary } from './beneficiary';

/** One field that changed: its value before (null when absent) and after. */
export interface FieldChange {
  readonly field: string;
  readonly before: unknown;
  readonly after: unknown;
}

/** The kinds of change to the registry. */
export type BeneficiaryChangeAction = 'create' | 'update' | 'designate-approver' | 'remove-approver';

/** One change to a beneficiary's record or to its approvers. */
export interface BeneficiaryChangeEvent {
  readonly id: string;
  readonly type: 'beneficiary-event';
  readonly action: BeneficiaryChangeAction;
  readonly beneficiaryId: string;
  readonly at: string;
  readonly actor: PrivacyActor;
  /** The approver concerned, for the approver actions. */
  readonly approver?: { readonly tenantId: string; readonly objectId: string };
  readonly changes: readonly FieldChange[];
}

const FIELDS: readonly (keyof Beneficiary)[] = [
  'siret',
  'name',
  'kind',
  'zone',
  'modality',
  'conventionDate',
  'active',
  'tenantIds',
  'group',
  'closingDays',
];

/** The fields that differ between two versions of a record (`before` absent: every field is new). */
export function fieldChanges<T extends object>(
  before: T | undefined,
  after: T,
  fields: readonly (keyof T & string)[],
): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const was = before === undefined ? undefined : before[field];
    const now = after[field];
    if (before !== undefined && JSON.stringify(was) === JSON.stringify(now)) continue;
    if (before === undefined && now === undefined) continue;
    changes.push({ field, before: was ?? null, after: now ?? null });
  }
  return changes;
}

/** The fields of a beneficiary that differ between two versions. */
export function beneficiaryChanges(before: Beneficiary | undefined, after: Beneficiary): FieldChange[] {
  return fieldChanges(before, after, FIELDS);
}

/** The event of a change; `nonce` (8 to 32 hexadecimal digits, drawn by the caller) keeps ids unique. */
export function beneficiaryChangeEvent(
  fields: Omit<BeneficiaryChangeEvent, 'id' | 'type'>,
  nonce: string,
): BeneficiaryChangeEvent {
  if (!/^[0-9a-f]{8,32}$/i.test(nonce))
    throw new ValidationError("Nonce d'événement invalide : 8 à 32 chiffres hexadécimaux.");
  // Sortable by time inside the partition, then unique by the nonce.
  const stamp = fields.at.replace(/[-:.]/g, '');
  return { id: `beneficiary:${stamp}:${nonce.toLowerCase()}`, type: 'beneficiary-event', ...fields };
}
