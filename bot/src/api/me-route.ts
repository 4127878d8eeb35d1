/**
 * `GET /api/v1/me`: who the caller is for Guichet — kind, roles, the beneficiaries it may see — so
 * the tab shows the pages and actions that fit, without decoding the token itself.
 */
import { z } from 'zod';
import { ForbiddenError } from '../domain/errors';
import type { Beneficiary } from '../domain/beneficiaries/beneficiary';
import type { BeneficiaryRepository } from '../store/beneficiary-repository';
import { API_ROLES, readScope, type ApiCaller, type ReadScope } from './api-caller';
import { bearerRoute, type ApiRoute } from './api-route';

const visibleBeneficiary = z.object({
  id: z.string().describe('SIRET'),
  name: z.string(),
  active: z.boolean(),
  group: z.string().optional(),
});

/** Response of `GET /api/v1/me`. */
export const meResponse = z.object({
  name: z.string(),
  username: z.string().optional(),
  tenantId: z.string(),
  objectId: z.string(),
  kind: z.enum(['titulaire', 'canut', 'beneficiary']),
  roles: z.array(z.enum(API_ROLES)),
  readOnly: z.boolean().describe('Vrai pour le CANUT, et pour qui n’a aucun rôle'),
  allBeneficiaries: z.boolean().describe('Vrai quand l’appelant voit tous les bénéficiaires'),
  beneficiaries: z.array(visibleBeneficiary),
});

/** The /api/v1/me route. */
export function meRoute(beneficiaries: BeneficiaryRepository): ApiRoute {
  return bearerRoute(
    {
      method: 'get',
      path: '/api/v1/me',
      operationId: 'getMe',
      summary: "L'appelant : nom, organisation, rôles, bénéficiaires visibles",
      tag: 'Identité',
      response: meResponse,
      errors: [],
    },
    async (caller) => {
      const scope = scopeOrNone(caller);
      const { requester, actor } = caller;
      const visible: Beneficiary[] =
        requester.kind === 'beneficiary'
          ? requester.beneficiaries
          : scope?.kind === 'all'
            ? await allOf(beneficiaries)
            : [];
      return {
        name: caller.name,
        username: caller.username,
        tenantId: requester.tenantId,
        objectId: actor.objectId,
        kind: requester.kind,
        roles: [...requester.roles],
        readOnly: scope === undefined || (scope.kind === 'all' && scope.readOnly),
        allBeneficiaries: scope?.kind === 'all',
        beneficiaries: visible.map((b) => ({ id: b.siret, name: b.name, active: b.active, group: b.group })),
      };
    },
  );
}

function scopeOrNone(caller: ApiCaller): ReadScope | undefined {
  try {
    return readScope(caller);
  } catch (err) {
    if (err instanceof ForbiddenError) return undefined;
    throw err;
  }
}

async function allOf(repo: BeneficiaryRepository): Promise<Beneficiary[]> {
  const out: Beneficiary[] = [];
  for await (const b of repo.all()) out.push(b);
  return out;
}
