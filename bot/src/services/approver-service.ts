/**
 * Designating and removing a beneficiary's approvers: entries of the staff registry in the
 * beneficiary's partition, each change committed with its audit event (see beneficiary-service.ts).
 * Who may do it, and which tenant a request names, is the caller's business (api/approver-routes.ts).
 */
import { fieldChanges, type FieldChange } from '../domain/beneficiaries/beneficiary-change-event';
import { NotFoundError } from '../domain/errors';
import type { Role } from '../domain/identity/requester';
import type { Store } from '../store/port';
import { StaffRepository, type StaffMember } from '../store/staff-repository';
import { registryAudit, type RegistryActor } from './beneficiary-service';

const APPROVER: Role = 'Beneficiary.Approver';

/** The fields of an approver's entry its audit trail follows. */
const AUDITED: readonly (keyof StaffMember & string)[] = ['tenantId', 'displayName', 'email'];

/** Who asks, and when. */
export interface ApproverChangeBy {
  readonly actor: RegistryActor;
  readonly now: Date;
}

/** An approver to designate (or whose name to correct) for a beneficiary. */
export interface ApproverDesignation extends ApproverChangeBy {
  readonly siret: string;
  readonly tenantId: string;
  readonly objectId: string;
  readonly name: string;
  readonly email?: string;
}

/**
 * Designates an approver, keeping the other roles of their entry; the same designation again
 * writes and records nothing. Returns the entry as it stands.
 */
export async function designateApprover(store: Store, d: ApproverDesignation): Promise<StaffMember> {
  const staff = new StaffRepository(store);
  const before = (await staff.approvers(d.siret)).find(
    (m) => m.objectId === d.objectId && m.tenantId === d.tenantId,
  );
  const next: StaffMember = {
    tenantId: d.tenantId,
    objectId: d.objectId,
    displayName: d.name,
    email: d.email,
    roles: [...new Set([...(before?.roles ?? []), APPROVER])],
    beneficiaryId: d.siret,
  };
  const changes = fieldChanges(before, next, AUDITED);
  if (changes.length === 0) return next;
  const audit = auditOf('designate-approver', d.siret, next, changes, d);
  await staff.saveWith(next, [audit.deferred]);
  await audit.apply(store, 'staff');
  return next;
}

/** Removes every entry of person `objectId` among the beneficiary's approvers; `NotFoundError` if none. */
export async function removeApprover(
  store: Store,
  siret: string,
  objectId: string,
  by: ApproverChangeBy,
): Promise<void> {
  const staff = new StaffRepository(store);
  const theirs = (await staff.approvers(siret)).filter((m) => m.objectId === objectId);
  if (theirs.length === 0) throw new NotFoundError(`Le valideur ${objectId} de ce bénéficiaire`);
  for (const member of theirs) {
    const changes = AUDITED.map((field) => ({ field, before: member[field] ?? null, after: null }));
    const audit = auditOf('remove-approver', siret, member, changes, by);
    // Removed meanwhile by someone else, who recorded it: nothing to record here.
    if (await staff.removeWith(siret, member.tenantId, member.objectId, [audit.deferred]))
      await audit.apply(store, 'staff');
  }
}

function auditOf(
  action: 'designate-approver' | 'remove-approver',
  siret: string,
  member: StaffMember,
  changes: FieldChange[],
  by: ApproverChangeBy,
) {
  return registryAudit({
    action,
    beneficiaryId: siret,
    at: by.now.toISOString(),
    actor: by.actor,
    approver: { tenantId: member.tenantId, objectId: member.objectId },
    changes,
  });
}
