/**
 * Binds the domain's requester resolution to the registries in the store.
 */
import type { RequesterLookups } from '../domain/identity/requester';
import type { BeneficiaryRepository } from '../store/beneficiary-repository';
import type { StaffRepository } from '../store/staff-repository';

/** Lookups over the beneficiary and staff registries. */
export function storeLookups(
  beneficiaries: BeneficiaryRepository,
  staff: StaffRepository,
  tenants: { titulaireTenantId: string; canutTenantId: string },
): RequesterLookups {
  return {
    ...tenants,
    beneficiariesOfTenant: (tenantId) => beneficiaries.findByTenant(tenantId),
    rolesOf: (tenantId, objectId) => staff.rolesOf(tenantId, objectId),
  };
}
