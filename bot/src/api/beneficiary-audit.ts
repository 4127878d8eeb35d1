/**
 * The caller as the audit trail of the beneficiary and approver routes names them (the events
 * themselves are written by `services/beneficiary-service.ts`).
 */
import type { BeneficiaryChangeEvent } from '../domain/beneficiaries/beneficiary-change-event';
import type { Role } from '../domain/identity/requester';
import type { ApiCaller } from './api-caller';

/** The caller, acting under `role` through the API. */
export function auditActorOf(caller: ApiCaller, role: Role): BeneficiaryChangeEvent['actor'] {
  const { tenantId, objectId } = caller.actor;
  return { tenantId, objectId, name: caller.name, role, channel: 'api' };
}
