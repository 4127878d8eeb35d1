/**
 * The card of a ticket, as one viewer sees it: its state, its deadlines in the beneficiary's time,
 * and the buttons of the actions this viewer may make now (support buttons only for the support).
 * The card refreshes itself through `ticket.refresh`, so every viewer sees the current state.
 */
import { ZONES } from '../../domain/calendar/zones';
import { CATEGORY_LABELS, DOMAIN_LABELS, severityTitle } from '../../domain/tickets/incident-form';
import { availableActions } from '../../domain/tickets/lifecycle';
import { beneficiaryTime, supportTime } from '../../domain/tickets/ticket-messages';
import { CHANNEL_LABELS, STATUS_LABELS, type PersonRef, type Ticket } from '../../domain/tickets/ticket';
import { ACTION_TITLES, type TicketActionType } from '../../domain/tickets/ticket-action';
import { isSupport, type TicketActor } from '../../domain/tickets/ticket-actor';
import {
  card,
  cardHeading,
  choiceInput,
  execute,
  facts,
  showCard,
  text,
  textInput,
  withRefresh,
  type AdaptiveCard,
  type CardBanner,
  type CardAction,
  type CardElement,
} from './adaptive-card';

/** The verb prefix of every ticket action; `ticket.refresh` re-renders the card. */
export const TICKET_VERB_PREFIX = 'ticket.';
export const TICKET_REFRESH_VERB = 'ticket.refresh';

export interface TicketCardOptions {
  banner?: CardBanner;
  /** Engineers a ticket may be reassigned to. */
  engineers?: PersonRef[];
}

const DESCRIPTION_SHOWN = 1500;

/** The card of `ticket` for `viewer` (undefined viewer: no buttons). */
export function ticketCard(
  ticket: Ticket,
  viewer: TicketActor | undefined,
  options: TicketCardOptions = {},
): AdaptiveCard {
  const support = viewer ? isSupport(viewer) : false;
  const time = (instant: string) =>
    support ? supportTime(instant, ticket.zone) : beneficiaryTime(instant, ticket.zone);
  const ids = { ticketId: ticket.id, beneficiaryId: ticket.beneficiaryId };
  const body: CardElement[] = [
    ...cardHeading(
      options.banner,
      `${ticket.number} — ${ticket.title}`,
      `${STATUS_LABELS[ticket.status]} · ${severityTitle(ticket.severity)}`,
    ),
    ticketFacts(ticket, time),
    text(
      ticket.description.length > DESCRIPTION_SHOWN
        ? `${ticket.description.slice(0, DESCRIPTION_SHOWN)}…`
        : ticket.description,
      {
        separator: true,
      },
    ),
    ...resolutionFacts(ticket, time),
  ];
  const engineers = options.engineers ?? [];
  // Reassigning needs someone to reassign to: no button when the registry knows no engineer.
  const actions = viewer
    ? availableActions(ticket, viewer)
        .filter((type) => type !== 'reassign' || engineers.length > 0)
        .map((type) => actionButton(type, ids, engineers))
    : [];
  return withRefresh(card(body, actions), TICKET_REFRESH_VERB, ids);
}

function ticketFacts(ticket: Ticket, time: (instant: string) => string): CardElement {
  return facts([
    ['Bénéficiaire', `${ticket.beneficiaryName} (${ZONES[ticket.zone].label}, modalité ${ticket.modality})`],
    ['Catégorie', CATEGORY_LABELS[ticket.category]],
    ['Domaine', DOMAIN_LABELS[ticket.domain]],
    [
      'Reçu',
      `${time(ticket.receivedAt)}${ticket.channel === 'teams' ? '' : ` par ${CHANNEL_LABELS[ticket.channel]}`}`,
    ],
    ['Déclaré par', ticket.declaredBy.name],
    ['Téléphone', ticket.phone],
    ['Première réponse due', time(ticket.firstResponseDueAt)],
    [
      'Prise en charge',
      ticket.firstResponse &&
        `${ticket.firstResponse.by.name}, ${time(ticket.firstResponse.at)} (${ticket.firstResponse.onTime ? 'dans le délai' : 'hors délai'})`,
    ],
    ['Assigné à', ticket.assignee?.name],
    [
      'Rétablissement dû',
      ticket.restoration.status === 'running' ? time(ticket.restoration.dueAt) : undefined,
    ],
  ]);
}

function resolutionFacts(ticket: Ticket, time: (i: string) => string): CardElement[] {
  const r = ticket.resolution;
  if (!r) return [];
  return [
    text("Rapport d'intervention", { weight: 'Bolder', separator: true }),
    facts([
      ['Diagnostic', r.diagnostic],
      ['Actions', r.actions],
      ['Cause', r.cause],
      ['Service rétabli', time(r.restoredAt)],
      ['Résolu par', r.by.name],
    ]),
  ];
}

/**
 * The input id of an action's message. Each action has its own: the fold-out forms are parts of one
 * card, and Adaptive Cards require input ids unique in the whole card (two "message" inputs could
 * also be merged into the wrong action's data by a client).
 */
export function messageInputId(type: 'reply' | 'addInfo' | 'wait'): string {
  return `${type}Message`;
}

/** The action's input values as `parseTicketAction` reads them: its own message input as `message`. */
export function ticketActionValues(type: string, data: Record<string, unknown>): Record<string, unknown> {
  const own = `${type}Message`;
  if (!(own in data)) return data;
  const { [own]: message, ...rest } = data;
  return { ...rest, message };
}

/** A button for a simple action, or a fold-out form for an action with inputs. */
function actionButton(
  type: TicketActionType,
  ids: Record<string, string>,
  engineers: PersonRef[],
): CardAction {
  const verb = `${TICKET_VERB_PREFIX}${type}`;
  const confirm = (inputs: CardElement[]) =>
    showCard(ACTION_TITLES[type], inputs, [execute('Valider', verb, ids, 'positive')]);
  switch (type) {
    case 'reply':
      return confirm(
        textInput(messageInputId('reply'), 'Votre réponse au bénéficiaire', {
          isMultiline: true,
          isRequired: true,
        }),
      );
    case 'addInfo':
      return confirm(
        textInput(messageInputId('addInfo'), "L'information à ajouter", {
          isMultiline: true,
          isRequired: true,
        }),
      );
    case 'wait':
      return confirm(
        textInput(messageInputId('wait'), 'Ce que vous attendez du bénéficiaire (facultatif)', {
          isMultiline: true,
        }),
      );
    case 'reopen':
      return confirm(
        textInput('reason', 'Pourquoi rouvrir le ticket ?', { isMultiline: true, isRequired: true }),
      );
    case 'resolve':
      return confirm([
        ...textInput('diagnostic', 'Diagnostic', { isMultiline: true, isRequired: true }),
        ...textInput('actions', 'Actions menées', { isMultiline: true, isRequired: true }),
        ...textInput('cause', 'Cause', { isMultiline: true, isRequired: true }),
        ...textInput('restoredAt', 'Service rétabli le (heure locale du bénéficiaire, AAAA-MM-JJTHH:MM)', {
          isRequired: true,
        }),
      ]);
    case 'reassign':
      return confirm(
        choiceInput(
          'assigneeId',
          'Confier à',
          engineers.map((e) => ({ title: e.name, value: e.objectId })),
          { isRequired: true },
        ),
      );
    default:
      return execute(ACTION_TITLES[type], verb, ids, type === 'take' ? 'positive' : undefined);
  }
}
