/**
 * Who a caller is gets resolved on every request and turn: the beneficiaries its tenant serves and
 * the roles the registry gives the person. Both come from one partition of the views (the directory
 * and the people views), never from a query across the registries' partitions, and follow every
 * change of the registries at once.
 */
import type { Beneficiary } from '../../../bot/src/domain/beneficiaries/beneficiary';
import { BeneficiaryRepository } from '../../../bot/src/store/beneficiary-repository';
import { OutboxRepository } from '../../../bot/src/store/outbox-repository';
import type { Store } from '../../../bot/src/store/port';
import { StaffRepository, type StaffMember } from '../../../bot/src/store/staff-repository';
import { Agenda, type AgendaEntry } from '../../../bot/src/store/views/agenda';
import { PEOPLE_VIEW } from '../../../bot/src/store/views/view-projections';
import { aBeneficiary } from '../../support/factories';
import { recordingStore, type RecordedQuery } from '../../support/recording-store';
import { withFailingViews, openTestStore, type TestStore } from './views-fixtures';

const TENANT = '3b2f1c4d-5e6f-4a1b-8c9d-0e1f2a3b4c5d';
const OTHER_TENANT = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const PERSON = 'aa11bb22-cc33-4d44-8e55-ff6677889900';

function aBeneficiaryOf(siret: string, name: string, tenantIds: string[]): Beneficiary {
  return { ...(aBeneficiary() as Beneficiary), siret, name, tenantIds };
}

function anApprover(beneficiaryId: string): StaffMember {
  return {
    tenantId: TENANT,
    objectId: PERSON,
    displayName: 'Claire Martin',
    roles: ['Beneficiary.Approver'],
    beneficiaryId,
  };
}

describe('registry views', () => {
  let store: Store;
  let queries: RecordedQuery[];
  let opened: TestStore;
  beforeEach(async () => {
    opened = await openTestStore();
    store = opened.store;
    queries = [];
  });
  afterEach(() => opened.close());

  it("finds a tenant's beneficiaries in the directory view, by name, and follows a change of tenant", async () => {
    const registry = new BeneficiaryRepository(store);
    await registry.save(aBeneficiaryOf('21380185500015', 'Ville de Vienne', [TENANT]));
    await registry.save(aBeneficiaryOf('21690123100011', 'Ville de Bron', [TENANT]));
    await registry.save(aBeneficiaryOf('21970209000014', 'Ville du Lamentin', [OTHER_TENANT]));

    const reader = new BeneficiaryRepository(recordingStore(store, queries));
    expect((await reader.findByTenant(TENANT)).map((b) => b.name)).toEqual([
      'Ville de Bron',
      'Ville de Vienne',
    ]);
    expect(queries).toEqual([expect.objectContaining({ container: 'views', pk: 'beneficiary-directory' })]);

    await registry.save(aBeneficiaryOf('21970209000014', 'Ville du Lamentin', [OTHER_TENANT, TENANT]));
    expect((await reader.findByTenant(TENANT.toUpperCase())).map((b) => b.siret)).toEqual([
      '21690123100011', // Ville de Bron
      '21380185500015', // Ville de Vienne
      '21970209000014', // Ville du Lamentin
    ]);
    expect(await reader.findByTenant(OTHER_TENANT)).toEqual(
      [await registry.get('21970209000014')].map(strip),
    );
  });

  it("reads a person's roles from the people view; a removed approver loses the role at once", async () => {
    const registry = new StaffRepository(store);
    await registry.save(anApprover('21380185500015'));
    await registry.save(anApprover('21690123100011'));

    const reader = new StaffRepository(recordingStore(store, queries));
    expect(await reader.rolesOf(TENANT, PERSON.toUpperCase())).toEqual(['Beneficiary.Approver']);
    expect((await reader.approvedBy(TENANT, PERSON)).sort()).toEqual(['21380185500015', '21690123100011']);
    expect(queries.every((q) => q.container === 'views' && q.pk === PEOPLE_VIEW)).toBe(true);

    await registry.remove('21380185500015', TENANT, PERSON);
    expect(await reader.approvedBy(TENANT, PERSON)).toEqual(['21690123100011']);
    await registry.remove('21690123100011', TENANT, PERSON);
    expect(await reader.rolesOf(TENANT, PERSON)).toEqual([]);
  });

  it('finishes at the next agenda visit a registry refresh that failed after its commit', async () => {
    const failing = withFailingViews(store, 1);
    // The change is committed although its refresh failed; the agenda knows of the partition.
    await new StaffRepository(failing).save(anApprover('21380185500015'));
    expect(await new StaffRepository(store).rolesOf(TENANT, PERSON)).toEqual([]);
    const entries = await new Agenda(store.container<AgendaEntry>('views')).all();
    expect(entries).toEqual([
      expect.objectContaining({
        id: 'staff:21380185500015',
        container: 'staff',
        partition: '21380185500015',
      }),
    ]);

    // The outbox sender's sweep walks the agenda, and repairs the registry's partition on its way.
    expect(await new OutboxRepository(store).claimDue(new Date(), 10, 'instance-a', 60_000)).toEqual([]);
    expect(await new StaffRepository(store).rolesOf(TENANT, PERSON)).toEqual(['Beneficiary.Approver']);
    expect(await new OutboxRepository(store).pendingCount()).toBe(0);
  });
});

function strip<T>(doc: T): T {
  const { id: _id, pk: _pk, type: _type, _etag, _ts, ...rest } = doc as T & Record<string, unknown>;
  return rest as T;
}
