/**
 * The service on `STORE=cosmos`: configuration → openStore → the running service, against the local
 * emulator (plain http on loopback, which the configuration allows outside production). Then every
 * query the repositories and jobs send, on seeded data: the emulator enforces composite indexes like
 * Cosmos DB, so a sort missing from cosmos-indexing.ts fails here rather than in production.
 */
import { quoteListQuery } from '../../bot/src/api/quote-schemas';
import { listVisible } from '../../bot/src/api/scoped-listing';
import { listVisibleTickets, TICKET_SORTS } from '../../bot/src/api/ticket-listing';
import { TICKET_STATUSES } from '../../bot/src/domain/tickets/ticket';
import { seedDemoData } from '../../bot/src/cli/seed';
import {
  expiryCandidatesQuery,
  reminderCandidatesQuery,
  UNANSWERED_STATUSES,
} from '../../bot/src/jobs/quote-watch-queries';
import { BeneficiaryRepository } from '../../bot/src/store/beneficiary-repository';
import { ConversationRepository } from '../../bot/src/store/conversation-repository';
import { openStore } from '../../bot/src/store/open-store';
import { OrderRepository } from '../../bot/src/store/order-repository';
import { OutboxRepository } from '../../bot/src/store/outbox-repository';
import { SYSTEM_PARTITION, type Store } from '../../bot/src/store/port';
import { PriceScheduleRepository } from '../../bot/src/store/price-schedule-repository';
import { QuoteRepository } from '../../bot/src/store/quote-repository';
import { StaffRepository } from '../../bot/src/store/staff-repository';
import { storeConfigOf } from '../../bot/src/store/store-config';
import { TicketRepository } from '../../bot/src/store/ticket-repository';
import { dueTicketRowsQuery } from '../../bot/src/store/views/open-ticket-view';
import { call, signIn, USERS } from '../api/support/api-harness';
import { aConfig } from '../support/factories';
import { startService, type RunningService } from '../support/running-service';
import { EMULATOR_KEY, startCosmosTestServer, type CosmosTestServer } from './cosmos-test-server';

let emulator: CosmosTestServer;
let env: Record<string, string>;

beforeAll(async () => {
  emulator = await startCosmosTestServer({ https: false });
  env = {
    STORE: 'cosmos',
    COSMOS_ENDPOINT: emulator.endpoint,
    COSMOS_KEY: EMULATOR_KEY,
    COSMOS_DATABASE: `guichet-service-${process.pid}`,
  };
});
afterAll(async () => {
  await emulator.close();
});

describe('the service on STORE=cosmos', () => {
  let svc: RunningService | undefined;
  afterEach(async () => {
    await svc?.stop();
    svc = undefined;
  });

  it('opens Cosmos DB from the configuration and answers /readyz with store cosmos', async () => {
    const store = await openStore(storeConfigOf(aConfig(env)));
    expect(store.kind).toBe('cosmos');
    svc = await startService(env, { store });
    expect(svc.config.store).toBe('cosmos');
    const res = await fetch(`${svc.url}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', store: 'cosmos' });
  });

  it('turns /readyz red (503) when the account stops answering', async () => {
    const other = await startCosmosTestServer({ https: false });
    const otherEnv = { ...env, COSMOS_ENDPOINT: other.endpoint };
    const store = await openStore(storeConfigOf(aConfig(otherEnv)));
    svc = await startService(otherEnv, { store, seed: false });
    await other.close();
    const res = await fetch(`${svc.url}/readyz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: 'unavailable', store: 'cosmos' });
  });
});

/**
 * Every order a list endpoint offers (the sort values come from the API's own schemas), for staff
 * (across partitions) and a beneficiary's agent (partition by partition), with no status, one, two,
 * and "open": the emulator, like Cosmos DB, answers 400 to an ORDER BY without its composite index.
 */
describe('every list order of the API, on Cosmos DB', () => {
  let svc: RunningService;
  beforeAll(async () => {
    const listEnv = { ...env, COSMOS_DATABASE: `guichet-lists-${process.pid}` };
    svc = await startService(listEnv, { store: await openStore(storeConfigOf(aConfig(listEnv))) });
  });
  afterAll(async () => {
    await svc?.stop();
  });

  const statuses = ['', 'open', TICKET_STATUSES[0], TICKET_STATUSES.slice(0, 2).join(',')];
  const lists = [
    ...TICKET_SORTS.map((sort) => `/api/v1/tickets?sort=${sort}`),
    ...quoteListQuery.shape.sort.unwrap().options.map((sort) => `/api/v1/quotes?sort=${sort}`),
    '/api/v1/orders?limit=20',
  ];

  it.each(lists)('answers %s for staff and for an agent, whatever the status filter', async (list) => {
    for (const user of [USERS.engineer, USERS.agent]) {
      const token = await signIn(svc, user);
      for (const status of statuses) {
        // Quote and order statuses differ from ticket ones: only "open" and none apply to all.
        if (!list.includes('tickets') && status !== '' && status !== 'open') continue;
        const res = await call(svc, 'GET', `${list}${status ? `&status=${status}` : ''}`, { token });
        expect({ list, status, code: res.status }).toEqual({ list, status, code: 200 });
      }
    }
  });
});

describe('every query of the repositories and jobs, on Cosmos DB', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore(
      storeConfigOf(aConfig({ ...env, COSMOS_DATABASE: `guichet-queries-${process.pid}` })),
    );
    await seedDemoData(store);
  });
  afterAll(async () => {
    await store.close();
  });

  it('serves the registries', async () => {
    const beneficiaries = new BeneficiaryRepository(store);
    const all: string[] = [];
    for await (const b of beneficiaries.all()) all.push(b.siret);
    expect(all.length).toBeGreaterThan(0);
    const first = (await beneficiaries.get(all[0]!))!;
    expect((await beneficiaries.findByTenant(first.tenantIds[0]!)).map((b) => b.siret)).toContain(
      first.siret,
    );
    const staff = new StaffRepository(store);
    await expect(staff.engineers()).resolves.toBeInstanceOf(Array);
    await expect(staff.rolesOf('00000000-0000-0000-0000-000000000000', 'x')).resolves.toEqual([]);
    const conversations = new ConversationRepository(store);
    await expect(conversations.list(SYSTEM_PARTITION)).resolves.toBeInstanceOf(Array);
    await expect(
      conversations.findStaffChannel('00000000-0000-0000-0000-000000000000'),
    ).resolves.toBeUndefined();
    await expect(conversations.removeTeam(SYSTEM_PARTITION, 'team-inexistante')).resolves.toBe(0);
    await expect(new PriceScheduleRepository(store).list()).resolves.toBeInstanceOf(Array);
  });

  it('serves the ticket, quote and order lists, and their audit trails', async () => {
    const [siret] = [(await new BeneficiaryRepository(store).all().next()).value!.siret];
    for (const repo of [
      new TicketRepository(store),
      new QuoteRepository(store),
      new OrderRepository(store),
    ]) {
      await expect(repo.listForBeneficiary(siret)).resolves.toHaveProperty('items');
      await expect(repo.listOpen(siret)).resolves.toHaveProperty('items');
      await expect(repo.listAllOpen()).resolves.toHaveProperty('items');
      await expect(repo.events(siret, 'inexistant')).resolves.toEqual([]);
      await expect(repo.findByNumber('X-0000-0000', [siret])).resolves.toBeUndefined();
      await expect(repo.findByNumberAnywhere('X-0000-0000')).resolves.toBeUndefined();
    }
    const tickets = new TicketRepository(store);
    for (const sort of TICKET_SORTS) {
      const all = listVisibleTickets(
        tickets,
        { kind: 'all', readOnly: true },
        { sort, limit: 20, statuses: ['new'] },
      );
      await expect(all).resolves.toHaveProperty('items');
      const own = listVisibleTickets(
        tickets,
        { kind: 'own', beneficiaryIds: [siret] },
        {
          sort,
          limit: 20,
          severities: [1, 2],
        },
      );
      await expect(own).resolves.toHaveProperty('items');
    }
    const business = store.container('business');
    const quoteSorts = [[{ field: 'dueDate' }], [{ field: 'createdAt', direction: 'desc' as const }]];
    const orderSorts = [[{ field: 'issuedAt', direction: 'desc' as const }]];
    for (const [type, sorts] of [
      ['quote', quoteSorts],
      ['order', orderSorts],
    ] as const) {
      for (const orderBy of sorts) {
        const all = listVisible(business, { kind: 'all', readOnly: true }, { type, orderBy, limit: 20 });
        await expect(all).resolves.toHaveProperty('items');
        const own = listVisible(
          business,
          { kind: 'own', beneficiaryIds: [siret] },
          { type, orderBy, limit: 20 },
        );
        await expect(own).resolves.toHaveProperty('items');
      }
    }
  });

  it('serves the background sweeps: outbox, SLA alerts, quote reminders and expiries', async () => {
    const outbox = new OutboxRepository(store);
    await expect(outbox.claimDue(new Date(), 50, 'test-instance', 30_000)).resolves.toBeInstanceOf(Array);
    await expect(outbox.pendingCount()).resolves.toEqual(expect.any(Number));
    const views = store.container('views');
    const now = new Date();
    await expect(views.query(dueTicketRowsQuery(now, 100))).resolves.toHaveProperty('items');
    for (const status of UNANSWERED_STATUSES) {
      await expect(views.query(reminderCandidatesQuery(now, status, 50))).resolves.toHaveProperty('items');
    }
    await expect(views.query(expiryCandidatesQuery(now, 50))).resolves.toHaveProperty('items');
  });
});
