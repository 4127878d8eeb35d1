/**
 * Visits of the agenda's partitions, through the job that makes them (the outbox's claim), on real
 * SQLite: entries that outlive a crash, interrupted view refreshes, and how long an entry is put off.
 * Two clocks, as in the service: the jobs' `now` (moved freely) and the wall clock of the grace.
 */
import { OutboxRepository } from '../../../bot/src/store/outbox-repository';
import type { Container, Store } from '../../../bot/src/store/port';
import { Agenda, AGENDA_GRACE_MS, AGENDA_VIEW, type AgendaEntry } from '../../../bot/src/store/views/agenda';
import { OPEN_TICKETS_VIEW } from '../../../bot/src/store/views/view-projections';
import { viewRowId, type ViewRow } from '../../../bot/src/store/views/view-row';
import { VIEW_SYNC_TYPE } from '../../../bot/src/store/views/view-sync';
import { anOutboxMessage, BELLERIVE, T0, writeOutbox } from '../../jobs/outbox-fixtures';
import { aBeneficiary, aTicket } from '../../domain/tickets/factories';
import { openTestStore, type TestStore } from './views-fixtures';

const at = (ms: number) => new Date(T0 + ms);
const LEASE = 60_000;

describe('AgendaVisitor', () => {
  let store: Store;
  let views: Container<ViewRow>;
  let wall: number;
  let agenda: Agenda;
  let outbox: OutboxRepository;

  let opened: TestStore;
  beforeEach(async () => {
    opened = await openTestStore();
    store = opened.store;
    views = store.container<ViewRow>('views');
    wall = T0;
    agenda = new Agenda(store.container<AgendaEntry>('views'), () => new Date(wall));
    outbox = new OutboxRepository(store, { wallClock: () => new Date(wall) });
  });
  afterEach(() => opened.close());

  const entryOf = (pk: string) => store.container<AgendaEntry>('views').read(AGENDA_VIEW, pk);
  const sweep = (now: Date) => outbox.claimDue(now, 100, 'inst-a', LEASE);
  const ticketDoc = (id: string) => ({
    ...aTicket({ id, beneficiary: aBeneficiary({ siret: BELLERIVE }) }),
    pk: BELLERIVE,
    type: 'ticket',
  });
  const markers = async () =>
    (
      await store.container('business').query({
        pk: BELLERIVE,
        filters: [{ field: 'type', op: 'eq', value: VIEW_SYNC_TYPE }],
      })
    ).items;

  it('removes an entry touched with nothing committed behind it once the grace has passed, not before', async () => {
    // A writer that crashed between its touch and its batch.
    await agenda.touch(BELLERIVE);
    expect(await sweep(at(0))).toEqual([]);
    expect(await entryOf(BELLERIVE)).toMatchObject({ dueAt: at(AGENDA_GRACE_MS).toISOString() });

    // The jobs' clock may run ahead: the entry is visited, but the grace is measured on the wall clock.
    const query = jest.spyOn(store.container('business'), 'query');
    wall = T0 + AGENDA_GRACE_MS - 1;
    await sweep(at(AGENDA_GRACE_MS));
    expect(query.mock.calls.some(([spec]) => spec.pk === BELLERIVE)).toBe(true);
    expect(await entryOf(BELLERIVE)).toBeDefined();

    wall = T0 + AGENDA_GRACE_MS;
    await sweep(at(AGENDA_GRACE_MS));
    expect(await entryOf(BELLERIVE)).toBeUndefined();
  });

  it('does not put a partition touched within the grace off beyond it, since a write may be in flight', async () => {
    await writeOutbox(store, [anOutboxMessage('m-1', 'a:1', { at: T0 + 3_600_000 })]);
    await agenda.touch(BELLERIVE); // as a writer about to commit would, on the wall clock
    await sweep(at(0));
    expect(await entryOf(BELLERIVE)).toMatchObject({ dueAt: at(AGENDA_GRACE_MS).toISOString() });

    wall = T0 + AGENDA_GRACE_MS;
    await sweep(at(AGENDA_GRACE_MS));
    expect(await entryOf(BELLERIVE)).toMatchObject({ dueAt: at(3_600_000).toISOString() });
  });

  it('finishes a view refresh that failed after its commit: the next sweep writes the open-tickets row', async () => {
    jest.spyOn(views, 'create').mockRejectedValueOnce(new Error('views indisponible'));
    await store.container('business').create(ticketDoc('tkt-1'));
    expect(await views.read(OPEN_TICKETS_VIEW, viewRowId(BELLERIVE, 'tkt-1'))).toBeUndefined();
    expect(await markers()).toHaveLength(1);

    await sweep(at(0));
    expect(await views.read(OPEN_TICKETS_VIEW, viewRowId(BELLERIVE, 'tkt-1'))).toMatchObject({
      sourcePk: BELLERIVE,
      sourceId: 'tkt-1',
      status: 'new',
    });
    expect(await markers()).toEqual([]);
  });

  it('keeps the partition due while its refresh keeps failing, and repairs it once it can', async () => {
    const create = jest.spyOn(views, 'create').mockRejectedValue(new Error('views indisponible'));
    await store.container('business').create(ticketDoc('tkt-1'));
    await sweep(at(0));
    expect(await markers()).toHaveLength(1);
    expect(await entryOf(BELLERIVE)).toMatchObject({ dueAt: at(0).toISOString() });

    create.mockRestore();
    await sweep(at(1));
    expect(await markers()).toEqual([]);
    expect(await views.read(OPEN_TICKETS_VIEW, viewRowId(BELLERIVE, 'tkt-1'))).toBeDefined();
  });
});
