/**
 * `GET /api/v1/catalogue/contacts`: the Titulaire's account managers from the staff registry, by
 * name, with their e-mail and nothing else; any signed-in caller may read them, nobody else.
 */
import { DEMO_TENANTS } from '../../bot/src/config/config';
import { StaffRepository } from '../../bot/src/store/staff-repository';
import { call, signIn, useApiService, USERS } from './support/api-harness';

type Contacts = { contacts: Record<string, unknown>[] };

describe('GET /api/v1/catalogue/contacts', () => {
  const rig = useApiService();

  beforeAll(async () => {
    const staff = new StaffRepository(rig.svc.store);
    // A second account manager, without e-mail, sorts before the demo one.
    await staff.save({
      tenantId: DEMO_TENANTS.titulaire,
      objectId: 'c0ffee00-0000-4000-8000-000000000001',
      displayName: 'Agathe Roux',
      roles: ['Account.Manager', 'Support.Engineer'],
    });
    // The role in another tenant (the CANUT's) makes nobody a Titulaire contact.
    await staff.save({
      tenantId: DEMO_TENANTS.canut,
      objectId: 'c0ffee00-0000-4000-8000-000000000002',
      displayName: 'Intrus de la CANUT',
      email: 'intrus@canut.example',
      roles: ['Account.Manager'],
    });
  });

  it.each([
    ['agent', USERS.agent],
    ['approver', USERS.approver],
    ['CANUT staff', USERS.canut],
    ['support engineer', USERS.engineer],
  ])('answers a %s the account managers, by name, with name and e-mail only', async (_, user) => {
    const token = await signIn(rig.svc, user);
    const res = await call<Contacts>(rig.svc, 'GET', '/api/v1/catalogue/contacts', { token });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      contacts: [
        { name: 'Agathe Roux' },
        { name: 'Julien Bernard', email: 'julien.bernard@titulaire.example' },
      ],
    });
  });

  it('refuses a caller without a token', async () => {
    const res = await call(rig.svc, 'GET', '/api/v1/catalogue/contacts');
    expect(res.status).toBe(401);
  });
});
