/**
 * Late-penalty rules as configuration, since each contract's annex may override them. Default: the
 * CCAG-TIC 2021 formula (art. 14.1.1) P = V × R / 1000, V = value excluding VAT, R = days late, with its
 * two options (exemption up to 1 000 € HT for the whole contract, cap at 10 % of V) switched off.
 * Every amount is an integer number of euro cents.
 */
import { z } from 'zod';
import { ValidationError } from '../errors';

/** How a penalty grows with lateness. */
export type PenaltyRate =
  /** P = V × R / divisor (CCAG-TIC 2021: divisor 1000). */
  | { readonly kind: 'proportional'; readonly divisor: number }
  /** A fixed amount per day late. */
  | { readonly kind: 'per-day'; readonly amountCents: number }
  /** A fixed amount per started hour late. */
  | { readonly kind: 'per-hour'; readonly amountCents: number };

/** Which days count as "days late": calendar days or working days of the beneficiary's calendar. */
export type LateDayCount = 'calendar' | 'working';

/** A contract's penalty rules. */
export interface PenaltyRules {
  readonly rate: PenaltyRate;
  readonly lateDays: LateDayCount;
  /** Cap as a percentage of V (e.g. 10 → P ≤ 10 % of V), at most two decimals; `null`: no cap. */
  readonly capPercent: number | null;
  /** No penalty at all while the contract's penalties total at most this; `null`: no exemption. */
  readonly exemptionThresholdCents: number | null;
}

/** The CCAG-TIC 2021 cap option: 10 % of the value excluding VAT. */
export const CCAG_TIC_2021_CAP_PERCENT = 10;
/** The CCAG-TIC 2021 exemption option: 1 000 € HT for the whole contract. */
export const CCAG_TIC_2021_EXEMPTION_CENTS = 100_000;

/** CCAG-TIC 2021 art. 14.1.1 default, in calendar days (the CCAG's unit), options off. */
export const CCAG_TIC_2021_RULES: PenaltyRules = Object.freeze({
  rate: Object.freeze({ kind: 'proportional', divisor: 1000 }),
  lateDays: 'calendar',
  capPercent: null,
  exemptionThresholdCents: null,
});

const cents = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const rulesSchema = z.strictObject({
  rate: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('proportional'), divisor: z.number().int().positive() }),
    z.strictObject({ kind: z.literal('per-day'), amountCents: cents }),
    z.strictObject({ kind: z.literal('per-hour'), amountCents: cents }),
  ]),
  lateDays: z.enum(['calendar', 'working']),
  capPercent: z
    .number()
    .nonnegative()
    .refine((p) => Math.abs(p * 100 - Math.round(p * 100)) < 1e-9, 'deux décimales au plus')
    .nullable(),
  exemptionThresholdCents: cents.nullable(),
});

/** Checks a contract's penalty rules; throws a French `ValidationError` listing the bad fields. */
export function validatePenaltyRules(rules: unknown): PenaltyRules {
  const parsed = rulesSchema.safeParse(rules);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  throw new ValidationError(
    `Règles de pénalités invalides : ${issues.map((i) => i.path || 'racine').join(', ')}.`,
    issues,
  );
}
