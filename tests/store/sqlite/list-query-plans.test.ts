/**
 * The API's lists cost a page, not the table (issue 6): every query the ticket list, the dashboard
 * and the staff lists of quotes and orders send to the store — first pages and next pages, for a
 * beneficiary's agent and for the Titulaire — runs in SQLite by walking one of migrations 0005 to
 * 0007's indexes in its ORDER BY order, never by sorting the matching documents (`USE TEMP B-TREE FOR
 * ORDER BY`). The staff's lists of open tickets read the open-ticket view's partition (issue 8), the
 * others `business`. And every one of those indexes serves some list: dropping one fails this test.
 * The background jobs' due queries of the views (the SLA watch's, the agenda's, the tombstones')
 * each search their own index over the due range.
 *
 * The queries are recorded from the real service over HTTP, then planned by the adapter's own query
 * builder and explained on a freshly migrated database (without ANALYZE statistics, like the store).
 */
import type { Container, Page, QuerySpec } from '../../../bot/src/store/port';
import {
  LIST_INDEX_STATEMENTS,
  OPEN_SEVERITY_INDEX_STATEMENTS,
} from '../../../bot/src/store/sqlite/list-indexes';
import { openSqliteStore } from '../../../bot/src/store/sqlite/sqlite-store';
import { VIEW_INDEX_STATEMENTS } from '../../../bot/src/store/sqlite/view-indexes';
import { Agenda } from '../../../bot/src/store/views/agenda';
import { dueTicketRowsQuery } from '../../../bot/src/store/views/open-ticket-view';
import { purgeTombstones } from '../../../bot/src/store/views/tombstone-purge';
import { OPEN_TICKETS_VIEW } from '../../../bot/src/store/views/view-projections';
import { BELLERIVE, call, LAMENTIN, signIn, TicketFactory, USERS } from '../../api/support/api-harness';
import { startService, type RunningService } from '../../support/running-service';
import { recordingStore, type RecordedQuery } from '../../support/recording-store';
import { queryPlans, walkedIndex } from './query-plans';

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

const created = (statements: readonly string[]) =>
  statements.flatMap((sql) => /^CREATE INDEX (\w+)/.exec(sql)?.[1] ?? []);
const dropped = new Set(
  VIEW_INDEX_STATEMENTS.flatMap((sql) => /^DROP INDEX IF EXISTS (\w+)/.exec(sql)?.[1] ?? []),
);

/** The list indexes migrations 0005 to 0007 leave: of `business`, and of the open-ticket view. */
const LIST_INDEXES = [
  ...created([...LIST_INDEX_STATEMENTS, ...OPEN_SEVERITY_INDEX_STATEMENTS]).filter(
    (name) => !dropped.has(name),
  ),
  ...created(VIEW_INDEX_STATEMENTS).filter(
    (name) => name.startsWith('views_open_tickets_') && name !== 'views_open_tickets_sla_due',
  ),
];

const ORDER_NAMES: Record<string, string> = {
  receivedAt: 'received',
  updatedAt: 'updated',
  firstResponseDueAt: 'first_response_due',
  createdAt: 'created',
  dueDate: 'due',
  issuedAt: 'issued',
};

/**
 * The index a list must walk, from its shape alone: its container, its type, its scope (across
 * partitions or in one), its status condition (none, one status, the open ones), for open tickets
 * its severity, and its order. Other severity filters, and the statuses of quotes and orders, are
 * checked while walking.
 */
function expectedIndex(spec: RecordedQuery): string {
  const order = ORDER_NAMES[spec.orderBy![0]!.field]!;
  if (spec.container === 'views') return expectedViewIndex(spec, order);
  const type = spec.filters![0]!.value as string;
  if (type !== 'ticket') return `documents_${type}s_by_${order}`;
  const status = spec.filters!.filter((f) => f.field === 'status');
  const open = status.length > 0 && status.every((f) => f.op === 'ne');
  const one = status.length === 1 && status[0]!.op === 'eq';
  const severity = spec.filters!.some((f) => f.field === 'severity' && f.op === 'eq');
  const scope = spec.pk === undefined ? 'tickets' : 'partition_tickets';
  if (open && severity) return `documents_open_${scope}_severity_by_${order}`;
  return `documents_${open ? 'open_' : ''}${scope}_${one ? 'status_' : ''}by_${order}`;
}

/**
 * In the open-ticket view every row is an open ticket's (or a tombstone, which no status condition
 * matches): a severity is an index key, then one status; the open statuses need no key.
 */
function expectedViewIndex(spec: QuerySpec, order: string): string {
  const status = spec.filters!.filter((f) => f.field === 'status');
  if (spec.filters!.some((f) => f.field === 'severity' && f.op === 'eq'))
    return `views_open_tickets_severity_by_${order}`;
  if (status.length === 1 && status[0]!.op === 'eq') return `views_open_tickets_status_by_${order}`;
  return `views_open_tickets_by_${order}`;
}

interface Plan {
  label: string;
  detail: string;
}

/** What SQLite would do for each query, labelled by its container and shape. */
function explain(queries: readonly RecordedQuery[], drop?: string): Plan[] {
  return queryPlans(queries, drop).map((detail, i) => {
    const { container, continuationToken, ...shape } = queries[i]!;
    return {
      label: `${container} ${JSON.stringify(shape)}${continuationToken ? ' (next page)' : ''}`,
      detail,
    };
  });
}

describe('query plans of the API lists on SQLite', () => {
  let svc: RunningService;
  const queries: RecordedQuery[] = [];

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

  /** The lists: of `business` (not audit trails), and of the open-ticket view (other views: their own test). */
  const listQueries = () =>
    queries.filter((q) =>
      q.container === 'views'
        ? q.pk === OPEN_TICKETS_VIEW
        : q.filters?.some((f) => f.field === 'type' && f.value !== 'ticket-event'),
    );

  it('records the lists of both scopes, first pages and next pages', () => {
    const lists = listQueries().filter((q) => q.container === 'business');
    expect(lists.some((q) => q.crossPartition === true)).toBe(true);
    expect(lists.some((q) => q.pk === BELLERIVE)).toBe(true);
    expect(lists.filter((q) => q.continuationToken !== undefined).length).toBeGreaterThan(20);
    expect(new Set(lists.map((q) => q.filters![0]!.value))).toEqual(new Set(['ticket', 'quote', 'order']));
  });

  it('reads the staff’s open tickets from the view, pages after the first included, never across partitions', () => {
    const fromView = listQueries().filter((q) => q.container === 'views');
    expect(fromView.filter((q) => q.continuationToken !== undefined).length).toBeGreaterThan(5);
    const openAcross = listQueries().filter(
      (q) =>
        q.crossPartition === true &&
        q.filters![0]!.value === 'ticket' &&
        q.filters!.some((f) => f.field === 'status') &&
        q.filters!.every((f) => f.field !== 'status' || f.value !== 'closed'),
    );
    expect(openAcross).toEqual([]);
  });

  it('walks the index of its shape in ORDER BY order for every list query, never sorting the matches', () => {
    const lists = listQueries();
    const plans = explain(lists);
    const wrong = plans
      .map((p, i) => ({
        ...p,
        expected: expectedIndex(lists[i]!),
        walked: walkedIndex(p.detail, LIST_INDEXES),
      }))
      .filter((p) => p.walked !== p.expected);
    expect(wrong).toEqual([]);
  });

  it('uses every list index, so that none is dead weight on every write', () => {
    const used = new Set(listQueries().map(expectedIndex));
    expect([...used].sort()).toEqual([...LIST_INDEXES].sort());
  });

  it('falls back to sorting the whole partition or table once an index is gone', () => {
    for (const index of ['documents_tickets_by_received', 'views_open_tickets_by_received']) {
      const plans = explain(listQueries(), index);
      const sorted = plans.filter((p) => p.detail.includes('USE TEMP B-TREE FOR ORDER BY'));
      expect([index, sorted.length > 0]).toEqual([index, true]);
    }
  });
});

describe('query plans of the background jobs’ due queries on the views', () => {
  /** The specs `run` sends to a container that answers nothing. */
  async function sentBy(run: (views: Container) => Promise<unknown>): Promise<QuerySpec[]> {
    const specs: QuerySpec[] = [];
    const views = {
      query: async (spec: QuerySpec): Promise<Page<never>> => {
        specs.push(spec);
        return { items: [] };
      },
    } as unknown as Container;
    await run(views);
    return specs;
  }

  it('searches each one’s own index over the due range, sorting the due rows only', async () => {
    const now = new Date('2026-06-08T08:30:00Z');
    const due = [
      { container: 'views' as const, ...dueTicketRowsQuery(now, 100) },
      ...(await sentBy((views) => new Agenda(views as never).due(now, 100))).map((q) => ({
        container: 'views' as const,
        ...q,
      })),
      ...(await sentBy((views) => purgeTombstones(views as never))).map((q) => ({
        container: 'views' as const,
        ...q,
      })),
    ];

    expect(due.map((q) => q.pk).slice(0, 3)).toEqual([OPEN_TICKETS_VIEW, 'agenda', OPEN_TICKETS_VIEW]);
    // A walk in order would go on through every row not due yet; the range stops at the due ones.
    expect(explain(due).map((p) => p.detail)).toEqual([
      'SEARCH view_documents USING INDEX views_open_tickets_sla_due (container=? AND pk=? AND <expr><?) | USE TEMP B-TREE FOR ORDER BY',
      'SEARCH view_documents USING INDEX views_agenda_due (container=? AND pk=? AND <expr><?) | USE TEMP B-TREE FOR ORDER BY',
      ...due
        .slice(2)
        .map(
          () =>
            'SEARCH view_documents USING INDEX views_tombstones (container=? AND pk=? AND <expr><?) | USE TEMP B-TREE FOR ORDER BY',
        ),
    ]);
  });
});
