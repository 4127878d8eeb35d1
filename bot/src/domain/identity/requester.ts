/**
 * Who is talking to Guichet. The bot receives no token, so a requester is resolved from the
 * activity's tenant id and Entra object id against the beneficiary and staff registries
 * (DESIGN.md, "Roles").
 */
import type { Beneficiary } from '../beneficiaries/beneficiary';

export type StaffRole = 'Support.Engineer' | 'Account.Manager' | 'Admin' | 'Canut.Staff';
export type Role = StaffRole | 'Beneficiary.Approver';

export type Requester =
  | { kind: 'titulaire'; tenantId: string; objectId?: string; roles: Role[] }
  | { kind: 'canut'; tenantId: string; objectId?: string; roles: Role[] }
  | { kind: 'beneficiary'; tenantId: string; objectId?: string; beneficiaries: Beneficiary[]; roles: Role[] }
  | { kind: 'unknown'; tenantId?: string };

export interface RequesterLookups {
  titulaireTenantId: string;
  canutTenantId: string;
  /** Active and inactive beneficiaries whose tenant list contains the tenant. */
  beneficiariesOfTenant(tenantId: string): Promise<Beneficiary[]>;
  /** Roles recorded for this person in the staff registry (approvers included). */
  rolesOf(tenantId: string, objectId: string): Promise<Role[]>;
}

/** Resolves the requester behind a tenant id and object id. */
export async function resolveRequester(
  lookups: RequesterLookups,
  tenantId: string | undefined,
  objectId: string | undefined,
): Promise<Requester> {
  if (!tenantId) return { kind: 'unknown' };
  const tid = tenantId.toLowerCase();
  const roles = objectId ? await lookups.rolesOf(tid, objectId.toLowerCase()) : [];
  if (tid === lookups.titulaireTenantId.toLowerCase())
    return { kind: 'titulaire', tenantId: tid, objectId, roles };
  if (tid === lookups.canutTenantId.toLowerCase()) return { kind: 'canut', tenantId: tid, objectId, roles };
  const beneficiaries = await lookups.beneficiariesOfTenant(tid);
  if (beneficiaries.length === 0) return { kind: 'unknown', tenantId: tid };
  return { kind: 'beneficiary', tenantId: tid, objectId, beneficiaries, roles };
}
