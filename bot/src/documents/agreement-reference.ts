/**
 * The framework agreement every quote and order of Guichet is made under. Its reference and its
 * general conditions are what a public buyer's accountant checks first on a quote or an order, so
 * the documents print them from this one place.
 */

/** Reference, nature and object of the agreement, and the general conditions it applies. */
export const AGREEMENT = Object.freeze({
  reference: 'AOO_2024_PSTM',
  nature: 'Accord-cadre à bons de commande',
  object: 'prestations spécialisées sur les technologies Microsoft',
  purchasingBody: 'la CANUT',
  generalConditions:
    'cahier des clauses administratives générales des marchés publics de techniques de ' +
    "l'information et de la communication (CCAG-TIC, arrêté du 30 mars 2021)",
});

/** "Accord-cadre à bons de commande AOO_2024_PSTM — prestations spécialisées sur les technologies Microsoft". */
export function agreementTitle(): string {
  return `${AGREEMENT.nature} ${AGREEMENT.reference} — ${AGREEMENT.object}`;
}
