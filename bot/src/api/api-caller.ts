/**
 * Who calls the API, in the domain's own terms (DESIGN.md, "Roles"): the requester the bot would
 * resolve for the same person, with the roles the token carries. Staff roles count only in the
 * tenant they belong to, so a beneficiary tenant that assigns itself "Support.Engineer" gains nothing.
 */
import { ForbiddenError } from '../domain/errors';
import type { Requester, RequesterLookups, Role } from '../domain/identity/requester';
import { resolveRequester } from '../domain/identity/requester';
import { actorFromRequester, type TicketActor } from '../domain/tickets/ticket-actor';
import type { VerifiedIdentity } from './token-verifier';

/** The Entra app roles the API knows. */
export const API_ROLES = [
  'Support.Engineer',
  'Account.Manager',
  'Canut.Staff',
  'Beneficiary.Approver',
  'Admin',
] as const satisfies readonly Role[];

const TITULAIRE_ROLES: readonly Role[] = ['Support.Engineer', 'Account.Manager', 'Admin'];
const CANUT_ROLES: readonly Role[] = ['Canut.Staff'];
const BENEFICIARY_ROLES: readonly Role[] = ['Beneficiary.Approver'];

/** A requester whose tenant Guichet serves. */
export type KnownRequester = Exclude<Requester, { kind: 'unknown' }>;

/** An authenticated caller of the API. */
export interface ApiCaller {
  readonly requester: KnownRequester;
  /** The same person as a ticket actor, acting from the tab. */
  readonly actor: TicketActor;
  readonly name: string;
  readonly username?: string;
}

/** Which tickets a caller may read: every partition, or only its own beneficiaries'. */
export type ReadScope =
  | { readonly kind: 'all'; readonly readOnly: boolean }
  | { readonly kind: 'own'; readonly beneficiaryIds: readonly string[] };

/** The caller behind a verified identity; `undefined` when its tenant is not one Guichet serves. */
export async function resolveCaller(
  identity: VerifiedIdentity,
  lookups: RequesterLookups,
): Promise<ApiCaller | undefined> {
  const tokenRoles = identity.roles.filter((r): r is Role => (API_ROLES as readonly string[]).includes(r));
  const titulaire = lookups.titulaireTenantId.toLowerCase();
  const canut = lookups.canutTenantId.toLowerCase();
  const requester = await resolveRequester(
    {
      ...lookups,
      rolesOf: async (tenantId, objectId) => {
        if (tenantId === titulaire) return only(tokenRoles, TITULAIRE_ROLES);
        if (tenantId === canut) return only(tokenRoles, CANUT_ROLES);
        // Approvers are designated in Guichet (the registry) or carried by the token.
        const registered = await lookups.rolesOf(tenantId, objectId);
        return only([...tokenRoles, ...registered], BENEFICIARY_ROLES);
      },
    },
    identity.tenantId,
    identity.objectId,
  );
  if (requester.kind === 'unknown') return undefined;
  const actor = actorFromRequester(requester, identity.name, 'tab');
  if (!actor) return undefined;
  return { requester, actor, name: identity.name, username: identity.username };
}

/** The caller's read scope; `ForbiddenError` for a staff tenant's user without a Guichet role. */
export function readScope(caller: ApiCaller): ReadScope {
  const { requester } = caller;
  if (requester.kind === 'beneficiary')
    return { kind: 'own', beneficiaryIds: requester.beneficiaries.map((b) => b.siret) };
  if (requester.roles.length === 0)
    throw new ForbiddenError(
      "Aucun rôle Guichet ne vous est attribué : demandez-le à l'administrateur de votre organisation.",
    );
  return { kind: 'all', readOnly: requester.kind === 'canut' };
}

/** True when the scope lets the caller see this beneficiary's documents. */
export function canRead(scope: ReadScope, beneficiaryId: string): boolean {
  return scope.kind === 'all' || scope.beneficiaryIds.includes(beneficiaryId);
}

function only(roles: readonly Role[], allowed: readonly Role[]): Role[] {
  return [...new Set(roles.filter((r) => allowed.includes(r)))];
}
