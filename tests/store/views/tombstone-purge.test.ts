/**
 * The purge of view tombstones, on real SQLite: tombstones left by tickets leaving the open-ticket
 * view, removed an hour after they were laid (wall clock), on their ETag, a page at a time.
 */
import type { Container, Store } from '../../../bot/src/store/port';
import { adapterOf } from '../../../bot/src/store/views/projecting-store';
import { OPEN_TICKETS_VIEW } from '../../../bot/src/store/views/view-projections';
import { ViewRefresher } from '../../../bot/src/store/views/view-refresher';
import { tombstoneOf, viewRow, viewRowId, type ViewRow } from '../../../bot/src/store/views/view-row';
import {
  purgeTombstones,
  TOMBSTONE_PURGE_MAX,
  TOMBSTONE_TTL_MS,
} from '../../../bot/src/store/views/tombstone-purge';
import { aBeneficiary, aTicket } from '../../domain/tickets/factories';
import { BELLERIVE } from '../../jobs/outbox-fixtures';
import { openTestStore, type TestStore } from './views-fixtures';

describe('purgeTombstones', () => {
  let store: Store;
  let views: Container<ViewRow>;

  let opened: TestStore;
  beforeEach(async () => {
    opened = await openTestStore();
    store = opened.store;
    views = store.container<ViewRow>('views');
  });
  afterEach(() => opened.close());

  const ticketDoc = (id: string) => ({
    ...aTicket({ id, beneficiary: aBeneficiary({ siret: BELLERIVE }) }),
    pk: BELLERIVE,
    type: 'ticket',
  });
  const rowOf = (id: string) => views.read(OPEN_TICKETS_VIEW, viewRowId(BELLERIVE, id));
  /** Opens then resolves a ticket through the store: its row becomes a tombstone; returns when. */
  const resolved = async (id: string): Promise<number> => {
    const business = store.container('business');
    await business.create(ticketDoc(id));
    await business.replace({ ...ticketDoc(id), status: 'resolved' });
    return Date.parse((await rowOf(id))!.removedAt!);
  };
  const purgeAt = (wall: number) => purgeTombstones(views, { wallClock: () => new Date(wall) });

  it('removes a tombstone an hour after it was laid, not before, and never a live row', async () => {
    const removedAt = await resolved('tkt-1');
    await store.container('business').create(ticketDoc('tkt-2'));

    expect(await purgeAt(removedAt + TOMBSTONE_TTL_MS)).toBe(0);
    expect(await rowOf('tkt-1')).toMatchObject({ removedAt: new Date(removedAt).toISOString() });

    expect(await purgeAt(removedAt + TOMBSTONE_TTL_MS + 1)).toBe(1);
    expect(await rowOf('tkt-1')).toBeUndefined();
    expect(await rowOf('tkt-2')).toMatchObject({ status: 'new' });
    expect(await purgeAt(removedAt + 10 * TOMBSTONE_TTL_MS)).toBe(0);
  });

  it(`removes at most ${TOMBSTONE_PURGE_MAX} tombstones a call`, async () => {
    const laid = '2026-03-03T08:00:00.000Z';
    for (let i = 0; i < TOMBSTONE_PURGE_MAX + 5; i++) {
      const source = { id: `tkt-${i}`, pk: BELLERIVE, type: 'ticket' };
      await views.create(tombstoneOf(viewRow(OPEN_TICKETS_VIEW, source, {}), laid));
    }
    const later = Date.parse(laid) + 2 * TOMBSTONE_TTL_MS;
    expect(await purgeAt(later)).toBe(TOMBSTONE_PURGE_MAX);
    expect(await purgeAt(later)).toBe(5);
  });

  it('leaves a row that a refresher brought back after the purge read it', async () => {
    const removedAt = await resolved('tkt-1');
    // The ticket is reopened, and its refresh writes the row back between the purge's read and delete.
    const query = views.query.bind(views);
    jest.spyOn(views, 'query').mockImplementationOnce(async (spec) => {
      const page = await query(spec);
      // Written and refreshed step by step, so that a failing refresh fails here, with its cause
      // (the store's own refresh after a commit leaves a failure to the agenda, silently).
      const adapter = adapterOf(store);
      await adapter.container('business').replace(ticketDoc('tkt-1'));
      await new ViewRefresher(adapter.container('business'), adapter.container<ViewRow>('views')).refresh(
        BELLERIVE,
        'tkt-1',
        'ticket',
      );
      return page;
    });
    expect(await purgeAt(removedAt + 2 * TOMBSTONE_TTL_MS)).toBe(0);
    expect(await rowOf('tkt-1')).toMatchObject({ status: 'new' });
    expect(await rowOf('tkt-1')).not.toHaveProperty('removedAt');
  });
});
