/**
 * The store keeps its views in step with `business`: through the real SQLite adapter, whatever
 * writes (batch, single writes, deletes), with the agenda told before the commit and nothing left
 * behind when the refresh succeeds.
 */
import { ConflictError } from '../../../bot/src/domain/errors';
import { newOutboxMessage } from '../../../bot/src/store/outbox-message';
import { SYSTEM_PARTITION, type Store } from '../../../bot/src/store/port';
import { Agenda, AGENDA_VIEW, DUE_AT_ONCE, type AgendaEntry } from '../../../bot/src/store/views/agenda';
import { adapterOf } from '../../../bot/src/store/views/projecting-store';
import { sourceOf, type ViewRow } from '../../../bot/src/store/views/view-row';
import { VIEW_SYNC_TYPE } from '../../../bot/src/store/views/view-sync';
import { ViewRefresher } from '../../../bot/src/store/views/view-refresher';
import {
  aTicketDoc,
  ofType,
  openTicketRow,
  SIRET_A,
  SIRET_B,
  withFailingViews,
  openTestStore,
  type TestStore,
} from './views-fixtures';

const agendaOf = (store: Store) => new Agenda(store.container<AgendaEntry>('views')).all();

describe('store with views', () => {
  let store: Store;
  let opened: TestStore;
  beforeEach(async () => {
    opened = await openTestStore();
    store = opened.store;
  });
  afterEach(() => opened.close());

  it('shows a ticket in the open-ticket view as soon as its batch commits, and leaves no marker', async () => {
    const ticket = aTicketDoc('tkt-1');
    await store.container('business').batch(SIRET_A, [{ op: 'create', doc: ticket }]);

    const row = await openTicketRow(store, SIRET_A, 'tkt-1');
    expect(row).toMatchObject({
      pk: 'open-tickets',
      sourcePk: SIRET_A,
      sourceId: 'tkt-1',
      sourceType: 'ticket',
    });
    const { _etag, _ts, ...stored } = (await store.container('business').read(SIRET_A, 'tkt-1'))!;
    expect(sourceOf(row!)).toEqual(stored);
    expect(await ofType(store, SIRET_A, VIEW_SYNC_TYPE)).toEqual([]);
  });

  it('turns the row into a tombstone when the ticket is resolved, with no ticket field left', async () => {
    const business = store.container('business');
    await business.batch(SIRET_A, [{ op: 'create', doc: aTicketDoc('tkt-1') }]);
    const open = (await business.read(SIRET_A, 'tkt-1'))!;
    await business.batch(SIRET_A, [
      { op: 'replace', doc: { ...aTicketDoc('tkt-1'), status: 'resolved' }, ifMatch: open._etag },
    ]);

    const row = (await openTicketRow(store, SIRET_A, 'tkt-1'))!;
    expect(row.removedAt).toEqual(expect.any(String));
    expect(Object.keys(row).sort()).toEqual(
      ['_etag', '_ts', 'id', 'pk', 'removedAt', 'sourceId', 'sourcePk', 'sourceType', 'type'].sort(),
    );
  });

  it('follows every change of an open ticket, and writes nothing when the row is already right', async () => {
    const business = store.container('business');
    await business.create(aTicketDoc('tkt-1'));
    const first = (await openTicketRow(store, SIRET_A, 'tkt-1'))!;
    await business.upsert(aTicketDoc('tkt-1', { status: 'taken' }));
    const taken = (await openTicketRow(store, SIRET_A, 'tkt-1'))!;
    expect(taken.status).toBe('taken');
    expect(taken._etag).not.toBe(first._etag);

    await new ViewRefresher(business, store.container('views')).refresh(SIRET_A, 'tkt-1', 'ticket');
    expect((await openTicketRow(store, SIRET_A, 'tkt-1'))!._etag).toBe(taken._etag);
  });

  it('returns the stored document from a single write of a ticket, ETag included', async () => {
    const created = await store.container('business').create(aTicketDoc('tkt-1'));
    expect(created).toMatchObject({ id: 'tkt-1', pk: SIRET_A, _etag: expect.any(String) });
    const replaced = await store
      .container('business')
      .replace(aTicketDoc('tkt-1', { title: 'Autre titre' }), { ifMatch: created._etag });
    expect(replaced.title).toBe('Autre titre');
    expect((await openTicketRow(store, SIRET_A, 'tkt-1'))!.title).toBe('Autre titre');
  });

  it('tombstones the row of a deleted ticket, and deletes other documents as the adapter does', async () => {
    const business = store.container('business');
    await business.create(aTicketDoc('tkt-1'));
    expect(await business.delete(SIRET_A, 'tkt-1')).toBe(true);
    expect((await openTicketRow(store, SIRET_A, 'tkt-1'))!.removedAt).toEqual(expect.any(String));
    expect(await business.delete(SIRET_A, 'tkt-1')).toBe(false);

    await business.create({ id: 'note-1', pk: SIRET_A, type: 'note' });
    expect(await business.delete(SIRET_A, 'note-1')).toBe(true);
  });

  it('tells the agenda before the commit: a refused batch leaves an entry and no row', async () => {
    const business = store.container('business');
    await business.create(aTicketDoc('tkt-1'));
    await adapterOf(store).container('views').delete(AGENDA_VIEW, SIRET_A);

    await expect(
      business.batch(SIRET_A, [{ op: 'create', doc: aTicketDoc('tkt-1') }]),
    ).rejects.toBeInstanceOf(ConflictError);
    await expect(
      business.batch(SIRET_A, [
        { op: 'create', doc: aTicketDoc('tkt-2') },
        { op: 'create', doc: aTicketDoc('tkt-1') },
      ]),
    ).rejects.toBeInstanceOf(ConflictError);

    expect(await agendaOf(store)).toEqual([expect.objectContaining({ id: SIRET_A, dueAt: DUE_AT_ONCE })]);
    expect(await openTicketRow(store, SIRET_A, 'tkt-2')).toBeUndefined();
    expect(await ofType(store, SIRET_A, VIEW_SYNC_TYPE)).toEqual([]);
  });

  it('puts a partition on the agenda for an outbox message, even written alone (the CANUT report)', async () => {
    const message = newOutboxMessage(
      {
        id: 'outbox:report:2026-03',
        pk: SYSTEM_PARTITION,
        target: { pk: SYSTEM_PARTITION, conversationId: 'canut' },
        activity: { text: 'Rapport' },
      },
      '2026-03-02T09:00:00.000Z',
    );
    await store.container('business').create(message);
    expect((await agendaOf(store)).map((e) => e.id)).toEqual([SYSTEM_PARTITION]);
  });

  it('leaves every other document to the adapter: no agenda entry, no marker, no row', async () => {
    const business = store.container('business');
    await business.batch(SIRET_B, [
      { op: 'create', doc: { id: 'evt-1', pk: SIRET_B, type: 'ticket-event', ticketId: 't' } },
    ]);
    await business.upsert({ id: 'evt-2', pk: SIRET_B, type: 'ticket-event', ticketId: 't' });
    expect(await agendaOf(store)).toEqual([]);
    expect((await store.container('views').query({ pk: 'open-tickets' })).items).toEqual([]);
  });

  it('keeps the marker when the refresh fails after the commit, and a repair finishes it', async () => {
    const failing = withFailingViews(store, 1);

    // The commit is acknowledged although the refresh failed: it lost nothing.
    await failing.container('business').create(aTicketDoc('tkt-1'));
    expect(await openTicketRow(store, SIRET_A, 'tkt-1')).toBeUndefined();
    expect(await ofType(store, SIRET_A, VIEW_SYNC_TYPE)).toHaveLength(1);
    expect((await agendaOf(store)).map((e) => e.id)).toEqual([SIRET_A]);

    const adapter = adapterOf(store);
    const refresher = new ViewRefresher(adapter.container('business'), adapter.container<ViewRow>('views'));
    expect(await refresher.repair(SIRET_A)).toBe(0);
    expect((await openTicketRow(store, SIRET_A, 'tkt-1'))!.sourceId).toBe('tkt-1');
    expect(await ofType(store, SIRET_A, VIEW_SYNC_TYPE)).toEqual([]);
  });

  it('closes the adapter when the store is closed', async () => {
    await store.close();
    await expect(store.ping()).rejects.toThrow();
    await expect(store.container('business').read(SIRET_A, 'x')).rejects.toThrow();
  });
});
