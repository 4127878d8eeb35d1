/**
 * Penalty amounts in integer euro cents, computed with BigInt so that no floating-point drift can
 * creep in. Rounding rule (one, everywhere): a result falling between two cents is rounded to the
 * nearest cent, halves rounded up.
 */
import { type Instant, parseInstant } from '../calendar/instant';
import { HOUR_MS } from '../sla/policy';
import { ValidationError } from '../errors';
import { type PenaltyRules, validatePenaltyRules } from './penalty-rules';

/** How late a service was: both day counts (the rules pick one) and, for hourly rates, started hours. */
export interface Lateness {
  readonly calendarDays: number;
  readonly workingDays: number;
  readonly hours?: number;
}

/** A penalty: the amount due, the amount before the cap, and whether the cap applied. */
export interface PenaltyResult {
  readonly amountCents: number;
  readonly uncappedCents: number;
  readonly capped: boolean;
}

/** Penalty for one late service of value `valueExclVatCents` (V, excluding VAT). */
export function penaltyFor(
  rules: PenaltyRules,
  valueExclVatCents: number | bigint,
  late: Lateness,
): PenaltyResult {
  const checked = validatePenaltyRules(rules);
  const value = nonNegativeInteger(valueExclVatCents, 'valueExclVatCents');
  const days = nonNegativeInteger(
    checked.lateDays === 'working' ? late.workingDays : late.calendarDays,
    'days late',
  );
  const rate = checked.rate;
  let uncapped: bigint;
  if (rate.kind === 'proportional') uncapped = divideRoundHalfUp(value * days, BigInt(rate.divisor));
  else if (rate.kind === 'per-day') uncapped = BigInt(rate.amountCents) * days;
  else uncapped = BigInt(rate.amountCents) * nonNegativeInteger(late.hours ?? 0, 'hours late');
  let amount = uncapped;
  if (checked.capPercent !== null) {
    const cap = divideRoundHalfUp(value * BigInt(Math.round(checked.capPercent * 100)), 10_000n);
    if (cap < amount) amount = cap;
  }
  return {
    amountCents: toSafeNumber(amount),
    uncappedCents: toSafeNumber(uncapped),
    capped: amount < uncapped,
  };
}

/** Total of a contract's penalties, zero when the exemption applies (total ≤ the threshold). */
export function contractPenaltyTotal(
  rules: PenaltyRules,
  amountsCents: readonly number[],
): { totalCents: number; exempt: boolean } {
  const checked = validatePenaltyRules(rules);
  const total = amountsCents.reduce(
    (sum, amount, i) => sum + nonNegativeInteger(amount, `amountsCents[${i}]`),
    0n,
  );
  const exempt = checked.exemptionThresholdCents !== null && total <= BigInt(checked.exemptionThresholdCents);
  return { totalCents: exempt ? 0 : toSafeNumber(total), exempt };
}

/** Started hours between the due instant and the actual one (0 when on time): 1 min late is 1 hour. */
export function startedHoursLate(dueAt: Instant, doneAt: Instant): number {
  const lateMs = parseInstant(doneAt, 'doneAt') - parseInstant(dueAt, 'dueAt');
  return lateMs > 0 ? Math.ceil(lateMs / HOUR_MS) : 0;
}

/** numerator / denominator rounded to the nearest integer, halves up (both non-negative). */
export function divideRoundHalfUp(numerator: bigint, denominator: bigint): bigint {
  return (numerator * 2n + denominator) / (denominator * 2n);
}

function nonNegativeInteger(value: number | bigint, field: string): bigint {
  if (typeof value === 'bigint' ? value >= 0n : Number.isSafeInteger(value) && value >= 0)
    return BigInt(value);
  throw new ValidationError(`${field} : attendu un entier positif ou nul (${String(value)}).`, [
    { path: field, message: 'entier ≥ 0 attendu' },
  ]);
}

function toSafeNumber(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER))
    throw new ValidationError('Montant de pénalité trop grand pour être représenté.');
  return Number(value);
}
