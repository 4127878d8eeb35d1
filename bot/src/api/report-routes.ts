/**
 * GET /api/v1/reports (DESIGN.md, "Reporting to the CANUT"): a period's report as JSON, as one CSV
 * table or as the XLSX workbook. The CANUT's and the Titulaire's staff read every beneficiary's
 * figures (or one SIRET's); a beneficiary's users only their own SIRET — anything else is a 404, so
 * that nobody learns which SIRET Guichet serves. Also the binary answer shared with the export.
 */
import type { Response } from 'restify';
import { z } from 'zod';
import { NotFoundError, ValidationError } from '../domain/errors';
import { parseReportPeriod } from '../domain/reports/report-period';
import type { Report } from '../domain/reports/report-types';
import { reportFiles, reportStem } from '../reports/report-files';
import type { ReportReach } from '../reports/report-queries';
import type { BeneficiaryRepository } from '../store/beneficiary-repository';
import type { Store } from '../store/port';
import { reportFor } from '../teams/report-handlers';
import { readScope, type ApiCaller } from './api-caller';
import { bearerRoute, documentedAs, type ApiRoute } from './api-route';

/** A file to send as it is (CSV, XLSX, zip), with its content type and download name. */
export class FileResponse {
  constructor(
    readonly body: Buffer,
    readonly fileName: string,
    readonly contentType: string,
  ) {}
}

/** Sends `result` when it is a file and returns true; false for any other answer. */
export function sendFileResponse(res: Response, result: unknown): boolean {
  if (!(result instanceof FileResponse)) return false;
  const name = result.fileName.replace(/[^A-Za-z0-9._-]/g, '_');
  res.sendRaw(200, result.body, {
    'content-type': result.contentType,
    'content-length': String(result.body.length),
    'content-disposition': `attachment; filename="${name}"`,
    // One beneficiary's (or the agreement's) figures: no shared cache may keep them.
    'cache-control': 'private, no-store',
    'x-content-type-options': 'nosniff',
  });
  return true;
}

const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

const reportQuery = z.object({
  period: z.string().min(1).max(40).describe('« T3 2026 », « 2026 », « octobre 2026 » ou « 2026-10 »'),
  siret: z
    .string()
    .regex(/^\d{14}$/)
    .optional()
    .describe("Le rapport d'un seul bénéficiaire"),
  format: z.enum(['json', 'csv', 'xlsx']).default('json'),
  table: z
    .string()
    .regex(/^[a-z-]{1,40}$/)
    .default('synthese')
    .describe('Pour format=csv : la table (synthese, bons-de-commande, tickets, devis, penalites…)'),
});

const reportAnswer = documentedAs(
  z.union([z.instanceof(FileResponse), z.record(z.string(), z.unknown())]),
  z
    .looseObject({
      period: z.looseObject({ key: z.string(), label: z.string(), start: z.string(), end: z.string() }),
      scope: z.object({ siret: z.string().nullable(), beneficiaryName: z.string().nullable() }),
      generatedAt: z.string(),
    })
    .describe(
      'Le rapport (JSON : montants en centimes, taux en points de base), ou le fichier CSV (text/csv) ou XLSX',
    ),
);

/** Whose figures the caller asked for and may read; 404 for a SIRET that is not theirs. */
async function reachOf(
  caller: ApiCaller,
  siret: string | undefined,
  beneficiaries: BeneficiaryRepository,
): Promise<{ reach: ReportReach; name?: string }> {
  const scope = readScope(caller);
  if (scope.kind === 'own') {
    const own = siret ?? (scope.beneficiaryIds.length === 1 ? scope.beneficiaryIds[0] : undefined);
    if (!own)
      throw new ValidationError('Précisez le SIRET de votre organisation.', [
        { path: 'siret', message: 'obligatoire' },
      ]);
    if (!scope.beneficiaryIds.includes(own)) throw new NotFoundError(`Le rapport du SIRET ${own}`);
    siret = own;
  }
  if (siret === undefined) return { reach: { allBeneficiaries: true } };
  const beneficiary = await beneficiaries.get(siret);
  if (!beneficiary) throw new NotFoundError(`Le rapport du SIRET ${siret}`);
  return { reach: { siret }, name: beneficiary.name };
}

/** The report in the format asked for. */
async function answerIn(report: Report, format: 'json' | 'csv' | 'xlsx', table: string) {
  if (format === 'json') return report as unknown as Record<string, unknown>;
  const files = await reportFiles(report);
  const wanted = format === 'xlsx' ? `${reportStem(report)}.xlsx` : `${reportStem(report)}-${table}.csv`;
  const file = files.find((f) => f.name === wanted);
  if (!file) {
    const tables = files
      .filter((f) => f.name.endsWith('.csv'))
      .map((f) => f.name.slice(reportStem(report).length + 1, -4));
    throw new ValidationError(`Table inconnue « ${table} » : ${tables.join(', ')}.`, [
      { path: 'table', message: 'table inconnue' },
    ]);
  }
  return new FileResponse(file.content, file.name, CONTENT_TYPES[format]);
}

/** GET /api/v1/reports. */
export function reportRoutes(
  store: Store,
  beneficiaries: BeneficiaryRepository,
  now = () => new Date(),
): ApiRoute[] {
  return [
    bearerRoute(
      {
        method: 'get',
        path: '/api/v1/reports',
        operationId: 'getReport',
        summary: "Rapport d'une période (JSON, CSV ou XLSX)",
        tag: 'Rapports',
        query: reportQuery,
        response: reportAnswer,
        errors: [400, 403, 404],
      },
      async (caller, { query }) => {
        const period = parseReportPeriod(query.period);
        const { reach, name } = await reachOf(caller, query.siret, beneficiaries);
        const report = await reportFor(store, period, reach, now(), name);
        return answerIn(report, query.format, query.table);
      },
    ),
  ];
}
