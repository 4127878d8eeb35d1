/**
 * The shape of a CANUT report (DESIGN.md, "Reporting to the CANUT"): plain JSON, amounts in integer
 * euro cents, rates in basis points. Every figure carries the documents behind it (`Trace`), so that
 * anyone checking a count or an amount can list the orders, tickets or quotes it was made of.
 */
import type { LocalDate } from '../calendar/civil-date';
import type { Instant } from '../calendar/instant';
import type { PriceLine } from '../catalogue/price-line';
import type { OrderStatus } from '../orders/order';
import type { Severity } from '../sla/severity';
import type { IncidentCategory, IncidentDomain } from '../tickets/incident-form';
import type { PeriodKind, ReportPeriod } from './report-period';

/** The documents behind a figure: their ids (as stored) and numbers (as people quote them), in order. */
export interface Trace {
  readonly ids: readonly string[];
  readonly numbers: readonly string[];
}

/** One month, quarter or year of a breakdown. */
export interface Bucket {
  readonly kind: PeriodKind;
  /** "2026-10", "2026-T4", "2026". */
  readonly key: string;
  /** "octobre 2026", "T4 2026", "2026". */
  readonly label: string;
}

/** Business volume (orders HT) of a bucket, overall (`siret` null) or for one beneficiary. */
export interface VolumeRow {
  readonly bucket: Bucket;
  readonly siret: string | null;
  readonly beneficiaryName: string | null;
  readonly orderCount: number;
  readonly htCents: number;
  readonly vatCents: number;
  readonly ttcCents: number;
  readonly trace: Trace;
}

/** One order issued in the period, as it stood when the period ended. */
export interface OrderRow {
  readonly id: string;
  readonly number: string;
  readonly siret: string;
  readonly beneficiaryName: string;
  readonly quoteNumber: string;
  readonly quoteVersion: number;
  readonly subject: string;
  /** Local date of issue in the beneficiary's zone. */
  readonly issuedOn: LocalDate;
  readonly status: OrderStatus;
  /** False for an order cancelled by the end of the period: it is listed, not counted. */
  readonly counted: boolean;
  readonly scheduleVersion: string;
  readonly htCents: number;
  readonly vatCents: number;
  readonly ttcCents: number;
}

/** What the counted orders bought on one price-schedule line (at one unit price). */
export interface PriceLineRow {
  readonly code: string;
  readonly label: string;
  readonly level: PriceLine['level'];
  readonly unit: PriceLine['unit'];
  readonly unitPriceCents: number;
  readonly quantity: number;
  readonly lineCount: number;
  readonly htCents: number;
  /** Share of the period's volume HT, in basis points. */
  readonly shareBp: number;
  readonly trace: Trace;
}

/** Where a ticket's first response stood at the end of the period. */
export type SlaState = 'on-time' | 'late' | 'open-late' | 'pending';

/** First-response compliance of a group of tickets received in the period. */
export interface SlaRow {
  /** Null on the total and on per-beneficiary rows. */
  readonly severity: Severity | null;
  /** Null on the total and on per-severity rows. */
  readonly siret: string | null;
  readonly beneficiaryName: string | null;
  readonly onTime: Trace;
  readonly late: Trace;
  /** Without first response at the end of the period, and already past its due instant. */
  readonly openLate: Trace;
  /** Without first response at the end of the period, but not due yet: counted nowhere. */
  readonly pending: Trace;
  /** on time / (on time + late + open and late), in basis points; null when there is none. */
  readonly complianceBp: number | null;
}

/** One ticket received in the period. */
export interface TicketRow {
  readonly id: string;
  readonly number: string;
  readonly siret: string;
  readonly beneficiaryName: string;
  readonly severity: Severity;
  readonly category: IncidentCategory;
  readonly domain: IncidentDomain;
  readonly receivedAt: Instant;
  readonly receivedOn: LocalDate;
  readonly firstResponseDueAt: Instant;
  /** Null when no first response was made by the end of the period. */
  readonly firstResponseAt: Instant | null;
  readonly state: SlaState;
}

/** Tickets received in the period in one domain and category. */
export interface TicketBreakdownRow {
  readonly domain: IncidentDomain;
  readonly category: IncidentCategory;
  readonly trace: Trace;
}

/** Where a quote's first answer stood at the end of the period. */
export type QuoteState = 'on-time' | 'late' | 'overdue' | 'pending';

/** One quote request received in the period. */
export interface QuoteRow {
  readonly id: string;
  readonly number: string;
  readonly siret: string;
  readonly beneficiaryName: string;
  readonly receivedOn: LocalDate;
  readonly dueDate: LocalDate;
  /** Local date the first answer was sent, when it was by the end of the period. */
  readonly sentOn: LocalDate | null;
  readonly state: QuoteState;
  readonly calendarDaysLate: number;
  readonly workingDaysLate: number;
}

/** Timeliness of a group of quote requests received in the period. */
export interface QuoteTimelinessRow {
  /** Null on the total. */
  readonly siret: string | null;
  readonly beneficiaryName: string | null;
  readonly onTime: Trace;
  readonly late: Trace;
  /** Not sent by the end of the period although their due date had passed. */
  readonly overdue: Trace;
  /** Not sent by the end of the period, not due yet: counted nowhere. */
  readonly pending: Trace;
  readonly calendarDaysLateTotal: number;
  readonly workingDaysLateTotal: number;
  /** Mean calendar days late of the late quotes, to the hundredth; null when none was late. */
  readonly averageCalendarDaysLate: number | null;
  /** on time / (on time + late + overdue), in basis points; null when there is none. */
  readonly onTimeBp: number | null;
}

/** A penalty a late quote accrued when its first answer was sent in the period. */
export interface PenaltyRow {
  readonly quoteId: string;
  readonly quoteNumber: string;
  readonly siret: string;
  readonly beneficiaryName: string;
  readonly dueDate: LocalDate;
  readonly sentOn: LocalDate;
  readonly calendarDaysLate: number;
  readonly workingDaysLate: number;
  /** Value excluding VAT the penalty was computed on (the version sent). */
  readonly baseHtCents: number;
  readonly amountCents: number;
  readonly capped: boolean;
}

/** Penalties of one beneficiary. */
export interface PenaltySiretRow {
  readonly siret: string;
  readonly beneficiaryName: string;
  readonly amountCents: number;
  readonly trace: Trace;
}

/** A whole report. */
export interface Report {
  readonly period: ReportPeriod;
  /** One beneficiary, or every beneficiary (`siret` null). */
  readonly scope: { readonly siret: string | null; readonly beneficiaryName: string | null };
  readonly generatedAt: Instant;
  readonly volume: { readonly total: VolumeRow; readonly rows: readonly VolumeRow[] };
  readonly orders: readonly OrderRow[];
  readonly priceLines: readonly PriceLineRow[];
  readonly sla: {
    readonly total: SlaRow;
    readonly bySeverity: readonly SlaRow[];
    readonly byBeneficiary: readonly SlaRow[];
    readonly tickets: readonly TicketRow[];
  };
  readonly tickets: { readonly byDomainAndCategory: readonly TicketBreakdownRow[] };
  readonly quotes: {
    readonly total: QuoteTimelinessRow;
    readonly byBeneficiary: readonly QuoteTimelinessRow[];
    readonly rows: readonly QuoteRow[];
  };
  readonly penalties: {
    readonly totalCents: number;
    readonly rows: readonly PenaltyRow[];
    readonly bySiret: readonly PenaltySiretRow[];
  };
}
