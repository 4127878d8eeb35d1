import fc from 'fast-check';
import { errorResponse } from '../../../bot/src/api/error-response';
import type { Instant } from '../../../bot/src/domain/calendar/instant';
import { ForbiddenError, InvalidTransitionError } from '../../../bot/src/domain/errors';
import { normalisePauses } from '../../../bot/src/domain/sla/pauses';
import { ALLOWED_FROM, applyTicketAction, availableActions } from '../../../bot/src/domain/tickets/lifecycle';
import { TICKET_STATUSES, type Ticket, type TicketStatus } from '../../../bot/src/domain/tickets/ticket';
import {
  ACTION_SIDE,
  TICKET_ACTION_TYPES,
  type TicketAction,
  type TicketActionType,
} from '../../../bot/src/domain/tickets/ticket-action';
import type { TicketActor } from '../../../bot/src/domain/tickets/ticket-actor';
import { WITH_RESTORATION } from '../sla/policy-fixtures';
import {
  aCanutStaff,
  aMartiniqueAgent,
  aMartiniqueBeneficiary,
  aResolveAction,
  aStrangerAgent,
  aTicket,
  aTicketIn,
  anAccountManager,
  anAdmin,
  anAgent,
  anEngineer,
  anIncidentForm,
  anotherEngineer,
  plusMinutes,
} from './factories';

/** A valid action of each type at `now` (the restoration a minute before it). */
function actionFor(type: TicketActionType, now: Instant, ticket?: Ticket): TicketAction {
  switch (type) {
    case 'reply':
      return { type, message: 'Nous regardons le connecteur.' };
    case 'wait':
      return { type, message: 'Pouvez-vous envoyer une capture ?' };
    case 'resolve':
      return aResolveAction(plusMinutes(now, -1));
    case 'reassign': {
      const to = ticket?.assignee?.objectId === anotherEngineer().objectId ? anEngineer() : anotherEngineer();
      return { type, to: { objectId: to.objectId, name: to.name } };
    }
    case 'addInfo':
      return { type, message: 'Voici la capture demandée.' };
    case 'reopen':
      return { type, reason: 'Le problème est revenu ce matin.' };
    default:
      return { type } as TicketAction;
  }
}

const actorFor = (type: TicketActionType): TicketActor =>
  ACTION_SIDE[type] === 'support' ? anEngineer() : anAgent();

/** Where each action leads from each status; absent = refused. */
const NEXT: Record<TicketStatus, Partial<Record<TicketActionType, TicketStatus>>> = {
  new: { take: 'taken', reassign: 'new', addInfo: 'new' },
  taken: {
    reply: 'in-progress',
    wait: 'waiting-beneficiary',
    resolve: 'resolved',
    reassign: 'taken',
    addInfo: 'taken',
  },
  'in-progress': {
    reply: 'in-progress',
    wait: 'waiting-beneficiary',
    resolve: 'resolved',
    reassign: 'in-progress',
    addInfo: 'in-progress',
  },
  'waiting-beneficiary': {
    reply: 'waiting-beneficiary',
    resume: 'in-progress',
    resolve: 'resolved',
    reassign: 'waiting-beneficiary',
    addInfo: 'in-progress',
  },
  resolved: { close: 'closed', reopen: 'in-progress' },
  closed: { reopen: 'in-progress' },
};

const cases = TICKET_STATUSES.flatMap((status) => TICKET_ACTION_TYPES.map((type) => [status, type] as const));

describe('ticket lifecycle', () => {
  describe('state machine', () => {
    it.each(cases.filter(([s, t]) => NEXT[s][t] !== undefined))('allows %s → %s', (status, type) => {
      const { ticket, now } = aTicketIn(status);
      const at = plusMinutes(now, 10);
      const { ticket: after, event } = applyTicketAction(
        ticket,
        actionFor(type, at, ticket),
        actorFor(type),
        at,
      );
      expect(after.status).toBe(NEXT[status][type]);
      expect(event).toMatchObject({ action: type, before: status, after: NEXT[status][type], at });
      expect(after.seq).toBe(ticket.seq + 1);
    });

    it.each(cases.filter(([s, t]) => NEXT[s][t] === undefined))('refuses %s → %s (409)', (status, type) => {
      const { ticket, now } = aTicketIn(status);
      const at = plusMinutes(now, 10);
      let error: unknown;
      try {
        applyTicketAction(ticket, actionFor(type, at, ticket), actorFor(type), at);
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(InvalidTransitionError);
      const e = error as InvalidTransitionError;
      expect(e.code).toBe('INVALID_TRANSITION');
      expect(errorResponse(e).status).toBe(409);
      expect(e.message).toMatch(/^Impossible de .+ le ticket INC-2026-000001 : il est au statut « .+ »\./);
      expect(e).toMatchObject({ status, action: type });
    });

    it('says the current status and who took it when a second engineer tries to take it', () => {
      const { ticket, now } = aTicketIn('in-progress');
      expect(() =>
        applyTicketAction(ticket, { type: 'take' }, anotherEngineer(), plusMinutes(now, 1)),
      ).toThrow(
        'Impossible de prendre en charge le ticket INC-2026-000001 : il est au statut « En cours ». Il a été pris en charge par Marc Lefèvre.',
      );
    });

    it('says "Clos" when closing twice', () => {
      const { ticket, now } = aTicketIn('closed');
      expect(() => applyTicketAction(ticket, { type: 'close' }, anAgent(), now)).toThrow(
        'Impossible de clore le ticket INC-2026-000001 : il est au statut « Clos ».',
      );
    });

    it('keeps the documented table of allowed starting statuses', () => {
      for (const type of TICKET_ACTION_TYPES) {
        const from = TICKET_STATUSES.filter((s) => NEXT[s][type] !== undefined);
        expect([...ALLOWED_FROM[type]].sort()).toEqual(from.sort());
      }
    });
  });

  describe('permissions', () => {
    const supportTypes = TICKET_ACTION_TYPES.filter((t) => ACTION_SIDE[t] === 'support');
    const beneficiaryTypes = TICKET_ACTION_TYPES.filter((t) => ACTION_SIDE[t] === 'beneficiary');
    const ticket = aTicket();

    it.each(supportTypes)('refuses the support action %s to a beneficiary agent', (type) => {
      expect(() =>
        applyTicketAction(ticket, actionFor(type, ticket.openedAt), anAgent(), ticket.openedAt),
      ).toThrow(ForbiddenError);
    });

    it('says who may act, in French', () => {
      expect(() => applyTicketAction(ticket, { type: 'take' }, anAgent(), ticket.openedAt)).toThrow(
        "Seule l'équipe support du Titulaire peut prendre en charge un ticket.",
      );
      const resolved = aTicketIn('resolved');
      expect(() =>
        applyTicketAction(resolved.ticket, { type: 'close' }, aStrangerAgent(), resolved.now),
      ).toThrow('Seuls les agents de Ville de Bellerive-sur-Rhône peuvent clore ce ticket.');
    });

    it.each([
      ['an account manager', anAccountManager()],
      ['CANUT staff (read-only)', aCanutStaff()],
      [
        'a beneficiary user whose tenant gave itself the engineer role',
        anAgent({ roles: ['Support.Engineer'] }),
      ],
      ['a Titulaire user without role', anEngineer({ roles: [] })],
    ])('refuses support actions to %s', (_who, actor) => {
      expect(() => applyTicketAction(ticket, { type: 'take' }, actor, ticket.openedAt)).toThrow(
        ForbiddenError,
      );
    });

    it.each(beneficiaryTypes)(
      'refuses the beneficiary action %s to the support and to another beneficiary',
      (type) => {
        const { ticket: t, now } = aTicketIn(type === 'addInfo' ? 'in-progress' : 'resolved');
        for (const actor of [anEngineer(), anAdmin(), aStrangerAgent(), aCanutStaff()])
          expect(() => applyTicketAction(t, actionFor(type, now), actor, now)).toThrow(ForbiddenError);
      },
    );

    it('lets an admin act as support, and records the role', () => {
      const { event } = applyTicketAction(ticket, { type: 'take' }, anAdmin(), ticket.openedAt);
      expect(event.actor.role).toBe('Admin');
    });

    it('checks the right before the status: a stranger learns nothing about the ticket', () => {
      const { ticket: closed, now } = aTicketIn('closed');
      expect(() => applyTicketAction(closed, { type: 'take' }, anAgent(), now)).toThrow(ForbiddenError);
    });

    it('lists the buttons each person may use now', () => {
      expect(availableActions(ticket, anEngineer())).toEqual(['take', 'reassign']);
      expect(availableActions(ticket, anAgent())).toEqual(['addInfo']);
      expect(availableActions(ticket, aStrangerAgent())).toEqual([]);
      expect(availableActions(ticket, aCanutStaff())).toEqual([]);
      expect(availableActions(aTicketIn('resolved').ticket, anAgent())).toEqual(['close', 'reopen']);
      expect(availableActions(aTicketIn('waiting-beneficiary').ticket, anEngineer())).toEqual([
        'reply',
        'resume',
        'resolve',
        'reassign',
      ]);
    });
  });

  describe('audit events and idempotency', () => {
    it('derives the event id from the ticket id and the new seq', () => {
      const { last } = aTicketIn('taken');
      expect(last!.event.id).toBe('tkt-0001:event:000002');
      expect(last!.event.seq).toBe(2);
      expect(last!.notify.map((n) => n.key)).toEqual([
        'outbox:tkt-0001:2:beneficiary',
        'outbox:tkt-0001:2:support',
      ]);
    });

    it('gives the same event and outbox keys when the same action is replayed on the same ticket', () => {
      const ticket = aTicket();
      const now = plusMinutes(ticket.openedAt, 5);
      const first = applyTicketAction(ticket, { type: 'take' }, anEngineer(), now);
      const replay = applyTicketAction(ticket, { type: 'take' }, anEngineer(), now);
      expect(replay.event.id).toBe(first.event.id);
      expect(replay.notify.map((n) => n.key)).toEqual(first.notify.map((n) => n.key));
      expect(replay).toEqual(first);
    });

    it('records no second take when a retried invoke reaches the already taken ticket', () => {
      const ticket = aTicket();
      const taken = applyTicketAction(
        ticket,
        { type: 'take' },
        anEngineer(),
        plusMinutes(ticket.openedAt, 5),
      );
      expect(() =>
        applyTicketAction(taken.ticket, { type: 'take' }, anEngineer(), plusMinutes(ticket.openedAt, 6)),
      ).toThrow(InvalidTransitionError);
    });

    it('records actor, role, channel, time and details', () => {
      const { ticket, now } = aTicketIn('taken');
      const at = plusMinutes(now, 3);
      const { event } = applyTicketAction(
        ticket,
        { type: 'reply', message: '  Nous regardons.  ' },
        anEngineer({ channel: 'tab' }),
        at,
      );
      expect(event).toEqual({
        id: 'tkt-0001:event:000003',
        type: 'ticket-event',
        ticketId: 'tkt-0001',
        ticketNumber: 'INC-2026-000001',
        beneficiaryId: ticket.beneficiaryId,
        seq: 3,
        at,
        action: 'reply',
        actor: {
          tenantId: anEngineer().tenantId,
          objectId: anEngineer().objectId,
          name: 'Marc Lefèvre',
          role: 'Support.Engineer',
          channel: 'tab',
        },
        before: 'taken',
        after: 'in-progress',
        details: { message: 'Nous regardons.' },
      });
    });

    it('never dates an action before the previous one, whatever the clock of the instance says', () => {
      const { ticket } = aTicketIn('taken');
      const { event, ticket: after } = applyTicketAction(
        ticket,
        { type: 'wait' },
        anEngineer(),
        plusMinutes(ticket.updatedAt, -2),
      );
      expect(event.at).toBe(ticket.updatedAt);
      expect(after.pauses[0]!.from).toBe(ticket.updatedAt);
    });

    it('leaves the ticket it was given untouched', () => {
      const { ticket, now } = aTicketIn('waiting-beneficiary');
      const copy = JSON.parse(JSON.stringify(ticket));
      applyTicketAction(ticket, { type: 'resume' }, anEngineer(), plusMinutes(now, 1));
      expect(ticket).toEqual(copy);
    });
  });

  describe('any sequence of allowed actions', () => {
    const step = fc.record({ pick: fc.nat(), minutes: fc.integer({ min: 1, max: 3 * 24 * 60 }) });

    it('keeps seq strictly increasing, event ids unique, the first response intact and the clocks coherent', () => {
      fc.assert(
        fc.property(fc.boolean(), fc.array(step, { maxLength: 25 }), (martinique, steps) => {
          let ticket = martinique
            ? aTicket({
                beneficiary: aMartiniqueBeneficiary(),
                declaredBy: aMartiniqueAgent(),
                policy: WITH_RESTORATION,
                form: anIncidentForm({ severity: 1, domain: 'infrastructure' }),
              })
            : aTicket({ policy: WITH_RESTORATION });
          const agent = anAgent({ beneficiaryIds: [ticket.beneficiaryId] });
          const ids = new Set<string>();
          let firstResponse = ticket.firstResponse;
          let now = ticket.openedAt;
          for (const { pick, minutes } of steps) {
            const options = [...availableActions(ticket, anEngineer()), ...availableActions(ticket, agent)];
            if (options.length === 0) break;
            const type = options[pick % options.length]!;
            now = plusMinutes(now, minutes);
            const actor = ACTION_SIDE[type] === 'support' ? anEngineer() : agent;
            const { ticket: next, event } = applyTicketAction(
              ticket,
              actionFor(type, now, ticket),
              actor,
              now,
            );
            expect(next.seq).toBe(ticket.seq + 1);
            expect(event.seq).toBe(next.seq);
            expect(ids.has(event.id)).toBe(false);
            ids.add(event.id);
            if (firstResponse) expect(next.firstResponse).toEqual(firstResponse);
            firstResponse = next.firstResponse;
            expect(next.pauses.filter((p) => p.to == null).length).toBeLessThanOrEqual(1);
            expect(() => normalisePauses(next.pauses, Date.parse(next.receivedAt))).not.toThrow();
            if (next.status === 'resolved' || next.status === 'closed') expect(next.nextAlertAt).toBeNull();
            if (next.status === 'waiting-beneficiary' && next.restoration.status === 'running') {
              // Only a deadline already passed before the wait began can still be "running" while waiting.
              const waitingSince = next.pauses.find((p) => p.to == null)!.from;
              expect(Date.parse(next.restoration.dueAt)).toBeLessThanOrEqual(Date.parse(waitingSince));
            }
            ticket = next;
          }
        }),
        { numRuns: 150 },
      );
    });
  });
});
