/**
 * GET /api/v1/export (DESIGN.md, "Data duties"): a beneficiary's whole data as a zip (JSON with
 * audit events, CSV, README), free and at any time, for that beneficiary's approvers and the
 * Titulaire's admins. Someone else's SIRET is a 404, so that nobody learns which SIRET Guichet serves.
 */
import { z } from 'zod';
import { ForbiddenError, NotFoundError } from '../domain/errors';
import { buildExportArchive } from '../reports/export/export-zip';
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

/** Refuses anyone but an approver of this SIRET or an admin; 404 when the SIRET is not theirs. */
export function checkExportAccess(caller: ApiCaller, siret: string): void {
  const { requester } = caller;
  if (requester.kind === 'titulaire' && requester.roles.includes('Admin')) return;
  if (requester.kind === 'beneficiary') {
    if (!requester.beneficiaries.some((b) => b.siret === siret))
      throw new NotFoundError(`Le bénéficiaire de SIRET ${siret}`);
    if (requester.roles.includes('Beneficiary.Approver')) return;
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
        checkExportAccess(caller, query.siret);
        const archive = await buildExportArchive(store, query.siret, now());
        return new FileResponse(archive.zip, `export-guichet-${query.siret}.zip`, 'application/zip');
      },
    ),
  ];
}
