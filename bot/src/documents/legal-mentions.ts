/**
 * The legal mentions a public buyer needs on a quote and on an order: the agreement and its general
 * conditions (CCAG-TIC), the prices' origin and currency, the VAT rate, the validity of the offer,
 * and the payment terms of the public procurement code — administrative transfer within the global
 * payment delay that binds the beneficiary (30 days, art. R. 2192-10; 50 days for public health
 * establishments, art. R. 2192-11), late-payment interest and the 40 € recovery indemnity
 * (art. D. 2192-35). Texts only: drawing them is the renderer's job.
 */
import type { PaymentDelay } from '../domain/beneficiaries/payment-delay';
import type { LocalDate } from '../domain/calendar/civil-date';
import { formatFrenchDate } from '../domain/quotes/french-date';
import { formatVatRate } from '../domain/quotes/quote-terms';
import { AGREEMENT } from './agreement-reference';

/** What a quote's mentions depend on. */
export interface QuoteMentionsInput {
  readonly validUntil?: LocalDate;
  readonly validityMonths: number;
  readonly vatRateBp: number;
  readonly scheduleVersion: string;
  /** The delay that binds the beneficiary (`paymentDelayOf` its kind). */
  readonly paymentDelay: PaymentDelay;
}

/** What an order's mentions depend on. */
export interface OrderMentionsInput {
  readonly orderNumber: string;
  /** "DEV-2026-0001 v1". */
  readonly quoteLabel: string;
  readonly vatRateBp: number;
  readonly scheduleVersion: string;
  /** The delay that binds the beneficiary (`paymentDelayOf` its kind). */
  readonly paymentDelay: PaymentDelay;
}

function agreementClause(what: string): string {
  return (
    `${what} en application de l'accord-cadre à bons de commande ${AGREEMENT.reference} — ${AGREEMENT.object}, ` +
    `conclu par ${AGREEMENT.purchasingBody} pour le compte de ses membres, et régi par ses pièces contractuelles ` +
    `et par le ${AGREEMENT.generalConditions}.`
  );
}

function pricesClause(scheduleVersion: string, vatRateBp: number): string {
  return (
    `Prix : prix unitaires hors taxes du bordereau des prix unitaires (BPU) de l'accord-cadre, version ` +
    `${scheduleVersion}. Montants exprimés en euros (€). TVA au taux de ${formatVatRate(vatRateBp)}, ` +
    'calculée sur le total hors taxes et arrondie au centime.'
  );
}

function paymentClause(orderReference: string, delay: PaymentDelay): string {
  const article = delay.article.replace(' ', '\u00a0');
  return (
    `Paiement : par virement administratif, dans le délai global de paiement de ${delay.days}\u00a0jours prévu ` +
    `par le code de la commande publique (article ${article}), à compter de la réception de la facture, déposée sur ` +
    `Chorus Pro et rappelant ${orderReference}. Tout retard de paiement fait courir de plein droit des ` +
    "intérêts moratoires et l'indemnité forfaitaire pour frais de recouvrement de 40\u00a0€ (article D.\u00a02192-35)."
  );
}

/** The mentions printed at the end of a quote. */
export function quoteLegalMentions(input: QuoteMentionsInput): string[] {
  const months = `${input.validityMonths} mois`;
  const validity = input.validUntil
    ? `Validité : ce devis peut être accepté jusqu'au ${formatFrenchDate(input.validUntil)} inclus ` +
      `(${months} à compter de son envoi) ; passé cette date, il expire.`
    : `Validité : ${months} à compter de l'envoi du devis.`;
  return [
    agreementClause('Devis établi'),
    validity,
    "Acceptation : en ligne, dans Guichet, par un approbateur habilité du bénéficiaire. L'acceptation émet " +
      'le bon de commande correspondant, qui reprend les lignes et les montants du présent devis.',
    pricesClause(input.scheduleVersion, input.vatRateBp),
    paymentClause('le numéro du bon de commande', input.paymentDelay),
    'Calendrier prévisionnel, charges et profils présentés conformément au CCTP (article 5.6.6.2) : les ' +
      'intervenants sont désignés par un profil anonymisé (code, niveau, certifications).',
  ];
}

/** The mentions printed at the end of an order. */
export function orderLegalMentions(input: OrderMentionsInput): string[] {
  return [
    agreementClause(`Bon de commande ${input.orderNumber} émis`) +
      ` Il résulte de l'acceptation en ligne du devis ${input.quoteLabel}, dont il reprend les lignes et les prix.`,
    pricesClause(input.scheduleVersion, input.vatRateBp),
    "Exécution : les prestations sont exécutées et réceptionnées dans les conditions de l'accord-cadre et du " +
      'CCAG-TIC ; la facture est émise après constatation du service fait par le bénéficiaire.',
    paymentClause(`le numéro ${input.orderNumber}`, input.paymentDelay),
  ];
}
