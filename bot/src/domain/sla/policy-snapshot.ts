/**
 * Freezing the policy on a ticket: when a ticket is opened it keeps a copy of the policy in force,
 * so a later change of targets never rewrites the deadlines of tickets already open. The snapshot is
 * plain JSON data (stored with the ticket) and is validated again when read back.
 */
import { z } from 'zod';
import { type Instant, formatInstant, parseInstant } from '../calendar/instant';
import { compileWindows } from '../calendar/weekly-windows';
import { ValidationError } from '../errors';
import { type SlaPolicy, deepFreeze } from './policy';

/** A policy as frozen on a ticket, with the instant it was frozen. */
export type PolicySnapshot = SlaPolicy & { readonly frozenAt: Instant };

const target = z.strictObject({
  targetMs: z.number().int().positive(),
  clock: z.enum(['business', 'elapsed']),
  alertHours: z.enum(['business', 'any']),
});
const modalityTargets = z.strictObject({ 1: target, 2: target });
const window = z.strictObject({ days: z.array(z.number().int()), from: z.string(), to: z.string() });

const policySchema = z.strictObject({
  id: z.string().min(1),
  label: z.string(),
  windows: z.array(window).min(1),
  firstResponse: z.strictObject({
    1: modalityTargets,
    2: modalityTargets,
    3: modalityTargets,
    4: modalityTargets,
  }),
  restoration: z.strictObject({
    1: modalityTargets.optional(),
    2: modalityTargets.optional(),
    3: modalityTargets.optional(),
    4: modalityTargets.optional(),
  }),
  alertThresholdsPercent: z.array(z.number().positive().max(1000)),
  frozenAt: z.string().optional(),
});

/** Validates a policy and returns a frozen, serialisable snapshot of it taken at `at`. */
export function freezePolicy(policy: SlaPolicy, at: Instant): PolicySnapshot {
  const frozenAt = formatInstant(parseInstant(at, 'frozenAt'));
  return validate({ ...(JSON.parse(JSON.stringify(policy)) as SlaPolicy), frozenAt });
}

/** Reads a stored snapshot back (e.g. from a ticket document); throws a `ValidationError` if it is corrupt. */
export function policyFromSnapshot(data: unknown): PolicySnapshot {
  const snapshot = validate(JSON.parse(JSON.stringify(data ?? null)) as unknown);
  parseInstant(snapshot.frozenAt, 'frozenAt');
  return snapshot;
}

/** Checks a policy table (targets, windows, thresholds) and throws a French `ValidationError` if wrong. */
export function validatePolicy(policy: unknown): SlaPolicy {
  return validate(policy);
}

function validate(data: unknown): PolicySnapshot {
  const parsed = policySchema.safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw new ValidationError(
      `Politique de délais invalide : ${issues.map((i) => i.path || 'racine').join(', ')}.`,
      issues,
    );
  }
  compileWindows(parsed.data.windows);
  const thresholds = [...new Set(parsed.data.alertThresholdsPercent)].sort((a, b) => a - b);
  return deepFreeze({ ...parsed.data, alertThresholdsPercent: thresholds }) as unknown as PolicySnapshot;
}
