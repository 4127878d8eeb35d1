/**
 * Ticket lists: a beneficiary's user never gets another beneficiary's ticket, on any page, whatever
 * the filters or the continuation token it sends; every query it causes names its partition. The
 * Titulaire and the CANUT list across beneficiaries: their lists of open tickets come from the
 * open-ticket view's partition, the others from every partition. Filters and paging.
 */
import type { Ticket } from '../../bot/src/domain/tickets/ticket';
import type { QuerySpec } from '../../bot/src/store/port';
import { OPEN_TICKETS_VIEW } from '../../bot/src/store/views/view-projections';
import { openSqliteStore } from '../../bot/src/store/sqlite/sqlite-store';
import { seedDemoData } from '../../bot/src/cli/seed';
import { startService, type RunningService } from '../support/running-service';
import { recordingStore, type RecordedQuery } from '../support/recording-store';
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

type Summary = {
  id: string;
  beneficiaryId: string;
  status: string;
  severity: number;
  zone?: string;
  receivedAt: string;
  updatedAt: string;
  firstResponseDueAt: string;
};
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
  const queries: RecordedQuery[] = [];
  /** The queries recorded on `business`, where a beneficiary's ticket lists go. */
  const businessQueries = () => queries.filter((q) => q.container === 'business');
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
    const ticketQueries = businessQueries().filter((q) => q.filters?.some((f) => f.value === 'ticket'));
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
    for (const q of businessQueries().filter((x) => x.filters?.some((f) => f.value === 'ticket'))) {
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

describe('staff lists of open tickets', () => {
  let svc: RunningService;
  let engineer: string;
  const opened: Ticket[] = [];
  /** Every query of tickets the service sent since the last `watch()`, with its container. */
  let sent: () => [string, QuerySpec][];

  beforeAll(async () => {
    svc = await startService({
      SLA_WATCH_INTERVAL_MS: '0',
      OUTBOX_INTERVAL_MS: '0',
      QUOTE_WATCH_INTERVAL_MS: '0',
    });
    const factory = new TicketFactory(svc.store);
    for (const [siret, severities] of [
      [BELLERIVE, ['1', '3', '3']],
      [LAMENTIN, ['2', '4']],
      [VAL_D_ARGENT, ['3']],
      [HAUTE_BRECHE, ['1', '4']],
    ] as const)
      for (const severity of severities) opened.push(await factory.declare(siret, { severity }));
    engineer = await signIn(svc, USERS.engineer);
    await factory.declare(BELLERIVE).then((t) => opened.push(t));
  });
  afterAll(async () => {
    await svc?.stop();
  });

  /** Starts recording the queries the service sends to `business` and `views` (both stores cache them). */
  function watch(): void {
    const seen: [string, QuerySpec][] = [];
    jest.restoreAllMocks();
    for (const name of ['business', 'views'] as const) {
      const container = svc.store.container(name);
      const query = container.query.bind(container);
      jest.spyOn(container, 'query').mockImplementation((spec: QuerySpec) => {
        seen.push([name, spec]);
        return query(spec);
      });
    }
    sent = () =>
      seen.filter(
        ([name, spec]) =>
          (name === 'views' && spec.pk === OPEN_TICKETS_VIEW) ||
          spec.filters?.some((f) => f.field === 'type' && f.value === 'ticket'),
      );
  }
  afterEach(() => jest.restoreAllMocks());

  it('gives every beneficiary’s open tickets from the view’s partition alone, page after page', async () => {
    watch();
    const items = await allPages(svc, engineer, 'status=open&limit=3');

    expect(items.map((t) => t.id).sort()).toEqual(opened.map((t) => t.id).sort());
    expect(new Set(items.map((t) => t.beneficiaryId))).toEqual(
      new Set([BELLERIVE, LAMENTIN, VAL_D_ARGENT, HAUTE_BRECHE]),
    );
    expect(sent().length).toBe(Math.ceil(opened.length / 3));
    for (const [container, spec] of sent())
      expect([container, spec.pk]).toEqual(['views', OPEN_TICKETS_VIEW]);
  });

  it('keeps to the partitions for a beneficiary’s own open tickets, and for staff asking for one beneficiary', async () => {
    watch();
    const agent = await allPages(svc, await signIn(svc, USERS.agent), 'status=open');
    const one = await allPages(svc, engineer, `status=open&beneficiary=${LAMENTIN}`);

    expect(agent.map((t) => t.beneficiaryId)).toEqual(Array(4).fill(BELLERIVE));
    expect(one.map((t) => t.beneficiaryId)).toEqual([LAMENTIN, LAMENTIN]);
    expect(sent().map(([container, spec]) => [container, spec.pk])).toEqual([
      ['business', BELLERIVE],
      ['business', LAMENTIN],
    ]);
  });

  it('pages through the view in each order without losing or repeating a ticket', async () => {
    const orders = {
      recent: (a: Summary, b: Summary) => b.receivedAt.localeCompare(a.receivedAt),
      urgent: (a: Summary, b: Summary) => a.firstResponseDueAt.localeCompare(b.firstResponseDueAt),
      updated: (a: Summary, b: Summary) => b.updatedAt.localeCompare(a.updatedAt),
    };
    for (const [sort, order] of Object.entries(orders)) {
      const whole = await allPages(svc, engineer, `status=open&sort=${sort}&limit=100`);
      const paged = await allPages(svc, engineer, `status=open&sort=${sort}&limit=2`);

      expect([sort, paged.map((t) => t.id)]).toEqual([sort, whole.map((t) => t.id)]);
      expect([sort, whole.map((t) => t.id)]).toEqual([sort, [...whole].sort(order).map((t) => t.id)]);
      expect(whole).toHaveLength(opened.length);
    }
  });

  it('filters the view by status and severity as the list across partitions does', async () => {
    const every = await allPages(svc, engineer, 'limit=100');
    for (const [query, wanted] of [
      ['status=open&severity=1', (t: Summary) => t.severity === 1],
      ['status=open&severity=3,4&sort=urgent', (t: Summary) => t.severity >= 3],
      ['status=new&severity=3', (t: Summary) => t.status === 'new' && t.severity === 3],
      ['status=new,taken,in-progress', (t: Summary) => ['new', 'taken', 'in-progress'].includes(t.status)],
    ] as const) {
      const fromView = await allPages(svc, engineer, `${query}&limit=2`);
      expect([query, fromView.map((t) => t.id).sort()]).toEqual([
        query,
        every
          .filter(wanted)
          .map((t) => t.id)
          .sort(),
      ]);
    }
  });

  it('refuses a token of the view on a list across partitions, and the reverse', async () => {
    const next = async (query: string) =>
      (await call<Page>(svc, 'GET', `/api/v1/tickets?${query}&limit=1`, { token: engineer })).body
        .continuationToken!;
    const fromView = await next('status=open');
    const across = await next('status=resolved,new');
    const partition = await next(`status=open&beneficiary=${BELLERIVE}`);

    for (const [query, token] of [
      ['', fromView],
      ['status=open', across],
      ['status=open', partition],
      [`beneficiary=${BELLERIVE}`, fromView],
    ]) {
      const res = await call(
        svc,
        'GET',
        `/api/v1/tickets?${query}&continuationToken=${encodeURIComponent(token!)}`,
        { token: engineer },
      );
      expect([query, res.status]).toEqual([query, 400]);
      expect(res.body).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    }
  });

  it('drops a resolved ticket from the open list at once, and keeps it in the full list', async () => {
    const ticket = opened.at(-1)!;
    const act = (body: Record<string, unknown>) =>
      call(svc, 'POST', `/api/v1/tickets/${ticket.beneficiaryId}/${ticket.id}/actions`, {
        token: engineer,
        body,
      });
    expect((await act({ type: 'take' })).status).toBe(200);
    const resolved = await act({
      type: 'resolve',
      diagnostic: 'Disque plein sur le serveur de fichiers.',
      actions: 'Purge des journaux et extension du volume.',
      cause: 'Rotation des journaux désactivée.',
      restoredAt: new Date().toISOString(),
    });
    expect(resolved.status).toBe(200);

    const open = await allPages(svc, engineer, 'status=open&sort=updated');
    const all = await allPages(svc, engineer, 'sort=updated');

    expect(open.map((t) => t.id)).not.toContain(ticket.id);
    expect(open).toHaveLength(opened.length - 1);
    expect(all[0]).toMatchObject({ id: ticket.id, status: 'resolved' });
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
