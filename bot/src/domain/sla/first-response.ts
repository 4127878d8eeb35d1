/**
 * Incident first-response deadline (CCTP 5.6.6.1): the instant at which the target of the ticket's
 * severity × modality has run on its clock since opening. Compliance = first response at or before it.
 */
import type { BusinessCalendar } from '../calendar/business-calendar';
import { type Instant, formatInstant, parseInstant } from '../calendar/instant';
import type { SlaPolicy } from './policy';
import { type Modality, type Severity, parseModality, parseSeverity } from './severity';
import { clockAddMs, policyCalendar } from './target-clock';

/** What the deadlines of a ticket depend on. */
export interface IncidentOpening {
  readonly severity: Severity;
  readonly modality: Modality;
  readonly openedAt: Instant;
}

/** First-response due instant in epoch ms, for already validated values (hot path). */
export function firstResponseDueMs(
  policy: SlaPolicy,
  calendar: BusinessCalendar,
  severity: Severity,
  modality: Modality,
  openedMs: number,
): number {
  const target = policy.firstResponse[severity][modality];
  return clockAddMs(policyCalendar(policy, calendar), target.clock, openedMs, target.targetMs);
}

/** First-response due instant of a ticket, UTC ISO-8601. */
export function firstResponseDue(
  policy: SlaPolicy,
  calendar: BusinessCalendar,
  opening: IncidentOpening,
): Instant {
  const { severity, modality, openedMs } = parseOpening(opening);
  return formatInstant(firstResponseDueMs(policy, calendar, severity, modality, openedMs));
}

/** True when the first response came at or before the due instant. */
export function isFirstResponseOnTime(
  policy: SlaPolicy,
  calendar: BusinessCalendar,
  opening: IncidentOpening,
  respondedAt: Instant,
): boolean {
  const { severity, modality, openedMs } = parseOpening(opening);
  return (
    parseInstant(respondedAt, 'respondedAt') <=
    firstResponseDueMs(policy, calendar, severity, modality, openedMs)
  );
}

/** Validates an opening; French `ValidationError` on a bad severity, modality or instant. */
export function parseOpening(opening: IncidentOpening): {
  severity: Severity;
  modality: Modality;
  openedMs: number;
} {
  return {
    severity: parseSeverity(opening.severity),
    modality: parseModality(opening.modality),
    openedMs: parseInstant(opening.openedAt, 'openedAt'),
  };
}
