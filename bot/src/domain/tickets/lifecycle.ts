/**
 * The ticket state machine: new → taken → in-progress ⇄ waiting-beneficiary → resolved → closed,
 * and reopen (resolved or closed → in-progress). Every applied action yields the new ticket, one
 * append-only audit event and the notifications it causes; the SLA clocks and the next alert are
 * recomputed each time.
 */
import { type Instant, formatInstant, parseInstant } from '../calendar/instant';
import { InvalidTransitionError } from '../errors';
import { restorationDue } from '../sla/restoration';
import { computeNextAlertAt } from './next-alert';
import { type Ticket, STATUS_LABELS, type TicketStatus, ticketOpening } from './ticket';
import {
  ACTION_SIDE,
  ACTION_VERBS,
  TICKET_ACTION_TYPES,
  type TicketAction,
  type TicketActionType,
  validateTicketAction,
} from './ticket-action';
import {
  type ActorRole,
  type TicketActor,
  isAgentOf,
  isSupport,
  requireAgentOf,
  requireSupport,
} from './ticket-actor';
import { ticketCalendar } from './ticket-calendar';
import { type TicketEvent, type TicketNotification, notificationKey, ticketEventId } from './ticket-event';
import { actionTexts } from './ticket-messages';
import { TRANSITIONS, type TransitionResult } from './transitions';

/** The statuses each action may start from. */
export const ALLOWED_FROM: Readonly<Record<TicketActionType, readonly TicketStatus[]>> = Object.freeze({
  take: ['new'],
  reply: ['taken', 'in-progress', 'waiting-beneficiary'],
  wait: ['taken', 'in-progress'],
  resume: ['waiting-beneficiary'],
  resolve: ['taken', 'in-progress', 'waiting-beneficiary'],
  reassign: ['new', 'taken', 'in-progress', 'waiting-beneficiary'],
  addInfo: ['new', 'taken', 'in-progress', 'waiting-beneficiary'],
  close: ['resolved'],
  reopen: ['resolved', 'closed'],
});

/** A ticket after an action, with its audit event and the notifications to send. */
export interface AppliedAction {
  readonly ticket: Ticket;
  readonly event: TicketEvent;
  readonly notify: TicketNotification[];
}

/**
 * Applies an action: checks the actor's right (`ForbiddenError`), the inputs (`ValidationError`)
 * and the transition (`InvalidTransitionError`), then returns the ticket with `seq` + 1.
 */
export function applyTicketAction(
  ticket: Ticket,
  action: TicketAction,
  actor: TicketActor,
  now: Instant,
): AppliedAction {
  const role = authorise(ticket, action.type, actor);
  assertTransition(ticket, action.type);
  const valid = validateTicketAction(action);
  // Instances' clocks may differ slightly: an action never goes back before the ticket's last change,
  // which keeps the audit trail and the pauses in order.
  const at = formatInstant(Math.max(parseInstant(now, 'now'), parseInstant(ticket.updatedAt, 'updatedAt')));
  const result = (TRANSITIONS[valid.type] as (...args: unknown[]) => TransitionResult)(
    ticket,
    valid,
    actor,
    at,
  );
  const after = refreshClocks({ ...result.ticket, seq: ticket.seq + 1, updatedAt: at });
  return {
    ticket: after,
    event: actionEvent(ticket, after, valid.type, actor, role, result.details),
    notify: notifications(ticket, after, valid, actor),
  };
}

/** The actions this actor may make on the ticket now (what a card shows as buttons). */
export function availableActions(ticket: Ticket, actor: TicketActor): TicketActionType[] {
  return TICKET_ACTION_TYPES.filter(
    (type) =>
      ALLOWED_FROM[type].includes(ticket.status) &&
      (ACTION_SIDE[type] === 'support' ? isSupport(actor) : isAgentOf(actor, ticket.beneficiaryId)),
  );
}

/** True when the action may start from the ticket's status (whoever asks). */
export function canApply(ticket: Ticket, type: TicketActionType): boolean {
  return ALLOWED_FROM[type].includes(ticket.status);
}

function authorise(ticket: Ticket, type: TicketActionType, actor: TicketActor): ActorRole {
  const what = `${ACTION_VERBS[type]} un ticket`;
  return ACTION_SIDE[type] === 'support'
    ? requireSupport(actor, what)
    : requireAgentOf(
        actor,
        { id: ticket.beneficiaryId, name: ticket.beneficiaryName },
        `${ACTION_VERBS[type]} ce ticket`,
      );
}

function assertTransition(ticket: Ticket, type: TicketActionType): void {
  if (canApply(ticket, type)) return;
  const taken = ticket.firstResponse ? ` Il a été pris en charge par ${ticket.firstResponse.by.name}.` : '';
  throw new InvalidTransitionError(
    `Impossible de ${ACTION_VERBS[type]} le ticket ${ticket.number} : il est au statut « ${STATUS_LABELS[ticket.status]} ».${type === 'take' ? taken : ''}`,
    ticket.status,
    type,
  );
}

/** Restoration deadline (it moves with pauses) and next alert, after any change. */
function refreshClocks(ticket: Ticket): Ticket {
  const restoration =
    ticket.restoration.status === 'none'
      ? ticket.restoration
      : restorationDue(ticket.policy, ticketCalendar(ticket), ticketOpening(ticket), ticket.pauses);
  const withRestoration = { ...ticket, restoration };
  return { ...withRestoration, nextAlertAt: computeNextAlertAt(withRestoration) };
}

function actionEvent(
  before: Ticket,
  after: Ticket,
  type: TicketActionType,
  actor: TicketActor,
  role: ActorRole,
  details: TransitionResult['details'],
): TicketEvent {
  return {
    id: ticketEventId(after.id, after.seq),
    type: 'ticket-event',
    ticketId: after.id,
    ticketNumber: after.number,
    beneficiaryId: after.beneficiaryId,
    seq: after.seq,
    at: after.updatedAt,
    action: type,
    actor: {
      tenantId: actor.tenantId,
      objectId: actor.objectId,
      name: actor.name,
      role,
      channel: actor.channel ?? 'teams',
    },
    before: before.status,
    after: after.status,
    details,
  };
}

function notifications(
  before: Ticket,
  after: Ticket,
  action: TicketAction,
  actor: TicketActor,
): TicketNotification[] {
  const texts = actionTexts(before, after, action, actor);
  const out: TicketNotification[] = [];
  if (texts.beneficiary !== undefined) {
    out.push({
      audience: 'beneficiary',
      key: notificationKey(after.id, after.seq, 'beneficiary'),
      ...(after.originConversationId ? { conversationId: after.originConversationId } : {}),
      text: texts.beneficiary,
    });
  }
  if (texts.support !== undefined) {
    out.push({
      audience: 'support',
      key: notificationKey(after.id, after.seq, 'support'),
      text: texts.support,
    });
  }
  return out;
}
