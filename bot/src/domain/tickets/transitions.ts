/**
 * What each action does to a ticket whose status allows it (checked by `lifecycle.ts` beforehand),
 * and what its audit event records about it. Pauses of the restoration clock open and close here.
 */
import { type Instant, formatInstant, parseInstant } from '../calendar/instant';
import { ValidationError } from '../errors';
import { restorationDue } from '../sla/restoration';
import { formatLocalDateTime } from './format-local-time';
import { type Ticket, type TicketPause, ticketOpening } from './ticket';
import type { TicketAction } from './ticket-action';
import type { TicketActor } from './ticket-actor';
import { ticketCalendar } from './ticket-calendar';
import type { JsonValue } from './ticket-event';
import { parseWallClockInput } from './wall-clock-input';

/** A ticket after an action (before `seq`, `updatedAt` and clocks are refreshed) and the event's details. */
export interface TransitionResult {
  readonly ticket: Ticket;
  readonly details: { readonly [key: string]: JsonValue };
}

type Transition<A extends TicketAction> = (
  ticket: Ticket,
  action: A,
  actor: TicketActor,
  at: Instant,
) => TransitionResult;
type ActionOf<T extends TicketAction['type']> = Extract<TicketAction, { type: T }>;

/** Each action's effect. */
export const TRANSITIONS: { readonly [T in TicketAction['type']]: Transition<ActionOf<T>> } = {
  take: (t, _a, actor, at) => {
    // The first response is recorded once and never changed: it is the contract's compliance measure.
    const onTime = parseInstant(at) <= parseInstant(t.firstResponseDueAt);
    const by = person(actor);
    return {
      ticket: { ...t, status: 'taken', firstResponse: { by, at, onTime }, assignee: by },
      details: { onTime, firstResponseDueAt: t.firstResponseDueAt },
    };
  },
  reply: (t, a) => ({
    ticket: { ...t, status: t.status === 'taken' ? 'in-progress' : t.status },
    details: { message: a.message },
  }),
  wait: (t, a, _actor, at) => ({
    ticket: { ...t, status: 'waiting-beneficiary', pauses: openPause(t.pauses, at, 'waiting-beneficiary') },
    details: { message: a.message ?? null },
  }),
  resume: (t, _a, _actor, at) => ({
    ticket: { ...t, status: 'in-progress', pauses: closePauses(t.pauses, at) },
    details: { pausedSince: openPauseStart(t) },
  }),
  resolve,
  reassign: (t, a) => {
    if (t.assignee?.objectId === a.to.objectId) {
      throw new ValidationError(`Le ticket ${t.number} est déjà suivi par ${a.to.name}.`, [
        { path: 'assigneeId', message: 'déjà affecté à cette personne' },
      ]);
    }
    return {
      ticket: { ...t, assignee: { objectId: a.to.objectId, name: a.to.name } },
      details: { from: t.assignee ? { ...t.assignee } : null, to: { ...a.to } },
    };
  },
  addInfo: (t, a, _actor, at) => {
    // Information from the beneficiary ends its wait: the clock restarts without a support click.
    const resumes = t.status === 'waiting-beneficiary';
    return {
      ticket: resumes ? { ...t, status: 'in-progress', pauses: closePauses(t.pauses, at) } : t,
      details: { message: a.message, resumed: resumes },
    };
  },
  close: (t, _a, _actor, at) => ({ ticket: { ...t, status: 'closed', closedAt: at }, details: {} }),
  reopen: (t, a, _actor, at) => {
    const { resolution: _resolution, closedAt: _closedAt, ...rest } = t;
    return {
      ticket: {
        ...rest,
        status: 'in-progress',
        pauses: closePauses(t.pauses, at),
        reopenedCount: t.reopenedCount + 1,
      },
      details: { reason: a.reason, resolvedAt: t.resolution?.at ?? null },
    };
  },
};

function resolve(t: Ticket, a: ActionOf<'resolve'>, actor: TicketActor, at: Instant): TransitionResult {
  const restoredMs = checkRestoredAt(t, a.report.restoredAt, at);
  const restoredAt = formatInstant(restoredMs);
  const pauses = closePauses(t.pauses, at);
  const due = restorationDue(t.policy, ticketCalendar(t), ticketOpening(t), pauses);
  const onTime = due.status === 'running' ? restoredMs <= parseInstant(due.dueAt) : undefined;
  const { diagnostic, actions, cause } = a.report;
  return {
    ticket: {
      ...t,
      status: 'resolved',
      // The restoration clock stops while the ticket stays resolved; a reopen resumes it.
      pauses: openPause(pauses, at, 'resolved'),
      resolution: {
        diagnostic,
        actions,
        cause,
        restoredAt,
        by: person(actor),
        at,
        ...(onTime === undefined ? {} : { onTime }),
      },
    },
    details: { diagnostic, actions, cause, restoredAt, ...(onTime === undefined ? {} : { onTime }) },
  };
}

/**
 * The service may have come back before the ticket is resolved in Guichet, but not in the future
 * nor before the request was received (for a phone ticket, that is before it was entered).
 */
function checkRestoredAt(t: Ticket, text: string, at: Instant): number {
  const ms = parseWallClockInput(text, t.zone);
  const problem =
    ms === undefined
      ? 'Date de rétablissement invalide : saisissez-la comme 2026-03-03T09:30 (heure locale du bénéficiaire).'
      : ms > parseInstant(at)
        ? 'Le rétablissement du service ne peut pas être dans le futur.'
        : ms < parseInstant(t.receivedAt)
          ? `Le rétablissement du service ne peut pas précéder la réception de la demande (${formatLocalDateTime(t.receivedAt, t.zone)}).`
          : undefined;
  if (problem !== undefined) throw new ValidationError(problem, [{ path: 'restoredAt', message: problem }]);
  return ms!;
}

function person(actor: TicketActor): { objectId: string; name: string } {
  return { objectId: actor.objectId, name: actor.name };
}

function openPause(
  pauses: readonly TicketPause[],
  at: Instant,
  reason: TicketPause['reason'],
): TicketPause[] {
  return [...closePauses(pauses, at), { from: at, to: null, reason }];
}

function closePauses(pauses: readonly TicketPause[], at: Instant): TicketPause[] {
  return pauses.map((p) => (p.to == null ? { ...p, to: at } : p));
}

function openPauseStart(t: Ticket): Instant | null {
  return t.pauses.find((p) => p.to == null)?.from ?? null;
}
