/**
 * GET /api/v1/export (DESIGN.md, "Data duties"): a beneficiary's whole data as a zip (JSON with
 * audit events, CSV, README), free and at any time, for that beneficiary's approvers and the
 * Titulaire's admins. Someone else's SIRET is a 404, so that nobody learns which SIRET Guichet serves.
 * Each export leaves an audit event (who, when, channel `api`) in the beneficiary's partition.
 */
import { z } from 'zod';
import { ForbiddenError, NotFoundError } from '../domain/errors';
import type { Role } from '../domain/identity/requester';
import { exportBeneficiaryData } from '../services/export-service';
import type { Store } from '../store/port';
import type { ApiCaller } from './api-caller';
import { bearerRoute, documentedAs, type ApiRoute } from './api-route';
import { FileResponse } from './report-routes';

const exportQuery = z.object({
  siret: z
    .string()
    .regex(/^\d{14}$/)
    .describe('Le SIRET du bénéficiaire'),
});

const zipAnswer = documentedAs(
  z.instanceof(FileResponse),
  z.string().meta({ contentMediaType: 'application/zip' }).describe("L'archive zip (application/zip)"),
);

/**
 * The role under which the caller may export this SIRET: an approver of it or an admin; 404 when
 * the SIRET is not theirs, 403 for anyone else.
 */
export function checkExportAccess(caller: ApiCaller, siret: string): Role {
  const { requester } = caller;
  if (requester.kind === 'titulaire' && requester.roles.includes('Admin')) return 'Admin';
  if (requester.kind === 'beneficiary') {
    if (!requester.beneficiaries.some((b) => b.siret === siret))
      throw new NotFoundError(`Le bénéficiaire de SIRET ${siret}`);
    if (requester.roles.includes('Beneficiary.Approver')) return 'Beneficiary.Approver';
  }
  throw new ForbiddenError(
    "L'export des données est réservé aux valideurs du bénéficiaire et aux administrateurs.",
  );
}

/** GET /api/v1/export. */
export function exportRoutes(store: Store, now = () => new Date()): ApiRoute[] {
  return [
    bearerRoute(
      {
        method: 'get',
        path: '/api/v1/export',
        operationId: 'exportBeneficiaryData',
        summary: "Toutes les données d'un bénéficiaire (zip : JSON, CSV, LISEZMOI)",
        tag: 'Rapports',
        query: exportQuery,
        response: zipAnswer,
        errors: [400, 403, 404],
      },
      async (caller, { query }) => {
        const role = checkExportAccess(caller, query.siret);
        const { tenantId, objectId } = caller.actor;
        const actor = { tenantId, objectId, name: caller.name, role, channel: 'api' };
        const { zip } = await exportBeneficiaryData(store, { siret: query.siret, actor, now: now() });
        return new FileResponse(zip, `export-guichet-${query.siret}.zip`, 'application/zip');
      },
    ),
  ];
}
