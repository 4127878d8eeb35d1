/**
 * Who the Titulaire is on a printed quote or order. It comes from configuration, not from the
 * quote: the contractor's legal identity (name, SIRET, registered address, VAT number) is the same
 * on every document, and a public buyer checks it against the agreement. It names the company
 * only, never an account manager: the documents circulate outside the service.
 */
import type { BeneficiaryKind } from '../domain/beneficiaries/beneficiary';
import { type PaymentDelay, paymentDelayOf } from '../domain/beneficiaries/payment-delay';
import { isValidSiret } from '../domain/beneficiaries/siret';
import { ValidationError } from '../domain/errors';

/** The contractor's legal identity as printed. */
export interface TitulaireIdentity {
  /** Company name (raison sociale). */
  readonly name: string;
  /** "SAS au capital de 150 000 €". */
  readonly legalForm?: string;
  readonly siret: string;
  /** Intra-community VAT number, "FR72847129053". */
  readonly vatNumber?: string;
  /** "RCS Lyon 847 129 053". */
  readonly registration?: string;
  /** Registered address, one line each. */
  readonly address: readonly string[];
  /** A service mailbox (never a person's address). */
  readonly email?: string;
  readonly phone?: string;
}

/** The kind of a beneficiary by SIRET (the beneficiary registry); `undefined` when unknown. */
export type BeneficiaryKindLookup = (siret: string) => Promise<BeneficiaryKind | undefined>;

/** The parties a document needs besides what the quote or order carries. */
export interface DocumentParties {
  readonly titulaire: TitulaireIdentity;
  /**
   * The beneficiary's kind, which sets the payment delay printed. Without it (or for an unknown
   * SIRET) the documents print the general delay of public buyers.
   */
  readonly beneficiaryKindOf?: BeneficiaryKindLookup;
}

/** The parties of the service's documents: the configured Titulaire, and the registry for kinds. */
export function documentParties(
  titulaire: TitulaireIdentity,
  registry: { get(siret: string): Promise<{ readonly kind: BeneficiaryKind } | undefined> },
): DocumentParties {
  return { titulaire, beneficiaryKindOf: async (siret) => (await registry.get(siret))?.kind };
}

/** The payment delay that binds the beneficiary of a document. */
export async function paymentDelayFor(parties: DocumentParties, siret: string): Promise<PaymentDelay> {
  return paymentDelayOf(await parties.beneficiaryKindOf?.(siret));
}

/** An invented contractor for demos and tests (Luhn-valid SIRET, reserved `.example` domain). */
export const DEMO_TITULAIRE: TitulaireIdentity = Object.freeze({
  name: 'Azurine Services Numériques',
  legalForm: 'SAS au capital de 150 000 €',
  siret: '84712905300017',
  vatNumber: 'FR72847129053',
  registration: 'RCS Lyon 847 129 053',
  address: Object.freeze(["12 rue de l'Exemple", '69003 Lyon']),
  email: 'devis@azurine.example',
});

/** The parties of the demo: the invented Titulaire. */
export const DEMO_PARTIES: DocumentParties = Object.freeze({ titulaire: DEMO_TITULAIRE });

/** Refuses an identity a public buyer would reject: no name or an invalid SIRET. */
export function checkTitulaireIdentity(identity: TitulaireIdentity): TitulaireIdentity {
  const issues = [];
  if (identity.name.trim().length < 2)
    issues.push({ path: 'titulaire.name', message: 'raison sociale manquante' });
  if (!isValidSiret(identity.siret))
    issues.push({ path: 'titulaire.siret', message: 'SIRET du Titulaire invalide' });
  if (issues.length > 0) {
    throw new ValidationError(
      `Identité du Titulaire invalide pour un document contractuel : ${issues.map((i) => i.message).join(' ; ')}.`,
      issues,
    );
  }
  return identity;
}
