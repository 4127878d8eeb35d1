/**
 * "mes tickets" in Teams, for a beneficiary's agent, reads each of its beneficiaries' open tickets,
 * most urgent first. In SQLite that query walks the partial index of a partition's open tickets in
 * its order (migration 0005) and reads one page, never the partition's every ticket.
 */
import { openSqliteStore } from '../../../bot/src/store/sqlite/sqlite-store';
import { TicketRepository } from '../../../bot/src/store/ticket-repository';
import { recordingStore, type RecordedQuery } from '../../support/recording-store';
import { aTicketDoc, SIRET_A } from '../views/views-fixtures';
import { queryPlans, walkedIndex } from './query-plans';

const INDEX = 'documents_open_partition_tickets_by_first_response_due';

describe("a beneficiary's open tickets in Teams", () => {
  it('returns the open ones only, most urgent first, through the partition’s open-ticket index', async () => {
    const store = openSqliteStore({ memory: true });
    try {
      const business = store.container('business');
      await business.create(aTicketDoc('late', { firstResponseDueAt: '2026-03-02T12:00:00Z' }));
      await business.create(aTicketDoc('soon', { firstResponseDueAt: '2026-03-02T10:00:00Z' }));
      await business.create(
        aTicketDoc('done', { status: 'resolved', firstResponseDueAt: '2026-03-02T09:30:00Z' }),
      );
      const queries: RecordedQuery[] = [];

      const page = await new TicketRepository(recordingStore(store, queries)).listOpen(SIRET_A);

      expect(page.items.map((t) => t.id)).toEqual(['soon', 'late']);
      expect(queries).toHaveLength(1);
      const [plan] = queryPlans(queries);
      expect(walkedIndex(plan!, [INDEX])).toBe(INDEX);
      expect(walkedIndex(queryPlans(queries, INDEX)[0]!, [INDEX])).toBeUndefined();
    } finally {
      await store.close();
    }
  });
});
