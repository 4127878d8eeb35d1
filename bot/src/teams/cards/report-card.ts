/**
 * The report card (DESIGN.md, "Reporting to the CANUT"): the key figures of a period, SLA compliance
 * per severity, quote timeliness, penalties and the five beneficiaries with the largest volume, with
 * a link to the tab's Rapports page for everything else. It summarises, so it stays far below Teams'
 * 28 KB whatever the number of beneficiaries.
 */
import { formatEuros } from '../../domain/catalogue/money';
import type { Report, SlaRow, VolumeRow } from '../../domain/reports/report-types';
import { SEVERITIES } from '../../domain/sla/severity';
import { frenchNumber } from '../../domain/tickets/incident-form';
import { card, facts, text, type AdaptiveCard, type CardElement } from './adaptive-card';

/** How many beneficiaries the card names; the tab and the files list all of them. */
export const TOP_BENEFICIARIES = 5;

/** The tab's Rapports page under the service's public URL. */
export function reportsTabUrl(publicUrl: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/tab/#/rapports`;
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

/** The card of a report; `publicUrl` is the service's public URL (the tab link). */
export function reportCard(report: Report, publicUrl: string): AdaptiveCard {
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
    ...card(body, [{ type: 'Action.OpenUrl', title: 'Ouvrir les rapports', url: reportsTabUrl(publicUrl) }]),
    msteams: { width: 'Full' },
  };
}
