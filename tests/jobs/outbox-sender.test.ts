/**
 * The outbox sender end to end: real SQLite, the real SDK CloudAdapter (anonymous), real HTTP to the
 * fake connector. Time is virtual where retries are involved: assertions are on the computed
 * `nextAttemptAt`, then the clock is moved and the sender sweeps again.
 */
import { CloudAdapter } from '@microsoft/agents-hosting';
import { createLogger } from '../../bot/src/http/logger';
import { OutboxSender, type OutboxSenderOptions } from '../../bot/src/jobs/outbox-sender';
import { RateLimiter } from '../../bot/src/jobs/rate-limiter';
import { RetryPolicy } from '../../bot/src/jobs/retry-policy';
import { ConversationRepository } from '../../bot/src/store/conversation-repository';
import { OutboxRepository } from '../../bot/src/store/outbox-repository';
import type { Store } from '../../bot/src/store/port';
import { openSqliteStore } from '../../bot/src/store/sqlite/sqlite-store';
import { SdkProactiveDelivery } from '../../bot/src/teams/proactive-delivery';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector';
import {
  anOutboxMessage,
  BELLERIVE,
  removeTempFiles,
  saveConversation,
  T0,
  tempStoreFile,
  virtualClock,
  writeOutbox,
  type VirtualClock,
} from './outbox-fixtures';

const logger = createLogger(process.env.TEST_LOG_LEVEL ?? 'silent');
const adapter = new CloudAdapter({});
adapter.onTurnError = async () => undefined; // as in the service: must not hide delivery failures
const delivery = new SdkProactiveDelivery(adapter);

describe('OutboxSender', () => {
  let connector: FakeConnector;
  let store: Store;
  let clock: VirtualClock;
  let outbox: OutboxRepository;
  let conversations: ConversationRepository;

  const sender = (options: Partial<OutboxSenderOptions> = {}) =>
    new OutboxSender({
      store,
      delivery,
      logger,
      clock,
      limiter: new RateLimiter({ clock }),
      retryPolicy: new RetryPolicy({ baseMs: 1000, capMs: 60_000, maxAttempts: 5 }),
      random: () => 0.5,
      instanceId: 'inst-a',
      ...options,
    });
  const message = async (id: string) => (await outbox.get(BELLERIVE, id))!;

  beforeEach(async () => {
    connector = await startFakeConnector();
    store = openSqliteStore({ memory: true });
    clock = virtualClock();
    outbox = new OutboxRepository(store);
    conversations = new ConversationRepository(store);
    await saveConversation(store, connector.serviceUrl, 'a:chat-1');
  });
  afterEach(async () => {
    await store.close();
    await connector.close();
  });
  afterAll(() => removeTempFiles());

  it('delivers once after a 429 with Retry-After: 1 and a 503, waiting at least the Retry-After', async () => {
    connector.script(
      { status: 429, headers: { 'Retry-After': '1' }, body: { error: { code: 'TooManyRequests' } } },
      { status: 503, body: 'Service Unavailable' },
    );
    await writeOutbox(store, [
      anOutboxMessage('m-1', 'a:chat-1', { text: 'Ticket INC-2026-000001 pris en charge' }),
    ]);
    const s = sender();

    expect(await s.sweep()).toMatchObject({ claimed: 1, retried: 1, sent: 0 });
    let m = await message('m-1');
    // random 0.5 × 1 s = 500 ms of jitter, but the connector asked for 1 s.
    expect(Date.parse(m.nextAttemptAt) - T0).toBe(1000);
    expect(m).toMatchObject({ status: 'pending', attempts: 1, lastError: 'HTTP 429 TooManyRequests' });

    clock.advance(999);
    expect(await s.sweep()).toMatchObject({ claimed: 0 });
    clock.set(Date.parse(m.nextAttemptAt));
    expect(await s.sweep()).toMatchObject({ claimed: 1, retried: 1 });
    m = await message('m-1');
    expect(Date.parse(m.nextAttemptAt) - clock.now()).toBe(1000); // 0.5 × 2 s, no Retry-After
    expect(m.attempts).toBe(2);

    clock.set(Date.parse(m.nextAttemptAt));
    expect(await s.sweep()).toMatchObject({ claimed: 1, sent: 1 });
    expect(connector.refused.map((r) => r.status)).toEqual([429, 503]);
    expect(connector.posted.map((p) => p.body.text)).toEqual(['Ticket INC-2026-000001 pris en charge']);
    expect(await message('m-1')).toMatchObject({ status: 'sent', attempts: 3, activityId: 'activity-1' });
    expect(await message('m-1')).not.toHaveProperty('lastError');

    clock.advance(3_600_000);
    expect(await s.sweep()).toMatchObject({ claimed: 0 });
    expect(connector.posted).toHaveLength(1);
  });

  it.each([403, 404])(
    'on %i marks the conversation inactive and the messages dead, never retried',
    async (status) => {
      connector.script({ status, body: { error: { code: 'BotNotInConversationRoster' } } });
      await writeOutbox(store, [
        anOutboxMessage('m-1', 'a:chat-1', { at: T0 - 2 }),
        anOutboxMessage('m-2', 'a:chat-1', { at: T0 - 1 }),
      ]);
      const s = sender();
      expect(await s.sweep()).toMatchObject({ claimed: 2, dead: 2, sent: 0, retried: 0 });
      expect(await message('m-1')).toMatchObject({
        status: 'dead',
        attempts: 1,
        lastError: expect.stringContaining(`HTTP ${status}`),
      });
      // The second one was not even tried: the conversation is gone.
      expect(await message('m-2')).toMatchObject({ status: 'dead', attempts: 0 });
      expect(connector.refused).toHaveLength(1);
      const conversation = await conversations.get(BELLERIVE, 'a:chat-1');
      expect(conversation).toMatchObject({ inactive: true, inactiveSince: new Date(T0).toISOString() });
      expect(conversation!.inactiveReason).toContain(`HTTP ${status}`);

      // Later messages to it die without a request; nothing is ever retried.
      await writeOutbox(store, [anOutboxMessage('m-3', 'a:chat-1')]);
      clock.advance(86_400_000);
      expect(await s.sweep()).toMatchObject({ claimed: 1, dead: 1 });
      expect(await message('m-3')).toMatchObject({
        status: 'dead',
        lastError: expect.stringContaining('conversation inactive'),
      });
      expect(await s.sweep()).toMatchObject({ claimed: 0 });
      expect(connector.refused).toHaveLength(1);
      expect(connector.posted).toHaveLength(0);
    },
  );

  it('delivers again to a conversation saved again after being marked inactive', async () => {
    expect(await conversations.markInactive(BELLERIVE, 'a:chat-1', 'HTTP 403', new Date(T0))).toBe(true);
    expect(await conversations.markInactive(BELLERIVE, 'a:unknown', 'HTTP 403', new Date(T0))).toBe(false);
    // The bot hears from the conversation again: the reference is saved without the flag.
    await saveConversation(store, connector.serviceUrl, 'a:chat-1');
    expect(await conversations.get(BELLERIVE, 'a:chat-1')).not.toHaveProperty('inactive');
    await writeOutbox(store, [anOutboxMessage('m-1', 'a:chat-1')]);
    expect(await sender().sweep()).toMatchObject({ sent: 1 });
  });

  it('kills a message whose target conversation is unknown, with the reason', async () => {
    await writeOutbox(store, [anOutboxMessage('m-1', 'a:nobody')]);
    expect(await sender().sweep()).toMatchObject({ claimed: 1, dead: 1 });
    expect(await message('m-1')).toMatchObject({
      status: 'dead',
      attempts: 0,
      lastError: `conversation inconnue (${BELLERIVE} / a:nobody)`,
    });
    expect(connector.posted).toHaveLength(0);
  });

  it('gives a message up after a permanent 400 and goes on with the next ones', async () => {
    connector.script({ status: 400, body: { error: { code: 'BadArgument' } } });
    await writeOutbox(store, [
      anOutboxMessage('m-1', 'a:chat-1', { at: T0 - 1 }),
      anOutboxMessage('m-2', 'a:chat-1'),
    ]);
    expect(await sender().sweep()).toMatchObject({ claimed: 2, dead: 1, sent: 1 });
    expect(await message('m-1')).toMatchObject({
      status: 'dead',
      lastError: expect.stringContaining('HTTP 400 BadArgument'),
    });
    expect(connector.posted.map((p) => p.body.text)).toEqual(['message m-2']);
  });

  it('keeps the order of a throttled conversation: the next messages wait for the retry', async () => {
    connector.script({ status: 429, headers: { 'Retry-After': '2' } });
    await writeOutbox(
      store,
      ['m-1', 'm-2', 'm-3'].map((id, i) => anOutboxMessage(id, 'a:chat-1', { at: T0 - 10 + i })),
    );
    const s = sender();
    expect(await s.sweep()).toMatchObject({ claimed: 3, retried: 1, released: 2 });
    for (const id of ['m-2', 'm-3']) {
      expect(await message(id)).toMatchObject({
        attempts: 0,
        nextAttemptAt: new Date(T0 + 2000).toISOString(),
      });
    }
    clock.advance(2000);
    expect(await s.sweep()).toMatchObject({ claimed: 3, sent: 3 });
    expect(connector.posted.map((p) => p.body.text)).toEqual(['message m-1', 'message m-2', 'message m-3']);
  });

  it('gives up after the maximum number of attempts', async () => {
    connector.script(...Array.from({ length: 5 }, () => ({ status: 502 })));
    await writeOutbox(store, [anOutboxMessage('m-1', 'a:chat-1')]);
    const s = sender();
    for (let i = 0; i < 5; i++) {
      await s.sweep();
      clock.advance(60_000);
    }
    expect(await message('m-1')).toMatchObject({
      status: 'dead',
      attempts: 5,
      lastError: expect.stringContaining('5 tentatives'),
    });
    expect(connector.posted).toHaveLength(0);
  });

  it('paces a conversation at 7 messages per second', async () => {
    await writeOutbox(
      store,
      Array.from({ length: 20 }, (_, i) =>
        anOutboxMessage(`m-${String(i).padStart(2, '0')}`, 'a:chat-1', { at: T0 + i }),
      ),
    );
    clock.advance(20);
    const start = clock.now();
    expect(await sender().sweep()).toMatchObject({ claimed: 20, sent: 20 });
    expect(clock.now() - start).toBeGreaterThanOrEqual(2000);
    expect(connector.posted.map((p) => p.body.text)).toEqual(
      Array.from({ length: 20 }, (_, i) => `message m-${String(i).padStart(2, '0')}`),
    );
  });

  it('never throws out of a sweep, even with the store closed', async () => {
    await writeOutbox(store, [anOutboxMessage('m-1', 'a:chat-1')]);
    await store.close();
    await expect(sender().sweep()).resolves.toMatchObject({ claimed: 0, sent: 0 });
  });

  it('refuses a lease too short for the delivery timeout', () => {
    expect(() => sender({ leaseMs: 30_000, deliveryTimeoutMs: 30_000 })).toThrow(RangeError);
  });

  it('two senders on one SQLite file deliver 50 messages exactly once', async () => {
    const file = tempStoreFile();
    const a = openSqliteStore({ file });
    const b = openSqliteStore({ file });
    try {
      const targets = ['a:chat-1', 'a:chat-2', 'a:chat-3', 'a:chat-4', 'a:chat-5'];
      for (const c of targets)
        await saveConversation(a, connector.serviceUrl, c, { tenantId: `tenant-${c}` });
      const ids = Array.from({ length: 50 }, (_, i) => `m-${String(i).padStart(2, '0')}`);
      await writeOutbox(
        a,
        ids.map((id, i) =>
          anOutboxMessage(id, targets[i % 5]!, { text: `texte ${id}`, at: Date.now() - 1000 }),
        ),
      );
      const fast = { perConversation: { ratePerSecond: 1000 }, perTenant: { ratePerSecond: 1000 } };
      const make = (s: Store, instanceId: string) =>
        new OutboxSender({
          store: s,
          delivery,
          logger,
          instanceId,
          batchSize: 7,
          limiter: new RateLimiter(fast),
        });
      const senders = [make(a, 'inst-a'), make(b, 'inst-b')];
      const repo = new OutboxRepository(a);
      const results = await Promise.all(
        senders.map(async (s) => {
          let sent = 0;
          for (let round = 0; round < 100 && (await repo.pendingCount()) > 0; round++)
            sent += (await s.sweep()).sent;
          return sent;
        }),
      );

      const texts = connector.posted.map((p) => p.body.text as string).sort();
      expect(texts).toEqual(ids.map((id) => `texte ${id}`));
      expect(results[0]! + results[1]!).toBe(50);
      expect(results.every((n) => n > 0)).toBe(true); // both really took part
      for (const id of ids)
        expect(await repo.get(BELLERIVE, id)).toMatchObject({ status: 'sent', attempts: 1 });
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('start() delivers soon after wake(), stop() waits for the sweep', async () => {
    const real = new OutboxSender({ store, delivery, logger, intervalMs: 60_000 });
    real.start();
    await new Promise((r) => setTimeout(r, 20));
    await writeOutbox(store, [anOutboxMessage('m-1', 'a:chat-1', { at: Date.now() })]);
    real.wake();
    await connector.waitFor(1);
    await real.stop();
    expect(await outbox.get(BELLERIVE, 'm-1')).toMatchObject({ status: 'sent' });
    expect(await real.pendingCount()).toBe(0);
  });

  it('stop() hands back the messages it has not sent yet instead of pacing through them', async () => {
    const real = new OutboxSender({ store, delivery, logger, intervalMs: 60_000 });
    await writeOutbox(
      store,
      Array.from({ length: 20 }, (_, i) =>
        anOutboxMessage(`s-${String(i).padStart(2, '0')}`, 'a:chat-1', { at: Date.now() }),
      ),
    );
    real.start();
    await connector.waitFor(1);
    await real.stop();
    const all = await Promise.all(
      Array.from({ length: 20 }, (_, i) => message(`s-${String(i).padStart(2, '0')}`)),
    );
    const sent = all.filter((m) => m.status === 'sent');
    const pending = all.filter((m) => m.status === 'pending');
    expect(sent.length).toBeGreaterThanOrEqual(1);
    expect(sent.length).toBeLessThan(20);
    expect(sent.length + pending.length).toBe(20);
    // Given back for the next instance at once: due now, and no attempt counted.
    for (const m of pending) {
      expect(Date.parse(m.nextAttemptAt)).toBeLessThanOrEqual(Date.now());
      expect(m.attempts).toBe(0);
    }
    expect(connector.posted).toHaveLength(sent.length);
  });
});
