/**
 * The request-a-quote form. Input ids are the contract of the form (any client can fill them):
 * subject, need, wishedStart, domain, and beneficiaryId when the requester acts for several
 * beneficiaries; the submit carries `{ action: 'quote.create', formId }`, `formId` making a double
 * submission record one request.
 */
import type { Beneficiary } from '../../domain/beneficiaries/beneficiary';
import type { Issue } from '../../domain/errors';
import { QUOTE_WORKING_DAYS } from '../../domain/quotes/quote-deadline';
import { NEED_MAX, SUBJECT_MAX } from '../../domain/quotes/quote-request-form';
import { DOMAIN_LABELS, INCIDENT_DOMAINS } from '../../domain/tickets/incident-form';
import {
  card,
  choiceInput,
  submit,
  text,
  textInput,
  type AdaptiveCard,
  type CardElement,
} from './adaptive-card';

/** The Action.Submit verb of the form. */
export const QUOTE_CREATE_ACTION = 'quote.create';

export interface QuoteFormState {
  formId: string;
  /** What the user typed, to keep it when the form comes back with errors. */
  values?: Record<string, string>;
  issues?: Issue[];
  /** Shown as a choice when the requester acts for several beneficiaries. */
  beneficiaries?: Pick<Beneficiary, 'siret' | 'name'>[];
}

/** The form card, with the server's French error under each input that has one. */
export function quoteFormCard(state: QuoteFormState): AdaptiveCard {
  const v = state.values ?? {};
  const errorOf = (id: string) => state.issues?.find((i) => i.path === id)?.message;
  const body: CardElement[] = [
    text('Demander un devis', { size: 'Large', weight: 'Bolder' }),
    text(
      `Le Titulaire vous envoie son devis au plus tard le ${QUOTE_WORKING_DAYS}e jour ouvré suivant votre demande : ` +
        'calendrier prévisionnel, coût par phase et par livrable, profils proposés.',
      { isSubtle: true, spacing: 'None' },
    ),
    ...(state.issues?.length
      ? [
          text('Le formulaire contient des erreurs : corrigez-les puis envoyez-le à nouveau.', {
            color: 'Attention',
          }),
        ]
      : []),
    ...beneficiaryChoice(state, errorOf('beneficiaryId')),
    ...textInput('subject', 'Objet', {
      value: v.subject,
      isRequired: true,
      maxLength: SUBJECT_MAX,
      placeholder: 'Ex. : migration de la messagerie vers Exchange Online',
      problem: errorOf('subject'),
    }),
    ...textInput('need', 'Votre besoin', {
      value: v.need,
      isRequired: true,
      isMultiline: true,
      maxLength: NEED_MAX,
      placeholder: 'Le contexte, le résultat attendu, les contraintes (volumes, sites, échéances).',
      problem: errorOf('need'),
    }),
    ...dateInput('wishedStart', 'Début souhaité (facultatif)', v.wishedStart, errorOf('wishedStart')),
    ...choiceInput(
      'domain',
      'Domaine',
      INCIDENT_DOMAINS.map((d) => ({ title: DOMAIN_LABELS[d], value: d })),
      {
        value: v.domain,
        isRequired: true,
        placeholder: 'Choisissez un domaine',
        problem: errorOf('domain'),
      },
    ),
  ];
  return card(body, [submit('Envoyer la demande', QUOTE_CREATE_ACTION, { formId: state.formId })]);
}

function beneficiaryChoice(state: QuoteFormState, error?: string): CardElement[] {
  if (!state.beneficiaries || state.beneficiaries.length < 2) return [];
  return choiceInput(
    'beneficiaryId',
    'Pour quelle organisation ?',
    state.beneficiaries.map((b) => ({ title: b.name, value: b.siret })),
    { value: state.values?.beneficiaryId, isRequired: true, problem: error },
  );
}

/** A labelled date picker (Input.Date sends `YYYY-MM-DD`), with the server's error under it. */
function dateInput(id: string, label: string, value?: string, problem?: string): CardElement[] {
  return [
    // A value the date picker cannot show (a typing error sent by another client) is left out.
    { type: 'Input.Date', id, label, ...(value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? { value } : {}) },
    ...(problem ? [text(problem, { color: 'Attention', size: 'Small', spacing: 'None' })] : []),
  ];
}
