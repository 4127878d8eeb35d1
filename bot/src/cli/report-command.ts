/**
 * `guichet report --period "T3 2026" [--siret SIRET] --out DOSSIER`: the CANUT report of a period
 * (DESIGN.md, "Reporting to the CANUT") as CSV files and an XLSX workbook. Without `--siret` it covers
 * every beneficiary (the one cross-partition read of reporting, fine for an operator's command);
 * with it, one beneficiary's partition only.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatEuros } from '../domain/catalogue/money';
import { NotFoundError, ValidationError } from '../domain/errors';
import { buildReport } from '../domain/reports/build-report';
import { parseReportPeriod } from '../domain/reports/report-period';
import type { Report } from '../domain/reports/report-types';
import { reportFiles, writeFiles } from '../reports/report-files';
import { loadReportData } from '../reports/report-queries';
import { BeneficiaryRepository } from '../store/beneficiary-repository';
import { type CommandDeps, checkedSiret, withCommandStore } from './export-command';

export const REPORT_USAGE = 'guichet report --period "T3 2026" [--siret SIRET] --out DOSSIER';

/** Runs `guichet report`; resolves to the exit code (errors are thrown for `runCli` to report). */
export async function runReport(
  args: string[],
  out: NodeJS.WritableStream,
  deps: CommandDeps = {},
): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { period: { type: 'string' }, siret: { type: 'string' }, out: { type: 'string' } },
    strict: true,
  });
  if (!values.period) throw new ValidationError(`Indiquez la période : ${REPORT_USAGE}`);
  const period = parseReportPeriod(values.period);
  const siret = values.siret === undefined ? undefined : checkedSiret(values.siret, REPORT_USAGE);
  if (!values.out) throw new ValidationError(`Indiquez le dossier où écrire le rapport : ${REPORT_USAGE}`);
  const dir = path.resolve(values.out);
  return withCommandStore(deps, async (store) => {
    const beneficiary = siret ? await new BeneficiaryRepository(store).get(siret) : undefined;
    if (siret && !beneficiary) throw new NotFoundError(`Le bénéficiaire de SIRET ${siret}`);
    const data = await loadReportData(store, period, siret ? { siret } : { allBeneficiaries: true });
    const now = (deps.now ?? (() => new Date()))().toISOString();
    const report = buildReport(period, data, { now, siret, beneficiaryName: beneficiary?.name });
    const written = await writeFiles(dir, await reportFiles(report));
    out.write(summary(report));
    for (const file of written) out.write(`  ${file}\n`);
    return 0;
  });
}

function summary(report: Report): string {
  const who = report.scope.siret
    ? `${report.scope.beneficiaryName} (SIRET ${report.scope.siret})`
    : 'tous les bénéficiaires';
  const rate = report.sla.total.complianceBp;
  return (
    `Rapport ${report.period.label} (${who}) : ${report.volume.total.orderCount} bon(s) de commande, ` +
    `${formatEuros(report.volume.total.htCents)} HT, ${report.sla.tickets.length} ticket(s), ` +
    `conformité SLA ${rate === null ? 'sans objet' : `${(rate / 100).toFixed(2).replace('.', ',')} %`}, ` +
    `pénalités ${formatEuros(report.penalties.totalCents)}.\nFichiers écrits :\n`
  );
}
