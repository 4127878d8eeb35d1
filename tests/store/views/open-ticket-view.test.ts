/**
 * The open-ticket view as its readers see it, on real SQLite: staff's open tickets of every
 * beneficiary (`TicketRepository.listAllOpen`, the API's lists through `OpenTicketView.page`) and the
 * SLA watch's due rows come from the view's single partition, tickets that left the view never come
 * out (whatever the filters), and a change of a ticket shows at once.
 */
import type { Store } from '../../../bot/src/store/port';
import { TicketRepository, type TicketDoc } from '../../../bot/src/store/ticket-repository';
import { dueTicketRowsQuery, OpenTicketView } from '../../../bot/src/store/views/open-ticket-view';
import { OPEN_TICKETS_VIEW } from '../../../bot/src/store/views/view-projections';
import type { ViewRow } from '../../../bot/src/store/views/view-row';
import { recordingStore, type RecordedQuery } from '../../support/recording-store';
import { aTicketDoc, openTicketRow, SIRET_A, SIRET_B, openTestStore, type TestStore } from './views-fixtures';

const SIRET_C = '21650011200018';

describe('the open-ticket view', () => {
  let store: Store;
  let queries: RecordedQuery[];
  let repo: TicketRepository;
  let view: OpenTicketView;

  /**
   * Five tickets over three beneficiaries: the first response due earliest for `a1`, latest for
   * `c1`; next alerts from `a1` (09:30) to `a2` (13:00), none for `c1`.
   */
  const tickets: TicketDoc[] = [
    aTicketDoc(
      'a1',
      { severity: 1, firstResponseDueAt: '2026-03-02T10:00:00Z', nextAlertAt: '2026-03-02T09:30:00Z' },
      SIRET_A,
    ),
    aTicketDoc(
      'a2',
      { severity: 3, firstResponseDueAt: '2026-03-02T17:00:00Z', nextAlertAt: '2026-03-02T13:00:00Z' },
      SIRET_A,
    ),
    aTicketDoc(
      'b1',
      {
        severity: 3,
        status: 'taken',
        firstResponseDueAt: '2026-03-02T11:00:00Z',
        nextAlertAt: '2026-03-02T09:45:00.500Z',
      },
      SIRET_B,
    ),
    aTicketDoc(
      'b2',
      { severity: 2, firstResponseDueAt: '2026-03-02T12:00:00Z', nextAlertAt: '2026-03-02T09:46:00Z' },
      SIRET_B,
    ),
    aTicketDoc('c1', { severity: 4, firstResponseDueAt: '2026-03-03T09:00:00Z', nextAlertAt: null }, SIRET_C),
  ];

  let opened: TestStore;
  beforeEach(async () => {
    opened = await openTestStore();
    for (const t of tickets) await opened.store.container('business').create(t);
    queries = [];
    store = recordingStore(opened.store, queries);
    repo = new TicketRepository(store);
    view = repo.openView;
  });
  afterEach(() => opened.close());

  /** Resolves ticket `t` through the store, as the ticket service writes it. */
  async function resolve(t: TicketDoc): Promise<void> {
    const stored = (await repo.get(t.pk, t.id))!;
    const { _etag, _ts, ...ticket } = stored;
    await store.container('business').replace({ ...ticket, status: 'resolved' }, { ifMatch: _etag });
  }

  it('lists every beneficiary’s open tickets for the staff, most urgent first, from one partition', async () => {
    const first = await repo.listAllOpen(undefined, 3);
    const second = await repo.listAllOpen(first.continuationToken, 3);

    expect([...first.items, ...second.items].map((t) => t.id)).toEqual(['a1', 'b1', 'b2', 'a2', 'c1']);
    expect(second.continuationToken).toBeUndefined();
    expect(first.items[1]).toEqual(tickets[2]);
    expect(queries.map((q) => [q.container, q.pk, q.crossPartition])).toEqual([
      ['views', OPEN_TICKETS_VIEW, undefined],
      ['views', OPEN_TICKETS_VIEW, undefined],
    ]);
  });

  it('drops a resolved ticket at once, and never shows its tombstone whatever the filters', async () => {
    await resolve(tickets[0]!);

    expect(await openTicketRow(store, SIRET_A, 'a1')).toMatchObject({ removedAt: expect.any(String) });
    expect((await repo.listAllOpen()).items.map((t) => t.id)).toEqual(['b1', 'b2', 'a2', 'c1']);
    const urgent = [{ field: 'firstResponseDueAt' }];
    const idsOf = async (filters: Parameters<OpenTicketView['page']>[0]['filters']) =>
      (await view.page({ filters, orderBy: urgent, limit: 100 })).items.map((t) => t.id);
    expect(await idsOf(undefined)).toEqual(['b1', 'b2', 'a2', 'c1']);
    expect(await idsOf([{ field: 'severity', op: 'in', value: [1, 3] }])).toEqual(['b1', 'a2']);
    expect(await idsOf([{ field: 'status', op: 'eq', value: 'new' }])).toEqual(['b2', 'a2', 'c1']);
    expect(await idsOf([{ field: 'status', op: 'in', value: ['new', 'resolved'] }])).toEqual([
      'b2',
      'a2',
      'c1',
    ]);
  });

  it('shows a change of a ticket at once, and a ticket reopened again', async () => {
    const stored = (await repo.get(SIRET_C, 'c1'))!;
    const { _etag, _ts, ...ticket } = stored;
    await store.container('business').replace({ ...ticket, severity: 1, status: 'in-progress' });
    await resolve(tickets[1]!);
    const resolved = (await repo.get(SIRET_A, 'a2'))!;
    await store.container('business').replace({ ...resolved, status: 'in-progress' });

    const page = await view.page({ orderBy: [{ field: 'receivedAt', direction: 'desc' }], limit: 100 });

    expect(page.items.find((t) => t.id === 'c1')).toMatchObject({ severity: 1, status: 'in-progress' });
    expect(page.items.find((t) => t.id === 'a2')).toMatchObject({ status: 'in-progress' });
    expect(page.items).toHaveLength(5);
  });

  it('gives the SLA watch the rows whose next alert has passed, oldest first, tombstones left out', async () => {
    const due = async (now: string) =>
      (await store.container<ViewRow>('views').query(dueTicketRowsQuery(new Date(now), 100))).items.map(
        (r) => r.sourceId,
      );

    expect(await due('2026-03-02T13:00:00Z')).toEqual(['a1', 'b1', 'b2', 'a2']);
    expect(await due('2026-03-02T09:44:59.999Z')).toEqual(['a1']);
    // Instants have second precision, with milliseconds when not zero: `now` anywhere within the
    // second of an alert finds it (and the watch leaves one due later within that second alone).
    expect(await due('2026-03-02T09:45:00.700Z')).toEqual(['a1', 'b1']);
    expect(await due('2026-03-02T09:45:00.200Z')).toEqual(['a1', 'b1']);
    await resolve(tickets[0]!);
    expect(await due('2026-03-02T13:00:00Z')).toEqual(['b1', 'b2', 'a2']);
    expect(queries.every((q) => q.container === 'views' && q.pk === OPEN_TICKETS_VIEW)).toBe(true);
  });
});
