/**
 * A store written before its views existed gets them at the next start: open tickets in the view,
 * partitions with pending work on the agenda, once.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { newOutboxMessage } from '../../../bot/src/store/outbox-message';
import { openStore } from '../../../bot/src/store/open-store';
import type { Store } from '../../../bot/src/store/port';
import { Agenda, type AgendaEntry } from '../../../bot/src/store/views/agenda';
import { adapterOf } from '../../../bot/src/store/views/projecting-store';
import { OPEN_TICKETS_VIEW, PROJECTIONS } from '../../../bot/src/store/views/view-projections';
import { ensureViewsBuilt, VIEWS_RECORD } from '../../../bot/src/store/views/views-backfill';
import { aTicketDoc, openTicketRow, SIRET_A, SIRET_B, openTestStore, type TestStore } from './views-fixtures';

const ALL_VIEWS = [...new Set(PROJECTIONS.map((p) => p.view))];

/** Writes as an older Guichet did: straight to the adapter, views and agenda untouched. */
async function writeAsBefore(store: Store): Promise<void> {
  const business = adapterOf(store).container('business');
  await business.create(aTicketDoc('tkt-open'));
  await business.create(aTicketDoc('tkt-closed', { status: 'closed' }));
  await business.create(aTicketDoc('tkt-other', {}, SIRET_B));
  await business.create(
    newOutboxMessage(
      { id: 'outbox:1', pk: SIRET_B, target: { pk: SIRET_B, conversationId: 'c' }, activity: { text: 'x' } },
      '2026-03-02T09:00:00.000Z',
    ),
  );
}

describe('building missing views', () => {
  let store: Store;
  let opened: TestStore;
  beforeEach(async () => {
    opened = await openTestStore();
    store = opened.store;
    await writeAsBefore(store);
  });
  afterEach(() => opened.close());

  it('puts every open ticket in the view, and the partitions with pending messages on the agenda', async () => {
    expect(await openTicketRow(store, SIRET_A, 'tkt-open')).toBeUndefined();

    const result = await ensureViewsBuilt(store);

    expect(result).toEqual({ built: ALL_VIEWS, read: 3, partitions: 1 });
    expect((await openTicketRow(store, SIRET_A, 'tkt-open'))!.sourceId).toBe('tkt-open');
    expect((await openTicketRow(store, SIRET_B, 'tkt-other'))!.sourceId).toBe('tkt-other');
    expect(await openTicketRow(store, SIRET_A, 'tkt-closed')).toBeUndefined();
    const agenda = await new Agenda(store.container<AgendaEntry>('views')).all();
    expect(agenda.map((e) => e.id)).toEqual([SIRET_B]);
  });

  it('does it once: the next start reads one record', async () => {
    await ensureViewsBuilt(store);
    await adapterOf(store).container('business').create(aTicketDoc('tkt-late'));
    expect(await ensureViewsBuilt(store)).toEqual({ built: [], read: 0, partitions: 0 });
    expect(await store.container('views').read(VIEWS_RECORD.pk, VIEWS_RECORD.id)).toMatchObject({
      views: ALL_VIEWS,
      agenda: true,
    });
  });

  it('builds a view added since the store was last opened, and only that one', async () => {
    const others = ALL_VIEWS.filter((v) => v !== OPEN_TICKETS_VIEW);
    await store.container('views').upsert({ ...VIEWS_RECORD, views: others, agenda: true });
    const result = await ensureViewsBuilt(store);
    expect(result).toEqual({ built: [OPEN_TICKETS_VIEW], read: 3, partitions: 0 });
    expect((await openTicketRow(store, SIRET_A, 'tkt-open'))!.sourceId).toBe('tkt-open');
  });

  it('runs when the service opens its store', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'guichet-views-'));
    const older = await openStore({ kind: 'sqlite', dataDir });
    // As if the file predated the views: no record, tickets written around them.
    await adapterOf(older).container('views').delete(VIEWS_RECORD.pk, VIEWS_RECORD.id);
    await adapterOf(older).container('business').create(aTicketDoc('tkt-old'));
    await older.close();

    const reopened = await openStore({ kind: 'sqlite', dataDir });
    try {
      expect((await openTicketRow(reopened, SIRET_A, 'tkt-old'))!.sourceId).toBe('tkt-old');
    } finally {
      await reopened.close();
    }
  });
});
