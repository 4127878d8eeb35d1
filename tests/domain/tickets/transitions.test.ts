import { ValidationError } from '../../../bot/src/domain/errors';
import { applyTicketAction } from '../../../bot/src/domain/tickets/lifecycle';
import type { TicketAction } from '../../../bot/src/domain/tickets/ticket-action';
import { utc } from '../calendar/fixtures';
import { WITH_RESTORATION } from '../sla/policy-fixtures';
import {
  aMartiniqueAgent,
  aMartiniqueBeneficiary,
  aResolveAction,
  aTicket,
  aTicketIn,
  anAgent,
  anEngineer,
  anIncidentForm,
  anotherEngineer,
  plusMinutes,
} from './factories';

const paris = (local: string) => utc(`${local}+02:00`);
const take = { type: 'take' } as const;

describe('what each action does', () => {
  describe('take: the first response', () => {
    // A sev 3 ticket opened Monday 09:00 in Paris is due Monday 17:00.
    it('is on time when taken exactly at the due instant', () => {
      const { ticket } = applyTicketAction(aTicket(), take, anEngineer(), paris('2026-06-08T17:00:00'));
      expect(ticket.firstResponse).toEqual({
        by: { objectId: anEngineer().objectId, name: 'Marc Lefèvre' },
        at: paris('2026-06-08T17:00:00'),
        onTime: true,
      });
      expect(ticket.assignee).toEqual({ objectId: anEngineer().objectId, name: 'Marc Lefèvre' });
    });

    it('is late one second after it, and says so to the support channel', () => {
      const { ticket, event, notify } = applyTicketAction(
        aTicket(),
        take,
        anEngineer(),
        paris('2026-06-08T17:00:01'),
      );
      expect(ticket.firstResponse!.onTime).toBe(false);
      expect(event.details).toEqual({ onTime: false, firstResponseDueAt: paris('2026-06-08T17:00:00') });
      expect(notify.find((n) => n.audience === 'support')!.text).toBe(
        'INC-2026-000001 pris en charge par Marc Lefèvre, hors délai. Échéance : lundi 8 juin 2026 à 17:00, heure de Paris.',
      );
    });

    it('tells the beneficiary who took the ticket', () => {
      const { notify } = applyTicketAction(aTicket(), take, anEngineer(), paris('2026-06-08T09:05:00'));
      expect(notify[0]).toEqual({
        audience: 'beneficiary',
        key: 'outbox:tkt-0001:2:beneficiary',
        conversationId: 'a:conversation-lea',
        text: 'Votre ticket INC-2026-000001 est pris en charge par Marc Lefèvre, du support du Titulaire.',
      });
    });

    it('makes the taker the assignee even if the ticket was assigned to someone else before', () => {
      const ticket = aTicket();
      const to = { objectId: anotherEngineer().objectId, name: 'Nadia Benali' };
      const assigned = applyTicketAction(
        ticket,
        { type: 'reassign', to },
        anEngineer(),
        ticket.openedAt,
      ).ticket;
      expect(assigned.status).toBe('new');
      expect(assigned.firstResponse).toBeUndefined();
      const taken = applyTicketAction(assigned, take, anEngineer(), plusMinutes(ticket.openedAt, 5)).ticket;
      expect(taken.assignee!.name).toBe('Marc Lefèvre');
    });

    it('stops the first-response alerts', () => {
      const { ticket } = applyTicketAction(aTicket(), take, anEngineer(), paris('2026-06-08T09:05:00'));
      expect(ticket.nextAlertAt).toBeNull();
    });
  });

  describe('reply', () => {
    it('sends the message to the beneficiary, and nothing to the support channel', () => {
      const { ticket, now } = aTicketIn('taken');
      const { notify } = applyTicketAction(
        ticket,
        { type: 'reply', message: 'Pouvez-vous redémarrer ?' },
        anEngineer(),
        now,
      );
      expect(notify).toEqual([
        {
          audience: 'beneficiary',
          key: 'outbox:tkt-0001:3:beneficiary',
          conversationId: 'a:conversation-lea',
          text: 'Réponse du support sur votre ticket INC-2026-000001 (Marc Lefèvre) :\n\nPouvez-vous redémarrer ?',
        },
      ]);
    });

    it('refuses an empty message, next to its input', () => {
      const { ticket, now } = aTicketIn('taken');
      expect(() => applyTicketAction(ticket, { type: 'reply', message: '  ' }, anEngineer(), now)).toThrow(
        expect.objectContaining({
          issues: [{ path: 'message', message: 'Écrivez votre réponse au bénéficiaire.' }],
        }),
      );
    });
  });

  describe('wait and resume: pauses of the restoration clock', () => {
    // Sev 3, 16 business hours: opened Monday 09:00, due Tuesday 15:00 without pause.
    const taken = () =>
      applyTicketAction(
        aTicket({ policy: WITH_RESTORATION }),
        take,
        anEngineer(),
        paris('2026-06-08T09:10:00'),
      ).ticket;

    it('opens a pause and stops the clock while waiting', () => {
      const { ticket, notify } = applyTicketAction(
        taken(),
        { type: 'wait', message: 'Votre capture ?' },
        anEngineer(),
        paris('2026-06-08T10:00:00'),
      );
      expect(ticket.pauses).toEqual([
        { from: paris('2026-06-08T10:00:00'), to: null, reason: 'waiting-beneficiary' },
      ]);
      expect(ticket.restoration).toEqual({
        status: 'paused',
        remainingMs: 15 * 3_600_000,
        pausedSince: paris('2026-06-08T10:00:00'),
      });
      expect(ticket.nextAlertAt).toBeNull();
      expect(notify[0]!.text).toBe(
        'Le support attend une information de votre part sur le ticket INC-2026-000001 : Votre capture ?\n\nRépondez avec « Compléter » sur la fiche du ticket.',
      );
    });

    it('pushes the restoration due later by the business time paused (10:00–14:00 → Wednesday 09:00)', () => {
      const waiting = applyTicketAction(
        taken(),
        { type: 'wait' },
        anEngineer(),
        paris('2026-06-08T10:00:00'),
      ).ticket;
      const { ticket, event } = applyTicketAction(
        waiting,
        { type: 'resume' },
        anEngineer(),
        paris('2026-06-08T14:00:00'),
      );
      expect(ticket.status).toBe('in-progress');
      expect(ticket.pauses[0]!.to).toBe(paris('2026-06-08T14:00:00'));
      expect(ticket.restoration).toEqual({ status: 'running', dueAt: paris('2026-06-10T09:00:00') });
      expect(ticket.nextAlertAt).toBe(paris('2026-06-09T11:00:00'));
      expect(event.details).toEqual({ pausedSince: paris('2026-06-08T10:00:00') });
    });

    it('ends the wait when the beneficiary adds information, without a support click', () => {
      const waiting = applyTicketAction(
        taken(),
        { type: 'wait' },
        anEngineer(),
        paris('2026-06-08T10:00:00'),
      ).ticket;
      const { ticket, event, notify } = applyTicketAction(
        waiting,
        { type: 'addInfo', message: 'Capture jointe.' },
        anAgent(),
        paris('2026-06-08T14:00:00'),
      );
      expect(ticket.status).toBe('in-progress');
      expect(ticket.restoration).toEqual({ status: 'running', dueAt: paris('2026-06-10T09:00:00') });
      expect(event.details).toEqual({ message: 'Capture jointe.', resumed: true });
      expect(notify).toEqual([
        {
          audience: 'support',
          key: 'outbox:tkt-0001:4:support',
          text: "Léa Dubois (Ville de Bellerive-sur-Rhône) a complété INC-2026-000001 : « Capture jointe. ». Fin de l'attente : le ticket reprend.",
        },
      ]);
    });

    it('keeps the status when information comes while the support works', () => {
      const { ticket, now } = aTicketIn('in-progress');
      const after = applyTicketAction(ticket, { type: 'addInfo', message: 'Autre détail.' }, anAgent(), now);
      expect(after.ticket.status).toBe('in-progress');
      expect(after.ticket.pauses).toEqual([]);
      expect(after.event.details).toEqual({ message: 'Autre détail.', resumed: false });
    });
  });

  describe('resolve: the intervention report', () => {
    const resolveAt = (restoredAt: string, now = paris('2026-06-08T11:00:00'), policy = WITH_RESTORATION) => {
      const ticket = applyTicketAction(
        aTicket({ policy }),
        take,
        anEngineer(),
        paris('2026-06-08T09:10:00'),
      ).ticket;
      return applyTicketAction(ticket, aResolveAction(restoredAt), anEngineer(), now);
    };

    it('records the report with who, when, and the restoration time read in the ticket zone', () => {
      const { ticket } = resolveAt('2026-06-08T10:45');
      expect(ticket.status).toBe('resolved');
      expect(ticket.resolution).toEqual({
        diagnostic: 'Certificat du connecteur Exchange expiré.',
        actions: 'Certificat renouvelé, connecteur redémarré, tests avec deux agents.',
        cause: 'Renouvellement automatique désactivé.',
        restoredAt: paris('2026-06-08T10:45:00'),
        by: { objectId: anEngineer().objectId, name: 'Marc Lefèvre' },
        at: paris('2026-06-08T11:00:00'),
        onTime: true,
      });
      expect(ticket.nextAlertAt).toBeNull();
    });

    it('judges the restoration late after its due instant, and says nothing of it without a target', () => {
      expect(resolveAt('2026-06-09T15:01', paris('2026-06-09T16:00:00')).ticket.resolution!.onTime).toBe(
        false,
      );
      expect('onTime' in resolveAt('2026-06-08T10:45', undefined, undefined).ticket.resolution!).toBe(true);
      const contract = applyTicketAction(
        applyTicketAction(aTicket(), take, anEngineer(), paris('2026-06-08T09:10:00')).ticket,
        aResolveAction('2026-06-08T10:45'),
        anEngineer(),
        paris('2026-06-08T11:00:00'),
      );
      expect('onTime' in contract.ticket.resolution!).toBe(false);
    });

    it('reads the local restoration time of a Martinique ticket in Martinique time', () => {
      const opened = aTicket({
        beneficiary: aMartiniqueBeneficiary(),
        declaredBy: aMartiniqueAgent(),
        now: utc('2026-03-03T08:00:00-04:00'),
      });
      const taken = applyTicketAction(opened, take, anEngineer(), utc('2026-03-03T08:30:00-04:00')).ticket;
      const { ticket, notify } = applyTicketAction(
        taken,
        aResolveAction('2026-03-03T09:30'),
        anEngineer(),
        utc('2026-03-03T10:00:00-04:00'),
      );
      expect(ticket.resolution!.restoredAt).toBe('2026-03-03T13:30:00Z');
      expect(notify[0]!.text).toContain(
        'Service rétabli le mardi 3 mars 2026 à 09:30, heure de la Martinique.',
      );
      expect(notify[0]!.text).toMatch(
        /^Votre ticket INC-2026-000001 est résolu\.\n\nDiagnostic : Certificat/,
      );
    });

    it.each([
      ['2026-06-08T11:01', 'Le rétablissement du service ne peut pas être dans le futur.'],
      [
        '2026-06-08T08:59',
        'Le rétablissement du service ne peut pas précéder la réception de la demande (lundi 8 juin 2026 à 09:00, heure de Paris).',
      ],
      [
        'ce matin',
        'Date de rétablissement invalide : saisissez-la comme 2026-03-03T09:30 (heure locale du bénéficiaire).',
      ],
    ])('refuses the restoration time %p: %p', (restoredAt, message) => {
      expect(() => resolveAt(restoredAt)).toThrow(
        expect.objectContaining({ message, issues: [{ path: 'restoredAt', message }] }),
      );
    });

    it('refuses a report with missing parts, each next to its input', () => {
      const { ticket, now } = aTicketIn('in-progress');
      const action: TicketAction = {
        type: 'resolve',
        report: { diagnostic: '', actions: 'ok', cause: ' ', restoredAt: '' },
      };
      try {
        applyTicketAction(ticket, action, anEngineer(), now);
        throw new Error('expected a refusal');
      } catch (err) {
        expect(err).toBeInstanceOf(ValidationError);
        expect((err as ValidationError).issues).toEqual([
          { path: 'diagnostic', message: 'Décrivez le diagnostic.' },
          { path: 'actions', message: 'La description des actions doit compter au moins 3 caractères.' },
          { path: 'cause', message: "Indiquez la cause de l'incident." },
          { path: 'restoredAt', message: "Indiquez la date et l'heure du rétablissement du service." },
        ]);
      }
    });

    it('closes a pending wait and stops the restoration clock while resolved', () => {
      const { ticket, now } = aTicketIn('waiting-beneficiary', { policy: WITH_RESTORATION });
      const at = plusMinutes(now, 30);
      const resolved = applyTicketAction(
        ticket,
        aResolveAction(plusMinutes(at, -1)),
        anEngineer(),
        at,
      ).ticket;
      expect(resolved.pauses.map((p) => [p.reason, p.to ?? null])).toEqual([
        ['waiting-beneficiary', at],
        ['resolved', null],
      ]);
      expect(resolved.restoration.status).toBe('paused');
    });
  });

  describe('reassign', () => {
    it('hands the ticket to another engineer and tells both sides', () => {
      const { ticket, now } = aTicketIn('in-progress');
      const to = { objectId: anotherEngineer().objectId, name: 'Nadia Benali' };
      const after = applyTicketAction(ticket, { type: 'reassign', to }, anEngineer(), now);
      expect(after.ticket.assignee).toEqual(to);
      expect(after.ticket.firstResponse!.by.name).toBe('Marc Lefèvre');
      expect(after.event.details).toEqual({
        from: { objectId: anEngineer().objectId, name: 'Marc Lefèvre' },
        to,
      });
      expect(after.notify.map((n) => n.text)).toEqual([
        'Votre ticket INC-2026-000001 est désormais suivi par Nadia Benali.',
        "INC-2026-000001 réaffecté à Nadia Benali par Marc Lefèvre (suivi jusqu'ici par Marc Lefèvre).",
      ]);
    });

    it('refuses to reassign to the current assignee', () => {
      const { ticket, now } = aTicketIn('taken');
      const to = { objectId: anEngineer().objectId, name: 'Marc Lefèvre' };
      expect(() => applyTicketAction(ticket, { type: 'reassign', to }, anEngineer(), now)).toThrow(
        'Le ticket INC-2026-000001 est déjà suivi par Marc Lefèvre.',
      );
    });
  });

  describe('close and reopen', () => {
    it('closes on the beneficiary confirmation and tells the support', () => {
      const { ticket, now } = aTicketIn('resolved');
      const { ticket: closed, notify } = applyTicketAction(ticket, { type: 'close' }, anAgent(), now);
      expect(closed.closedAt).toBe(now);
      expect(closed.nextAlertAt).toBeNull();
      expect(notify).toEqual([
        {
          audience: 'support',
          key: 'outbox:tkt-0001:4:support',
          text: 'INC-2026-000001 clos par Léa Dubois (Ville de Bellerive-sur-Rhône) : résolution confirmée.',
        },
      ]);
    });

    it('reopens a closed ticket: report and closing cleared, counted, first response kept', () => {
      const { ticket, now } = aTicketIn('closed');
      const {
        ticket: reopened,
        event,
        notify,
      } = applyTicketAction(
        ticket,
        { type: 'reopen', reason: 'La messagerie coupe de nouveau.' },
        anAgent(),
        plusMinutes(now, 60),
      );
      expect(reopened.status).toBe('in-progress');
      expect(reopened.reopenedCount).toBe(1);
      expect(reopened).not.toHaveProperty('resolution');
      expect(reopened).not.toHaveProperty('closedAt');
      expect(reopened.firstResponse).toEqual(ticket.firstResponse);
      expect(event.details).toEqual({
        reason: 'La messagerie coupe de nouveau.',
        resolvedAt: ticket.resolution!.at,
      });
      expect(notify.map((n) => n.audience)).toEqual(['beneficiary', 'support']);
      expect(notify[1]!.text).toBe(
        'INC-2026-000001 rouvert par Léa Dubois (Ville de Bellerive-sur-Rhône) : « La messagerie coupe de nouveau. ».',
      );
    });

    it('resumes the restoration clock where it stopped, not counting the time spent resolved', () => {
      // Received 09:00, resolved 13:10 (4 h 10 used of 16), reopened Tuesday 09:10: 11 h 50 left → Wednesday 11:00.
      let t = aTicket({ policy: WITH_RESTORATION });
      t = applyTicketAction(t, take, anEngineer(), paris('2026-06-08T09:10:00')).ticket;
      t = applyTicketAction(
        t,
        aResolveAction('2026-06-08T13:00'),
        anEngineer(),
        paris('2026-06-08T13:10:00'),
      ).ticket;
      t = applyTicketAction(
        t,
        { type: 'reopen', reason: 'Encore en panne.' },
        anAgent(),
        paris('2026-06-09T09:10:00'),
      ).ticket;
      expect(t.restoration).toEqual({ status: 'running', dueAt: paris('2026-06-10T11:00:00') });
    });

    it('asks for a reason to reopen', () => {
      const { ticket, now } = aTicketIn('resolved');
      expect(() => applyTicketAction(ticket, { type: 'reopen', reason: '' }, anAgent(), now)).toThrow(
        expect.objectContaining({
          issues: [{ path: 'reason', message: 'Dites pourquoi vous rouvrez le ticket.' }],
        }),
      );
    });
  });

  it('keeps the form fields the ticket was opened with through every action', () => {
    const { ticket } = aTicketIn('closed', { form: anIncidentForm({ phone: '+33612345678' }) });
    expect(ticket).toMatchObject({ title: 'Messagerie inaccessible', phone: '+33612345678', severity: 3 });
  });
});
