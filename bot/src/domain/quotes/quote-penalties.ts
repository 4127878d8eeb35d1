/**
 * Penalties of late quotes over a whole contract. Each quote records the penalty its first answer
 * accrued (formula and cap applied); the exemption option (no penalty at all while the contract's
 * total stays at or below a threshold, 1 000 € HT in the CCAG-TIC) can only be judged on the total,
 * so it is applied here, when the CANUT's report or the Titulaire's statement sums them.
 */
import { contractPenaltyTotal } from '../penalties/penalty-amount';
import type { PenaltyRules } from '../penalties/penalty-rules';
import type { Quote } from './quote';

/** A contract's quote penalties: the total due (zero when exempt) and the quotes that were late. */
export interface QuotePenaltyStatement {
  readonly totalCents: number;
  readonly exempt: boolean;
  readonly lateQuotes: readonly { readonly number: string; readonly amountCents: number }[];
}

/** Sums the penalties recorded on the quotes of a contract under its rules (exemption included). */
export function quotePenaltyStatement(
  quotes: readonly Pick<Quote, 'number' | 'timeliness'>[],
  rules: PenaltyRules,
): QuotePenaltyStatement {
  const late = quotes.flatMap((q) =>
    q.timeliness && !q.timeliness.onTime
      ? [{ number: q.number, amountCents: q.timeliness.penalty.amountCents }]
      : [],
  );
  const { totalCents, exempt } = contractPenaltyTotal(
    rules,
    late.map((l) => l.amountCents),
  );
  return { totalCents, exempt, lateQuotes: late };
}
