/**
 * Builds the report of a period (DESIGN.md, "Reporting to the CANUT"), for the whole agreement or for
 * one beneficiary. Pure: the caller gathers the documents (a superset is fine: every document is
 * placed by its own local dates here) and says when the report is made.
 */
import { formatInstant, parseInstant, type Instant } from '../calendar/instant';
import type { Order } from '../orders/order';
import type { Quote } from '../quotes/quote';
import type { Ticket } from '../tickets/ticket';
import { periodScope } from './period-scope';
import { bucketOf, orderRows, priceLineRows, volumeRow, volumeRows } from './report-orders';
import type { ReportPeriod } from './report-period';
import { totalCents } from './report-math';
import {
  penaltiesBySiret,
  penaltyRows,
  quoteRows,
  timelinessByBeneficiary,
  timelinessRow,
} from './report-quotes';
import { slaByBeneficiary, slaBySeverity, slaRow, ticketBreakdown, ticketRows } from './report-sla';
import type { Report } from './report-types';

/** The documents a report is made of. */
export interface ReportData {
  readonly orders: readonly Order[];
  readonly tickets: readonly Ticket[];
  readonly quotes: readonly Quote[];
}

/** When the report is made and, for a beneficiary's own report, whose it is. */
export interface ReportOptions {
  /** The moment the report is made: figures of a period not over yet stop there. */
  readonly now: Instant;
  /** Only this beneficiary's documents count (the others are ignored, whatever the caller passed). */
  readonly siret?: string;
  readonly beneficiaryName?: string;
}

/** The report of `period` over `data`, as it stood at the end of the period (or `now`, if earlier). */
export function buildReport(period: ReportPeriod, data: ReportData, options: ReportOptions): Report {
  const now = formatInstant(parseInstant(options.now, 'now'));
  const scope = periodScope(period, now);
  const mine = <T extends { beneficiaryId: string }>(docs: readonly T[]) =>
    options.siret === undefined ? docs : docs.filter((d) => d.beneficiaryId === options.siret);
  const orders = mine(data.orders);
  const orderList = orderRows(orders, scope);
  const tickets = ticketRows(mine(data.tickets), scope);
  const quotes = quoteRows(mine(data.quotes), scope);
  const penalties = penaltyRows(mine(data.quotes), scope);
  const none = { severity: null, siret: null, beneficiaryName: null };
  return {
    period,
    scope: {
      siret: options.siret ?? null,
      beneficiaryName:
        options.siret === undefined ? null : (options.beneficiaryName ?? nameIn(data, options.siret)),
    },
    generatedAt: now,
    volume: {
      total: volumeRow(
        bucketOf(period),
        null,
        orderList.filter((r) => r.counted),
      ),
      rows: volumeRows(period, orderList),
    },
    orders: orderList,
    priceLines: priceLineRows(orders, orderList),
    sla: {
      total: slaRow(tickets, none),
      bySeverity: slaBySeverity(tickets),
      byBeneficiary: slaByBeneficiary(tickets),
      tickets,
    },
    tickets: { byDomainAndCategory: ticketBreakdown(tickets) },
    quotes: {
      total: timelinessRow(quotes, { siret: null, beneficiaryName: null }),
      byBeneficiary: timelinessByBeneficiary(quotes),
      rows: quotes,
    },
    penalties: {
      totalCents: totalCents(penalties.map((p) => p.amountCents)),
      rows: penalties,
      bySiret: penaltiesBySiret(penalties),
    },
  };
}

function nameIn(data: ReportData, siret: string): string | null {
  const doc = [...data.orders, ...data.tickets, ...data.quotes].find((d) => d.beneficiaryId === siret);
  return doc?.beneficiaryName ?? null;
}
