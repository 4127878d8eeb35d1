import { DataVizPalette, DonutChart, type ChartDataPoint } from '@fluentui/react-charts';
import type { ReportData, ReportPriceLineRow } from '../api/types';
import { DataTable } from './data-table';
import { formatCount, formatEuros, formatRate } from './report-format';
import { ReportSection } from './report-section';

/** Beyond this many lines the smallest are grouped as "Autres lignes" in the chart (not the table). */
const MAX_SLICES = 7;

/** Explicit qualitative colours: without them the donut's slices are drawn black. */
const COLORS = [
  DataVizPalette.color1,
  DataVizPalette.color2,
  DataVizPalette.color3,
  DataVizPalette.color4,
  DataVizPalette.color5,
  DataVizPalette.color6,
  DataVizPalette.color7,
  DataVizPalette.color8,
];

/** The chart's slices: the largest lines, then the rest as one. */
export function priceLineSlices(lines: readonly ReportPriceLineRow[]): { legend: string; cents: number }[] {
  const sorted = [...lines].sort((a, b) => b.htCents - a.htCents);
  const shown = sorted.slice(0, MAX_SLICES);
  const rest = sorted.slice(MAX_SLICES).reduce((sum, line) => sum + line.htCents, 0);
  const slices = shown.map((line) => ({ legend: `${line.code} — ${line.label}`, cents: line.htCents }));
  return rest > 0 ? [...slices, { legend: 'Autres lignes', cents: rest }] : slices;
}

/** Split of the volume over the price schedule's lines: a donut and the full table. */
export function PriceLineChart({ report }: { report: ReportData }) {
  const lines = report.priceLines;
  const data: ChartDataPoint[] = priceLineSlices(lines).map((slice, i) => ({
    legend: slice.legend,
    color: COLORS[i % COLORS.length],
    data: slice.cents / 100,
    yAxisCalloutData: formatEuros(slice.cents),
  }));
  return (
    <ReportSection id="lignes-bpu" title="Répartition par ligne du bordereau de prix">
      {lines.length === 0 ? (
        <p>Aucune ligne commandée sur la période.</p>
      ) : (
        <div data-chart="price-lines">
          <DonutChart
            data={{ chartTitle: 'Répartition par ligne du bordereau de prix', chartData: data }}
            innerRadius={55}
            height={280}
            hideLabels
            culture="fr-FR"
          />
        </div>
      )}
      <DataTable<ReportPriceLineRow>
        caption="Répartition par ligne du bordereau de prix (tableau)"
        rows={lines}
        rowKey={(row) => `${row.code}-${row.unitPriceCents}`}
        columns={[
          { header: 'Ligne', cell: (row) => `${row.code} — ${row.label}` },
          { header: 'Quantité', cell: (row) => formatCount(row.quantity), numeric: true },
          { header: 'Montant HT', cell: (row) => formatEuros(row.htCents), numeric: true },
          { header: 'Part', cell: (row) => formatRate(row.shareBp), numeric: true },
        ]}
      />
    </ReportSection>
  );
}
