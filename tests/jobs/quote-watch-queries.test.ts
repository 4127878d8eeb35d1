/**
 * The quote watch reads only the quotes near or past a deadline, from the open-quote view: a sweep
 * over a store full of answered quotes reads the few candidates only. (That its queries walk
 * migration 0008's indexes: tests/store/sqlite/quote-view-query-plans.test.ts.)
 */
import pino from 'pino';
import { QuoteWatch } from '../../bot/src/jobs/quote-watch';
import type { Doc, Store } from '../../bot/src/store/port';
import { openSqliteStore } from '../../bot/src/store/sqlite/sqlite-store';

const NOW = new Date('2026-03-17T08:00:00Z');

/** A stored quote with only the fields the queries and the watch's first checks read. */
function quoteDoc(i: number, status: string, dueDate: string, updatedAt: string): Doc {
  return {
    id: `dev-${status}-${i}`,
    pk: `2169001230${String(i % 10).padStart(4, '0')}`,
    type: 'quote',
    status,
    dueDate,
    updatedAt,
    versions: [],
    // Answered once: the watch leaves them alone even if the query returned them.
    timeliness: { onTime: true },
  };
}

describe('the quote watch’s queries', () => {
  it('reads the candidates only, not the quotes answered long ago', async () => {
    const store: Store = openSqliteStore({ memory: true });
    try {
      const docs = [
        ...Array.from({ length: 1500 }, (_, i) =>
          quoteDoc(i, 'accepted', '2025-06-02', '2025-06-01T08:00:00Z'),
        ),
        ...Array.from({ length: 300 }, (_, i) => quoteDoc(i, 'sent', '2026-03-10', '2026-03-09T08:00:00Z')),
        ...Array.from({ length: 200 }, (_, i) =>
          quoteDoc(i, 'requested', '2026-06-15', '2026-03-16T08:00:00Z'),
        ),
        ...Array.from({ length: 7 }, (_, i) =>
          quoteDoc(i, 'in-preparation', '2026-03-19', '2026-03-10T08:00:00Z'),
        ),
        ...Array.from({ length: 3 }, (_, i) =>
          quoteDoc(i + 1000, 'sent', '2025-11-03', '2025-11-02T08:00:00Z'),
        ),
      ];
      const business = store.container('business');
      for (const doc of docs) await business.create(doc);
      const watch = new QuoteWatch({
        store,
        logger: pino({ level: 'silent' }),
        services: {
          quotes: { expire: async () => undefined as never },
          directory: { accountManagers: async () => [] },
        },
      });
      // 7 due within the horizon, 3 sent more than 27 days ago: nothing else is read, and every row
      // matches its quote (none to refresh).
      expect(await watch.sweep(NOW)).toMatchObject({ read: 10, refreshed: 0, failed: 0 });
    } finally {
      await store.close();
    }
  });
});
