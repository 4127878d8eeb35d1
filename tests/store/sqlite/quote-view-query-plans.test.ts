/**
 * The queries of the open-quote and open-order views cost a page, not the view: every query the
 * API's staff lists, the Teams open lists and the quote watch send there — first pages and next
 * pages — runs in SQLite by walking one of migration 0008's indexes in its ORDER BY order, never by
 * sorting the rows (`USE TEMP B-TREE FOR ORDER BY`). And every one of those indexes serves some query.
 *
 * The queries are recorded from the real service and jobs, then planned by the adapter's own query
 * builder and explained on a freshly migrated database (without ANALYZE statistics, like the store).
 */
import pino from 'pino';
import { QuoteWatch } from '../../../bot/src/jobs/quote-watch';
import { OrderRepository } from '../../../bot/src/store/order-repository';
import type { QuerySpec } from '../../../bot/src/store/port';
import { QuoteRepository } from '../../../bot/src/store/quote-repository';
import { QUOTE_VIEW_INDEX_STATEMENTS } from '../../../bot/src/store/sqlite/quote-view-indexes';
import { openSqliteStore } from '../../../bot/src/store/sqlite/sqlite-store';
import { OPEN_ORDERS_VIEW, OPEN_QUOTES_VIEW } from '../../../bot/src/store/views/view-projections';
import { QUIET, QuoteFactory } from '../../api/quote-harness';
import { BELLERIVE, call, LAMENTIN, signIn, USERS } from '../../api/support/api-harness';
import { recordingStore, type RecordedQuery } from '../../support/recording-store';
import { startService, type RunningService } from '../../support/running-service';
import { queryPlans, walkedIndex } from './query-plans';

/** The staff's open lists, as the tab asks for them, one per page so that page 2 exists. */
const STAFF_OPEN_LISTS = [
  '/api/v1/quotes?status=requested,in-preparation&sort=due&limit=1',
  '/api/v1/quotes?status=open&limit=1',
  '/api/v1/quotes?status=open&sort=due&limit=1',
  '/api/v1/quotes?status=sent&limit=1',
  '/api/v1/quotes?status=sent&sort=due&limit=1',
  '/api/v1/orders?status=issued,acknowledged,in-progress,delivered&limit=1',
  '/api/v1/orders?status=open&limit=1',
  '/api/v1/orders?status=issued&limit=1',
];

/** The index names migration 0008 creates. */
const VIEW_INDEXES = QUOTE_VIEW_INDEX_STATEMENTS.flatMap((sql) => /^CREATE INDEX (\w+)/.exec(sql)?.[1] ?? []);

/** The index a query must walk, from its view, its status condition and its order. */
function expectedIndex(spec: QuerySpec): string {
  const [order] = spec.orderBy!;
  if (spec.pk === OPEN_ORDERS_VIEW)
    return order!.direction === 'desc' ? 'views_open_orders_by_issued_desc' : 'views_open_orders_by_issued';
  const oneStatus = spec.filters!.some((f) => f.field === 'status' && f.op === 'eq');
  if (order!.field === 'createdAt') return 'views_open_quotes_by_created';
  if (order!.field === 'updatedAt') return 'views_open_quotes_status_by_updated';
  return oneStatus ? 'views_open_quotes_status_by_due' : 'views_open_quotes_by_due';
}

describe('query plans of the quote and order views on SQLite', () => {
  let svc: RunningService;
  const recorded: RecordedQuery[] = [];
  /** The queries of the quote and order views, once every list and watch query has run. */
  const queries: RecordedQuery[] = [];

  beforeAll(async () => {
    const store = recordingStore(openSqliteStore({ memory: true }), recorded);
    svc = await startService(QUIET, { store });
    const factory = new QuoteFactory(svc.store);
    // Two of each status the queries ask for, so that every list and every watch query has a page 2.
    factory.now = new Date('2026-01-05T09:00:00Z');
    for (const siret of [BELLERIVE, LAMENTIN]) {
      await factory.quote(siret, 'requested');
      await factory.quote(siret, 'prepared');
      await factory.quote(siret, 'sent');
      await factory.order(siret);
    }
    recorded.splice(0);
    const canut = await signIn(svc, USERS.canut);
    for (const path of STAFF_OPEN_LISTS) {
      const first = await call<{ continuationToken?: string }>(svc, 'GET', path, { token: canut });
      expect([path, first.status, typeof first.body.continuationToken]).toEqual([path, 200, 'string']);
      const next = `${path}&continuationToken=${encodeURIComponent(first.body.continuationToken!)}`;
      expect([next, (await call(svc, 'GET', next, { token: canut })).status]).toEqual([next, 200]);
    }
    for (const repo of [new QuoteRepository(svc.store), new OrderRepository(svc.store)]) {
      const first = await repo.listAllOpen(undefined, 1);
      await repo.listAllOpen(first.continuationToken, 1);
    }
    const watch = new QuoteWatch({
      store: svc.store,
      logger: pino({ level: 'silent' }),
      batchSize: 1,
      services: {
        quotes: { expire: async () => undefined as never },
        directory: { accountManagers: async () => [] },
      },
    });
    // Months later: every request is overdue and every sent quote old enough to have expired.
    expect((await watch.sweep(new Date('2026-04-06T09:00:00Z'))).read).toBe(6);
    const views = [OPEN_QUOTES_VIEW, OPEN_ORDERS_VIEW];
    queries.push(...recorded.filter((q) => q.container === 'views' && views.includes(q.pk ?? '')));
  });
  afterAll(async () => {
    await svc?.stop();
  });

  it('records first and next pages of every list and of each watch query', () => {
    expect(queries.filter((q) => q.continuationToken !== undefined).length).toBeGreaterThanOrEqual(13);
    expect(queries.every((q) => q.crossPartition === undefined)).toBe(true);
    const shapes = new Set(queries.map((q) => `${q.pk} ${q.orderBy!.map((o) => o.field).join(',')}`));
    expect([...shapes].sort()).toEqual([
      'open-orders issuedAt',
      'open-quotes createdAt',
      'open-quotes dueDate',
      'open-quotes updatedAt',
    ]);
  });

  it('walks the index of its shape in ORDER BY order for every query, never sorting the rows', () => {
    const plans = queryPlans(queries);
    const wrong = plans
      .map((detail, i) => ({ query: queries[i], detail, expected: expectedIndex(queries[i]!) }))
      .filter((p) => walkedIndex(p.detail, VIEW_INDEXES) !== p.expected);
    expect(wrong).toEqual([]);
  });

  it('uses every index of migration 0008, so that none is dead weight on every write', () => {
    expect([...new Set(queries.map(expectedIndex))].sort()).toEqual([...VIEW_INDEXES].sort());
  });
});
