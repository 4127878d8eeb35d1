import { VerticalBarChart, type VerticalBarChartDataPoint } from '@fluentui/react-charts';
import type { ReportData, ReportVolumeRow } from '../api/types';
import { DataTable } from './data-table';
import { formatCount, formatEuros, formatEurosRound } from './report-format';
import { ReportSection } from './report-section';

/** The overall volume of each month of the period, in order. */
export function monthlyVolume(report: ReportData): ReportVolumeRow[] {
  return report.volume.rows.filter((row) => row.siret === null && row.bucket.kind === 'month');
}

/** Monthly business volume HT: bars, and the same figures as a table. */
export function VolumeChart({ report }: { report: ReportData }) {
  const months = monthlyVolume(report);
  const data: VerticalBarChartDataPoint[] = months.map((row) => ({
    x: row.bucket.label,
    y: row.htCents / 100,
    legend: row.bucket.label,
    yAxisCalloutData: formatEuros(row.htCents),
    xAxisCalloutData: row.bucket.label,
  }));
  const empty = months.every((row) => row.orderCount === 0);
  return (
    <ReportSection id="volume-mensuel" title="Volume d'affaires HT par mois">
      {empty ? (
        <p>Aucun bon de commande sur la période.</p>
      ) : (
        <div data-chart="volume">
          <VerticalBarChart
            data={data}
            height={260}
            hideLegend
            useSingleColor
            chartTitle="Volume d'affaires HT par mois"
            yAxisTickFormat={(value: number) => formatEurosRound(value)}
            yAxisTitle="€ HT"
            culture="fr-FR"
            rotateXAxisLables={months.length > 6}
          />
        </div>
      )}
      <DataTable
        caption="Volume d'affaires HT par mois (tableau)"
        rows={months}
        rowKey={(row) => row.bucket.key}
        columns={[
          { header: 'Mois', cell: (row) => row.bucket.label },
          { header: 'Bons de commande', cell: (row) => formatCount(row.orderCount), numeric: true },
          { header: 'Montant HT', cell: (row) => formatEuros(row.htCents), numeric: true },
        ]}
      />
    </ReportSection>
  );
}
