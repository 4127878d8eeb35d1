/**
 * The commercial terms a quote is made under, from configuration: the VAT rate (20 % by default),
 * how long a sent quote stays valid (3 months by default), the working days given to answer
 * (10, CCTP 5.6.6.2) and the late-penalty rules (CCAG-TIC 2021 by default). They are frozen on each
 * quote when its request is received, as the SLA policy is frozen on a ticket, so that a change of
 * configuration never rewrites a quote already under way.
 */
import { z } from 'zod';
import { ValidationError } from '../errors';
import { CCAG_TIC_2021_RULES, type PenaltyRules, validatePenaltyRules } from '../penalties/penalty-rules';
import { QUOTE_WORKING_DAYS } from './quote-deadline';

/** Frozen terms of a quote. */
export interface QuoteTerms {
  /** VAT rate in basis points (hundredths of a percent): 2000 = 20 %, 850 = 8,5 %. */
  readonly vatRateBp: number;
  /** Months a sent quote can be accepted. */
  readonly validityMonths: number;
  /** Working days the Titulaire has to send the quote. */
  readonly answerWorkingDays: number;
  readonly penaltyRules: PenaltyRules;
}

/** The terms as configuration gives them; every field has a default. */
export interface QuoteTermsInput {
  /** Percent, at most two decimals: 20, "8,5". */
  readonly vatRatePercent?: number | string;
  readonly validityMonths?: number;
  readonly answerWorkingDays?: number;
  readonly penaltyRules?: PenaltyRules;
}

/** 20 %, the French standard rate. */
export const DEFAULT_VAT_RATE_BP = 2000;
/** Three months, a usual validity of a quote to a public buyer. */
export const DEFAULT_VALIDITY_MONTHS = 3;

/** 20 % VAT, 3 months of validity, 10 working days, CCAG-TIC 2021 penalties. */
export const DEFAULT_QUOTE_TERMS: QuoteTerms = Object.freeze({
  vatRateBp: DEFAULT_VAT_RATE_BP,
  validityMonths: DEFAULT_VALIDITY_MONTHS,
  answerWorkingDays: QUOTE_WORKING_DAYS,
  penaltyRules: CCAG_TIC_2021_RULES,
});

const schema = z.object({
  vatRatePercent: z
    .union([z.number(), z.string()])
    .optional()
    .transform((value, ctx): number => {
      if (value === undefined) return DEFAULT_VAT_RATE_BP;
      const bp = vatRateToBasisPoints(value);
      if (bp !== undefined) return bp;
      ctx.addIssue({
        code: 'custom',
        message: 'taux de TVA invalide : un pourcentage de 0 à 100, deux décimales au plus',
      });
      return z.NEVER;
    }),
  validityMonths: z
    .number()
    .int({ error: 'durée de validité : un nombre entier de mois' })
    .min(1, { error: 'durée de validité : au moins 1 mois' })
    .max(24, { error: 'durée de validité : au plus 24 mois' })
    .default(DEFAULT_VALIDITY_MONTHS),
  answerWorkingDays: z
    .number()
    .int({ error: 'délai de réponse : un nombre entier de jours ouvrés' })
    .min(1, { error: 'délai de réponse : au moins 1 jour ouvré' })
    .max(60, { error: 'délai de réponse : au plus 60 jours ouvrés' })
    .default(QUOTE_WORKING_DAYS),
  penaltyRules: z.unknown().optional(),
});

/** Terms from configuration, defaults filled in; French `ValidationError` naming the bad settings. */
export function makeQuoteTerms(input: QuoteTermsInput = {}): QuoteTerms {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw new ValidationError(
      `Conditions des devis invalides : ${issues.map((i) => i.message).join(' ; ')}.`,
      issues,
    );
  }
  const { vatRatePercent, validityMonths, answerWorkingDays, penaltyRules } = parsed.data;
  return Object.freeze({
    vatRateBp: vatRatePercent,
    validityMonths,
    answerWorkingDays,
    penaltyRules: penaltyRules === undefined ? CCAG_TIC_2021_RULES : validatePenaltyRules(penaltyRules),
  });
}

/** Basis points of a percentage with at most two decimals (20 → 2000, "8,5" → 850); `undefined` otherwise. */
export function vatRateToBasisPoints(percent: number | string): number | undefined {
  const text =
    typeof percent === 'number' ? String(percent) : percent.trim().replace(',', '.').replace(/\s*%$/, '');
  const m = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(text);
  if (!m) return undefined;
  const bp = Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0'));
  return bp <= 10_000 ? bp : undefined;
}

/** "20 %", "8,5 %" (French decimal comma, no-break space before the sign). */
export function formatVatRate(bp: number): string {
  const whole = Math.floor(bp / 100);
  const decimals = String(bp % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return `${whole}${decimals ? `,${decimals}` : ''}\u00a0%`;
}
