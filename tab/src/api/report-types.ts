/**
 * Reports as GET /api/v1/reports?format=json returns them.
 */
import type { Severity } from './ticket-types';

/** The documents behind a report figure. */
export interface ReportTrace {
  ids: string[];
  numbers: string[];
}

/** One month, quarter or year of a report's breakdown. */
export interface ReportBucket {
  kind: 'month' | 'quarter' | 'year';
  /** "2026-10", "2026-T4", "2026". */
  key: string;
  /** "octobre 2026", "T4 2026", "2026". */
  label: string;
}

/** Business volume (orders HT, in cents) of a bucket, overall (`siret` null) or for one beneficiary. */
export interface ReportVolumeRow {
  bucket: ReportBucket;
  siret: string | null;
  beneficiaryName: string | null;
  orderCount: number;
  htCents: number;
  vatCents: number;
  ttcCents: number;
  trace: ReportTrace;
}

/** What the period's orders bought on one price-schedule line. */
export interface ReportPriceLineRow {
  code: string;
  label: string;
  unitPriceCents: number;
  quantity: number;
  lineCount: number;
  htCents: number;
  /** Share of the period's volume HT, in basis points. */
  shareBp: number;
}

/** First-response compliance of a group of tickets received in the period. */
export interface ReportSlaRow {
  severity: Severity | null;
  siret: string | null;
  beneficiaryName: string | null;
  onTime: ReportTrace;
  late: ReportTrace;
  openLate: ReportTrace;
  pending: ReportTrace;
  /** In basis points; null when no ticket counts. */
  complianceBp: number | null;
}

/** Timeliness of a group of quote requests received in the period. */
export interface ReportQuoteTimelinessRow {
  siret: string | null;
  beneficiaryName: string | null;
  onTime: ReportTrace;
  late: ReportTrace;
  overdue: ReportTrace;
  pending: ReportTrace;
  averageCalendarDaysLate: number | null;
  /** In basis points; null when no quote counts. */
  onTimeBp: number | null;
}

/** GET /api/v1/reports?format=json: amounts in euro cents, rates in basis points. */
export interface ReportData {
  period: { kind: 'month' | 'quarter' | 'year'; key: string; label: string; start: string; end: string };
  scope: { siret: string | null; beneficiaryName: string | null };
  generatedAt: string;
  volume: { total: ReportVolumeRow; rows: ReportVolumeRow[] };
  orders: { id: string; number: string; counted: boolean }[];
  priceLines: ReportPriceLineRow[];
  sla: { total: ReportSlaRow; bySeverity: ReportSlaRow[]; byBeneficiary: ReportSlaRow[]; tickets: unknown[] };
  quotes: { total: ReportQuoteTimelinessRow };
  penalties: { totalCents: number };
}
