/**
 * The beneficiary registry over the API (DESIGN.md, "Beneficiaries", "Roles"; issue 6):
 *
 * - Reading: Titulaire and CANUT staff see every beneficiary; a beneficiary's user sees those its
 *   tenant maps to, and another one's SIRET is a 404, exactly like a SIRET Guichet does not serve.
 * - Writing (`PUT`, the Titulaire's `Admin` only): the validation of `guichet import`, the answer
 *   carrying the version (`etag`) that `If-Match` sends back; a stale version is a 412 and writes
 *   nothing. A PUT that changes nothing writes nothing (a retried call answers the same), which is
 *   why no `Idempotency-Key` is needed; every change leaves an audit event in the beneficiary's
 *   partition, listing each field before and after.
 *
 * The approvers' routes live in `approver-routes.ts`.
 */
import type { Request } from 'restify';
import { beneficiaryInputSchema, type Beneficiary } from '../domain/beneficiaries/beneficiary';
import { ForbiddenError, NotFoundError, ValidationError } from '../domain/errors';
import { BeneficiaryRepository } from '../store/beneficiary-repository';
import type { Store } from '../store/port';
import { bareEtag, saveBeneficiary } from '../services/beneficiary-service';
import { canRead, readScope, type ApiCaller } from './api-caller';
import { bearerRoute, parseRequestPart, type ApiRoute } from './api-route';
import { approverRoutes } from './approver-routes';
import { auditActorOf } from './beneficiary-audit';
import {
  beneficiaryBody,
  beneficiaryListQuery,
  beneficiaryPage,
  beneficiaryPath,
  beneficiaryView,
  viewOf,
} from './beneficiary-schemas';

/** Every /api/v1/beneficiaries route but the anonymisation. */
export function beneficiaryRoutes(store: Store, now = () => new Date()): ApiRoute[] {
  const beneficiaries = new BeneficiaryRepository(store);
  return [
    listRoute(beneficiaries),
    getRoute(beneficiaries),
    putRoute(store, now),
    ...approverRoutes(store, now),
  ];
}

function listRoute(beneficiaries: BeneficiaryRepository): ApiRoute {
  return bearerRoute(
    {
      method: 'get',
      path: '/api/v1/beneficiaries',
      operationId: 'listBeneficiaries',
      summary: 'Bénéficiaires visibles par l’appelant, filtrés et paginés (par nom)',
      tag: 'Bénéficiaires',
      query: beneficiaryListQuery,
      response: beneficiaryPage,
      errors: [400, 403],
    },
    async (caller, { query }) => {
      const scope = readScope(caller);
      const page = await beneficiaries.page({
        ...(scope.kind === 'own' ? { sirets: scope.beneficiaryIds } : {}),
        zone: query.zone,
        active: query.active,
        prefix: query.q,
        limit: query.limit,
        continuationToken: query.continuationToken,
      });
      return {
        items: page.items.map(viewOf),
        ...(page.continuationToken ? { continuationToken: page.continuationToken } : {}),
      };
    },
  );
}

function getRoute(beneficiaries: BeneficiaryRepository): ApiRoute {
  return bearerRoute(
    {
      method: 'get',
      path: '/api/v1/beneficiaries/:siret',
      operationId: 'getBeneficiary',
      summary: 'Un bénéficiaire et la version de sa fiche',
      tag: 'Bénéficiaires',
      params: beneficiaryPath,
      etag: true,
      response: beneficiaryView,
      errors: [400, 403, 404],
    },
    async (caller, { params }) => {
      const scope = readScope(caller);
      // Another beneficiary's record is not even read: its existence never leaks.
      const doc = canRead(scope, params.siret) ? await beneficiaries.get(params.siret) : undefined;
      if (!doc) throw new NotFoundError(`Le bénéficiaire de SIRET ${params.siret}`);
      return viewOf(doc);
    },
  );
}

function putRoute(store: Store, now: () => Date): ApiRoute {
  return bearerRoute(
    {
      method: 'put',
      path: '/api/v1/beneficiaries/:siret',
      operationId: 'putBeneficiary',
      summary:
        'Créer ou modifier un bénéficiaire (administrateurs du Titulaire ; If-Match : la version lue), journalisé',
      tag: 'Bénéficiaires',
      params: beneficiaryPath,
      body: beneficiaryBody,
      etag: true,
      response: beneficiaryView,
      errors: [400, 403, 404, 412],
    },
    async (caller, { req, params, body }) => {
      checkAdmin(caller, params.siret);
      const next = parseBeneficiary(params.siret, body);
      const ifMatch = ifMatchOf(req);
      const actor = auditActorOf(caller, 'Admin');
      const saved = await saveBeneficiary(store, { next, ifMatch, actor, now: now() });
      return viewOf(saved);
    },
  );
}

/** Refuses anyone but an admin of the Titulaire; 404 for a beneficiary's user asking for another SIRET. */
function checkAdmin(caller: ApiCaller, siret: string): void {
  const { requester } = caller;
  if (requester.kind === 'titulaire' && requester.roles.includes('Admin')) return;
  if (requester.kind === 'beneficiary' && !requester.beneficiaries.some((b) => b.siret === siret))
    throw new NotFoundError(`Le bénéficiaire de SIRET ${siret}`);
  throw new ForbiddenError(
    'La fiche d’un bénéficiaire ne se modifie que par un administrateur du Titulaire : adressez-lui la demande.',
  );
}

/** The body through the import's schema, the SIRET taken from the path. */
function parseBeneficiary(siret: string, body: unknown): Beneficiary {
  const fields = typeof body === 'object' && body !== null && !Array.isArray(body) ? body : {};
  const given = (fields as { siret?: unknown }).siret;
  if (given !== undefined && given !== siret) {
    const message = `siret : le corps nomme ${String(given)}, le chemin ${siret}`;
    throw new ValidationError(`Requête invalide (corps) : siret.`, [{ path: 'siret', message }]);
  }
  return parseRequestPart(beneficiaryInputSchema, { ...fields, siret }, 'corps');
}

/** The If-Match header without its quotes and weak marker; `*` for any version. */
function ifMatchOf(req: Request): string | undefined {
  const value = req.header('if-match');
  return value === undefined || value === '' ? undefined : bareEtag(value);
}
