/**
 * What the beneficiary and approver routes share to leave their audit events: the caller as the
 * trail names them, and the write into the beneficiary's partition, next to its other events (so
 * its reversibility export carries them).
 */
import type { BeneficiaryChangeEvent } from '../domain/beneficiaries/beneficiary-change-event';
import type { Role } from '../domain/identity/requester';
import type { Doc, Store } from '../store/port';
import type { ApiCaller } from './api-caller';

/** The caller, acting under `role` through the API. */
export function auditActorOf(caller: ApiCaller, role: Role): BeneficiaryChangeEvent['actor'] {
  const { tenantId, objectId } = caller.actor;
  return { tenantId, objectId, name: caller.name, role, channel: 'api' };
}

/** Appends an event to the beneficiary's partition; ids are unique, so nothing is overwritten. */
export async function recordEvent(store: Store, event: BeneficiaryChangeEvent): Promise<void> {
  await store.container('business').create({ ...event, pk: event.beneficiaryId } as unknown as Doc);
}
