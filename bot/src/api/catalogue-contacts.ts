/**
 * `GET /api/v1/catalogue/contacts`: the Titulaire's account managers, whom beneficiaries write to
 * about the offer. Read from the staff registry; only a name and an e-mail address leave the server,
 * never an object id, a tenant or the roles (the response schema strips them).
 */
import { z } from 'zod';
import type { StaffMember } from '../store/staff-repository';
import { SYSTEM_PARTITION, type Doc, type Store } from '../store/port';
import { readScope } from './api-caller';
import { bearerRoute, type ApiRoute } from './api-route';

/** Response of the route. */
export const catalogueContactsResponse = z.object({
  contacts: z.array(
    z.object({
      name: z.string(),
      email: z.string().optional().describe('Absente quand le registre n’en connaît pas'),
    }),
  ),
});

/** At most this many: the registry holds a handful of account managers, not a directory. */
const CONTACTS_LIMIT = 50;

/**
 * The Titulaire's account managers, by name. Only the Titulaire's tenant counts: the registry's
 * system partition also holds the CANUT's staff.
 */
export async function titulaireAccountManagers(
  store: Store,
  titulaireTenantId: string,
): Promise<StaffMember[]> {
  const page = await store.container<Doc & StaffMember>('staff').query({
    pk: SYSTEM_PARTITION,
    filters: [
      { field: 'roles', op: 'arrayContains', value: 'Account.Manager' },
      { field: 'tenantId', op: 'eq', value: titulaireTenantId.toLowerCase() },
    ],
    orderBy: [{ field: 'displayName' }],
    limit: CONTACTS_LIMIT,
  });
  return page.items;
}

/** The contacts route: any signed-in caller with a Guichet role or from a beneficiary. */
export function catalogueContactsRoute(store: Store, titulaireTenantId: string): ApiRoute {
  return bearerRoute(
    {
      method: 'get',
      path: '/api/v1/catalogue/contacts',
      operationId: 'listCatalogueContacts',
      summary: 'Les contacts commerciaux du Titulaire (chargés de compte) : nom et adresse e-mail',
      tag: 'Catalogue',
      response: catalogueContactsResponse,
      errors: [403],
    },
    async (caller) => {
      readScope(caller);
      const managers = await titulaireAccountManagers(store, titulaireTenantId);
      return {
        contacts: managers.map((m) => ({ name: m.displayName, ...(m.email ? { email: m.email } : {}) })),
      };
    },
  );
}
