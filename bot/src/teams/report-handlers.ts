/**
 * "rapport T3 2026", "rapport 2026", "rapport octobre 2026": the report card of a period, at once, for
 * the CANUT's staff and the Titulaire's staff. Beneficiaries' agents get a French refusal (their own
 * figures are in the tab). The same `reportFor` serves the API and the periodic job.
 */
import { MessageFactory, type TurnContext } from '@microsoft/agents-hosting';
import { formatInstant } from '../domain/calendar/instant';
import { ForbiddenError } from '../domain/errors';
import type { Requester } from '../domain/identity/requester';
import { buildReport } from '../domain/reports/build-report';
import { parseReportPeriod, type ReportPeriod } from '../domain/reports/report-period';
import type { Report } from '../domain/reports/report-types';
import { loadReportData, type ReportReach } from '../reports/report-queries';
import type { Store } from '../store/port';
import { attachment } from './cards/adaptive-card';
import { reportCard, type ReportLinks } from './cards/report-card';

/** What the report command needs; the links say where the card's buttons lead. */
export interface ReportDependencies extends ReportLinks {
  store: Store;
  now: () => Date;
}

type KnownRequester = Exclude<Requester, { kind: 'unknown' }>;

/** The message a requester who may not read the agreement's reports gets. */
export const REPORT_REFUSAL =
  "Les rapports de l'accord-cadre sont réservés au CANUT et au Titulaire. Les chiffres de votre organisation sont dans l'onglet Guichet, page Rapports.";

/** Reads the documents of a period and builds its report, as of `now`. */
export async function reportFor(
  store: Store,
  period: ReportPeriod,
  reach: ReportReach,
  now: Date,
  beneficiaryName?: string,
): Promise<Report> {
  const data = await loadReportData(store, period, reach);
  const siret = 'siret' in reach ? { siret: reach.siret, beneficiaryName } : {};
  return buildReport(period, data, { now: formatInstant(now.getTime()), ...siret });
}

/** True for the people who may read the whole agreement's reports: CANUT and Titulaire staff. */
export function mayReadAllReports(requester: KnownRequester): boolean {
  return (requester.kind === 'canut' || requester.kind === 'titulaire') && requester.roles.length > 0;
}

/** "rapport <période>": the report card, a refusal, or the French error of a bad period. */
export async function showReport(
  ctx: TurnContext,
  requester: KnownRequester,
  periodText: string,
  deps: ReportDependencies,
): Promise<void> {
  if (!mayReadAllReports(requester)) throw new ForbiddenError(REPORT_REFUSAL);
  // A bad period throws a ValidationError whose French message (with examples) the bot sends as is.
  const period = parseReportPeriod(periodText);
  const report = await reportFor(deps.store, period, { allBeneficiaries: true }, deps.now());
  const reply = MessageFactory.attachment(attachment(reportCard(report, deps)));
  reply.text = `Rapport ${report.period.label}.`;
  await ctx.sendActivity(reply);
}
