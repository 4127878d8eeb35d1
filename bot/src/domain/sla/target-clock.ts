/**
 * The clock a target runs on: business time inside the policy's windows, or elapsed (24/7) time;
 * and how waiting-on-the-beneficiary pauses stop it. Instants are epoch milliseconds here.
 */
import { type BusinessCalendar, withWindows } from '../calendar/business-calendar';
import { addBusinessMs, businessMsBetween } from '../calendar/business-time';
import type { ClockKind, SlaPolicy } from './policy';

/** A pause of the clock in epoch ms, [from, to); `to` is `Infinity` while the pause goes on. */
export interface PauseMs {
  readonly from: number;
  readonly to: number;
}

/** Where a paused-or-running clock stands: due at an instant, or stopped with time left. */
export type ClockStateMs =
  | { readonly state: 'running'; readonly dueMs: number }
  | { readonly state: 'paused'; readonly remainingMs: number; readonly pausedSinceMs: number };

/** The beneficiary's calendar with the policy's business windows. */
export function policyCalendar(policy: SlaPolicy, calendar: BusinessCalendar): BusinessCalendar {
  return withWindows(calendar, policy.windows);
}

/** Instant at which `durationMs` has run on the clock from `startMs`. */
export function clockAddMs(
  calendar: BusinessCalendar,
  clock: ClockKind,
  startMs: number,
  durationMs: number,
): number {
  return clock === 'elapsed' ? startMs + durationMs : addBusinessMs(calendar, startMs, durationMs);
}

/** Time run on the clock in [aMs, bMs). */
export function clockMsBetween(
  calendar: BusinessCalendar,
  clock: ClockKind,
  aMs: number,
  bMs: number,
): number {
  return clock === 'elapsed' ? bMs - aMs : businessMsBetween(calendar, aMs, bMs);
}

/**
 * When `durationMs` has run on the clock from `startMs`, not counting the pauses (sorted, disjoint,
 * none before `startMs`). A due instant exactly at a pause's start stays due then.
 */
export function dueWithPausesMs(
  calendar: BusinessCalendar,
  clock: ClockKind,
  startMs: number,
  durationMs: number,
  pauses: readonly PauseMs[],
): ClockStateMs {
  let cursor = startMs;
  let remaining = durationMs;
  for (const pause of pauses) {
    if (pause.to <= cursor) continue;
    const due = clockAddMs(calendar, clock, cursor, remaining);
    if (due <= pause.from) return { state: 'running', dueMs: due };
    remaining -= clockMsBetween(calendar, clock, cursor, Math.max(cursor, pause.from));
    if (pause.to === Infinity) return { state: 'paused', remainingMs: remaining, pausedSinceMs: pause.from };
    cursor = Math.max(cursor, pause.to);
  }
  return { state: 'running', dueMs: clockAddMs(calendar, clock, cursor, remaining) };
}
