/**
 * Quotes over the API, end to end on the real service: a request recorded by an account manager
 * with its real reception time or made by an agent, a draft priced with per-field French errors,
 * sending, acceptance issuing the order, and the refusals a public buyer must be able to trust —
 * each answering 4xx in French and leaving the stored quote exactly as it was (same ETag).
 */
import { adapterOf } from '../../bot/src/store/views/projecting-store';
import { signIn, useApiService, USERS, type DemoRole } from './support/api-harness';
import { aDraft, BELLERIVE, QUIET, QuoteFactory, send } from './quote-harness';

type Issue = { path?: string; message: string };
type ErrorBody = { error: { code: string; message: string; issues?: Issue[] } };
type Detail = {
  quote: Record<string, unknown> & {
    id: string;
    status: string;
    dueDate: string;
    versions: { version: number; status: string; totals: { htCents: number; ttcCents: number } }[];
    order?: { id: string; number: string };
  };
  timeline: { action: string; details: Record<string, unknown> }[];
  availableActions: string[];
};

describe('quotes over the API', () => {
  const rig = useApiService(QUIET);
  const tokens = {} as Record<DemoRole, string>;
  let factory: QuoteFactory;
  const path = (id: string) => `/api/v1/quotes/${BELLERIVE}/${id}`;
  const put = (role: DemoRole, id: string, body: unknown) =>
    send<Detail & ErrorBody>(rig.svc, 'PUT', `${path(id)}/draft`, { token: tokens[role], body });
  const post = (role: DemoRole, url: string, body: unknown, headers: Record<string, string> = {}) =>
    send<Detail & ErrorBody>(rig.svc, 'POST', url, { token: tokens[role], body, headers });

  beforeAll(async () => {
    for (const role of Object.keys(USERS) as DemoRole[]) tokens[role] = await signIn(rig.svc, USERS[role]);
    factory = new QuoteFactory(rig.svc.store);
  });

  /** Asserts a refusal: its status, code, a French message, and the quote left as it was. */
  async function refused(
    res: { status: number; body: ErrorBody },
    status: number,
    code: string,
    id: string,
    etag: unknown,
  ) {
    expect({ status: res.status, code: res.body.error?.code }).toEqual({ status, code });
    expect(res.body.error.message).toMatch(/[éèàçù]|devis|version/i);
    expect((await factory.stored(BELLERIVE, id))?._etag).toBe(etag);
  }

  it('records a request received by e-mail with its real reception time, once per Idempotency-Key', async () => {
    const body = {
      beneficiaryId: BELLERIVE,
      subject: 'Déploiement de Copilot',
      need: 'Accompagner 200 agents dans le déploiement de Copilot.',
      domain: 'modern-workplace',
      // Friday 2 May 2025, 17:45 in Paris: the day of receipt does not count, 8 May is a holiday.
      receivedAt: '2025-05-02T17:45',
      contactName: 'Claire Fontaine',
      contactEmail: 'claire.fontaine@bellerive.example',
    };
    const key = { 'Idempotency-Key': 'mail-2025-05-02-copilot' };
    const first = await post('accountManager', '/api/v1/quotes', body, key);
    expect(first.status).toBe(200);
    expect(first.body.quote).toMatchObject({
      status: 'requested',
      dueDate: '2025-05-19',
      request: {
        channel: 'email',
        receivedAt: '2025-05-02T15:45:00Z',
        requestedBy: { name: 'Claire Fontaine', email: 'claire.fontaine@bellerive.example' },
        recordedBy: { name: 'Julien Bernard' },
      },
    });
    const again = await post('accountManager', '/api/v1/quotes', body, key);
    expect(again.body.quote.id).toBe(first.body.quote.id);
    for (const internal of [
      'pk',
      'type',
      '_etag',
      'lastAction',
      'closingDays',
      'originConversationPk',
      'seq',
    ])
      expect(first.body.quote).not.toHaveProperty(internal);
    expect(first.body.quote.request).not.toHaveProperty('requestedBy.objectId');
  });

  it('lets an agent request from the tab, but never backdate it nor record an e-mail', async () => {
    const form = {
      beneficiaryId: BELLERIVE,
      subject: 'Audit Teams',
      need: 'Auditer la gouvernance Teams.',
      domain: 'modern-workplace',
    };
    const made = await post('agent', '/api/v1/quotes', form);
    expect(made.status).toBe(200);
    expect(made.body.quote).toMatchObject({
      status: 'requested',
      request: { channel: 'teams', requestedBy: { name: 'Léa Dubois' } },
    });
    const before = await factory.count(BELLERIVE, 'quote');
    const backdated = await post('agent', '/api/v1/quotes', { ...form, receivedAt: '2025-06-02T09:00' });
    expect(backdated.status).toBe(403);
    expect(backdated.body.error.message).toBe(
      'Seuls les chargés de compte du Titulaire peuvent saisir une demande de devis reçue par e-mail.',
    );
    const invalid = await post('accountManager', '/api/v1/quotes', {
      beneficiaryId: BELLERIVE,
      subject: 'ab',
      domain: 'cuisine',
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.issues!.map((i) => i.path)).toEqual([
      'subject',
      'need',
      'domain',
      'receivedAt',
      'contactName',
    ]);
    expect(invalid.body.error.message).toBe(
      'Le formulaire contient 5 erreurs : objet, besoin, domaine, date de réception, nom du demandeur.',
    );
    expect(await factory.count(BELLERIVE, 'quote')).toBe(before);
  });

  it('prices a draft, then refuses bad drafts field by field and changes nothing', async () => {
    const quote = await factory.quote(BELLERIVE, 'requested');
    const good = await put('accountManager', quote.id, aDraft());
    expect(good.status).toBe(200);
    expect(good.body.quote.status).toBe('in-preparation');
    // 2 × 780 € + 5 × 890 € = 6 010 € HT, 20 % VAT.
    expect(good.body.quote.versions[0]!.totals).toEqual({
      htCents: 601_000,
      vatCents: 120_200,
      ttcCents: 721_200,
    });
    const etag = (await factory.stored(BELLERIVE, quote.id))?._etag;
    type Draft = { phases: { start: string; end: string; charges: { line: string; quantity: number }[] }[] };
    const bad = (change: (d: Draft) => void) => {
      const draft = structuredClone(aDraft()) as unknown as Draft;
      change(draft);
      return put('accountManager', quote.id, draft);
    };
    const cases: [(d: Draft) => void, string, RegExp][] = [
      [
        (d) => (d.phases[0]!.charges[0]!.quantity = -2),
        'phases.0.charges.0.quantity',
        /ne peut pas être négative \(−2 jours\)/,
      ],
      [
        (d) => (d.phases[0]!.charges[0]!.line = 'XX-EXP'),
        'phases.0.charges.0.line',
        /ligne de prix inconnue « XX-EXP » dans le BPU 2024-1/,
      ],
      [
        (d) => Object.assign(d.phases[0]!, { start: '2030-03-29', end: '2030-03-04' }),
        'phases.0.end',
        /la fin \(2030-03-04\) précède le début \(2030-03-29\)/,
      ],
    ];
    for (const [change, field, message] of cases) {
      const res = await bad(change);
      await refused(res, 400, 'VALIDATION_FAILED', quote.id, etag);
      expect(res.body.error.issues).toEqual(
        expect.arrayContaining([{ path: field, message: expect.stringMatching(message) }]),
      );
    }
  });

  it('sends, then the approver accepts once: the order is issued, a second acceptance is refused', async () => {
    const quote = await factory.quote(BELLERIVE, 'prepared');
    const sent = await post('accountManager', `${path(quote.id)}/send`, { version: 1 });
    expect(sent.body.quote).toMatchObject({ status: 'sent' });
    expect(
      (await send<Detail>(rig.svc, 'GET', path(quote.id), { token: tokens.approver })).body.availableActions,
    ).toEqual(['accept', 'decline']);
    const key = { 'Idempotency-Key': 'accept-once' };
    const accepted = await post('approver', `${path(quote.id)}/accept`, { version: 1 }, key);
    expect(accepted.status).toBe(200);
    expect(accepted.body.quote).toMatchObject({
      status: 'accepted',
      order: { number: expect.stringMatching(/^BC-\d{4}-\d{4}$/) },
    });
    const replay = await post('approver', `${path(quote.id)}/accept`, { version: 1 }, key);
    expect(replay.body.quote.order).toEqual(accepted.body.quote.order);
    const etag = (await factory.stored(BELLERIVE, quote.id))?._etag;
    const orders = await factory.count(BELLERIVE, 'order');
    const twice = await post('approver', `${path(quote.id)}/accept`, { version: 1 });
    await refused(twice, 409, 'QUOTE_ALREADY_DECIDED', quote.id, etag);
    expect(twice.body.error.message).toMatch(/a déjà été accepté par Marc Petit le .* ; bon de commande BC-/);
    expect(await factory.count(BELLERIVE, 'order')).toBe(orders);
  });

  it('refuses to accept a superseded version', async () => {
    const quote = await factory.quote(BELLERIVE, 'sent');
    const revised = await put('accountManager', quote.id, {
      ...aDraft(),
      reason: 'Une phase de formation en plus',
    });
    expect(revised.body.quote.versions.map((v) => v.status)).toEqual(['superseded', 'in-preparation']);
    expect((await post('accountManager', `${path(quote.id)}/send`, { version: 2 })).status).toBe(200);
    const etag = (await factory.stored(BELLERIVE, quote.id))?._etag;
    const old = await post('approver', `${path(quote.id)}/accept`, { version: 1 });
    await refused(old, 409, 'QUOTE_SUPERSEDED', quote.id, etag);
    expect(old.body.error.message).toMatch(
      /La version 1 du devis DEV-\d{4}-\d{4} a été remplacée par la version 2/,
    );
  });

  it('refuses to accept a quote whose validity ended', async () => {
    factory.now = new Date(Date.now() - 150 * 86_400_000);
    const quote = await factory.quote(BELLERIVE, 'sent');
    factory.now = new Date();
    const etag = (await factory.stored(BELLERIVE, quote.id))?._etag;
    const orders = await factory.count(BELLERIVE, 'order');
    const late = await post('approver', `${path(quote.id)}/accept`, { version: 1 });
    await refused(late, 409, 'QUOTE_EXPIRED', quote.id, etag);
    expect(late.body.error.message).toMatch(/était valable jusqu'au .* : il ne peut plus être accepté/);
    expect(await factory.count(BELLERIVE, 'order')).toBe(orders);
  });

  it('refuses bad decisions in French: no version, an unknown version, a reason too long', async () => {
    const quote = await factory.quote(BELLERIVE, 'sent');
    const etag = (await factory.stored(BELLERIVE, quote.id))?._etag;
    const missing = await post('approver', `${path(quote.id)}/accept`, {});
    await refused(missing, 400, 'VALIDATION_FAILED', quote.id, etag);
    expect(missing.body.error.issues).toEqual([
      { path: 'version', message: expect.stringMatching(/nombre|reçu/) },
    ]);
    const unknown = await post('approver', `${path(quote.id)}/accept`, { version: 7 });
    await refused(unknown, 400, 'VALIDATION_FAILED', quote.id, etag);
    expect(unknown.body.error.message).toMatch(/n'a pas de version 7/);
    const long = await post('approver', `${path(quote.id)}/decline`, {
      version: 1,
      reason: 'x'.repeat(2001),
    });
    await refused(long, 400, 'VALIDATION_FAILED', quote.id, etag);
    const declined = await post('approver', `${path(quote.id)}/decline`, {
      version: 1,
      reason: ' Hors budget ',
    });
    expect(declined.body.quote.versions[0]).toMatchObject({
      status: 'declined',
      decision: { reason: 'Hors budget' },
    });
  });

  it('hides a version in preparation from the beneficiary, in the detail, the list and the PDF', async () => {
    const quote = await factory.quote(BELLERIVE, 'prepared');
    const staff = await send<Detail>(rig.svc, 'GET', path(quote.id), { token: tokens.accountManager });
    expect(staff.body.quote.versions).toHaveLength(1);
    const agent = await send<Detail>(rig.svc, 'GET', path(quote.id), { token: tokens.agent });
    expect(agent.body.quote).toMatchObject({ status: 'in-preparation', versions: [] });
    expect(agent.body.quote).not.toHaveProperty('latest');
    expect(agent.body.timeline.find((e) => e.action === 'prepare')?.details).toEqual({});
    expect((await send(rig.svc, 'GET', `${path(quote.id)}/pdf`, { token: tokens.agent })).status).toBe(404);
    expect(
      (await send(rig.svc, 'GET', `${path(quote.id)}/pdf`, { token: tokens.accountManager })).status,
    ).toBe(200);
  });

  it('lists with filters and pages', async () => {
    await factory.quote(BELLERIVE, 'sent');
    await factory.quote(BELLERIVE, 'sent');
    type Page = { items: { status: string; beneficiaryId: string }[]; continuationToken?: string };
    const first = await send<Page>(rig.svc, 'GET', `/api/v1/quotes?status=sent&limit=1`, {
      token: tokens.agent,
    });
    expect(first.body.items).toHaveLength(1);
    expect(first.body.continuationToken).toEqual(expect.any(String));
    const next = await send<Page>(
      rig.svc,
      'GET',
      `/api/v1/quotes?status=sent&limit=1&continuationToken=${first.body.continuationToken}`,
      { token: tokens.agent },
    );
    expect(next.body.items).toHaveLength(1);
    expect(next.body.items[0]).not.toEqual(first.body.items[0]);
    const open = await send<Page>(rig.svc, 'GET', `/api/v1/quotes?status=open&sort=due&limit=100`, {
      token: tokens.canut,
    });
    expect(open.body.items.every((q) => ['requested', 'in-preparation', 'sent'].includes(q.status))).toBe(
      true,
    );
    const bad = await send<ErrorBody>(rig.svc, 'GET', `/api/v1/quotes?status=lost`, { token: tokens.agent });
    expect(bad.status).toBe(400);
  });

  it('lists the staff’s open quotes from their view, page by page, and the history across partitions', async () => {
    const sent = await factory.quote(BELLERIVE, 'sent');
    await factory.quote(BELLERIVE, 'sent');
    // A quote written behind the views' back: the open list shows the view, the history every partition.
    const { _etag, _ts, ...copy } = (await factory.stored(BELLERIVE, sent.id))!;
    const hidden = { ...copy, id: `${sent.id}-hors-vue` };
    await adapterOf(rig.svc.store).container('business').create(hidden);
    type Page = { items: { id: string; status: string }[]; continuationToken?: string };
    const list = (url: string) => send<Page & ErrorBody>(rig.svc, 'GET', url, { token: tokens.canut });

    const first = await list('/api/v1/quotes?status=sent&limit=1');
    const next = await list(
      `/api/v1/quotes?status=sent&limit=1&continuationToken=${first.body.continuationToken}`,
    );
    expect([first.status, next.status]).toEqual([200, 200]);
    expect([...first.body.items, ...next.body.items].map((q) => q.status)).toEqual(['sent', 'sent']);
    expect(next.body.items[0]!.id).not.toBe(first.body.items[0]!.id);
    const open = await list('/api/v1/quotes?status=open&limit=100');
    expect(open.body.items.map((q) => q.id)).toContain(sent.id);
    expect(open.body.items.map((q) => q.id)).not.toContain(hidden.id);
    const history = await list('/api/v1/quotes?status=sent,accepted&limit=100');
    expect(history.body.items.map((q) => q.id)).toEqual(expect.arrayContaining([sent.id, hidden.id]));
    // A token of the history does not continue the open list: refused, not read elsewhere.
    const older = await list('/api/v1/quotes?status=sent,accepted&limit=1');
    const mixed = await list(`/api/v1/quotes?status=sent&continuationToken=${older.body.continuationToken}`);
    expect(mixed.status).toBe(400);
  });
});
