/**
 * What every detail shows looks inside one beneficiary's partition: a document's audit trail, and
 * a document by its number. In SQLite both seek migration 0010's indexes instead of reading the
 * partition's every document; dropping an index fails this test.
 */
import type { Store } from '../../../bot/src/store/port';
import { OrderRepository } from '../../../bot/src/store/order-repository';
import { PARTITION_LOOKUP_INDEX_STATEMENTS } from '../../../bot/src/store/sqlite/partition-lookup-indexes';
import { openSqliteStore } from '../../../bot/src/store/sqlite/sqlite-store';
import { QuoteRepository } from '../../../bot/src/store/quote-repository';
import { TicketRepository } from '../../../bot/src/store/ticket-repository';
import { recordingStore, type RecordedQuery } from '../../support/recording-store';
import { aTicketDoc, SIRET_A } from '../views/views-fixtures';
import { queryPlans, walkedIndex } from './query-plans';

const INDEXES = PARTITION_LOOKUP_INDEX_STATEMENTS.map((sql) => /^CREATE INDEX (\w+)/.exec(sql)![1]!);

describe("lookups in a beneficiary's partition", () => {
  let store: Store;
  beforeEach(async () => {
    store = openSqliteStore({ memory: true });
    const business = store.container('business');
    await business.create(aTicketDoc('tkt-1', { number: 'INC-2026-000001' }));
    for (const seq of [2, 1])
      await business.create({ id: `evt-${seq}`, pk: SIRET_A, type: 'ticket-event', ticketId: 'tkt-1', seq });
  });
  afterEach(() => store.close());

  it('finds a ticket by number and its events in order, then seeks an index for each kind', async () => {
    const queries: RecordedQuery[] = [];
    const recorded = recordingStore(store, queries);
    const tickets = new TicketRepository(recorded);
    expect((await tickets.findByNumber('INC-2026-000001', [SIRET_A]))?.id).toBe('tkt-1');
    expect((await tickets.events(SIRET_A, 'tkt-1')).map((e) => (e as { seq: number }).seq)).toEqual([1, 2]);
    for (const repo of [new QuoteRepository(recorded), new OrderRepository(recorded)]) {
      await repo.findByNumber('X-2026-000001', [SIRET_A]);
      await repo.events(SIRET_A, 'x');
    }

    const plans = queryPlans(queries);
    expect(plans.map((plan) => walkedIndex(plan, INDEXES))).toEqual([
      'documents_tickets_by_number',
      'documents_ticket_events',
      'documents_quotes_by_number',
      'documents_quote_events',
      'documents_orders_by_number',
      'documents_order_events',
    ]);
    for (const index of INDEXES) {
      expect(queryPlans(queries, index).some((plan) => walkedIndex(plan, [index]))).toBe(false);
    }
  });
});
