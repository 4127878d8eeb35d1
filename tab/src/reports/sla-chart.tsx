import {
  DataVizPalette,
  VerticalStackedBarChart,
  type VerticalStackedChartProps,
} from '@fluentui/react-charts';
import type { ReportData, ReportSlaRow } from '../api/types';
import { SEVERITY_LABELS } from '../format/labels';
import { DataTable } from './data-table';
import { ticketCount } from './key-figures';
import { formatCount, formatRate } from './report-format';
import { ReportSection } from './report-section';

const STATES = [
  { key: 'onTime', legend: 'Dans les délais', color: DataVizPalette.success },
  { key: 'late', legend: 'En retard', color: DataVizPalette.error },
  { key: 'openLate', legend: 'Sans réponse, en retard', color: DataVizPalette.warning },
] as const;

/** First-response compliance per severity: stacked bars (on time, late, open and late) and a table. */
export function SlaChart({ report }: { report: ReportData }) {
  const rows = report.sla.bySeverity.filter((row) => row.severity !== null);
  const counted = rows.filter((row) => ticketCount(row) > 0);
  const data: VerticalStackedChartProps[] = counted.map((row) => ({
    xAxisPoint: `Gravité ${row.severity}`,
    xAxisCalloutData: `Gravité ${row.severity} — ${formatRate(row.complianceBp)} dans les délais`,
    chartData: STATES.map((state) => ({
      legend: state.legend,
      data: row[state.key].ids.length,
      color: state.color,
    })),
  }));
  return (
    <ReportSection id="sla-gravite" title="Respect des délais de première réponse par gravité">
      {counted.length === 0 ? (
        <p>Aucun ticket reçu sur la période.</p>
      ) : (
        <div data-chart="sla">
          <VerticalStackedBarChart
            data={data}
            height={260}
            chartTitle="Respect des délais de première réponse par gravité"
            yAxisTitle="Tickets"
            culture="fr-FR"
          />
        </div>
      )}
      <DataTable<ReportSlaRow>
        caption="Respect des délais de première réponse par gravité (tableau)"
        rows={rows}
        rowKey={(row) => String(row.severity)}
        columns={[
          {
            header: 'Gravité',
            cell: (row) =>
              row.severity === null ? '' : `${row.severity} — ${SEVERITY_LABELS[row.severity]}`,
          },
          { header: 'Dans les délais', cell: (row) => formatCount(row.onTime.ids.length), numeric: true },
          { header: 'En retard', cell: (row) => formatCount(row.late.ids.length), numeric: true },
          {
            header: 'Sans réponse, en retard',
            cell: (row) => formatCount(row.openLate.ids.length),
            numeric: true,
          },
          { header: 'Pas encore dus', cell: (row) => formatCount(row.pending.ids.length), numeric: true },
          { header: 'Taux', cell: (row) => formatRate(row.complianceBp), numeric: true },
        ]}
      />
    </ReportSection>
  );
}
