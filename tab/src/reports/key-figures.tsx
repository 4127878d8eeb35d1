import { Caption1, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import type { ReportData, ReportSlaRow } from '../api/types';
import { formatCount, formatDays, formatEuros, formatRate } from './report-format';

const useStyles = makeStyles({
  list: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 170px), 1fr))',
    gap: tokens.spacingHorizontalM,
    margin: 0,
    padding: 0,
  },
  tile: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  label: { ...typographyStyles.body1, color: tokens.colorNeutralForeground2, margin: 0 },
  value: { ...typographyStyles.title3, margin: 0, overflowWrap: 'anywhere' },
  hint: { color: tokens.colorNeutralForeground2 },
});

/** Tickets received in the period, whatever their first response's state. */
export function ticketCount(row: ReportSlaRow): number {
  return row.onTime.ids.length + row.late.ids.length + row.openLate.ids.length + row.pending.ids.length;
}

export interface KeyFigure {
  id: string;
  label: string;
  value: string;
  hint?: string;
}

/** The key figures of a report, in the order the page shows them. */
export function keyFiguresOf(report: ReportData): KeyFigure[] {
  const sla = report.sla.total;
  const quotes = report.quotes.total;
  const late = sla.late.ids.length + sla.openLate.ids.length;
  const quotesLate = quotes.late.ids.length + quotes.overdue.ids.length;
  return [
    { id: 'volume', label: "Volume d'affaires HT", value: formatEuros(report.volume.total.htCents) },
    { id: 'orders', label: 'Bons de commande', value: formatCount(report.volume.total.orderCount) },
    {
      id: 'tickets',
      label: 'Tickets reçus',
      value: formatCount(ticketCount(sla)),
      hint: `${formatCount(late)} en retard de première réponse`,
    },
    { id: 'sla', label: 'Respect des délais de première réponse', value: formatRate(sla.complianceBp) },
    {
      id: 'quotes',
      label: 'Devis remis dans les délais',
      value: formatRate(quotes.onTimeBp),
      hint: `${formatCount(quotesLate)} en retard · retard moyen ${formatDays(quotes.averageCalendarDaysLate)}`,
    },
    { id: 'penalties', label: 'Pénalités', value: formatEuros(report.penalties.totalCents) },
  ];
}

/** Key figures as a description list: each label read with its value. */
export function KeyFigures({ report }: { report: ReportData }) {
  const styles = useStyles();
  return (
    <dl className={styles.list} aria-label="Chiffres clés">
      {keyFiguresOf(report).map((figure) => (
        <div key={figure.id} className={styles.tile} data-figure={figure.id}>
          <dt className={styles.label}>{figure.label}</dt>
          <dd className={styles.value} data-figure-value="">
            {figure.value}
          </dd>
          {figure.hint && (
            <dd className={styles.label}>
              <Caption1 className={styles.hint}>{figure.hint}</Caption1>
            </dd>
          )}
        </div>
      ))}
    </dl>
  );
}
