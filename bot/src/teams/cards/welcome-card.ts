/**
 * The welcome card: who Guichet thinks you are, and the six entry points of the bot.
 */
import { ZONES } from '../../domain/calendar/zones';
import type { Requester } from '../../domain/identity/requester';
import { BENEFICIARY_KINDS } from '../../domain/beneficiaries/beneficiary';
import { actionSet, card, facts, submit, text, type AdaptiveCard, type CardElement } from './adaptive-card';

/** New requests, then follow-up: two rows so that no action set exceeds the host's limit of 5. */
const REQUEST_ACTIONS = [
  { title: 'Déclarer un incident', action: 'incident.start' },
  { title: 'Demander un devis', action: 'quote.start' },
] as const;
const FOLLOW_UP_ACTIONS = [
  { title: 'Mes tickets', action: 'tickets.list' },
  { title: 'Mes devis', action: 'quotes.list' },
  { title: 'Mes commandes', action: 'orders.list' },
  { title: 'Aide', action: 'help' },
] as const;

/** The menu actions, in the order the card shows them; `action` is what Action.Submit sends back. */
export const WELCOME_ACTIONS = [...REQUEST_ACTIONS, ...FOLLOW_UP_ACTIONS];

const SUPPORT_MODALITY = {
  1: 'modalité 1 : jours ouvrés, 8 h – 18 h',
  2: 'modalité 2 : 24 h/24 et 7 j/7 pour les sévérités 1 et 2',
} as const;

/** Builds the welcome card for a resolved requester. */
export function welcomeCard(
  requester: Exclude<Requester, { kind: 'unknown' }>,
  userName?: string,
): AdaptiveCard {
  const hello = userName ? `Bonjour ${userName} !` : 'Bonjour !';
  return card([
    text('Guichet', { size: 'Large', weight: 'Bolder' }),
    text('Accord-cadre AOO_2024_PSTM — prestations spécialisées sur les technologies Microsoft', {
      isSubtle: true,
      spacing: 'None',
    }),
    text(hello),
    ...whoYouAre(requester),
    text(
      'Déclarez un incident ou demandez un devis ici même : chaque demande reçoit son numéro et son délai contractuel, ' +
        'et vous êtes prévenu à chaque étape.',
    ),
    actionSet(REQUEST_ACTIONS.map((a) => submit(a.title, a.action))),
    actionSet(FOLLOW_UP_ACTIONS.map((a) => submit(a.title, a.action))),
  ]);
}

function whoYouAre(requester: Exclude<Requester, { kind: 'unknown' }>): CardElement[] {
  if (requester.kind === 'titulaire') {
    return [text("Vous êtes connecté en tant que membre de l'équipe du Titulaire.")];
  }
  if (requester.kind === 'canut') {
    return [text('Vous êtes connecté en tant que membre du CANUT (consultation et rapports).')];
  }
  const active = requester.beneficiaries.filter((b) => b.active);
  const [first] = active;
  if (!first) return [];
  const elements: CardElement[] = [
    text(`Vous agissez pour **${first.name}**.`),
    facts([
      ['SIRET', first.siret],
      ['Type', BENEFICIARY_KINDS[first.kind]],
      ['Zone', ZONES[first.zone].label],
      ['Support', SUPPORT_MODALITY[first.modality]],
      ['Groupement', first.group],
      [
        'Rôle',
        requester.roles.includes('Beneficiary.Approver') ? 'Approbateur (validation des devis)' : 'Agent',
      ],
    ]),
  ];
  if (active.length > 1) {
    elements.push(
      text(
        `Votre organisation est aussi rattachée à : ${active
          .slice(1)
          .map((b) => b.name)
          .join(', ')}.`,
        { isSubtle: true },
      ),
    );
  }
  return elements;
}
