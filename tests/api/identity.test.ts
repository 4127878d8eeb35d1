/**
 * From token to caller: roles from the `roles` claim, counted only in the tenant they belong to;
 * approvers from the token or the staff registry; every beneficiary tenant accepted, inactive ones
 * included (their users still read their history); `/me` says what the caller may see.
 */
import { DEMO_TENANTS } from '../../bot/src/config/config';
import { startService, type RunningService } from '../support/running-service';
import { BELLERIVE, call, GROUPEMENT_TENANT, TicketFactory, USERS } from './support/api-harness';
import { startTestProvider, type TestProvider } from './support/test-provider';

const BELLERIVE_TENANT = 'b0a1c2d3-0000-4000-8000-000000000001';
const INACTIVE_TENANT = 'b0a1c2d3-0000-4000-8000-000000000013';
const SOMEONE = 'a1b2c3d4-0000-4000-8000-0000000000ff';

type Me = {
  kind: string;
  roles: string[];
  readOnly: boolean;
  allBeneficiaries: boolean;
  beneficiaries: { id: string; name: string; active: boolean; group?: string }[];
};

describe('API identity', () => {
  let provider: TestProvider;
  let svc: RunningService;
  const me = async (claims: Record<string, unknown>) =>
    call<Me>(svc, 'GET', '/api/v1/me', { token: await provider.sign({ name: 'Quelqu’un', ...claims }) });

  beforeAll(async () => {
    provider = await startTestProvider();
    svc = await startService(provider.env());
  });
  afterAll(async () => {
    await svc?.stop();
    await provider?.stop();
  });

  it('gives a beneficiary tenant no staff role, whatever its token claims', async () => {
    const claims = {
      tid: BELLERIVE_TENANT,
      oid: SOMEONE,
      roles: ['Support.Engineer', 'Admin', 'Canut.Staff'],
    };
    const res = await me(claims);
    expect(res.body).toMatchObject({ kind: 'beneficiary', roles: [], allBeneficiaries: false });
    const ticket = await new TicketFactory(svc.store).declare(BELLERIVE);
    const take = await call(svc, 'POST', `/api/v1/tickets/${BELLERIVE}/${ticket.id}/actions`, {
      token: await provider.sign(claims),
      body: { type: 'take' },
    });
    expect(take.status).toBe(403);
  });

  it('keeps only the Titulaire’s roles in its tenant and only Canut.Staff in the CANUT’s', async () => {
    const titulaire = await me({
      tid: DEMO_TENANTS.titulaire,
      oid: SOMEONE,
      roles: ['Account.Manager', 'Canut.Staff', 'Beneficiary.Approver', 'Global.Admin'],
    });
    expect(titulaire.body).toMatchObject({
      kind: 'titulaire',
      roles: ['Account.Manager'],
      allBeneficiaries: true,
    });
    const canut = await me({ tid: DEMO_TENANTS.canut, oid: SOMEONE, roles: ['Canut.Staff', 'Admin'] });
    expect(canut.body).toMatchObject({
      kind: 'canut',
      roles: ['Canut.Staff'],
      readOnly: true,
      allBeneficiaries: true,
    });
    expect(canut.body.beneficiaries.length).toBeGreaterThanOrEqual(14);
  });

  it('lets a staff tenant’s user without a role sign in, but read nothing', async () => {
    const claims = { tid: DEMO_TENANTS.canut, oid: SOMEONE, roles: ['Admin'] };
    expect((await me(claims)).body).toMatchObject({
      roles: [],
      readOnly: true,
      allBeneficiaries: false,
      beneficiaries: [],
    });
    const list = await call(svc, 'GET', '/api/v1/tickets', { token: await provider.sign(claims) });
    expect(list.status).toBe(403);
    expect(list.body).toMatchObject({
      error: { code: 'FORBIDDEN', message: expect.stringMatching(/Aucun rôle/) },
    });
  });

  it('finds an approver in the staff registry when the token carries no role', async () => {
    const res = await me({ tid: BELLERIVE_TENANT, oid: USERS.approver });
    expect(res.body).toMatchObject({ kind: 'beneficiary', roles: ['Beneficiary.Approver'] });
    expect(
      (await me({ tid: BELLERIVE_TENANT, oid: SOMEONE, roles: ['Beneficiary.Approver'] })).body.roles,
    ).toEqual(['Beneficiary.Approver']);
  });

  it('shows a groupement’s user every beneficiary of its tenant', async () => {
    const res = await me({ tid: GROUPEMENT_TENANT, oid: SOMEONE });
    expect(res.body.beneficiaries.map((b) => b.name).sort()).toEqual([
      'Commune de Haute-Brèche',
      "Commune de Val-d'Argent",
    ]);
    expect(res.body.beneficiaries[0]!.group).toBe('Groupement numérique des Vallées');
  });

  it('accepts the tenant of an inactive convention and says it is inactive', async () => {
    const res = await me({ tid: INACTIVE_TENANT, oid: SOMEONE });
    expect(res.status).toBe(200);
    expect(res.body.beneficiaries).toEqual([expect.objectContaining({ active: false })]);
  });

  it('compares tenant and object ids without regard to case', async () => {
    const res = await me({ tid: BELLERIVE_TENANT.toUpperCase(), oid: USERS.approver.toUpperCase() });
    expect(res.body).toMatchObject({ kind: 'beneficiary', roles: ['Beneficiary.Approver'] });
  });
});
