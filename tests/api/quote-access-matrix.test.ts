/**
 * Role × endpoint × own/other beneficiary for the quote, order and catalogue routes, with real
 * tokens from the local provider. "Own" is Bellerive (Lamentin for the other agent); staff see
 * every beneficiary, so "other" only changes something for beneficiaries' users, who get 404 —
 * never 403, which would confirm that the document exists.
 */
import type { Quote } from '../../bot/src/domain/quotes/quote';
import { signIn, useApiService, USERS, type DemoRole } from './support/api-harness';
import { BELLERIVE, LAMENTIN, QUIET, QuoteFactory, send, type QuoteState } from './quote-harness';

type Endpoint =
  | 'list'
  | 'read'
  | 'create'
  | 'draft'
  | 'send'
  | 'accept'
  | 'decline'
  | 'pdf'
  | 'orders'
  | 'order'
  | 'orderAct'
  | 'orderPdf'
  | 'catalogue';

const OWN: Record<DemoRole, string> = {
  engineer: BELLERIVE,
  admin: BELLERIVE,
  accountManager: BELLERIVE,
  canut: BELLERIVE,
  agent: BELLERIVE,
  approver: BELLERIVE,
  otherAgent: LAMENTIN,
};
const otherOf = (siret: string) => (siret === BELLERIVE ? LAMENTIN : BELLERIVE);

const STAFF_READ = [200, 200];
const USER_READ = [200, 404];
/** [own, other] per endpoint: the readers first, then the writers. */
const EXPECTED: Record<DemoRole, Record<Endpoint, number[]>> = {
  engineer: staff({ create: 403, draft: 403, send: 403, accept: 403, decline: 403, orderAct: 403 }),
  admin: staff({ create: 200, draft: 200, send: 200, accept: 403, decline: 403, orderAct: 200 }),
  accountManager: staff({ create: 200, draft: 200, send: 200, accept: 403, decline: 403, orderAct: 200 }),
  canut: staff({ create: 403, draft: 403, send: 403, accept: 403, decline: 403, orderAct: 403 }),
  agent: user({ create: 200, draft: 403, send: 403, accept: 403, decline: 403, orderAct: 403 }),
  approver: user({ create: 200, draft: 403, send: 403, accept: 200, decline: 200, orderAct: 403 }),
  otherAgent: user({ create: 200, draft: 403, send: 403, accept: 403, decline: 403, orderAct: 403 }),
};

type Writes = Record<'create' | 'draft' | 'send' | 'accept' | 'decline' | 'orderAct', number>;

function staff(writes: Writes): Record<Endpoint, number[]> {
  const w = (s: number) => [s, s];
  return {
    ...reads(STAFF_READ),
    create: w(writes.create),
    draft: w(writes.draft),
    send: w(writes.send),
    accept: w(writes.accept),
    decline: w(writes.decline),
    orderAct: w(writes.orderAct),
  };
}

function user(writes: Writes): Record<Endpoint, number[]> {
  const w = (s: number) => [s, 404];
  return {
    ...reads(USER_READ),
    create: w(writes.create),
    draft: w(writes.draft),
    send: w(writes.send),
    accept: w(writes.accept),
    decline: w(writes.decline),
    orderAct: w(writes.orderAct),
  };
}

function reads(statuses: number[]) {
  return {
    list: statuses,
    read: statuses,
    pdf: statuses,
    orders: statuses,
    order: statuses,
    orderPdf: statuses,
    catalogue: [200, 200],
  };
}

/** The state the quote of each endpoint starts from. */
const STATE: Partial<Record<Endpoint, QuoteState>> = {
  read: 'requested',
  draft: 'requested',
  send: 'prepared',
  accept: 'sent',
  decline: 'sent',
  pdf: 'sent',
};

const MATRIX = (Object.keys(EXPECTED) as DemoRole[]).flatMap((role) =>
  (Object.keys(EXPECTED[role]) as Endpoint[]).flatMap((endpoint) =>
    (['own', 'other'] as const)
      .filter((target) => endpoint !== 'catalogue' || target === 'own')
      .map((target) => ({
        role,
        endpoint,
        target,
        status: EXPECTED[role][endpoint][target === 'own' ? 0 : 1]!,
      })),
  ),
);

function requestBody(role: DemoRole, siret: string) {
  const form = {
    beneficiaryId: siret,
    subject: 'Audit Intune',
    need: 'Auditer la flotte de postes gérés.',
    domain: 'modern-workplace',
  };
  const staffRole = ['engineer', 'admin', 'accountManager', 'canut'].includes(role);
  const receivedAt = new Date(Date.now() - 3_600_000).toISOString();
  return staffRole ? { ...form, receivedAt, contactName: 'Claire Fontaine' } : form;
}

describe('quote, order and catalogue access matrix', () => {
  const rig = useApiService(QUIET);
  const tokens = {} as Record<DemoRole, string>;
  let factory: QuoteFactory;

  beforeAll(async () => {
    for (const role of Object.keys(USERS) as DemoRole[]) tokens[role] = await signIn(rig.svc, USERS[role]);
    factory = new QuoteFactory(rig.svc.store);
  });

  it.each(MATRIX)('$role $endpoint $target → $status', async ({ role, endpoint, target, status }) => {
    const siret = target === 'own' ? OWN[role] : otherOf(OWN[role]);
    const token = tokens[role];
    const state = STATE[endpoint];
    const quote: Quote | undefined = state ? await factory.quote(siret, state) : undefined;
    const q = quote ? `/api/v1/quotes/${siret}/${quote.id}` : '';
    const order = ['order', 'orderAct', 'orderPdf'].includes(endpoint)
      ? await factory.order(siret)
      : undefined;
    const o = order ? `/api/v1/orders/${siret}/${order.id}` : '';
    const res = await {
      list: () => send(rig.svc, 'GET', `/api/v1/quotes?beneficiary=${siret}`, { token }),
      read: () => send(rig.svc, 'GET', q, { token }),
      create: () => send(rig.svc, 'POST', '/api/v1/quotes', { token, body: requestBody(role, siret) }),
      draft: () => send(rig.svc, 'PUT', `${q}/draft`, { token, body: draftBody() }),
      send: () => send(rig.svc, 'POST', `${q}/send`, { token, body: { version: 1 } }),
      accept: () => send(rig.svc, 'POST', `${q}/accept`, { token, body: { version: 1 } }),
      decline: () => send(rig.svc, 'POST', `${q}/decline`, { token, body: { version: 1, reason: 'Budget' } }),
      pdf: () => send(rig.svc, 'GET', `${q}/pdf`, { token }),
      orders: () => send(rig.svc, 'GET', `/api/v1/orders?beneficiary=${siret}`, { token }),
      order: () => send(rig.svc, 'GET', o, { token }),
      orderAct: () => send(rig.svc, 'POST', `${o}/actions`, { token, body: { type: 'acknowledge' } }),
      orderPdf: () => send(rig.svc, 'GET', `${o}/pdf`, { token }),
      catalogue: () => send(rig.svc, 'GET', '/api/v1/catalogue/price-schedule', { token }),
    }[endpoint]();
    // The error travels with the status, so that a failure says why.
    expect({ status: res.status, error: (res.body as { error?: unknown } | undefined)?.error }).toMatchObject(
      {
        status,
      },
    );
    if (status === 404) {
      expect(res.body).toEqual({
        error: { code: 'NOT_FOUND', message: expect.any(String), requestId: expect.any(String) },
      });
      if (quote) expect(JSON.stringify(res.body)).not.toContain(quote.request.subject);
    }
    if (status === 403)
      expect(res.body).toMatchObject({
        error: { code: 'FORBIDDEN', message: expect.stringMatching(/Seul|lecture seule/) },
      });
    if (status === 200 && (endpoint === 'pdf' || endpoint === 'orderPdf'))
      expect(res.raw.subarray(0, 5).toString()).toBe('%PDF-');
  });
});

function draftBody() {
  const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
  return {
    phases: [
      {
        label: 'Audit de la flotte',
        start: day(3),
        end: day(20),
        charges: [{ line: 'CA-CONF', quantity: 3 }],
      },
    ],
    profiles: [{ code: 'P1', level: 'CONFIRMÉ', certifications: ['MD-102'] }],
  };
}
