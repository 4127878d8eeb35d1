/**
 * Optional restoration (resolution) deadline, beyond the contract: its clock pauses while the ticket
 * waits on the beneficiary, so it can only move later, never earlier.
 */
import type { BusinessCalendar } from '../calendar/business-calendar';
import { type Instant, formatInstant } from '../calendar/instant';
import { parseOpening, type IncidentOpening } from './first-response';
import { type Pause, normalisePauses } from './pauses';
import { type SlaPolicy, targetOf } from './policy';
import { dueWithPausesMs, policyCalendar } from './target-clock';

/** `none`: the policy sets no restoration target; `paused`: the clock is stopped with time left. */
export type RestorationStatus =
  | { readonly status: 'none' }
  | { readonly status: 'running'; readonly dueAt: Instant }
  | { readonly status: 'paused'; readonly remainingMs: number; readonly pausedSince: Instant };

/** Restoration due instant of a ticket given its pauses, or why there is none. */
export function restorationDue(
  policy: SlaPolicy,
  calendar: BusinessCalendar,
  opening: IncidentOpening,
  pauses: readonly Pause[] = [],
): RestorationStatus {
  const { severity, modality, openedMs } = parseOpening(opening);
  const target = targetOf(policy, 'restoration', severity, modality);
  if (!target) return { status: 'none' };
  const cal = policyCalendar(policy, calendar);
  const state = dueWithPausesMs(
    cal,
    target.clock,
    openedMs,
    target.targetMs,
    normalisePauses(pauses, openedMs),
  );
  return state.state === 'running'
    ? { status: 'running', dueAt: formatInstant(state.dueMs) }
    : { status: 'paused', remainingMs: state.remainingMs, pausedSince: formatInstant(state.pausedSinceMs) };
}
