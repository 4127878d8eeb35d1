/**
 * The lookups made by number (staff open a ticket, quote or order by its number) and by person
 * (every request's roles) read one view partition and seek its migration 0009 index: they cost a
 * few rows whatever the number of documents, and dropping an index fails this test.
 */
import type { Store } from '../../../bot/src/store/port';
import { LOOKUP_VIEW_INDEX_STATEMENTS } from '../../../bot/src/store/sqlite/lookup-view-indexes';
import { openSqliteStore } from '../../../bot/src/store/sqlite/sqlite-store';
import { StaffRepository } from '../../../bot/src/store/staff-repository';
import { TicketRepository } from '../../../bot/src/store/ticket-repository';
import { recordingStore, type RecordedQuery } from '../../support/recording-store';
import { aTicketDoc, SIRET_A, SIRET_B } from '../views/views-fixtures';
import { queryPlans } from './query-plans';

const TENANT = '3b2f1c4d-5e6f-4a1b-8c9d-0e1f2a3b4c5d';
const PERSON = 'aa11bb22-cc33-4d44-8e55-ff6677889900';

describe('lookup views in SQLite', () => {
  let store: Store;
  let queries: RecordedQuery[];
  beforeEach(async () => {
    store = openSqliteStore({ memory: true });
    queries = [];
    await store.container('business').create(aTicketDoc('tkt-1', { number: 'INC-2026-000001' }));
    await store.container('business').create(aTicketDoc('tkt-2', { number: 'INC-2026-000002' }, SIRET_B));
    await new StaffRepository(store).save({
      tenantId: TENANT,
      objectId: PERSON,
      displayName: 'Claire Martin',
      roles: ['Beneficiary.Approver'],
      beneficiaryId: SIRET_A,
    });
  });
  afterEach(() => store.close());

  it('finds a ticket of any beneficiary by its number through the numbers view, then reads it in its partition', async () => {
    const tickets = new TicketRepository(recordingStore(store, queries));
    const found = await tickets.findByNumberAnywhere('INC-2026-000002');
    expect(found).toMatchObject({ id: 'tkt-2', pk: SIRET_B, _etag: expect.any(String) });
    expect(await tickets.findByNumberAnywhere('INC-2026-999999')).toBeUndefined();
    expect(queries.map((q) => [q.container, q.pk])).toEqual([
      ['views', 'numbers'],
      ['views', 'numbers'],
    ]);
  });

  it('seeks migration 0009’s indexes for the lookups by number and by person', async () => {
    await new TicketRepository(recordingStore(store, queries)).findByNumberAnywhere('INC-2026-000001');
    await new StaffRepository(recordingStore(store, queries)).rolesOf(TENANT, PERSON);
    expect(queries).toHaveLength(2);

    const [byNumber, byPerson] = queryPlans(queries);
    expect(byNumber).toMatch(
      /SEARCH view_documents USING INDEX views_numbers \(container=\? AND pk=\? AND <expr>=\?\)/,
    );
    expect(byPerson).toMatch(
      /SEARCH view_documents USING INDEX views_people \(container=\? AND pk=\? AND <expr>=\?\)/,
    );

    for (const sql of LOOKUP_VIEW_INDEX_STATEMENTS) {
      const name = /^CREATE INDEX (\w+)/.exec(sql)![1]!;
      expect(queryPlans(queries, name).join('\n')).not.toContain(`INDEX ${name} `);
    }
  });
});
