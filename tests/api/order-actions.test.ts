/**
 * Orders over the API: the lifecycle of DESIGN.md through `POST …/actions` with the same rules as
 * the order card (account managers deliver and bill, approvers attest the service done, either
 * side cancels before invoicing), refusals in French that change nothing, the printable PDF.
 */
import { adapterOf } from '../../bot/src/store/views/projecting-store';
import { signIn, useApiService, USERS, type DemoRole } from './support/api-harness';
import { BELLERIVE, LAMENTIN, QUIET, QuoteFactory, send } from './quote-harness';

type ErrorBody = { error: { code: string; message: string; issues?: { path?: string; message: string }[] } };
type Detail = {
  order: {
    id: string;
    number: string;
    status: string;
    steps: { status: string }[];
    invoiceReference?: string;
  };
  timeline: { action: string; actor: { name: string; role: string; channel: string } }[];
  availableActions: string[];
};

describe('orders over the API', () => {
  const rig = useApiService(QUIET);
  const tokens = {} as Record<DemoRole, string>;
  let factory: QuoteFactory;
  const path = (id: string, siret = BELLERIVE) => `/api/v1/orders/${siret}/${id}`;
  const act = (role: DemoRole, id: string, body: unknown, headers: Record<string, string> = {}) =>
    send<Detail & ErrorBody>(rig.svc, 'POST', `${path(id)}/actions`, { token: tokens[role], body, headers });

  beforeAll(async () => {
    for (const role of Object.keys(USERS) as DemoRole[]) tokens[role] = await signIn(rig.svc, USERS[role]);
    factory = new QuoteFactory(rig.svc.store);
  });

  it('goes from issued to paid, each side doing its own steps, each step in the timeline', async () => {
    const order = await factory.order(BELLERIVE);
    const shown = await send<Detail>(rig.svc, 'GET', path(order.id), { token: tokens.accountManager });
    expect(shown.body.order).toMatchObject({ number: order.number, status: 'issued' });
    expect(shown.body.availableActions).toEqual(['acknowledge', 'cancel']);
    for (const [role, body, status] of [
      ['accountManager', { type: 'acknowledge' }, 'acknowledged'],
      ['accountManager', { type: 'start' }, 'in-progress'],
      ['accountManager', { type: 'deliver', note: 'Recette faite avec la DSI.' }, 'delivered'],
      ['approver', { type: 'accept' }, 'accepted'],
      ['admin', { type: 'invoice', reference: 'FA-2026-0042' }, 'invoiced'],
      ['accountManager', { type: 'pay' }, 'paid'],
    ] as const) {
      const res = await act(role, order.id, body);
      expect({ status: res.status, order: res.body.order?.status }).toEqual({ status: 200, order: status });
    }
    const done = await send<Detail>(rig.svc, 'GET', path(order.id), { token: tokens.agent });
    expect(done.body.order.invoiceReference).toBe('FA-2026-0042');
    expect(done.body.timeline.map((e) => e.action)).toEqual([
      'issue',
      'acknowledge',
      'start',
      'deliver',
      'accept',
      'invoice',
      'pay',
    ]);
    expect(done.body.timeline[4]!.actor).toEqual({
      name: 'Marc Petit',
      role: 'Beneficiary.Approver',
      channel: 'tab',
    });
    expect(done.body.availableActions).toEqual([]);
  });

  it('refuses in French, changing nothing: a wrong step, a missing reason, an unknown action, a cancellation after invoicing', async () => {
    const order = await factory.order(BELLERIVE);
    const etag = async () => (await factory.stored(BELLERIVE, order.id))?._etag;
    const before = await etag();
    const early = await act('accountManager', order.id, { type: 'deliver' });
    expect(early.status).toBe(409);
    expect(early.body.error).toMatchObject({
      code: 'INVALID_TRANSITION',
      message: expect.stringMatching(/^Impossible de déclarer livré le bon de commande BC-/),
    });
    const noReason = await act('approver', order.id, { type: 'cancel', reason: ' ' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.message).toBe('Indiquez la raison (3 caractères au moins).');
    const unknown = await act('accountManager', order.id, { type: 'ship' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.issues![0]!.path).toBe('type');
    const notApprover = await act('agent', order.id, { type: 'cancel', reason: 'Projet abandonné' });
    expect(notApprover.status).toBe(403);
    expect(await etag()).toBe(before);
    const cancelled = await act('approver', order.id, { type: 'cancel', reason: 'Projet abandonné' });
    expect(cancelled.body.order.status).toBe('cancelled');
    const billed = await factory.order(BELLERIVE);
    for (const [role, type] of [
      ['accountManager', 'acknowledge'],
      ['accountManager', 'start'],
      ['accountManager', 'deliver'],
      ['approver', 'accept'],
      ['accountManager', 'invoice'],
    ] as const)
      expect((await act(role, billed.id, { type })).status).toBe(200);
    const late = await act('accountManager', billed.id, { type: 'cancel', reason: 'Erreur de saisie' });
    expect(late.status).toBe(409);
    expect(late.body.error.message).toMatch(
      /Une commande facturée ne peut plus être annulée : un avoir doit être émis\./,
    );
  });

  it('replays an action with the same Idempotency-Key instead of refusing it', async () => {
    const order = await factory.order(BELLERIVE);
    const key = { 'Idempotency-Key': 'ack-1' };
    expect((await act('accountManager', order.id, { type: 'acknowledge' }, key)).status).toBe(200);
    const replay = await act('accountManager', order.id, { type: 'acknowledge' }, key);
    expect(replay.status).toBe(200);
    expect(replay.body.order.steps.filter((s) => s.status === 'acknowledged')).toHaveLength(1);
  });

  it('lists the caller’s orders only, and prints an order as a PDF for its beneficiary only', async () => {
    const mine = await factory.order(BELLERIVE);
    const theirs = await factory.order(LAMENTIN);
    type Page = { items: { id: string; beneficiaryId: string }[] };
    const list = await send<Page>(rig.svc, 'GET', '/api/v1/orders?limit=100', { token: tokens.agent });
    expect(list.body.items.map((o) => o.beneficiaryId)).toEqual(expect.arrayContaining([BELLERIVE]));
    expect(list.body.items.some((o) => o.id === theirs.id)).toBe(false);
    const open = await send<Page>(rig.svc, 'GET', '/api/v1/orders?status=open&limit=100', {
      token: tokens.canut,
    });
    expect(open.body.items.map((o) => o.id)).toEqual(expect.arrayContaining([mine.id, theirs.id]));
    const pdf = await send(rig.svc, 'GET', `${path(mine.id)}/pdf`, { token: tokens.agent });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toBe(`inline; filename="${mine.number}.pdf"`);
    expect(pdf.raw.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const hidden = await send<ErrorBody>(rig.svc, 'GET', `${path(theirs.id, LAMENTIN)}/pdf`, {
      token: tokens.agent,
    });
    expect(hidden.status).toBe(404);
    expect(hidden.body.error.code).toBe('NOT_FOUND');
    expect(hidden.raw.toString('latin1')).not.toContain('%PDF');
  });

  it('lists the staff’s orders under way from their view, page by page, and the history across partitions', async () => {
    const running = await factory.order(BELLERIVE);
    const cancelled = await factory.order(LAMENTIN);
    const cancel = await send(rig.svc, 'POST', `${path(cancelled.id, LAMENTIN)}/actions`, {
      token: tokens.accountManager,
      body: { type: 'cancel', reason: 'Projet abandonné.' },
    });
    expect(cancel.status).toBe(200);
    // An order written behind the views' back: the open list shows the view, the history every partition.
    const { _etag, _ts, ...copy } = (await rig.svc.store.container('business').read(BELLERIVE, running.id))!;
    const hidden = { ...copy, id: `${running.id}-hors-vue` };
    await adapterOf(rig.svc.store).container('business').create(hidden);
    type Page = { items: { id: string; status: string }[]; continuationToken?: string };
    const list = async (url: string) => (await send<Page>(rig.svc, 'GET', url, { token: tokens.canut })).body;

    const first = await list('/api/v1/orders?status=open&limit=1');
    const next = await list(
      `/api/v1/orders?status=open&limit=100&continuationToken=${first.continuationToken}`,
    );
    const open = [...first.items, ...next.items].map((o) => o.id);
    expect(open).toContain(running.id);
    expect(open).not.toContain(cancelled.id);
    expect(open).not.toContain(hidden.id);
    expect(new Set(open).size).toBe(open.length);
    const history = (await list('/api/v1/orders?limit=100')).items.map((o) => o.id);
    expect(history).toEqual(expect.arrayContaining([running.id, cancelled.id, hidden.id]));
  });
});
