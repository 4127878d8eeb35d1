/**
 * The SLA policy table: targets per severity × modality, business windows, alert thresholds and
 * optional restoration targets, as plain serialisable data. `CONTRACT_POLICY` holds the defaults of
 * DESIGN.md (CCTP 5.6.6.1); another agreement supplies its own table instead of changing code.
 * Durations are milliseconds.
 */
import { DEFAULT_WINDOWS, type WeeklyWindows } from '../calendar/weekly-windows';
import type { Modality, Severity } from './severity';

/** `business`: counts only inside the windows; `elapsed`: counts real time, 24/7. */
export type ClockKind = 'business' | 'elapsed';

/** When alerts may be sent: only inside the business windows, or at any time. */
export type AlertHours = 'business' | 'any';

/** One target: how long, on which clock, and when its alerts may be sent. */
export interface SlaTarget {
  readonly targetMs: number;
  readonly clock: ClockKind;
  readonly alertHours: AlertHours;
}

/** A target for each modality of a severity. */
export type ModalityTargets = Readonly<Record<Modality, SlaTarget>>;

/** The whole policy. `restoration` may give targets for some severities only, or none. */
export interface SlaPolicy {
  readonly id: string;
  readonly label: string;
  readonly windows: WeeklyWindows;
  readonly firstResponse: Readonly<Record<Severity, ModalityTargets>>;
  readonly restoration: Readonly<Partial<Record<Severity, ModalityTargets>>>;
  /** Percentages of the target at which alerts fire; 100 is the breach. */
  readonly alertThresholdsPercent: readonly number[];
}

/** Which of the ticket's clocks a computation is about. */
export type TargetKind = 'firstResponse' | 'restoration';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;

/** A target counted in business hours, alerting only inside the business windows. */
export const businessTarget = (hours: number): SlaTarget => ({
  targetMs: hours * HOUR_MS,
  clock: 'business',
  alertHours: 'business',
});
/** A target counted in elapsed time (24/7), alerting at any hour. */
export const elapsedTarget = (hours: number): SlaTarget => ({
  targetMs: hours * HOUR_MS,
  clock: 'elapsed',
  alertHours: 'any',
});

/**
 * The contract's defaults. Modality 2 (24/7) counts elapsed time for severities 1 and 2 only, and
 * only those alerts may go out at night; severities 3 and 4 keep the modality-1 rule because the
 * contract gives them no 24/7 column. The contract sets no restoration target.
 */
export const CONTRACT_POLICY: SlaPolicy = deepFreeze({
  id: 'AOO_2024_PSTM/CCTP-5.6.6.1',
  label: 'Accord-cadre AOO_2024_PSTM : délais de première réponse (CCTP 5.6.6.1)',
  windows: DEFAULT_WINDOWS,
  firstResponse: {
    1: { 1: businessTarget(1), 2: elapsedTarget(1) },
    2: { 1: businessTarget(1), 2: elapsedTarget(1) },
    3: { 1: businessTarget(8), 2: businessTarget(8) },
    4: { 1: businessTarget(24), 2: businessTarget(24) },
  },
  restoration: {},
  alertThresholdsPercent: [50, 80, 100],
});

/** The target of a severity × modality, or `undefined` when the policy sets none (restoration). */
export function targetOf(
  policy: SlaPolicy,
  kind: TargetKind,
  severity: Severity,
  modality: Modality,
): SlaTarget | undefined {
  return policy[kind][severity]?.[modality];
}

/** Freezes an object graph so that a policy cannot be changed behind a ticket's back. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
