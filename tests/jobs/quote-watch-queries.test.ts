/**
 * The quote watch reads only the quotes near or past a deadline, through the indexes of migration
 * `0004-quote-watch`: SQLite's plans name them (first page and later pages), and a sweep over a store
 * full of answered quotes reads the few candidates only.
 */
import Database from 'better-sqlite3';
import pino from 'pino';
import { expiryCandidatesQuery, reminderCandidatesQuery } from '../../bot/src/jobs/quote-watch-queries';
import { QuoteWatch } from '../../bot/src/jobs/quote-watch';
import type { Doc, QuerySpec, Store } from '../../bot/src/store/port';
import { applyMigrations } from '../../bot/src/store/sqlite/migrations';
import { encodeCursor, planQuery } from '../../bot/src/store/sqlite/sqlite-query';
import { openSqliteStore } from '../../bot/src/store/sqlite/sqlite-store';

const NOW = new Date('2026-03-17T08:00:00Z');

function plan(spec: QuerySpec): string[] {
  const db = new Database(':memory:');
  try {
    applyMigrations(db);
    const first = planQuery('business', spec);
    const keys =
      spec.orderBy![0]!.field === 'dueDate'
        ? [5, '2026-03-16', 'dev-x']
        : [5, '2026-01-05T09:00:00Z', 'dev-x'];
    const later = planQuery('business', {
      ...spec,
      continuationToken: encodeCursor(first.fingerprint, keys),
    });
    const details = [first, later].map((p) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${p.sql}`).all(...p.params) as { detail: string }[]).map(
        (r) => r.detail,
      ),
    );
    // A later page is planned like the first, not as a scan.
    expect(details[1]).toEqual(details[0]);
    return details[0]!;
  } finally {
    db.close();
  }
}

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
  it.each([
    ['requested', reminderCandidatesQuery(NOW, 'requested', 100), 'documents_quote_due'],
    ['in-preparation', reminderCandidatesQuery(NOW, 'in-preparation', 100), 'documents_quote_due'],
    ['sent', expiryCandidatesQuery(NOW, 100), 'documents_quote_sent'],
  ])('finds %s quotes through an index search', (_status, spec, index) => {
    expect(plan(spec).join(' | ')).toContain(
      `USING INDEX ${index} (container=? AND <expr>=? AND <expr>=? AND <expr><?)`,
    );
  });

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
      // 7 due within the horizon, 3 sent more than 27 days ago: nothing else is read.
      expect((await watch.sweep(NOW)).read).toBe(10);
    } finally {
      await store.close();
    }
  });
});
