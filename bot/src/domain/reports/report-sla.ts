/**
 * The ticket side of a report: tickets received in the period (local date of reception in the
 * beneficiary's zone), their first-response compliance (CCTP 5.6.6.1) per severity and per
 * beneficiary as it stood at the end of the period, and their split over domains and categories.
 *
 * A ticket answered by the end of the period is on time or late as recorded when it was taken; one
 * not answered yet is "open and late" once its due instant has passed, and otherwise pending — not
 * counted, since it may still be answered on time.
 */
import { parseInstant } from '../calendar/instant';
import { SEVERITIES } from '../sla/severity';
import { INCIDENT_CATEGORIES, INCIDENT_DOMAINS } from '../tickets/incident-form';
import type { Ticket } from '../tickets/ticket';
import type { PeriodScope } from './period-scope';
import { byText, groupBy, ratioBp, traceOf } from './report-math';
import type { SlaRow, SlaState, TicketBreakdownRow, TicketRow } from './report-types';

/** The tickets received in the period, in order of reception, with their state at the cut-off. */
export function ticketRows(tickets: readonly Ticket[], scope: PeriodScope): TicketRow[] {
  const rows = tickets.flatMap((t): TicketRow[] => {
    const receivedOn = scope.dateInPeriod(t.zone, t.receivedAt);
    if (!receivedOn) return [];
    const cutoff = scope.cutoffMs(t.zone);
    const answer =
      t.firstResponse && parseInstant(t.firstResponse.at) <= cutoff ? t.firstResponse : undefined;
    return [
      {
        id: t.id,
        number: t.number,
        siret: t.beneficiaryId,
        beneficiaryName: t.beneficiaryName,
        severity: t.severity,
        category: t.category,
        domain: t.domain,
        receivedAt: t.receivedAt,
        receivedOn,
        firstResponseDueAt: t.firstResponseDueAt,
        firstResponseAt: answer?.at ?? null,
        state: stateOf(answer, parseInstant(t.firstResponseDueAt), cutoff),
      },
    ];
  });
  return rows.sort((a, b) => byText(a.receivedAt, b.receivedAt) || byText(a.number, b.number));
}

function stateOf(answer: Ticket['firstResponse'], dueMs: number, cutoffMs: number): SlaState {
  if (answer) return answer.onTime ? 'on-time' : 'late';
  return dueMs < cutoffMs ? 'open-late' : 'pending';
}

/** Compliance of a group of ticket rows. */
export function slaRow(
  rows: readonly TicketRow[],
  key: Pick<SlaRow, 'severity' | 'siret' | 'beneficiaryName'>,
): SlaRow {
  const of = (state: SlaState) => traceOf(rows.filter((r) => r.state === state));
  const onTime = of('on-time');
  const late = of('late');
  const openLate = of('open-late');
  const counted = onTime.ids.length + late.ids.length + openLate.ids.length;
  return {
    ...key,
    onTime,
    late,
    openLate,
    pending: of('pending'),
    complianceBp: ratioBp(onTime.ids.length, counted),
  };
}

/** One row per severity of the contract, 1 to 4, even when no ticket had it. */
export function slaBySeverity(rows: readonly TicketRow[]): SlaRow[] {
  return SEVERITIES.map((severity) =>
    slaRow(
      rows.filter((r) => r.severity === severity),
      { severity, siret: null, beneficiaryName: null },
    ),
  );
}

/** One row per beneficiary that had tickets, by SIRET. */
export function slaByBeneficiary(rows: readonly TicketRow[]): SlaRow[] {
  return [...groupBy(rows, (r) => r.siret).entries()]
    .sort(([a], [b]) => byText(a, b))
    .map(([siret, group]) =>
      slaRow(group, { severity: null, siret, beneficiaryName: group[group.length - 1]!.beneficiaryName }),
    );
}

/** Tickets per domain and category, in the order of the forms' choices; empty pairs left out. */
export function ticketBreakdown(rows: readonly TicketRow[]): TicketBreakdownRow[] {
  return INCIDENT_DOMAINS.flatMap((domain) =>
    INCIDENT_CATEGORIES.flatMap((category) => {
      const group = rows.filter((r) => r.domain === domain && r.category === category);
      return group.length > 0 ? [{ domain, category, trace: traceOf(group) }] : [];
    }),
  );
}
