import { useCallback, useMemo } from 'react';
import { Body1, makeStyles, tokens } from '@fluentui/react-components';
import { fetchReport, type ReportFileFormat, type ReportRequest } from '../api/reports';
import { useSession } from '../auth/auth-context';
import { AsyncContent } from '../components/async-content';
import { useAsync } from '../hooks/use-async';
import { useBeneficiariesByName } from '../hooks/use-beneficiaries';
import type { PageProps } from '../navigation/routes';
import { replaceHashQuery } from '../navigation/use-hash-location';
import { DownloadButtons } from '../reports/download-buttons';
import { KeyFigures, ticketCount } from '../reports/key-figures';
import { PeriodPicker } from '../reports/period-picker';
import { PriceLineChart } from '../reports/price-line-chart';
import {
  defaultPeriod,
  parsePeriodText,
  periodLabel,
  periodText,
  yearsOffered,
  type PeriodChoice,
} from '../reports/report-period';
import { SlaChart } from '../reports/sla-chart';
import { VolumeChart } from '../reports/volume-chart';
import type { ReportData } from '../api/types';

const useStyles = makeStyles({
  summary: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  heading: { margin: 0 },
  charts: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 420px), 1fr))',
    gap: tokens.spacingHorizontalL,
    alignItems: 'start',
    marginTop: tokens.spacingVerticalL,
  },
  downloads: { marginTop: tokens.spacingVerticalL },
});

/**
 * Rapports: a period (and, for staff, a beneficiary) kept in the address, the key figures, three
 * charts with their tables, and the files. A beneficiary's users only ever get their own SIRET: the
 * API enforces it, the page merely does not offer the others.
 */
export default function ReportsPage({ query }: PageProps) {
  const { api, me } = useSession();
  const today = useMemo(() => new Date(), []);
  const choice = parsePeriodText(query.get('period')) ?? defaultPeriod(today);
  const isStaff = me.kind !== 'beneficiary';
  const beneficiaries = useBeneficiariesByName();
  const requested = query.get('siret') ?? '';
  // Staff may ask for everyone (""); a beneficiary's user with several SIRETs must name one.
  const siret =
    beneficiaries.some((b) => b.id === requested) || (isStaff && requested === '')
      ? requested
      : (beneficiaries[0]?.id ?? '');
  const period = periodText(choice);
  const request = useMemo<ReportRequest>(() => (siret ? { period, siret } : { period }), [period, siret]);
  const load = useCallback((signal: AbortSignal) => fetchReport(api, request, signal), [api, request]);
  const [state, reload] = useAsync(load);

  const onChange = (next: PeriodChoice, nextSiret: string): void => {
    const params = new URLSearchParams({ period: periodText(next) });
    if (nextSiret) params.set('siret', nextSiret);
    replaceHashQuery('/rapports', params);
  };
  // A link (the CANUT card's "Télécharger") may ask for a file: fetched once, then dropped from the
  // address so that reloading the page does not download it again.
  const download = downloadAsked(query.get('download'));
  const onDownloadStarted = (): void => {
    const params = new URLSearchParams(query);
    params.delete('download');
    replaceHashQuery('/rapports', params);
  };

  return (
    <>
      <PeriodPicker
        choice={choice}
        years={yearsOffered(today)}
        beneficiaries={beneficiaries}
        allowAll={isStaff}
        siret={siret}
        onChange={onChange}
      />
      <AsyncContent
        state={state}
        loading={`Chargement du rapport ${periodLabel(choice)}…`}
        failed="Rapport indisponible."
        onRetry={reload}
      >
        {(report) => (
          <ReportView
            report={report}
            request={request}
            download={download}
            onDownloadStarted={onDownloadStarted}
          />
        )}
      </AsyncContent>
    </>
  );
}

function downloadAsked(value: string | null): ReportFileFormat | undefined {
  return value === 'xlsx' || value === 'csv' ? value : undefined;
}

function isEmpty(report: ReportData): boolean {
  return (
    report.volume.total.orderCount === 0 &&
    ticketCount(report.sla.total) === 0 &&
    report.quotes.total.onTime.ids.length +
      report.quotes.total.late.ids.length +
      report.quotes.total.overdue.ids.length +
      report.quotes.total.pending.ids.length ===
      0
  );
}

interface ReportViewProps {
  report: ReportData;
  request: ReportRequest;
  /** A file to fetch as soon as the report shows. */
  download: ReportFileFormat | undefined;
  onDownloadStarted: () => void;
}

function ReportView({ report, request, download, onDownloadStarted }: ReportViewProps) {
  const styles = useStyles();
  const { api } = useSession();
  const scope = report.scope.beneficiaryName ?? 'tous les bénéficiaires';
  return (
    <div>
      <section className={styles.summary} aria-labelledby="rapport-titre">
        <h3 id="rapport-titre" className={styles.heading}>
          Rapport {report.period.label} — {scope}
        </h3>
        {isEmpty(report) ? (
          <Body1>Aucun bon de commande, ticket ni devis sur cette période.</Body1>
        ) : (
          <KeyFigures report={report} />
        )}
      </section>
      {!isEmpty(report) && (
        <div className={styles.charts}>
          <VolumeChart report={report} />
          <SlaChart report={report} />
          <PriceLineChart report={report} />
        </div>
      )}
      <div className={styles.downloads}>
        <DownloadButtons api={api} request={request} autoStart={download} onAutoStarted={onDownloadStarted} />
      </div>
    </div>
  );
}
