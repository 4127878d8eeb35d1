/**
 * What "in the period" and "at the end of the period" mean for one document: its local date in its
 * own beneficiary's zone (frozen on it), and a cut-off instant — the end of the period in that zone,
 * or the moment the report is made if the period is not over. Figures are taken as they stood at the
 * cut-off, so a report on a past period gives the same numbers whenever it is run.
 */
import type { LocalDate } from '../calendar/civil-date';
import { type Instant, parseInstant } from '../calendar/instant';
import type { ZoneSlug } from '../calendar/zones';
import { localDateOf } from '../quotes/quote-calendar';
import { type ReportPeriod, periodContains, periodEndIn } from './report-period';

/** A period seen from the moment the report is made. */
export interface PeriodScope {
  readonly period: ReportPeriod;
  readonly asOfMs: number;
  /** End of the period in the zone, or the report's moment when earlier (epoch ms). */
  cutoffMs(zone: ZoneSlug): number;
  /** Local date of `at` in the zone when it falls in the period, at or before the cut-off. */
  dateInPeriod(zone: ZoneSlug, at: Instant): LocalDate | undefined;
  /** True when `at` is at or before the cut-off of the zone. */
  byCutoff(zone: ZoneSlug, at: Instant): boolean;
}

/** The scope of a period for a report made at `asOf`. */
export function periodScope(period: ReportPeriod, asOf: Instant): PeriodScope {
  const asOfMs = parseInstant(asOf, 'asOf');
  const cutoffs = new Map<ZoneSlug, number>();
  const cutoffMs = (zone: ZoneSlug): number => {
    let cutoff = cutoffs.get(zone);
    if (cutoff === undefined) {
      // Exclusive end: midnight starting the next day; an instant equal to it is already outside.
      cutoff = Math.min(asOfMs, parseInstant(periodEndIn(period, zone)) - 1);
      cutoffs.set(zone, cutoff);
    }
    return cutoff;
  };
  const byCutoff = (zone: ZoneSlug, at: Instant) => parseInstant(at) <= cutoffMs(zone);
  return {
    period,
    asOfMs,
    cutoffMs,
    byCutoff,
    dateInPeriod: (zone, at) => {
      const date = localDateOf(zone, at);
      return periodContains(period, date) && byCutoff(zone, at) ? date : undefined;
    },
  };
}
