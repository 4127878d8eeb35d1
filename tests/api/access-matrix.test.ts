/**
 * Role × endpoint × own/other beneficiary, with real tokens from the local provider for each demo
 * role. "Own" is the caller's beneficiary (Bellerive for the staff, who see every beneficiary);
 * "other" is one it does not belong to. Another beneficiary's data is 404, never 403: a refusal
 * would confirm that it exists.
 */
import {
  BELLERIVE,
  call,
  LAMENTIN,
  signIn,
  useApiService,
  USERS,
  type DemoRole,
} from './support/api-harness';

type Endpoint = 'me' | 'list' | 'read' | 'take' | 'addInfo';
type Target = 'own' | 'other';

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

/** Expected statuses: me, list own, list other, read own, read other, take own/other, addInfo own/other. */
const EXPECTED: Record<DemoRole, [number, number, number, number, number, number, number, number, number]> = {
  engineer: [200, 200, 200, 200, 200, 200, 200, 403, 403],
  admin: [200, 200, 200, 200, 200, 200, 200, 403, 403],
  accountManager: [200, 200, 200, 200, 200, 403, 403, 403, 403],
  canut: [200, 200, 200, 200, 200, 403, 403, 403, 403],
  agent: [200, 200, 404, 200, 404, 403, 404, 200, 404],
  approver: [200, 200, 404, 200, 404, 403, 404, 200, 404],
  otherAgent: [200, 200, 404, 200, 404, 403, 404, 200, 404],
};

const CASES: [Endpoint, Target][] = [
  ['me', 'own'],
  ['list', 'own'],
  ['list', 'other'],
  ['read', 'own'],
  ['read', 'other'],
  ['take', 'own'],
  ['take', 'other'],
  ['addInfo', 'own'],
  ['addInfo', 'other'],
];

const MATRIX = (Object.keys(EXPECTED) as DemoRole[]).flatMap((role) =>
  CASES.map(([endpoint, target], i) => ({ role, endpoint, target, status: EXPECTED[role][i]! })),
);

describe('access matrix', () => {
  const rig = useApiService();
  const tokens = {} as Record<DemoRole, string>;

  beforeAll(async () => {
    for (const role of Object.keys(USERS) as DemoRole[]) tokens[role] = await signIn(rig.svc, USERS[role]);
  });

  it.each(MATRIX)('$role $endpoint $target → $status', async ({ role, endpoint, target, status }) => {
    const siret = target === 'own' ? OWN[role] : otherOf(OWN[role]);
    // A fresh ticket per case: actions change its state.
    const ticket = await rig.tickets.declare(siret);
    const token = tokens[role];
    const ticketPath = `/api/v1/tickets/${siret}/${ticket.id}`;
    const res = await {
      me: () => call(rig.svc, 'GET', '/api/v1/me', { token }),
      list: () => call(rig.svc, 'GET', `/api/v1/tickets?beneficiary=${siret}`, { token }),
      read: () => call(rig.svc, 'GET', ticketPath, { token }),
      take: () => call(rig.svc, 'POST', `${ticketPath}/actions`, { token, body: { type: 'take' } }),
      addInfo: () =>
        call(rig.svc, 'POST', `${ticketPath}/actions`, {
          token,
          body: { type: 'addInfo', message: 'Le problème touche aussi la mairie annexe.' },
        }),
    }[endpoint]();
    expect(res.status).toBe(status);
    if (status === 404) {
      expect(res.body).toEqual({
        error: { code: 'NOT_FOUND', message: expect.any(String), requestId: expect.any(String) },
      });
      expect(JSON.stringify(res.body)).not.toContain(ticket.title);
    }
    if (status === 200 && (endpoint === 'read' || endpoint === 'take' || endpoint === 'addInfo'))
      expect(res.body).toMatchObject({ ticket: { id: ticket.id, beneficiaryId: siret } });
  });

  it('says the same thing for another beneficiary’s ticket as for a ticket that does not exist', async () => {
    const ticket = await rig.tickets.declare(LAMENTIN);
    const hidden = await call(rig.svc, 'GET', `/api/v1/tickets/${LAMENTIN}/${ticket.id}`, {
      token: tokens.agent,
    });
    const missing = await call(rig.svc, 'GET', `/api/v1/tickets/${BELLERIVE}/tkt-absent`, {
      token: tokens.agent,
    });
    const strip = (b: unknown) => ({ ...(b as { error: object }).error, requestId: undefined });
    expect(hidden.status).toBe(404);
    expect(strip(hidden.body)).toEqual(strip(missing.body));
  });
});
