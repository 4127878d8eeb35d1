/**
 * Refreshing a row races with other writers safely: a refresher that read the ticket before someone
 * changed it loses its write on the row's ETag, reads again, and the row ends up as the ticket is.
 */
import type { Container, Doc, Store } from '../../../bot/src/store/port';
import { adapterOf } from '../../../bot/src/store/views/projecting-store';
import { ViewRefresher } from '../../../bot/src/store/views/view-refresher';
import type { ViewRow } from '../../../bot/src/store/views/view-row';
import { aTicketDoc, openTicketRow, SIRET_A, openTestStore, type TestStore } from './views-fixtures';

/**
 * A refresher whose first read of the ticket returns what was stored, then lets `meanwhile` run
 * before it goes on: it holds a copy made stale by `meanwhile`, as a slow instance would.
 */
function slowRefresher(store: Store, meanwhile: () => Promise<void>): ViewRefresher {
  const business = adapterOf(store).container('business');
  let paused = false;
  const slow: Container<Doc> = {
    ...business,
    read: async (pk, id) => {
      const doc = await business.read(pk, id);
      if (!paused && doc?.type === 'ticket') {
        paused = true;
        await meanwhile();
      }
      return doc;
    },
    query: (spec) => business.query(spec),
    delete: (pk, id, o) => business.delete(pk, id, o),
  };
  return new ViewRefresher(slow, adapterOf(store).container<ViewRow>('views'));
}

describe('view refresh', () => {
  let store: Store;
  let opened: TestStore;
  beforeEach(async () => {
    opened = await openTestStore();
    store = opened.store;
    await store.container('business').create(aTicketDoc('tkt-1', { title: 'Premier titre' }));
  });
  afterEach(() => opened.close());

  it('keeps the later change when a slower refresher read the ticket before it', async () => {
    const business = store.container('business');
    const refresher = slowRefresher(store, async () => {
      const current = (await business.read(SIRET_A, 'tkt-1'))!;
      await business.replace(aTicketDoc('tkt-1', { title: 'Second titre' }), { ifMatch: current._etag });
    });
    // Make the row stale first, so the slow refresher has something to write.
    await adapterOf(store)
      .container<ViewRow>('views')
      .upsert({ ...(await openTicketRow(store, SIRET_A, 'tkt-1'))!, title: 'Périmé' });

    await refresher.refresh(SIRET_A, 'tkt-1', 'ticket');

    expect((await openTicketRow(store, SIRET_A, 'tkt-1'))!.title).toBe('Second titre');
  });

  it('never brings back the row of a ticket resolved while a slower refresher held it open', async () => {
    const business = store.container('business');
    const refresher = slowRefresher(store, async () => {
      const current = (await business.read(SIRET_A, 'tkt-1'))!;
      await business.replace(aTicketDoc('tkt-1', { status: 'resolved' }), { ifMatch: current._etag });
    });
    await adapterOf(store)
      .container<ViewRow>('views')
      .upsert({ ...(await openTicketRow(store, SIRET_A, 'tkt-1'))!, title: 'Périmé' });

    await refresher.refresh(SIRET_A, 'tkt-1', 'ticket');

    const row = (await openTicketRow(store, SIRET_A, 'tkt-1'))!;
    expect(row.removedAt).toEqual(expect.any(String));
    expect(row.status).toBeUndefined();
  });

  it('writes nothing for a ticket that was never open and has no row', async () => {
    await adapterOf(store)
      .container('business')
      .create(aTicketDoc('tkt-2', { status: 'closed' }));
    await new ViewRefresher(store.container('business'), store.container('views')).refresh(SIRET_A, 'tkt-2');
    expect(await openTicketRow(store, SIRET_A, 'tkt-2')).toBeUndefined();
  });
});
