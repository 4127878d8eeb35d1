/**
 * The API's lists cost a page, not the table (issue 6): every query the ticket list, the dashboard
 * and the staff lists of quotes and orders send to the store — first pages and next pages, for a
 * beneficiary's agent and for the Titulaire — runs in SQLite by walking one of migrations 0005 and
 * 0006's indexes in its ORDER BY order, never by sorting the matching documents (`USE TEMP B-TREE FOR ORDER
 * BY`). And every one of those indexes serves some list: dropping one fails this test.
 *
 * The queries are recorded from the real service over HTTP, then planned by the adapter's own query
 * builder and explained on a freshly migrated database (without ANALYZE statistics, like the store).
 */
import Database from 'better-sqlite3';
import type { QuerySpec } from '../../../bot/src/store/port';
import {
  LIST_INDEX_STATEMENTS,
  OPEN_SEVERITY_INDEX_STATEMENTS,
} from '../../../bot/src/store/sqlite/list-indexes';
import { applyMigrations } from '../../../bot/src/store/sqlite/migrations';
import { planQuery } from '../../../bot/src/store/sqlite/sqlite-query';
import { openSqliteStore } from '../../../bot/src/store/sqlite/sqlite-store';
import { BELLERIVE, call, LAMENTIN, signIn, TicketFactory, USERS } from '../../api/support/api-harness';
import { startService, type RunningService } from '../../support/running-service';
import { recordingStore } from './recording-store';

/** What the dashboard sends on load (tab/src/dashboard/dashboard-data.ts), and its "recently changed". */
const DASHBOARD = [
  ...[1, 2, 3, 4].map((s) => `/api/v1/tickets?status=open&severity=${s}&limit=100`),
  '/api/v1/tickets?status=new&sort=urgent&limit=8',
  '/api/v1/tickets?sort=recent&limit=30',
  '/api/v1/tickets?sort=updated&limit=6',
];

/** Every filter combination the tab's ticket table offers, with a page of one so that page 2 exists. */
function ticketTable(extra = ''): string[] {
  const paths: string[] = [];
  for (const status of ['', 'status=open&', 'status=new&', 'status=closed&'])
    for (const severity of ['', 'severity=1&'])
      for (const sort of ['recent', 'urgent', 'updated'])
        paths.push(`/api/v1/tickets?${status}${severity}${extra}sort=${sort}&limit=1`);
  return paths;
}

/** The staff lists of quotes and orders, with the dashboard's tiles (tab/src/dashboard/commercial-data.ts). */
const STAFF_LISTS = [
  '/api/v1/quotes?status=requested,in-preparation&sort=due&limit=6',
  '/api/v1/orders?status=issued,acknowledged,in-progress,delivered&limit=6',
  '/api/v1/quotes?limit=1',
  '/api/v1/quotes?sort=due&limit=1',
  '/api/v1/quotes?status=open&limit=1',
  '/api/v1/quotes?status=sent&sort=due&limit=1',
  '/api/v1/orders?limit=1',
  '/api/v1/orders?status=issued&limit=1',
];

/** The index names migrations 0005 and 0006 create. */
const LIST_INDEXES = [...LIST_INDEX_STATEMENTS, ...OPEN_SEVERITY_INDEX_STATEMENTS].map(
  (sql) => /^CREATE INDEX (\w+)/.exec(sql)![1]!,
);

const ORDER_NAMES: Record<string, string> = {
  receivedAt: 'received',
  updatedAt: 'updated',
  firstResponseDueAt: 'first_response_due',
  createdAt: 'created',
  dueDate: 'due',
  issuedAt: 'issued',
};

/**
 * The index a list must walk, from its shape alone: its type, its scope (across partitions or in
 * one), its status condition (none, one status, the open ones), for open tickets its severity, and
 * its order. Other severity filters, and the statuses of quotes and orders, are checked while walking.
 */
function expectedIndex(spec: QuerySpec): string {
  const type = spec.filters![0]!.value as string;
  const order = ORDER_NAMES[spec.orderBy![0]!.field]!;
  if (type !== 'ticket') return `documents_${type}s_by_${order}`;
  const status = spec.filters!.filter((f) => f.field === 'status');
  const open = status.length > 0 && status.every((f) => f.op === 'ne');
  const one = status.length === 1 && status[0]!.op === 'eq';
  const severity = spec.filters!.some((f) => f.field === 'severity' && f.op === 'eq');
  const scope = spec.pk === undefined ? 'tickets' : 'partition_tickets';
  if (open && severity) return `documents_open_${scope}_severity_by_${order}`;
  return `documents_${open ? 'open_' : ''}${scope}_${one ? 'status_' : ''}by_${order}`;
}

interface Plan {
  label: string;
  detail: string;
}

/** What SQLite would do for each recorded query, on a freshly migrated database. */
function explain(queries: readonly QuerySpec[], drop?: string): Plan[] {
  const db = new Database(':memory:');
  try {
    applyMigrations(db);
    if (drop) db.exec(`DROP INDEX ${drop}`);
    return queries.map((spec) => {
      const plan = planQuery('business', spec);
      const rows = db.prepare(`EXPLAIN QUERY PLAN ${plan.sql}`).all(...plan.params) as { detail: string }[];
      const { continuationToken, ...shape } = spec;
      const label = `${JSON.stringify(shape)}${continuationToken ? ' (next page)' : ''}`;
      return { label, detail: rows.map((r) => r.detail).join(' | ') };
    });
  } finally {
    db.close();
  }
}

/** The list index a plan walks, or undefined when it sorts or scans without one. */
function walkedIndex(detail: string): string | undefined {
  if (detail.includes('TEMP B-TREE')) return undefined;
  return LIST_INDEXES.find((name) => detail.includes(`USING INDEX ${name} `));
}

describe('query plans of the API lists on SQLite', () => {
  let svc: RunningService;
  const queries: QuerySpec[] = [];

  /** GETs `path`, then its next page when there is one. */
  async function getWithNextPage(token: string, path: string): Promise<void> {
    const first = await call<{ continuationToken?: string }>(svc, 'GET', path, { token });
    expect([path, first.status]).toEqual([path, 200]);
    if (!first.body.continuationToken) return;
    const next = `${path}&continuationToken=${encodeURIComponent(first.body.continuationToken)}`;
    expect((await call(svc, 'GET', next, { token })).status).toBe(200);
  }

  beforeAll(async () => {
    const store = openSqliteStore({ memory: true });
    svc = await startService(
      // No background job: every recorded query is one the API made.
      { SLA_WATCH_INTERVAL_MS: '0', OUTBOX_INTERVAL_MS: '0', QUOTE_WATCH_INTERVAL_MS: '0' },
      { store: recordingStore(store, queries) },
    );
    const tickets = new TicketFactory(svc.store);
    for (const [siret, severity] of [
      [BELLERIVE, '1'],
      [BELLERIVE, '1'],
      [BELLERIVE, '3'],
      [LAMENTIN, '1'],
      [LAMENTIN, '2'],
    ] as const)
      await tickets.declare(siret, { severity });
    queries.splice(0);
    const agent = await signIn(svc, USERS.agent);
    const engineer = await signIn(svc, USERS.engineer);
    for (const path of [...DASHBOARD, ...ticketTable()]) {
      await getWithNextPage(agent, path);
      await getWithNextPage(engineer, path);
    }
    for (const path of ticketTable(`beneficiary=${BELLERIVE}&`)) await getWithNextPage(engineer, path);
    for (const path of STAFF_LISTS) await getWithNextPage(engineer, path);
  });
  afterAll(async () => {
    await svc?.stop();
  });

  const listQueries = () =>
    queries.filter((q) => q.filters?.some((f) => f.field === 'type' && f.value !== 'ticket-event'));

  it('records the lists of both scopes, first pages and next pages', () => {
    const lists = listQueries();
    expect(lists.some((q) => q.crossPartition === true)).toBe(true);
    expect(lists.some((q) => q.pk === BELLERIVE)).toBe(true);
    expect(lists.filter((q) => q.continuationToken !== undefined).length).toBeGreaterThan(20);
    expect(new Set(lists.map((q) => q.filters![0]!.value))).toEqual(new Set(['ticket', 'quote', 'order']));
  });

  it('walks the index of its shape in ORDER BY order for every list query, never sorting the matches', () => {
    const lists = listQueries();
    const plans = explain(lists);
    const wrong = plans
      .map((p, i) => ({ ...p, expected: expectedIndex(lists[i]!), walked: walkedIndex(p.detail) }))
      .filter((p) => p.walked !== p.expected);
    expect(wrong).toEqual([]);
  });

  it('uses every list index, so that none is dead weight on every write', () => {
    const used = new Set(listQueries().map(expectedIndex));
    expect([...used].sort()).toEqual([...LIST_INDEXES].sort());
  });

  it('falls back to sorting the whole partition or table once an index is gone', () => {
    const plans = explain(listQueries(), 'documents_tickets_by_received');
    const sorted = plans.filter((p) => p.detail.includes('USE TEMP B-TREE FOR ORDER BY'));
    expect(sorted.length).toBeGreaterThan(0);
  });
});
