import type { TicketFull } from '../api/types';
import { formatLongInZone } from '../format/dates';
import { FactList } from './fact-list';

/** The intervention report of a resolved ticket, as the engineer wrote it. */
export function ResolutionReport({ ticket }: { ticket: TicketFull }) {
  const report = ticket.resolution;
  if (!report) return null;
  const onTime = report.onTime === undefined ? undefined : report.onTime ? 'Dans les délais' : 'Hors délai';
  return (
    <FactList
      facts={[
        ['Diagnostic', report.diagnostic],
        ['Actions menées', report.actions],
        ['Cause', report.cause],
        ['Service rétabli le', formatLongInZone(report.restoredAt, ticket.zone)],
        ['Délai de rétablissement', onTime],
        ['Rédigé par', `${report.by.name}, le ${formatLongInZone(report.at, ticket.zone)}`],
      ]}
    />
  );
}
