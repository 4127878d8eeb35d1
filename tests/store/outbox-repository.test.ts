import { OutboxRepository } from '../../bot/src/store/outbox-repository';
import type { OutboxMessage } from '../../bot/src/store/outbox-message';
import { SYSTEM_PARTITION, type Store } from '../../bot/src/store/port';
import { openSqliteStore } from '../../bot/src/store/sqlite/sqlite-store';
import { Agenda, AGENDA_VIEW, type AgendaEntry } from '../../bot/src/store/views/agenda';
import {
  anOutboxMessage,
  BELLERIVE,
  removeTempFiles,
  T0,
  tempStoreFile,
  writeOutbox,
} from '../jobs/outbox-fixtures';
import { recordingStore, type RecordedQuery } from '../support/recording-store';

const at = (ms: number) => new Date(T0 + ms);
const LEASE = 60_000;
/** A second beneficiary. */
const OTHER = '21970209000014';

describe('OutboxRepository', () => {
  let store: Store;
  let outbox: OutboxRepository;

  beforeEach(() => {
    store = openSqliteStore({ memory: true });
    outbox = new OutboxRepository(store);
  });
  afterEach(() => store.close());
  afterAll(() => removeTempFiles());

  const entryOf = (pk: string) => store.container<AgendaEntry>('views').read(AGENDA_VIEW, pk);

  it('claims the due pending messages of every partition, each oldest first, and only those', async () => {
    await writeOutbox(store, [
      anOutboxMessage('m-late', 'a:1', { at: T0 + 2000 }),
      anOutboxMessage('m-early', 'a:1', { at: T0 - 5000 }),
      anOutboxMessage('m-system', 'a:2', { at: T0 - 1000, pk: SYSTEM_PARTITION }),
      anOutboxMessage('m-future', 'a:1', { at: T0 + 60_000 }),
    ]);
    // Documents of other types with the same fields are not messages.
    await store.container('business').create({
      id: 'ticket-1',
      pk: BELLERIVE,
      type: 'ticket',
      status: 'pending',
      nextAttemptAt: '2000-01-01T00:00:00.000Z',
    });

    const claimed = await outbox.claimDue(at(2000), 10, 'inst-a', LEASE);
    const idsIn = (pk: string) => claimed.filter((m) => m.pk === pk).map((m) => m.id);
    expect(idsIn(BELLERIVE)).toEqual(['m-early', 'm-late']);
    expect(idsIn(SYSTEM_PARTITION)).toEqual(['m-system']);
    expect(claimed).toHaveLength(3);
    for (const m of claimed) {
      expect(m).toMatchObject({
        leasedBy: 'inst-a',
        leaseUntil: at(2000 + LEASE).toISOString(),
        status: 'pending',
      });
    }
    expect((await outbox.claimDue(at(2000), 10, 'inst-b', LEASE)).map((m) => m.id)).toEqual([]);
  });

  it('finds messages through the agenda: a partition off the agenda is not visited', async () => {
    await writeOutbox(store, [anOutboxMessage('m-1', 'a:1')]);
    const agenda = new Agenda(store.container<AgendaEntry>('views'));
    expect((await agenda.all()).map((e) => e.id)).toEqual([BELLERIVE]);
    // Never the case in the service (a writer touches the entry before committing): shows who leads.
    await store.container('views').delete(AGENDA_VIEW, BELLERIVE);
    expect(await outbox.claimDue(at(0), 10, 'inst-a', LEASE)).toEqual([]);
    await agenda.touch(BELLERIVE);
    expect((await outbox.claimDue(at(0), 10, 'inst-a', LEASE)).map((m) => m.id)).toEqual(['m-1']);
  });

  it('sends no query across partitions, to claim or to count', async () => {
    await writeOutbox(store, [
      anOutboxMessage('m-1', 'a:1', { at: T0 - 1 }),
      anOutboxMessage('m-2', 'a:2', { pk: SYSTEM_PARTITION }),
      anOutboxMessage('m-3', 'a:3', { pk: OTHER, at: T0 + 60_000 }),
    ]);
    const specs: RecordedQuery[] = [];
    const recorded = new OutboxRepository(recordingStore(store, specs));
    expect(await recorded.claimDue(at(0), 10, 'inst-a', LEASE)).toHaveLength(2);
    expect(await recorded.pendingCount()).toBe(3);
    expect(specs.length).toBeGreaterThan(0);
    for (const spec of specs) {
      expect(spec.crossPartition).toBeUndefined();
      expect(spec.pk).toEqual(expect.any(String));
    }
  });

  it('puts a partition whose only message is due later off until then, and does not visit it before', async () => {
    await writeOutbox(store, [anOutboxMessage('m-1', 'a:1', { at: T0 + 60_000 })]);
    expect(await outbox.claimDue(at(0), 10, 'inst-a', LEASE)).toEqual([]);
    expect(await entryOf(BELLERIVE)).toMatchObject({ dueAt: at(60_000).toISOString() });

    const business = store.container('business');
    const query = jest.spyOn(business, 'query');
    expect(await outbox.claimDue(at(59_999), 10, 'inst-a', LEASE)).toEqual([]);
    expect(query).not.toHaveBeenCalled();
    expect((await outbox.claimDue(at(60_000), 10, 'inst-a', LEASE)).map((m) => m.id)).toEqual(['m-1']);
  });

  it('after a claim, puts the partition off until the lease ends, then takes it up again', async () => {
    await writeOutbox(store, [anOutboxMessage('m-1', 'a:1')]);
    expect(await outbox.claimDue(at(0), 10, 'inst-a', LEASE)).toHaveLength(1);
    // Computed after the claim: the message's nextAttemptAt is now the lease's end.
    expect(await entryOf(BELLERIVE)).toMatchObject({ dueAt: at(LEASE).toISOString() });
    expect(await outbox.claimDue(at(LEASE), 10, 'inst-b', LEASE)).toHaveLength(1);
  });

  it('respects the limit', async () => {
    await writeOutbox(
      store,
      Array.from({ length: 5 }, (_, i) => anOutboxMessage(`m-${i}`, 'a:1', { at: T0 + i })),
    );
    expect((await outbox.claimDue(at(10), 2, 'inst-a', LEASE)).map((m) => m.id)).toEqual(['m-0', 'm-1']);
    expect((await outbox.claimDue(at(10), 10, 'inst-b', LEASE)).map((m) => m.id)).toEqual([
      'm-2',
      'm-3',
      'm-4',
    ]);
  });

  it('lets another instance re-claim a message whose lease expired, and not before', async () => {
    await writeOutbox(store, [anOutboxMessage('m-1', 'a:1')]);
    const [first] = await outbox.claimDue(at(0), 10, 'inst-a', LEASE);
    expect(await outbox.claimDue(at(LEASE - 1), 10, 'inst-b', LEASE)).toEqual([]);
    const [again] = await outbox.claimDue(at(LEASE), 10, 'inst-b', LEASE);
    expect(again).toMatchObject({ id: 'm-1', leasedBy: 'inst-b' });
    // The first holder's outcome no longer counts: its ETag is stale.
    expect(await outbox.markSent(first!, 'act-1', at(LEASE))).toBe(false);
    expect(await outbox.markSent(again!, 'act-2', at(LEASE))).toBe(true);
    expect(await outbox.get(BELLERIVE, 'm-1')).toMatchObject({
      status: 'sent',
      activityId: 'act-2',
      attempts: 1,
    });
  });

  it('skips a claim whose ETag went stale between the query and the write', async () => {
    await writeOutbox(store, [anOutboxMessage('m-1', 'a:1'), anOutboxMessage('m-2', 'a:1', { at: T0 + 1 })]);
    // Another instance claims m-1 while this one is between its query and its claim.
    const container = store.container<OutboxMessage>('business');
    const original = container.query.bind(container);
    jest.spyOn(container, 'query').mockImplementationOnce(async (spec) => {
      const page = await original(spec);
      const other = await new OutboxRepository(store).claimDue(at(1), 1, 'inst-b', LEASE);
      expect(other.map((m) => m.id)).toEqual(['m-1']);
      return page;
    });
    const claimed = await outbox.claimDue(at(1), 10, 'inst-a', LEASE);
    expect(claimed.map((m) => m.id)).toEqual(['m-2']);
    expect(await outbox.get(BELLERIVE, 'm-1')).toMatchObject({ leasedBy: 'inst-b' });
  });

  it('records outcomes only under the claimed ETag and clears the claim', async () => {
    await writeOutbox(store, [
      anOutboxMessage('m-1', 'a:1'),
      anOutboxMessage('m-2', 'a:1'),
      anOutboxMessage('m-3', 'a:1'),
    ]);
    const [m1, m2, m3] = await outbox.claimDue(at(0), 10, 'inst-a', LEASE);

    expect(await outbox.reschedule(m1!, at(5000), 'HTTP 429')).toBe(true);
    const r = await outbox.get(BELLERIVE, 'm-1');
    expect(r).toMatchObject({
      status: 'pending',
      attempts: 1,
      nextAttemptAt: at(5000).toISOString(),
      lastError: 'HTTP 429',
    });
    expect(r).not.toHaveProperty('leasedBy');
    expect(r).not.toHaveProperty('leaseUntil');
    expect(await outbox.reschedule(m1!, at(9000), 'again')).toBe(false); // stale ETag

    expect(await outbox.markDead(m2!, 'conversation inconnue')).toBe(true);
    expect(await outbox.get(BELLERIVE, 'm-2')).toMatchObject({
      status: 'dead',
      attempts: 0,
      lastError: 'conversation inconnue',
    });

    expect(await outbox.markDead(m3!, 'HTTP 400', true)).toBe(true);
    expect(await outbox.get(BELLERIVE, 'm-3')).toMatchObject({ status: 'dead', attempts: 1 });
    expect(await outbox.markSent(m3!, 'x', at(0))).toBe(false);
  });

  it('releases a claim without counting an attempt', async () => {
    await writeOutbox(store, [anOutboxMessage('m-1', 'a:1')]);
    const [m1] = await outbox.claimDue(at(0), 10, 'inst-a', LEASE);
    expect(await outbox.release(m1!, at(10))).toBe(true);
    expect(await outbox.get(BELLERIVE, 'm-1')).toMatchObject({
      attempts: 0,
      nextAttemptAt: at(10).toISOString(),
    });
    expect(await outbox.claimDue(at(10), 10, 'inst-b', LEASE)).toHaveLength(1);
  });

  it('treats a message deleted meanwhile as a lost claim', async () => {
    await writeOutbox(store, [anOutboxMessage('m-1', 'a:1')]);
    const [m1] = await outbox.claimDue(at(0), 10, 'inst-a', LEASE);
    await store.container('business').delete(BELLERIVE, 'm-1');
    expect(await outbox.markSent(m1!, 'x', at(0))).toBe(false);
  });

  it('counts pending messages over several pages', async () => {
    const msgs = Array.from({ length: 1203 }, (_, i) => anOutboxMessage(`m-${i}`, 'a:1'));
    await writeOutbox(store, msgs);
    const [first] = await outbox.claimDue(at(0), 1, 'inst-a', LEASE);
    await outbox.markSent(first!, 'x', at(0));
    expect(await outbox.pendingCount()).toBe(1202);
  });

  it('counts pending messages across partitions, claimed or not, due or not', async () => {
    await writeOutbox(store, [
      anOutboxMessage('m-1', 'a:1'),
      anOutboxMessage('m-2', 'a:1'),
      anOutboxMessage('m-3', 'a:2', { pk: SYSTEM_PARTITION }),
      anOutboxMessage('m-4', 'a:3', { pk: OTHER, at: T0 + 3_600_000 }),
      anOutboxMessage('m-5', 'a:3', { pk: OTHER }),
    ]);
    const claimed = await outbox.claimDue(at(0), 10, 'inst-a', LEASE);
    expect(claimed).toHaveLength(4);
    await outbox.markSent(
      claimed.find((m) => m.id === 'm-5')!,
      'x',
      at(0),
    );
    await outbox.markDead(
      claimed.find((m) => m.id === 'm-3')!,
      'conversation inconnue',
    );
    expect(await outbox.pendingCount()).toBe(3);
  });

  it('never lets two stores on one file claim the same message', async () => {
    const file = tempStoreFile();
    const a = openSqliteStore({ file });
    const b = openSqliteStore({ file });
    try {
      await writeOutbox(
        a,
        Array.from({ length: 40 }, (_, i) => anOutboxMessage(`m-${String(i).padStart(2, '0')}`, 'a:1')),
      );
      const [ra, rb] = [new OutboxRepository(a), new OutboxRepository(b)];
      const claims = await Promise.all([
        ra.claimDue(at(0), 40, 'inst-a', LEASE),
        rb.claimDue(at(0), 40, 'inst-b', LEASE),
        ra.claimDue(at(0), 40, 'inst-a', LEASE),
        rb.claimDue(at(0), 40, 'inst-b', LEASE),
      ]);
      const ids = claims.flat().map((m) => m.id);
      expect(ids).toHaveLength(40);
      expect(new Set(ids).size).toBe(40);
    } finally {
      await a.close();
      await b.close();
    }
  });
});
