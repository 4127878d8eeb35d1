/**
 * Two service instances on one Cosmos DB database (issue 8): each runs its own SLA watch and outbox
 * sender, with its own Cosmos client, against the in-process emulator. 1,000 alerts fall due at
 * once; the fake connector counts what reaches Teams: every alert exactly once, none missing.
 *
 * The emulator runs a batch's operations in one go but does not roll back the first ones when a
 * later one fails (FIELD-NOTES.md). Exactly-once does not rest on that rollback here: a lost race
 * fails on the ticket's ETag first, and an alert's outbox id is derived from the ticket and the alert,
 * so a second message for it cannot be created.
 */
import { CloudAdapter } from '@microsoft/agents-hosting';
import pino from 'pino';
import { OutboxSender, type SweepResult } from '../../bot/src/jobs/outbox-sender';
import { RateLimiter } from '../../bot/src/jobs/rate-limiter';
import { SlaWatch, alertOutboxId, type SlaSweepResult } from '../../bot/src/jobs/sla-watch';
import type { OutboxMessage } from '../../bot/src/store/outbox-message';
import { OutboxRepository } from '../../bot/src/store/outbox-repository';
import { SYSTEM_PARTITION, type Store } from '../../bot/src/store/port';
import type { TicketDoc } from '../../bot/src/store/ticket-repository';
import { SdkProactiveDelivery } from '../../bot/src/teams/proactive-delivery';
import { openEmulatorStore } from '../store/cosmos-fixtures';
import { startCosmosTestServer, type CosmosTestServer } from '../store/cosmos-test-server';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector';
import { saveConversation } from './outbox-fixtures';
import { allOfType, byParity, spreadTickets, TicketRace, writeTickets } from './sla-watch-fixtures';

const quiet = pino({ level: 'silent' });
const SUPPORT = { pk: SYSTEM_PARTITION, conversationId: '19:support@thread.tacv2' };
/** Monday 8 June 2026, 10:00 in Paris: severity 1 first-response alerts at 10:30, 10:48, 11:00. */
const OPENED = '2026-06-08T08:00:00Z';
/** 10:40 in Paris: the 50 % alert of each ticket is due, and only that one. */
const AT = new Date('2026-06-08T08:40:00Z');
const TICKETS = 1000;
const PARTITIONS = 20;
/** Rounds an instance may take before the test gives up (each round: one watch and one sender sweep). */
const MAX_ROUNDS = 100;

interface Instance {
  n: number;
  race: TicketRace;
  watch: SlaWatch;
  sender: OutboxSender;
  outbox: OutboxRepository;
  watchResults: SlaSweepResult[];
  senderResults: SweepResult[];
}

/**
 * One service instance's background jobs on `store`, delivering through the fake connector; its
 * watch races the other instance's for every ticket (see `TicketRace`).
 */
function instance(store: Store, name: string, race: TicketRace, n: number): Instance {
  const adapter = new CloudAdapter({});
  adapter.onTurnError = async () => undefined;
  return {
    n,
    race,
    watch: new SlaWatch({
      store: race.store(store, n),
      logger: quiet,
      supportChannel: async () => SUPPORT,
      batchSize: 100,
    }),
    sender: new OutboxSender({
      store,
      delivery: new SdkProactiveDelivery(adapter),
      logger: quiet,
      instanceId: name,
      // Teams' pacing (7 messages a second to one channel) is tested elsewhere; here it would only
      // make 1,000 messages to one channel take minutes.
      limiter: new RateLimiter({
        perConversation: { ratePerSecond: 100_000 },
        perTenant: { ratePerSecond: 100_000 },
      }),
      batchSize: 100,
    }),
    outbox: new OutboxRepository(store),
    watchResults: [],
    senderResults: [],
  };
}

/** Sweeps as the service's jobs do, until nothing is due or pending in the store. */
async function run(i: Instance): Promise<void> {
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const watched = await i.race.run(i.n, () => i.watch.sweep(AT));
    const sent = await i.sender.sweep();
    i.watchResults.push(watched);
    i.senderResults.push(sent);
    if (watched.read === 0 && sent.claimed === 0 && (await i.outbox.pendingCount()) === 0) return;
  }
}

const total = <R>(results: R[], field: keyof R) => results.reduce((n, r) => n + Number(r[field]), 0);

describe('two service instances on one Cosmos DB database', () => {
  let server: CosmosTestServer;
  let connector: FakeConnector;
  const stores: Store[] = [];

  beforeAll(async () => {
    // Plain HTTP on loopback: TLS is proven elsewhere, and 1,000 alerts cost about 8,000 requests.
    server = await startCosmosTestServer({ https: false });
    connector = await startFakeConnector();
  });
  afterAll(async () => {
    await Promise.all(stores.map((s) => s.close()));
    await connector?.close();
    await server?.close();
  });

  it('delivers each of 1,000 due alerts exactly once, none missing', async () => {
    const database = `guichet-two-instances-${process.pid}`;
    // Production indexes only: the sweeps' queries must be served by the declared policy.
    for (let n = 0; n < 2; n++)
      stores.push(await openEmulatorStore(server, { database, extraSortShapes: {} }));
    const [storeA, storeB] = stores as [Store, Store];
    const list = spreadTickets(TICKETS, { prefix: 'tkt', now: OPENED, partitions: PARTITIONS });
    await writeTickets(storeA, list);
    await saveConversation(storeA, connector.serviceUrl, SUPPORT.conversationId, { pk: SYSTEM_PARTITION });
    const race = new TicketRace(byParity);
    const a = instance(storeA, 'instance-a', race, 0);
    const b = instance(storeB, 'instance-b', race, 1);

    await Promise.all([run(a), run(b)]);

    // What reached Teams: one post per alert, each ticket's alert once.
    const posted = connector.posted.map((p) => String(p.body.summary).split(' — ')[0]);
    expect(posted).toHaveLength(TICKETS);
    expect(new Set(posted).size).toBe(TICKETS);
    expect([...posted].sort()).toEqual(list.map((t) => t.number).sort());
    expect(connector.refused).toEqual([]);
    // What the store says: each alert's message once, sent on the first attempt; each ticket's
    // alert recorded once.
    const messages = await allOfType<OutboxMessage>(storeB, 'outbox');
    expect(messages.map((m) => m.id).sort()).toEqual(
      list.map((t) => alertOutboxId(t.id, 'firstResponse:50')).sort(),
    );
    expect(messages.every((m) => m.status === 'sent' && m.attempts === 1)).toBe(true);
    const tickets = await allOfType<TicketDoc>(storeB, 'ticket');
    expect(tickets).toHaveLength(TICKETS);
    for (const t of tickets) expect(t.alertsSent).toEqual(['firstResponse:50']);
    // Both instances read every ticket before either claimed it: each won the half it claimed
    // first, and its claim of the other half, on the same ETag, failed whole.
    for (const i of [a, b]) {
      expect(total(i.watchResults, 'alerted')).toBe(TICKETS / 2);
      expect(total(i.watchResults, 'lost')).toBe(TICKETS / 2);
      expect(total(i.watchResults, 'failed')).toBe(0);
      expect(total(i.senderResults, 'sent')).toBeGreaterThan(0);
    }
    expect(total([...a.senderResults, ...b.senderResults], 'sent')).toBe(TICKETS);
  }, 180_000);
});
