/**
 * The report card (DESIGN.md, "Reporting to the CANUT"): the key figures of a period, SLA compliance
 * per severity, quote timeliness, penalties and the five beneficiaries with the largest volume, with
 * a link to the tab's Rapports page for everything else. It summarises, so it stays far below Teams'
 * 28 KB whatever the number of beneficiaries.
 *
 * The files are linked, not attached: a bot cannot attach a file to a channel post without
 * SharePoint, and a bare file URL would hand the figures to whoever gets it. The download buttons
 * open the tab's Rapports page on the period with a download request, so the file is fetched by the
 * signed-in user through `/api/v1/reports`, under the usual authorisation.
 */
import { formatEuros } from '../../domain/catalogue/money';
import type { ReportPeriod } from '../../domain/reports/report-period';
import type { Report, SlaRow, VolumeRow } from '../../domain/reports/report-types';
import { SEVERITIES } from '../../domain/sla/severity';
import { frenchNumber } from '../../domain/tickets/incident-form';
import { card, facts, text, type AdaptiveCard, type CardAction, type CardElement } from './adaptive-card';

/** How many beneficiaries the card names; the tab and the files list all of them. */
export const TOP_BENEFICIARIES = 5;

/** Where the card's links lead: the service's public URL, and the Teams app id when known. */
export interface ReportLinks {
  readonly publicUrl: string;
  /** The Teams app's id (TEAMS_APP_ID): with it, links open the personal tab inside Teams. */
  readonly teamsAppId?: string;
}

/** The file a link asks the Rapports page to download at once. */
export type ReportDownload = 'xlsx' | 'csv';

/** The personal tab's `entityId` in manifest/manifest.json (the tab holding the Rapports page). */
export const PERSONAL_TAB_ENTITY_ID = 'dashboard';

/**
 * The tab's route to the Rapports page of a period: `rapports?period=2026-T3&download=xlsx`. The
 * period is its key, the canonical form `/api/v1/reports` reads back as the same period.
 */
export function reportsRoute(period: Pick<ReportPeriod, 'key'>, download?: ReportDownload): string {
  const query = new URLSearchParams({ period: period.key });
  if (download) query.set('download', download);
  return `rapports?${query.toString()}`;
}

/**
 * A link to the Rapports page of a period: a Teams deep link to the personal tab (the route in the
 * context's `subEntityId`) when the app id is known, the tab's web address otherwise.
 */
export function reportsLink(
  links: ReportLinks,
  period: Pick<ReportPeriod, 'key'>,
  download?: ReportDownload,
): string {
  const route = reportsRoute(period, download);
  if (links.teamsAppId) {
    const context = encodeURIComponent(JSON.stringify({ subEntityId: route }));
    return (
      `https://teams.microsoft.com/l/entity/${encodeURIComponent(links.teamsAppId)}/` +
      `${PERSONAL_TAB_ENTITY_ID}?context=${context}`
    );
  }
  return `${links.publicUrl.replace(/\/+$/, '')}/tab/#/${route}`;
}

/** "97,5 %", or "—" when nothing was measured. */
export function formatRate(bp: number | null): string {
  if (bp === null) return '—';
  return `${(bp / 100).toLocaleString('fr-FR', { maximumFractionDigits: 1 })}\u00a0%`;
}

/** Each beneficiary's volume over the whole period. */
function volumeBySiret(report: Report): VolumeRow[] {
  return report.volume.rows.filter((r) => r.siret !== null && r.bucket.key === report.period.key);
}

/** The beneficiaries with the largest volume HT over the whole period, largest first. */
export function topBeneficiaries(report: Report, count = TOP_BENEFICIARIES): VolumeRow[] {
  return volumeBySiret(report)
    .sort((a, b) => b.htCents - a.htCents || String(a.siret).localeCompare(String(b.siret)))
    .slice(0, count);
}

function slaCounts(row: SlaRow | undefined): string {
  if (!row) return '—';
  const measured = row.onTime.ids.length + row.late.ids.length + row.openLate.ids.length;
  if (measured === 0) return '— (aucun ticket échu)';
  return `${formatRate(row.complianceBp)} (${row.onTime.ids.length} / ${measured} dans le délai)`;
}

function keyFigures(report: Report): CardElement {
  const { volume, sla, quotes, penalties } = report;
  const cancelled = report.orders.filter((o) => !o.counted).length;
  const average = quotes.total.averageCalendarDaysLate;
  return facts([
    ["Volume d'affaires HT", formatEuros(volume.total.htCents)],
    [
      'Bons de commande',
      `${frenchNumber(volume.total.orderCount)}${cancelled > 0 ? ` (+ ${cancelled} annulé(s), non compté(s))` : ''}`,
    ],
    ['Tickets reçus', frenchNumber(sla.tickets.length)],
    ['Demandes de devis', frenchNumber(quotes.rows.length)],
    ['Devis envoyés dans le délai', formatRate(quotes.total.onTimeBp)],
    [
      'Retard moyen des devis en retard',
      average === null ? undefined : `${String(average).replace('.', ',')} jour(s)`,
    ],
    ['Pénalités de retard', `${formatEuros(penalties.totalCents)} (${penalties.rows.length} devis)`],
  ]);
}

function slaFacts(report: Report): CardElement {
  const { sla } = report;
  return facts([
    ['Toutes gravités', slaCounts(sla.total)],
    ...SEVERITIES.map((s): [string, string] => [
      `Gravité ${s}`,
      slaCounts(sla.bySeverity.find((r) => r.severity === s)),
    ]),
    [
      'Ouverts et déjà hors délai',
      sla.total.openLate.ids.length > 0 ? frenchNumber(sla.total.openLate.ids.length) : undefined,
    ],
  ]);
}

function topSection(report: Report): CardElement[] {
  const top = topBeneficiaries(report);
  if (top.length === 0) return [text('Aucun bon de commande sur la période.', { isSubtle: true })];
  const others = volumeBySiret(report).length - top.length;
  return [
    facts(
      top.map((r): [string, string] => [
        r.beneficiaryName ?? String(r.siret),
        `${formatEuros(r.htCents)} · ${r.orderCount} BC`,
      ]),
    ),
    ...(others > 0
      ? [text(`… et ${others} autre(s) bénéficiaire(s) : voir l'onglet Rapports.`, { isSubtle: true })]
      : []),
  ];
}

function heading(title: string): CardElement {
  return text(title, { weight: 'Bolder', spacing: 'Medium', separator: true });
}

function linkActions(report: Report, links: ReportLinks): CardAction[] {
  const open = (title: string, download?: ReportDownload): CardAction => ({
    type: 'Action.OpenUrl',
    title,
    url: reportsLink(links, report.period, download),
  });
  return [open('Ouvrir les rapports'), open('Télécharger (Excel)', 'xlsx'), open('Télécharger (CSV)', 'csv')];
}

/** The card of a report, its buttons leading to the tab's Rapports page of the same period. */
export function reportCard(report: Report, links: ReportLinks): AdaptiveCard {
  const scope = report.scope.siret
    ? `${report.scope.beneficiaryName ?? ''} (SIRET ${report.scope.siret})`
    : 'Tous les bénéficiaires';
  const body: CardElement[] = [
    text(`Rapport AOO_2024_PSTM — ${report.period.label}`, { size: 'Large', weight: 'Bolder' }),
    text(`${scope} · du ${report.period.start} au ${report.period.end}`, { isSubtle: true, spacing: 'None' }),
    heading('Chiffres clés'),
    keyFigures(report),
    heading('Conformité SLA (première réponse)'),
    slaFacts(report),
    ...(report.scope.siret ? [] : [heading('Principaux bénéficiaires (volume HT)'), ...topSection(report)]),
    text(`Établi le ${report.generatedAt.slice(0, 16).replace('T', ' à ')} UTC.`, {
      isSubtle: true,
      size: 'Small',
    }),
  ];
  return {
    ...card(body, linkActions(report, links)),
    msteams: { width: 'Full' },
  };
}
