/**
 * Alert schedule: the instants at which each threshold of a target (default 50 %, 80 %, 100 % =
 * breach) has run. An alert that falls outside the alert hours of its target (DESIGN.md: business
 * windows, except severities 1–2 under modality 2) is moved to the next window start.
 */
import type { BusinessCalendar } from '../calendar/business-calendar';
import { isWithinWindowMs, nextWindowStartMs } from '../calendar/business-time';
import { type Instant, formatInstant } from '../calendar/instant';
import { type IncidentOpening, parseOpening } from './first-response';
import { type Pause, normalisePauses } from './pauses';
import { type SlaPolicy, type TargetKind, targetOf } from './policy';
import { dueWithPausesMs, policyCalendar } from './target-clock';

/** One alert: its threshold, when to send it (`null` while the clock is paused before it), breach or not. */
export interface AlertPoint {
  readonly percent: number;
  readonly at: Instant | null;
  readonly breach: boolean;
}

/** Options: which target (first response by default) and, for restoration, the ticket's pauses. */
export interface AlertOptions {
  readonly kind?: TargetKind;
  readonly pauses?: readonly Pause[];
}

/** The alert instants of a ticket's target, in threshold order; empty when the policy sets no target. */
export function alertSchedule(
  policy: SlaPolicy,
  calendar: BusinessCalendar,
  opening: IncidentOpening,
  options: AlertOptions = {},
): AlertPoint[] {
  const kind = options.kind ?? 'firstResponse';
  const { severity, modality, openedMs } = parseOpening(opening);
  const target = targetOf(policy, kind, severity, modality);
  if (!target) return [];
  const cal = policyCalendar(policy, calendar);
  // The first-response clock never pauses (DESIGN.md): only restoration takes pauses into account.
  const pauses = kind === 'restoration' ? normalisePauses(options.pauses ?? [], openedMs) : [];
  return policy.alertThresholdsPercent.map((percent) => {
    // Rounded up so that an alert never fires before its threshold is actually reached.
    const duration = Math.ceil((target.targetMs * percent) / 100);
    const state = dueWithPausesMs(cal, target.clock, openedMs, duration, pauses);
    if (state.state === 'paused') return { percent, at: null, breach: percent >= 100 };
    let at = state.dueMs;
    if (target.alertHours === 'business' && !isWithinWindowMs(cal, at)) at = nextWindowStartMs(cal, at);
    return { percent, at: formatInstant(at), breach: percent >= 100 };
  });
}
