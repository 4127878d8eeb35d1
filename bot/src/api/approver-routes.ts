/**
 * A beneficiary's approvers over the API (DESIGN.md, "Roles": approvers are designated per
 * beneficiary inside Guichet, by an admin or an existing approver, keyed by tenant id + Entra object
 * id). They are the entries of the staff registry in the beneficiary's partition, the same ones the
 * bot and the API read to know who approves a quote.
 *
 * - Reading: whoever may see the beneficiary (its users, Titulaire and CANUT staff); another
 *   beneficiary's SIRET is a 404.
 * - Designating and removing: the Titulaire's admins and the beneficiary's own approvers (an
 *   approver role carried only by the token counts for every beneficiary of its tenant, as for
 *   quotes). Anyone else of the beneficiary gets a 403, anyone of another beneficiary a 404.
 * - Every designation, change and removal leaves an audit event in the beneficiary's partition; a
 *   designation repeated as it is writes nothing.
 */
import { ForbiddenError, NotFoundError, ValidationError } from '../domain/errors';
import type { Role } from '../domain/identity/requester';
import { BeneficiaryRepository } from '../store/beneficiary-repository';
import type { Store } from '../store/port';
import { StaffRepository } from '../store/staff-repository';
import { canRead, readScope, type ApiCaller } from './api-caller';
import { bearerRoute, type ApiRoute } from './api-route';
import { auditActorOf } from './beneficiary-audit';
import { designateApprover, removeApprover } from '../services/approver-service';
import {
  approverBody,
  approverList,
  approverPath,
  approverRemoval,
  approverView,
  approverViewOf,
  beneficiaryPath,
} from './beneficiary-schemas';

const APPROVER: Role = 'Beneficiary.Approver';

interface Registries {
  readonly store: Store;
  readonly beneficiaries: BeneficiaryRepository;
  readonly staff: StaffRepository;
  readonly now: () => Date;
}

/** GET, PUT and DELETE of /api/v1/beneficiaries/{siret}/approvers. */
export function approverRoutes(store: Store, now: () => Date): ApiRoute[] {
  const r: Registries = {
    store,
    beneficiaries: new BeneficiaryRepository(store),
    staff: new StaffRepository(store),
    now,
  };
  return [listRoute(r), designateRoute(r), removeRoute(r)];
}

function listRoute({ beneficiaries, staff }: Registries): ApiRoute {
  return bearerRoute(
    {
      method: 'get',
      path: '/api/v1/beneficiaries/:siret/approvers',
      operationId: 'listApprovers',
      summary: 'Les valideurs désignés d’un bénéficiaire',
      tag: 'Bénéficiaires',
      params: beneficiaryPath,
      response: approverList,
      errors: [400, 403, 404],
    },
    async (caller, { params }) => {
      const visible = canRead(readScope(caller), params.siret);
      if (!visible || !(await beneficiaries.get(params.siret)))
        throw new NotFoundError(`Le bénéficiaire de SIRET ${params.siret}`);
      return { items: (await staff.approvers(params.siret)).map(approverViewOf) };
    },
  );
}

function designateRoute(r: Registries): ApiRoute {
  return bearerRoute(
    {
      method: 'put',
      path: '/api/v1/beneficiaries/:siret/approvers/:objectId',
      operationId: 'putApprover',
      summary:
        'Désigner un valideur du bénéficiaire ou corriger son nom (administrateurs, valideurs), journalisé',
      tag: 'Bénéficiaires',
      params: approverPath,
      body: approverBody,
      response: approverView,
      errors: [400, 403, 404],
    },
    async (caller, { params, body }) => {
      const role = await checkManager(r.staff, caller, params.siret);
      const beneficiary = await r.beneficiaries.get(params.siret);
      if (!beneficiary) throw new NotFoundError(`Le bénéficiaire de SIRET ${params.siret}`);
      const tenantId = body.tenantId ?? defaultTenant(caller, beneficiary.tenantIds);
      if (!beneficiary.tenantIds.includes(tenantId)) {
        const message = `tenantId : ${tenantId} n'est pas un locataire de ce bénéficiaire`;
        throw new ValidationError('Requête invalide (corps) : tenantId.', [{ path: 'tenantId', message }]);
      }
      const next = await designateApprover(r.store, {
        siret: params.siret,
        tenantId,
        objectId: params.objectId,
        name: body.name,
        email: body.email,
        actor: auditActorOf(caller, role),
        now: r.now(),
      });
      return approverViewOf(next);
    },
  );
}

function removeRoute(r: Registries): ApiRoute {
  return bearerRoute(
    {
      method: 'delete',
      path: '/api/v1/beneficiaries/:siret/approvers/:objectId',
      operationId: 'deleteApprover',
      summary: 'Retirer un valideur du bénéficiaire (administrateurs, valideurs), journalisé',
      tag: 'Bénéficiaires',
      params: approverPath,
      response: approverRemoval,
      errors: [400, 403, 404],
    },
    async (caller, { params }) => {
      const role = await checkManager(r.staff, caller, params.siret);
      await removeApprover(r.store, params.siret, params.objectId, {
        actor: auditActorOf(caller, role),
        now: r.now(),
      });
      return { removed: true };
    },
  );
}

/**
 * The role under which the caller manages this beneficiary's approvers: an admin of the Titulaire
 * or one of its approvers; 404 when the SIRET is not the caller's, 403 for anyone else.
 */
async function checkManager(staff: StaffRepository, caller: ApiCaller, siret: string): Promise<Role> {
  const { requester } = caller;
  if (requester.kind === 'titulaire' && requester.roles.includes('Admin')) return 'Admin';
  if (requester.kind === 'beneficiary') {
    if (!requester.beneficiaries.some((b) => b.siret === siret))
      throw new NotFoundError(`Le bénéficiaire de SIRET ${siret}`);
    if (requester.roles.includes(APPROVER)) {
      // Designated in the registry: for those SIRETs only; by the token alone: tenant-wide.
      const designated = await staff.approvedBy(caller.actor.tenantId, caller.actor.objectId);
      if (designated.length === 0 || designated.includes(siret)) return APPROVER;
    }
  }
  throw new ForbiddenError(
    'Seuls les valideurs de ce bénéficiaire et les administrateurs du Titulaire désignent ses valideurs.',
  );
}

/** The caller's own tenant when it is the beneficiary's, else the beneficiary's only tenant. */
function defaultTenant(caller: ApiCaller, tenantIds: readonly string[]): string {
  if (caller.requester.kind === 'beneficiary' && tenantIds.includes(caller.actor.tenantId))
    return caller.actor.tenantId;
  if (tenantIds.length === 1) return tenantIds[0]!;
  const message = 'tenantId : ce bénéficiaire a plusieurs locataires, précisez celui du valideur';
  throw new ValidationError('Requête invalide (corps) : tenantId.', [{ path: 'tenantId', message }]);
}
