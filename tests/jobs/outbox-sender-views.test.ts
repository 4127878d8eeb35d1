/**
 * The outbox sweep as the views' background job: it finds its work through the agenda, one
 * partition at a time, and purges old view tombstones. Real SQLite, the real SDK adapter, the fake
 * connector.
 */
import { CloudAdapter } from '@microsoft/agents-hosting';
import { createLogger } from '../../bot/src/http/logger';
import { OutboxSender, PURGE_EVERY_MS } from '../../bot/src/jobs/outbox-sender';
import { RateLimiter } from '../../bot/src/jobs/rate-limiter';
import { SYSTEM_PARTITION, type Store } from '../../bot/src/store/port';
import { openSqliteStore } from '../../bot/src/store/sqlite/sqlite-store';
import { TOMBSTONE_TTL_MS } from '../../bot/src/store/views/tombstone-purge';
import { OPEN_TICKETS_VIEW } from '../../bot/src/store/views/view-projections';
import { tombstoneOf, viewRow, viewRowId, type ViewRow } from '../../bot/src/store/views/view-row';
import { SdkProactiveDelivery } from '../../bot/src/teams/proactive-delivery';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector';
import { recordingStore, type RecordedQuery } from '../support/recording-store';
import {
  anOutboxMessage,
  BELLERIVE,
  saveConversation,
  T0,
  virtualClock,
  writeOutbox,
} from './outbox-fixtures';

const logger = createLogger(process.env.TEST_LOG_LEVEL ?? 'silent');
const adapter = new CloudAdapter({});
adapter.onTurnError = async () => undefined;
const delivery = new SdkProactiveDelivery(adapter);

describe('OutboxSender and the views', () => {
  let connector: FakeConnector;
  let store: Store;

  beforeEach(async () => {
    connector = await startFakeConnector();
    store = openSqliteStore({ memory: true });
  });
  afterEach(async () => {
    await store.close();
    await connector.close();
  });

  /** A sender on `through` (the test's store unless told), with the agenda's grace on `wallClock`. */
  const sender = (wallClock?: () => Date, through: Store = store) => {
    const clock = virtualClock();
    return new OutboxSender({
      store: through,
      delivery,
      logger,
      clock,
      limiter: new RateLimiter({ clock }),
      instanceId: 'inst-a',
      ...(wallClock ? { wallClock } : {}),
    });
  };

  it('delivers the messages of every partition without a single query across partitions', async () => {
    await saveConversation(store, connector.serviceUrl, 'a:chat-1');
    await saveConversation(store, connector.serviceUrl, '19:canut@thread.tacv2', { pk: SYSTEM_PARTITION });
    await writeOutbox(store, [
      anOutboxMessage('m-1', 'a:chat-1', { text: 'Ticket pris en charge' }),
      anOutboxMessage('m-2', '19:canut@thread.tacv2', { text: 'Rapport CANUT', pk: SYSTEM_PARTITION }),
    ]);
    const specs: RecordedQuery[] = [];
    const s = sender(undefined, recordingStore(store, specs));

    expect(await s.sweep()).toMatchObject({ claimed: 2, sent: 2 });
    expect(await s.pendingCount()).toBe(0);
    expect(connector.posted.map((p) => p.body.text).sort()).toEqual([
      'Rapport CANUT',
      'Ticket pris en charge',
    ]);
    expect(specs.length).toBeGreaterThan(0);
    for (const spec of specs) {
      expect(spec.crossPartition).toBeUndefined();
      expect(spec.pk).toEqual(expect.any(String));
    }
  });

  it('purges the view tombstones older than an hour, at most once a minute, and keeps the younger ones', async () => {
    const views = store.container<ViewRow>('views');
    const wall = T0 + 5 * TOMBSTONE_TTL_MS;
    const lay = (id: string, removedAt: number) =>
      views.create(
        tombstoneOf(
          viewRow(OPEN_TICKETS_VIEW, { id, pk: BELLERIVE, type: 'ticket' }, {}),
          new Date(removedAt).toISOString(),
        ),
      );
    await lay('tkt-old', wall - TOMBSTONE_TTL_MS - 1);
    await lay('tkt-young', wall - TOMBSTONE_TTL_MS + 1);

    let clock = wall;
    const purging = sender(() => new Date(clock));
    await purging.sweep();
    expect(await views.read(OPEN_TICKETS_VIEW, viewRowId(BELLERIVE, 'tkt-old'))).toBeUndefined();
    expect(await views.read(OPEN_TICKETS_VIEW, viewRowId(BELLERIVE, 'tkt-young'))).toBeDefined();

    // At most once a minute: a sweep soon after leaves the next old tombstone to a later one.
    clock = wall + PURGE_EVERY_MS - 1;
    await lay('tkt-older', wall - 2 * TOMBSTONE_TTL_MS);
    await purging.sweep();
    expect(await views.read(OPEN_TICKETS_VIEW, viewRowId(BELLERIVE, 'tkt-older'))).toBeDefined();
    clock = wall + PURGE_EVERY_MS;
    await purging.sweep();
    expect(await views.read(OPEN_TICKETS_VIEW, viewRowId(BELLERIVE, 'tkt-older'))).toBeUndefined();
  });
});
