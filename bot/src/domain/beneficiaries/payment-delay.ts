/**
 * The maximum payment delay a public buyer owes the Titulaire, by kind of beneficiary (code de la
 * commande publique): 30 days for public buyers in general (art. R. 2192-10), 50 days for public
 * health establishments and the armed forces' health service establishments (art. R. 2192-11, 1°).
 * Printed on quotes and orders, so each beneficiary reads the delay that binds it.
 */
import type { BeneficiaryKind } from './beneficiary';

/** A payment delay and the article that sets it. */
export interface PaymentDelay {
  readonly days: number;
  /** "R. 2192-10", as printed after "article". */
  readonly article: string;
}

/** The general delay of public buyers (art. R. 2192-10). */
export const GENERAL_PAYMENT_DELAY: PaymentDelay = Object.freeze({ days: 30, article: 'R. 2192-10' });

/** The delay of health establishments (art. R. 2192-11, 1°). */
export const HEALTH_PAYMENT_DELAY: PaymentDelay = Object.freeze({ days: 50, article: 'R. 2192-11' });

const HEALTH_KINDS: ReadonlySet<BeneficiaryKind> = new Set<BeneficiaryKind>([
  'etablissement-sante',
  'etablissement-sante-armees',
]);

/** The delay that binds a beneficiary of this kind; the general one when the kind is unknown. */
export function paymentDelayOf(kind: BeneficiaryKind | undefined): PaymentDelay {
  return kind !== undefined && HEALTH_KINDS.has(kind) ? HEALTH_PAYMENT_DELAY : GENERAL_PAYMENT_DELAY;
}
