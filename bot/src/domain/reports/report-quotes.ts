/**
 * The quote side of a report (CCTP 5.6.6.2): requests received in the period and whether their first
 * answer went out by the due date, as it stood at the end of the period; and the penalties the late
 * ones accrued, counted in the period their first answer was sent (when the penalty became due).
 * Penalty amounts are those recorded on each quote when it was sent, under the terms frozen on it;
 * the contract-wide exemption threshold is judged on the whole contract, not on one report.
 */
import { formatInstant, parseInstant } from '../calendar/instant';
import { localDateOf } from '../quotes/quote-calendar';
import type { Quote } from '../quotes/quote';
import type { PeriodScope } from './period-scope';
import { averageHundredths, byText, groupBy, ratioBp, totalCents, traceOf } from './report-math';
import type { PenaltyRow, PenaltySiretRow, QuoteRow, QuoteState, QuoteTimelinessRow } from './report-types';

/** The quote requests received in the period, in order of reception, with their state at the cut-off. */
export function quoteRows(quotes: readonly Quote[], scope: PeriodScope): QuoteRow[] {
  const rows = quotes.flatMap((q): (QuoteRow & { at: string })[] => {
    const receivedOn = scope.dateInPeriod(q.zone, q.request.receivedAt);
    if (!receivedOn) return [];
    const cutoff = scope.cutoffMs(q.zone);
    const t = q.timeliness && parseInstant(q.timeliness.sentAt) <= cutoff ? q.timeliness : undefined;
    // The due day is over once the local day just after the cut-off is later than it.
    const dayAfterCutoff = localDateOf(q.zone, formatInstant(cutoff + 1));
    const state: QuoteState = t
      ? t.onTime
        ? 'on-time'
        : 'late'
      : q.dueDate < dayAfterCutoff
        ? 'overdue'
        : 'pending';
    return [
      {
        at: q.request.receivedAt,
        id: q.id,
        number: q.number,
        siret: q.beneficiaryId,
        beneficiaryName: q.beneficiaryName,
        receivedOn,
        dueDate: q.dueDate,
        sentOn: t?.sentDate ?? null,
        state,
        calendarDaysLate: t?.calendarDaysLate ?? 0,
        workingDaysLate: t?.workingDaysLate ?? 0,
      },
    ];
  });
  rows.sort((a, b) => byText(a.at, b.at) || byText(a.number, b.number));
  return rows.map(({ at: _at, ...row }) => row);
}

/** Timeliness of a group of quote rows. */
export function timelinessRow(
  rows: readonly QuoteRow[],
  key: Pick<QuoteTimelinessRow, 'siret' | 'beneficiaryName'>,
): QuoteTimelinessRow {
  const of = (state: QuoteState) => rows.filter((r) => r.state === state);
  const late = of('late');
  const onTime = traceOf(of('on-time'));
  const overdue = traceOf(of('overdue'));
  const calendarDaysLateTotal = totalCents(late.map((r) => r.calendarDaysLate));
  return {
    ...key,
    onTime,
    late: traceOf(late),
    overdue,
    pending: traceOf(of('pending')),
    calendarDaysLateTotal,
    workingDaysLateTotal: totalCents(late.map((r) => r.workingDaysLate)),
    averageCalendarDaysLate: averageHundredths(calendarDaysLateTotal, late.length),
    onTimeBp: ratioBp(onTime.ids.length, onTime.ids.length + late.length + overdue.ids.length),
  };
}

/** One timeliness row per beneficiary that requested quotes, by SIRET. */
export function timelinessByBeneficiary(rows: readonly QuoteRow[]): QuoteTimelinessRow[] {
  return [...groupBy(rows, (r) => r.siret).entries()]
    .sort(([a], [b]) => byText(a, b))
    .map(([siret, group]) =>
      timelinessRow(group, { siret, beneficiaryName: group[group.length - 1]!.beneficiaryName }),
    );
}

/** Penalties of the quotes whose late first answer was sent in the period, in order of sending. */
export function penaltyRows(quotes: readonly Quote[], scope: PeriodScope): PenaltyRow[] {
  const rows = quotes.flatMap((q): (PenaltyRow & { at: string })[] => {
    const t = q.timeliness;
    if (!t || t.onTime || !scope.dateInPeriod(q.zone, t.sentAt)) return [];
    const sent = q.versions.find((v) => v.version === t.version);
    return [
      {
        at: t.sentAt,
        quoteId: q.id,
        quoteNumber: q.number,
        siret: q.beneficiaryId,
        beneficiaryName: q.beneficiaryName,
        dueDate: t.dueDate,
        sentOn: t.sentDate,
        calendarDaysLate: t.calendarDaysLate,
        workingDaysLate: t.workingDaysLate,
        baseHtCents: sent?.totals.htCents ?? 0,
        amountCents: t.penalty.amountCents,
        capped: t.penalty.capped,
      },
    ];
  });
  rows.sort((a, b) => byText(a.at, b.at) || byText(a.quoteNumber, b.quoteNumber));
  return rows.map(({ at: _at, ...row }) => row);
}

/** Penalties per beneficiary, by SIRET. */
export function penaltiesBySiret(rows: readonly PenaltyRow[]): PenaltySiretRow[] {
  return [...groupBy(rows, (r) => r.siret).entries()]
    .sort(([a], [b]) => byText(a, b))
    .map(([siret, group]) => ({
      siret,
      beneficiaryName: group[group.length - 1]!.beneficiaryName,
      amountCents: totalCents(group.map((r) => r.amountCents)),
      trace: traceOf(group.map((r) => ({ id: r.quoteId, number: r.quoteNumber }))),
    }));
}
