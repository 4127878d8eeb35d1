/**
 * /api/v1/beneficiaries/{siret}/approvers over real HTTP: the approvers designated in Guichet's
 * registry, designated and removed by the Titulaire's admins and the beneficiary's own approvers,
 * each change audited in the beneficiary's partition; the person designated is an approver at once
 * (the API and the bot read the same registry); another beneficiary's SIRET is a 404.
 */
import { DEMO_BENEFICIARY_TENANT } from '../../bot/src/cli/demo-data';
import type { Doc } from '../../bot/src/store/port';
import {
  BELLERIVE,
  isBareError,
  LAMENTIN,
  call,
  signIn,
  useDemoTokens,
  useApiService,
  USERS,
  type DemoRole,
} from './support/api-harness';

interface Approver {
  tenantId: string;
  objectId: string;
  name: string;
  email?: string;
}
interface ErrorBody {
  error: { code: string; message: string; issues?: { path?: string; message: string }[] };
}
interface ChangeEvent {
  id: string;
  action: string;
  actor: { objectId?: string; role: string; channel: string };
  approver?: { tenantId: string; objectId: string };
  changes: { field: string; before: unknown; after: unknown }[];
}

/** Two Bellerive agents of the demo data who are not approvers yet. */
const THOMAS = 'a1b2c3d4-0000-4000-8000-000000000007';
const INES = 'a1b2c3d4-0000-4000-8000-000000000008';

describe('/api/v1/beneficiaries/{siret}/approvers', () => {
  const rig = useApiService();
  const tokens = useDemoTokens(rig);

  const send = <T = unknown>(
    role: DemoRole,
    method: 'GET' | 'PUT' | 'DELETE',
    path: string,
    body?: unknown,
  ) => call<T>(rig.svc, method, `/api/v1/beneficiaries${path}`, { token: tokens[role], body });
  const approvers = async (siret = BELLERIVE) =>
    (await send<{ items: Approver[] }>('admin', 'GET', `/${siret}/approvers`)).body.items.map(
      (a) => a.objectId,
    );
  const events = async (siret = BELLERIVE) => {
    const page = await rig.svc.store.container<Doc>('business').query({
      pk: siret,
      filters: [{ field: 'type', op: 'eq', value: 'beneficiary-event' }],
      limit: 1000,
    });
    return (page.items as unknown as ChangeEvent[]).sort((a, b) => a.id.localeCompare(b.id));
  };
  const thomas = { name: 'Thomas Girard', email: 'thomas.girard@bellerive.example' };

  it.each([
    ['agent', BELLERIVE, 200],
    ['approver', BELLERIVE, 200],
    ['canut', BELLERIVE, 200],
    ['engineer', LAMENTIN, 200],
    ['otherAgent', BELLERIVE, 404],
    ['agent', LAMENTIN, 404],
  ] as [DemoRole, string, number][])('%s lists the approvers of %s → %i', async (role, siret, status) => {
    const res = await send<{ items: Approver[] }>(role, 'GET', `/${siret}/approvers`);
    expect(res.status).toBe(status);
    if (status === 404) expect(isBareError(res.body, 'NOT_FOUND')).toBe(true);
    if (siret === BELLERIVE && status === 200)
      expect(res.body.items).toEqual([
        {
          tenantId: DEMO_BENEFICIARY_TENANT,
          objectId: USERS.approver,
          name: 'Marc Petit',
          email: 'marc.petit@bellerive.example',
        },
      ]);
  });

  it.each([
    ['agent', BELLERIVE, 403],
    ['engineer', BELLERIVE, 403],
    ['accountManager', BELLERIVE, 403],
    ['canut', BELLERIVE, 403],
    ['otherAgent', BELLERIVE, 404],
    ['approver', LAMENTIN, 404],
  ] as [DemoRole, string, number][])(
    '%s cannot designate for %s (%i), and nothing is written',
    async (role, siret, status) => {
      const res = await send(role, 'PUT', `/${siret}/approvers/${THOMAS}`, thomas);
      expect(res.status).toBe(status);
      expect(isBareError(res.body, status === 404 ? 'NOT_FOUND' : 'FORBIDDEN')).toBe(true);
      expect(await approvers(BELLERIVE)).toEqual([USERS.approver]);
      expect(await events(siret)).toEqual([]);
    },
  );

  it('lets an approver designate a colleague, audited, who may then designate in turn', async () => {
    const res = await send<Approver>(
      'approver',
      'PUT',
      `/${BELLERIVE}/approvers/${THOMAS.toUpperCase()}`,
      thomas,
    );
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ tenantId: DEMO_BENEFICIARY_TENANT, objectId: THOMAS, ...thomas });
    expect((await approvers()).sort()).toEqual([USERS.approver, THOMAS].sort());
    expect(await events()).toEqual([
      expect.objectContaining({
        action: 'designate-approver',
        actor: expect.objectContaining({
          objectId: USERS.approver,
          role: 'Beneficiary.Approver',
          channel: 'api',
        }),
        approver: { tenantId: DEMO_BENEFICIARY_TENANT, objectId: THOMAS },
        changes: [
          { field: 'tenantId', before: null, after: DEMO_BENEFICIARY_TENANT },
          { field: 'displayName', before: null, after: 'Thomas Girard' },
          { field: 'email', before: null, after: thomas.email },
        ],
      }),
    ]);
    // Thomas is an approver from now on, with the token he already had.
    const thomasToken = await signIn(rig.svc, THOMAS);
    const me = await call(rig.svc, 'PUT', `/api/v1/beneficiaries/${BELLERIVE}/approvers/${INES}`, {
      token: thomasToken,
      body: { name: 'Inès Moreau', email: 'ines.moreau@bellerive.example' },
    });
    expect(me.status).toBe(200);
    expect(await approvers()).toContain(INES);
  });

  it('writes nothing for a designation repeated as it is, and records a correction', async () => {
    const count = (await events()).length;
    expect((await send('admin', 'PUT', `/${BELLERIVE}/approvers/${THOMAS}`, thomas)).status).toBe(200);
    expect((await events()).length).toBe(count);
    const fixed = { ...thomas, email: 't.girard@bellerive.example' };
    expect((await send('admin', 'PUT', `/${BELLERIVE}/approvers/${THOMAS}`, fixed)).status).toBe(200);
    const last = (await events()).at(-1)!;
    expect(last).toMatchObject({ action: 'designate-approver', actor: { role: 'Admin' } });
    expect(last.changes).toEqual([{ field: 'email', before: thomas.email, after: fixed.email }]);
  });

  it('refuses a bad body or a tenant that is not the beneficiary’s, in French, writing nothing', async () => {
    const count = (await events()).length;
    const before = await approvers();
    const badMail = await send<ErrorBody>('admin', 'PUT', `/${BELLERIVE}/approvers/${USERS.agent}`, {
      name: 'Léa Dubois',
      email: 'pas-une-adresse',
    });
    expect(badMail.status).toBe(400);
    expect(badMail.body.error.issues).toEqual([expect.objectContaining({ path: 'email' })]);
    const foreign = await send<ErrorBody>('admin', 'PUT', `/${BELLERIVE}/approvers/${USERS.agent}`, {
      name: 'Léa Dubois',
      email: 'lea.dubois@bellerive.example',
      tenantId: 'b0a1c2d3-0000-4000-8000-000000000005',
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.issues![0]!.message).toMatch(/n'est pas un locataire de ce bénéficiaire/);
    const badId = await send<ErrorBody>('admin', 'PUT', `/${BELLERIVE}/approvers/lea`, {
      name: 'Léa',
      email: 'l@x.fr',
    });
    expect(badId.status).toBe(400);
    expect(await approvers()).toEqual(before);
    expect((await events()).length).toBe(count);
  });

  it('lets an admin or an approver remove an approver, audited; a second removal is a 404', async () => {
    expect((await send('agent', 'DELETE', `/${BELLERIVE}/approvers/${INES}`)).status).toBe(403);
    expect((await send('otherAgent', 'DELETE', `/${BELLERIVE}/approvers/${INES}`)).status).toBe(404);
    const res = await send('approver', 'DELETE', `/${BELLERIVE}/approvers/${INES}`);
    expect([res.status, res.body]).toEqual([200, { removed: true }]);
    expect(await approvers()).not.toContain(INES);
    expect((await events()).at(-1)).toMatchObject({
      action: 'remove-approver',
      approver: { objectId: INES },
      changes: expect.arrayContaining([{ field: 'displayName', before: 'Inès Moreau', after: null }]),
    });
    const again = await send('admin', 'DELETE', `/${BELLERIVE}/approvers/${INES}`);
    expect([again.status, isBareError(again.body, 'NOT_FOUND')]).toEqual([404, true]);
    expect((await send('admin', 'DELETE', `/${BELLERIVE}/approvers/${THOMAS}`)).status).toBe(200);
    expect(await approvers()).toEqual([USERS.approver]);
  });

  it('anonymising a former approver on request rewrites the audit of their designation, history kept', async () => {
    const name = 'Inès Moreau';
    const before = await events();
    expect(JSON.stringify(before)).toContain(name);
    const res = await call(rig.svc, 'POST', `/api/v1/beneficiaries/${BELLERIVE}/contacts/anonymise`, {
      token: tokens.admin,
      headers: { 'idempotency-key': 'anonymise-ines-moreau' },
      body: { name, email: 'ines.moreau@bellerive.example', objectId: INES },
    });
    expect(res.status).toBe(200);
    const after = await events();
    expect(after.map((e) => [e.id, e.action])).toEqual(before.map((e) => [e.id, e.action]));
    expect(JSON.stringify(after)).not.toContain(name);
    expect(JSON.stringify(after)).not.toContain(INES);
    expect(JSON.stringify(after)).not.toContain('ines.moreau@bellerive.example');
  });
});
