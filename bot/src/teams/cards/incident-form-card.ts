/**
 * The declare-incident form. Input ids are the contract of the form (any client can fill them):
 * severity, category, domain, title, description, phone; the submit carries
 * `{ action: 'incident.create', formId }`, `formId` making a double submission open one ticket.
 */
import type { Beneficiary } from '../../domain/beneficiaries/beneficiary';
import type { Issue } from '../../domain/errors';
import {
  CATEGORY_LABELS,
  DESCRIPTION_MAX,
  DOMAIN_LABELS,
  INCIDENT_CATEGORIES,
  INCIDENT_DOMAINS,
  SEVERITY_CHOICES,
  TITLE_MAX,
} from '../../domain/tickets/incident-form';
import {
  card,
  choiceInput,
  submit,
  text,
  textInput,
  type AdaptiveCard,
  type CardElement,
} from './adaptive-card';

export interface IncidentFormState {
  formId: string;
  /** What the user typed, to keep it when the form comes back with errors. */
  values?: Record<string, string>;
  issues?: Issue[];
  /** Shown as a choice when the requester acts for several beneficiaries. */
  beneficiaries?: Pick<Beneficiary, 'siret' | 'name'>[];
  /** On-behalf declaration by the support: the beneficiary is fixed and the reception is recorded. */
  onBehalfOf?: Pick<Beneficiary, 'siret' | 'name'>;
}

/** The form card, with the server's French error under each input that has one. */
export function incidentFormCard(state: IncidentFormState): AdaptiveCard {
  const v = state.values ?? {};
  const errorOf = (id: string) => state.issues?.find((i) => i.path === id)?.message;
  const body: CardElement[] = [
    text(state.onBehalfOf ? `Déclarer un incident pour ${state.onBehalfOf.name}` : 'Déclarer un incident', {
      size: 'Large',
      weight: 'Bolder',
    }),
    ...(state.issues?.length
      ? [
          text('Le formulaire contient des erreurs : corrigez-les puis envoyez-le à nouveau.', {
            color: 'Attention',
          }),
        ]
      : []),
    ...beneficiaryChoice(state, errorOf('beneficiaryId')),
    ...incidentInputs(v, errorOf),
    ...onBehalfInputs(state, errorOf),
  ];
  const data = {
    formId: state.formId,
    ...(state.onBehalfOf ? { beneficiaryId: state.onBehalfOf.siret } : {}),
  };
  return card(body, [
    submit('Envoyer', state.onBehalfOf ? 'incident.createOnBehalf' : 'incident.create', data),
  ]);
}

function beneficiaryChoice(state: IncidentFormState, error?: string): CardElement[] {
  if (state.onBehalfOf || !state.beneficiaries || state.beneficiaries.length < 2) return [];
  return choiceInput(
    'beneficiaryId',
    'Pour quelle organisation ?',
    state.beneficiaries.map((b) => ({ title: b.name, value: b.siret })),
    { value: state.values?.beneficiaryId, isRequired: true, problem: error },
  );
}

function onBehalfInputs(
  state: IncidentFormState,
  errorOf: (id: string) => string | undefined,
): CardElement[] {
  if (!state.onBehalfOf) return [];
  const v = state.values ?? {};
  return [
    ...choiceInput(
      'channel',
      'Reçu par',
      [
        { title: 'Téléphone', value: 'phone' },
        { title: 'Courriel', value: 'email' },
      ],
      { value: v.channel ?? 'phone', isRequired: true, problem: errorOf('channel'), expanded: true },
    ),
    ...textInput('receivedAt', 'Reçu le (heure locale du bénéficiaire, AAAA-MM-JJTHH:MM)', {
      value: v.receivedAt,
      isRequired: true,
      placeholder: '2026-03-03T09:30',
      problem: errorOf('receivedAt'),
    }),
  ];
}

function incidentInputs(
  v: Record<string, string>,
  errorOf: (id: string) => string | undefined,
): CardElement[] {
  return [
    ...choiceInput('severity', 'Gravité', [...SEVERITY_CHOICES], {
      value: v.severity,
      isRequired: true,
      problem: errorOf('severity'),
      expanded: true,
    }),
    ...choiceInput(
      'category',
      'Catégorie',
      INCIDENT_CATEGORIES.map((c) => ({ title: CATEGORY_LABELS[c], value: c })),
      {
        value: v.category ?? 'incident',
        isRequired: true,
        problem: errorOf('category'),
      },
    ),
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
    ...textInput('title', 'Titre', {
      value: v.title,
      isRequired: true,
      maxLength: TITLE_MAX,
      placeholder: 'Ex. : messagerie inaccessible pour tout le service',
      problem: errorOf('title'),
    }),
    ...textInput('description', 'Description', {
      value: v.description,
      isRequired: true,
      isMultiline: true,
      maxLength: DESCRIPTION_MAX,
      placeholder: 'Que se passe-t-il, depuis quand, combien de personnes sont touchées ?',
      problem: errorOf('description'),
    }),
    ...textInput('phone', 'Téléphone pour vous rappeler (facultatif)', {
      value: v.phone,
      style: 'tel',
      problem: errorOf('phone'),
    }),
  ];
}
