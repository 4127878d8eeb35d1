/**
 * A registry change and its audit event live in two containers, which no batch spans: the event
 * commits with the change as a follow-up, so a change is never left without its event, even when
 * recording the event fails after the change (or the process dies there).
 */
import type { Beneficiary } from '../../bot/src/domain/beneficiaries/beneficiary';
import { PreconditionFailedError } from '../../bot/src/domain/errors';
import { designateApprover } from '../../bot/src/services/approver-service';
import { saveBeneficiary } from '../../bot/src/services/beneficiary-service';
import { BeneficiaryRepository } from '../../bot/src/store/beneficiary-repository';
import { DEFERRED_WRITE_TYPE } from '../../bot/src/store/deferred-write';
import { OutboxRepository } from '../../bot/src/store/outbox-repository';
import type { Container, Doc, Store } from '../../bot/src/store/port';
import { openSqliteStore } from '../../bot/src/store/sqlite/sqlite-store';
import { StaffRepository } from '../../bot/src/store/staff-repository';
import { Agenda, type AgendaEntry } from '../../bot/src/store/views/agenda';
import { aBeneficiary } from '../support/factories';

const SIRET = '21380185500015';
const TENANT = '3b2f1c4d-5e6f-4a1b-8c9d-0e1f2a3b4c5d';
const ACTOR = {
  tenantId: TENANT,
  objectId: 'aa11bb22-cc33-4d44-8e55-ff6677889900',
  name: 'Alice Admin',
  role: 'Admin',
  channel: 'api',
};
const NOW = new Date('2026-03-02T09:00:00.000Z');

function aRecord(name = 'Ville de Vienne'): Beneficiary {
  return { ...(aBeneficiary() as Beneficiary), siret: SIRET, name, tenantIds: [TENANT] };
}

/** `store`, whose first creation of a `business` document fails (a network cut after the change). */
function cutOnce(store: Store): Store {
  let cut = false;
  return new Proxy(store, {
    get(target, property) {
      if (property !== 'container') return Reflect.get(target, property, target) as unknown;
      return (name: 'business') => {
        const inner = target.container(name);
        if (name !== 'business') return inner;
        return Object.assign(Object.create(inner) as Container<Doc>, {
          create: async (doc: Doc) => {
            if (!cut) {
              cut = true;
              throw new Error('réseau coupé');
            }
            return inner.create(doc);
          },
        });
      };
    },
  });
}

/** The audit events of the beneficiary. */
async function events(store: Store): Promise<Doc[]> {
  const page = await store.container('business').query({
    pk: SIRET,
    filters: [{ field: 'type', op: 'eq', value: 'beneficiary-event' }],
  });
  return page.items;
}

async function followUps(store: Store, container: 'beneficiaries' | 'staff'): Promise<Doc[]> {
  const page = await store.container(container).query({
    pk: SIRET,
    filters: [{ field: 'type', op: 'eq', value: DEFERRED_WRITE_TYPE }],
  });
  return page.items;
}

/** What the outbox sender's sweep does first: visit the partitions on the agenda. */
const visitAgenda = (store: Store) => new OutboxRepository(store).claimDue(NOW, 10, 'instance-a', 60_000);

describe('registry changes and their audit events', () => {
  let store: Store;
  beforeEach(() => {
    store = openSqliteStore({ memory: true });
  });
  afterEach(() => store.close());

  it('records the change and its event together, leaving no follow-up behind', async () => {
    await saveBeneficiary(store, { next: aRecord(), actor: ACTOR, now: NOW });
    expect(await events(store)).toEqual([
      expect.objectContaining({ action: 'create', beneficiaryId: SIRET }),
    ]);
    expect(await followUps(store, 'beneficiaries')).toEqual([]);
  });

  it('keeps the event of a change whose recording failed after the change, and records it at the next visit', async () => {
    const saved = await saveBeneficiary(cutOnce(store), {
      next: aRecord(),
      actor: ACTOR,
      now: NOW,
    });
    // The change is acknowledged; its event waits in the record's partition, announced on the agenda.
    expect(saved.name).toBe('Ville de Vienne');
    expect(await events(store)).toEqual([]);
    expect(await followUps(store, 'beneficiaries')).toHaveLength(1);
    const agenda = await new Agenda(store.container<AgendaEntry>('views')).all();
    expect(agenda.map((e) => e.id)).toContain(`beneficiaries:${SIRET}`);

    await visitAgenda(store);
    expect(await events(store)).toEqual([
      expect.objectContaining({ action: 'create', beneficiaryId: SIRET }),
    ]);
    expect(await followUps(store, 'beneficiaries')).toEqual([]);
    // A second visit records nothing twice.
    await visitAgenda(store);
    expect(await events(store)).toHaveLength(1);
  });

  it('records nothing when the change itself is refused (stale version)', async () => {
    const first = await saveBeneficiary(store, {
      next: aRecord(),
      actor: ACTOR,
      now: NOW,
    });
    await saveBeneficiary(store, {
      next: aRecord('Ville de Vienne (Isère)'),
      actor: ACTOR,
      now: NOW,
    });
    await expect(
      saveBeneficiary(store, {
        next: aRecord('Autre nom'),
        ifMatch: first._etag,
        actor: ACTOR,
        now: NOW,
      }),
    ).rejects.toBeInstanceOf(PreconditionFailedError);
    expect((await new BeneficiaryRepository(store).get(SIRET))!.name).toBe('Ville de Vienne (Isère)');
    // Both events are dated NOW: their ids, hence their order, differ only by a random part.
    expect((await events(store)).map((e) => e.action).sort()).toEqual(['create', 'update']);
    expect(await followUps(store, 'beneficiaries')).toEqual([]);
  });

  it("keeps an approver's designation event when recording it failed, and records it at the next visit", async () => {
    const objectId = 'cc11dd22-ee33-4f44-8a55-bb6677889900';
    await designateApprover(cutOnce(store), {
      siret: SIRET,
      tenantId: TENANT,
      objectId,
      name: 'Claire Martin',
      actor: ACTOR,
      now: NOW,
    });
    expect(await events(store)).toEqual([]);
    expect(await new StaffRepository(store).approvedBy(TENANT, objectId)).toEqual([SIRET]);

    await visitAgenda(store);
    expect(await events(store)).toEqual([expect.objectContaining({ action: 'designate-approver' })]);
    expect(await followUps(store, 'staff')).toEqual([]);
  });
});
