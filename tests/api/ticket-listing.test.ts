/**
 * Ticket lists: a beneficiary's user never gets another beneficiary's ticket, on any page, whatever
 * the filters or the continuation token it sends; every query it causes names its partition. The
 * Titulaire and the CANUT list across beneficiaries. Filters and paging.
 */
import type { Ticket } from '../../bot/src/domain/tickets/ticket';
import type { QuerySpec } from '../../bot/src/store/port';
import { openSqliteStore } from '../../bot/src/store/sqlite/sqlite-store';
import { seedDemoData } from '../../bot/src/cli/seed';
import { startService, type RunningService } from '../support/running-service';
import { recordingStore } from '../store/sqlite/recording-store';
import {
  BELLERIVE,
  call,
  GROUPEMENT_TENANT,
  HAUTE_BRECHE,
  LAMENTIN,
  signIn,
  TicketFactory,
  USERS,
  VAL_D_ARGENT,
} from './support/api-harness';
import { startTestProvider, type TestProvider } from './support/test-provider';

type Summary = { id: string; beneficiaryId: string; status: string; severity: number; zone?: string };
type Page = { items: Summary[]; continuationToken?: string };

async function allPages(svc: RunningService, token: string, query: string): Promise<Summary[]> {
  const items: Summary[] = [];
  let continuationToken: string | undefined;
  do {
    const suffix = continuationToken ? `&continuationToken=${encodeURIComponent(continuationToken)}` : '';
    const res = await call<Page>(svc, 'GET', `/api/v1/tickets?${query}${suffix}`, { token });
    expect(res.status).toBe(200);
    items.push(...res.body.items);
    continuationToken = res.body.continuationToken;
  } while (continuationToken);
  return items;
}

describe('ticket lists', () => {
  let provider: TestProvider;
  let svc: RunningService;
  const queries: QuerySpec[] = [];
  const created: Record<string, string[]> = {};

  beforeAll(async () => {
    provider = await startTestProvider();
    const store = openSqliteStore({ memory: true });
    await seedDemoData(store);
    // No background sweep: every recorded query is one the API made.
    const env = { ...provider.env(), SLA_WATCH_INTERVAL_MS: '0', OUTBOX_INTERVAL_MS: '0' };
    svc = await startService(env, { store: recordingStore(store, queries), seed: false });
    const factory = new TicketFactory(svc.store);
    const plan: [string, number, string][] = [
      [BELLERIVE, 5, '3'],
      [BELLERIVE, 1, '1'],
      [LAMENTIN, 3, '3'],
      [VAL_D_ARGENT, 2, '2'],
      [HAUTE_BRECHE, 3, '4'],
    ];
    for (const [siret, count, severity] of plan)
      for (let i = 0; i < count; i++)
        (created[siret] ??= []).push((await factory.declare(siret, { severity })).id);
  });
  afterAll(async () => {
    await svc?.stop();
    await provider?.stop();
  });

  const agentToken = () =>
    provider.sign({ tid: 'b0a1c2d3-0000-4000-8000-000000000001', oid: USERS.agent, name: 'Léa Dubois' });
  const groupementToken = () =>
    provider.sign({
      tid: GROUPEMENT_TENANT,
      oid: 'a1b2c3d4-0000-4000-8000-0000000000aa',
      name: 'Agent des Vallées',
    });
  const engineerToken = () =>
    provider.sign({
      tid: '7f3e9a10-5b2c-4d8e-9f01-2a3b4c5d6e7f',
      oid: USERS.engineer,
      name: 'Camille Martin',
      roles: ['Support.Engineer'],
    });

  it('gives a beneficiary agent its own tickets only, page after page, each query in its partition', async () => {
    queries.splice(0);
    const items = await allPages(svc, await agentToken(), 'limit=2');
    expect(items.map((t) => t.id).sort()).toEqual([...created[BELLERIVE]!].sort());
    expect(new Set(items.map((t) => t.beneficiaryId))).toEqual(new Set([BELLERIVE]));
    const ticketQueries = queries.filter((q) => q.filters?.some((f) => f.value === 'ticket'));
    expect(ticketQueries.length).toBeGreaterThanOrEqual(3);
    for (const q of ticketQueries) {
      expect(q.pk).toBe(BELLERIVE);
      expect(q.crossPartition).toBeFalsy();
    }
  });

  it('walks a groupement’s partitions one after the other, and never leaves them', async () => {
    queries.splice(0);
    const items = await allPages(svc, await groupementToken(), 'limit=2');
    expect(items.map((t) => t.id).sort()).toEqual(
      [...created[VAL_D_ARGENT]!, ...created[HAUTE_BRECHE]!].sort(),
    );
    for (const q of queries.filter((x) => x.filters?.some((f) => f.value === 'ticket'))) {
      expect([VAL_D_ARGENT, HAUTE_BRECHE]).toContain(q.pk);
      expect(q.crossPartition).toBeFalsy();
    }
  });

  it('refuses a continuation token that points to another beneficiary’s partition', async () => {
    const staff = await call<Page>(svc, 'GET', `/api/v1/tickets?beneficiary=${LAMENTIN}&limit=1`, {
      token: await engineerToken(),
    });
    const forged = Buffer.from(JSON.stringify({ b: LAMENTIN })).toString('base64url');
    for (const continuationToken of [staff.body.continuationToken!, forged, 'n-importe-quoi']) {
      const res = await call(
        svc,
        'GET',
        `/api/v1/tickets?continuationToken=${encodeURIComponent(continuationToken)}`,
        {
          token: await agentToken(),
        },
      );
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
      expect(JSON.stringify(res.body)).not.toContain(LAMENTIN);
    }
  });

  it('gives the support every beneficiary’s tickets across partitions', async () => {
    const items = await allPages(svc, await engineerToken(), 'limit=4');
    const total = Object.values(created).flat();
    expect(items.map((t) => t.id).sort()).toEqual([...total].sort());
  });

  it('filters by status, severity and beneficiary, and sorts by urgency on demand', async () => {
    const token = await engineerToken();
    const severe = await allPages(svc, token, 'severity=1,2&status=open');
    expect(new Set(severe.map((t) => t.severity))).toEqual(new Set([1, 2]));
    expect(severe).toHaveLength(3);
    expect(await allPages(svc, token, 'status=closed')).toEqual([]);
    const lamentin = await allPages(svc, token, `beneficiary=${LAMENTIN}&status=new&sort=urgent`);
    expect(lamentin.map((t) => t.id).sort()).toEqual([...created[LAMENTIN]!].sort());
    const repeated = await allPages(svc, token, 'severity=1&severity=4');
    expect(new Set(repeated.map((t) => t.severity))).toEqual(new Set([1, 4]));
  });

  it('lists nothing of another beneficiary even when asked for it by filter', async () => {
    const res = await call(svc, 'GET', `/api/v1/tickets?beneficiary=${LAMENTIN}`, {
      token: await agentToken(),
    });
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });

  it('answers bad filters with a French validation error naming each parameter', async () => {
    const res = await call<{ error: { message: string; issues: { path: string; message: string }[] } }>(
      svc,
      'GET',
      '/api/v1/tickets?status=perdu&limit=1000',
      { token: await agentToken() },
    );
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^Requête invalide/);
    expect(res.body.error.issues.map((i) => i.path).sort()).toEqual(['limit', 'status.0']);
    expect(res.body.error.issues[0]!.message).toMatch(/attendu|invalide|Trop/i);
  });

  it('gives the CANUT every ticket too', async () => {
    const token = await signInCanut(provider);
    const items = await allPages(svc, token, 'limit=50');
    expect(items).toHaveLength(Object.values(created).flat().length);
  });
});

describe('ticket lists through the local sign-in', () => {
  it('lists a beneficiary’s own tickets with a local token', async () => {
    const svc = await startService();
    try {
      const factory = new TicketFactory(svc.store);
      const own = await factory.declare(BELLERIVE);
      await factory.declare(LAMENTIN);
      const res = await call<Page>(svc, 'GET', '/api/v1/tickets', { token: await signIn(svc, USERS.agent) });
      expect(res.body.items.map((t) => t.id)).toEqual([own.id]);
    } finally {
      await svc.stop();
    }
  });
});

describe('ticket lists by last change', () => {
  let svc: RunningService;
  let engineer: string;
  /** Received in this order: the oldest (Lamentin), then two for Bellerive. */
  let oldest: Ticket;
  let newest: Ticket;

  beforeAll(async () => {
    svc = await startService({ SLA_WATCH_INTERVAL_MS: '0', OUTBOX_INTERVAL_MS: '0' });
    const factory = new TicketFactory(svc.store);
    oldest = await factory.declare(LAMENTIN);
    await factory.declare(BELLERIVE);
    newest = await factory.declare(BELLERIVE);
    engineer = await signIn(svc, USERS.engineer);
  });
  afterAll(async () => {
    await svc?.stop();
  });

  it('puts the ticket changed last first with sort=updated, whenever it was received', async () => {
    const taken = await call(svc, 'POST', `/api/v1/tickets/${LAMENTIN}/${oldest.id}/actions`, {
      token: engineer,
      body: { type: 'take' },
    });
    expect(taken.status).toBe(200);

    const updated = await call<Page>(svc, 'GET', '/api/v1/tickets?sort=updated', { token: engineer });
    expect(updated.body.items.map((t) => t.id)).toEqual([oldest.id, newest.id, expect.any(String)]);
    const recent = await call<Page>(svc, 'GET', '/api/v1/tickets?sort=recent', { token: engineer });
    expect(recent.body.items.map((t) => t.id)[0]).toBe(newest.id);
    expect(recent.body.items.at(-1)!.id).toBe(oldest.id);
  });

  it('pages through sort=updated without losing or repeating a ticket', async () => {
    const items = await allPages(svc, engineer, 'sort=updated&limit=1');
    expect(items).toHaveLength(3);
    expect(new Set(items.map((t) => t.id)).size).toBe(3);
  });

  it("gives each row its beneficiary's calendar zone", async () => {
    const res = await call<Page>(svc, 'GET', '/api/v1/tickets', { token: engineer });
    const zones = Object.fromEntries(res.body.items.map((t) => [t.beneficiaryId, t.zone]));
    expect(zones).toEqual({ [BELLERIVE]: 'metropole', [LAMENTIN]: 'martinique' });
  });
});

function signInCanut(provider: TestProvider): Promise<string> {
  return provider.sign({
    tid: 'c4a7e2d1-8b3f-4a6c-9e5d-1f2a3b4c5d6e',
    oid: USERS.canut,
    name: 'Sophie Laurent',
    roles: ['Canut.Staff'],
  });
}
