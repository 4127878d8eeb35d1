import { applyTicketAction } from '../../../bot/src/domain/tickets/lifecycle';
import {
  alertKey,
  alertsDue,
  computeNextAlertAt,
  pendingAlerts,
  recordAlertsSent,
} from '../../../bot/src/domain/tickets/next-alert';
import { alertText } from '../../../bot/src/domain/tickets/ticket-messages';
import { utc } from '../calendar/fixtures';
import { WITH_RESTORATION } from '../sla/policy-fixtures';
import {
  aMartiniqueAgent,
  aMartiniqueBeneficiary,
  aResolveAction,
  aTicket,
  aTicketIn,
  anEngineer,
  anIncidentForm,
} from './factories';

const paris = (local: string) => utc(`${local}+02:00`);
const shape = (alerts: { key: string; at: string; breach: boolean }[]) =>
  alerts.map((a) => [a.key, a.at, a.breach]);

describe('SLA alerts of a ticket', () => {
  // Sev 3 opened Monday 09:00 in Paris: 8 business hours, due 17:00.
  it('schedules the first-response alerts at 50 %, 80 % and 100 % (breach)', () => {
    expect(shape(pendingAlerts(aTicket()))).toEqual([
      ['firstResponse:50', paris('2026-06-08T13:00:00'), false],
      ['firstResponse:80', paris('2026-06-08T15:24:00'), false],
      ['firstResponse:100', paris('2026-06-08T17:00:00'), true],
    ]);
  });

  it('has nothing due before the first threshold, and answers from the index alone', () => {
    const ticket = aTicket();
    expect(alertsDue(ticket, paris('2026-06-08T12:59:59'))).toEqual({
      due: [],
      nextAlertAt: ticket.nextAlertAt,
    });
  });

  it('has the 50 % alert due at 13:00, then points to the 80 % one', () => {
    const check = alertsDue(aTicket(), paris('2026-06-08T13:00:00'));
    expect(shape([...check.due])).toEqual([['firstResponse:50', paris('2026-06-08T13:00:00'), false]]);
    expect(check.due[0]).toMatchObject({ kind: 'firstResponse', percent: 50 });
    expect(check.nextAlertAt).toBe(paris('2026-06-08T15:24:00'));
  });

  it('returns every missed alert when the watch was late, and then none is left', () => {
    const check = alertsDue(aTicket(), paris('2026-06-08T18:30:00'));
    expect(check.due.map((a) => a.key)).toEqual([
      'firstResponse:50',
      'firstResponse:80',
      'firstResponse:100',
    ]);
    expect(check.nextAlertAt).toBeNull();
  });

  it('sends each alert once: a recorded alert is never due again', () => {
    const ticket = recordAlertsSent(aTicket(), ['firstResponse:50']);
    expect(ticket.alertsSent).toEqual(['firstResponse:50']);
    expect(ticket.nextAlertAt).toBe(paris('2026-06-08T15:24:00'));
    expect(alertsDue(ticket, paris('2026-06-08T14:00:00')).due).toEqual([]);
    expect(recordAlertsSent(ticket, ['firstResponse:50']).alertsSent).toEqual(['firstResponse:50']);
  });

  it('is not an event: recording alerts leaves seq alone', () => {
    const ticket = aTicket();
    expect(recordAlertsSent(ticket, ['firstResponse:50']).seq).toBe(ticket.seq);
  });

  it('stops the first-response alerts once the ticket is taken, even those not yet sent', () => {
    const { ticket } = applyTicketAction(
      aTicket(),
      { type: 'take' },
      anEngineer(),
      paris('2026-06-08T16:00:00'),
    );
    expect(pendingAlerts(ticket)).toEqual([]);
    expect(ticket.nextAlertAt).toBeNull();
  });

  it('keeps the restoration alerts after the take, when the policy sets a target', () => {
    const opened = aTicket({ policy: WITH_RESTORATION });
    const { ticket } = applyTicketAction(
      opened,
      { type: 'take' },
      anEngineer(),
      paris('2026-06-08T09:10:00'),
    );
    expect(shape(pendingAlerts(ticket))).toEqual([
      ['restoration:50', paris('2026-06-08T17:00:00'), false],
      ['restoration:80', paris('2026-06-09T11:48:00'), false],
      ['restoration:100', paris('2026-06-09T15:00:00'), true],
    ]);
    expect(ticket.nextAlertAt).toBe(paris('2026-06-08T17:00:00'));
  });

  it('merges both targets in time order while the ticket is new', () => {
    const keys = pendingAlerts(aTicket({ policy: WITH_RESTORATION })).map((a) => a.key);
    expect(keys).toEqual([
      'firstResponse:50',
      'firstResponse:80',
      'firstResponse:100',
      'restoration:50',
      'restoration:80',
      'restoration:100',
    ]);
  });

  it('schedules no restoration alert while the clock is paused, except one already reached', () => {
    const { ticket } = aTicketIn('waiting-beneficiary', { policy: WITH_RESTORATION });
    expect(pendingAlerts(ticket)).toEqual([]);
    expect(ticket.nextAlertAt).toBeNull();
  });

  it('has no alert once resolved or closed', () => {
    for (const status of ['resolved', 'closed'] as const) {
      const { ticket } = aTicketIn(status, { policy: WITH_RESTORATION });
      expect(pendingAlerts(ticket)).toEqual([]);
      expect(computeNextAlertAt(ticket)).toBeNull();
      expect(alertsDue(ticket, paris('2026-07-01T12:00:00')).due).toEqual([]);
    }
  });

  it('never alerts a modality 1 beneficiary at night or on its holidays', () => {
    // Martinique, Thursday 21 May 17:30: Friday 22 May (abolition) and Whit Monday are closed.
    const ticket = aTicket({
      beneficiary: aMartiniqueBeneficiary(),
      declaredBy: aMartiniqueAgent(),
      now: utc('2026-05-21T17:30:00-04:00'),
    });
    expect(pendingAlerts(ticket).map((a) => a.at)).toEqual([
      utc('2026-05-26T11:30:00-04:00'),
      utc('2026-05-26T13:54:00-04:00'),
      utc('2026-05-26T15:30:00-04:00'),
    ]);
  });

  it('alerts at night for sev 1 under modality 2', () => {
    const ticket = aTicket({
      beneficiary: aMartiniqueBeneficiary({ modality: 2 }),
      declaredBy: aMartiniqueAgent(),
      form: anIncidentForm({ severity: 1 }),
      now: utc('2026-05-21T23:00:00-04:00'),
    });
    expect(ticket.nextAlertAt).toBe(utc('2026-05-21T23:30:00-04:00'));
  });

  it('names alert keys by target and threshold', () => {
    expect(alertKey('restoration', 80)).toBe('restoration:80');
  });

  describe('alert texts for the support channel', () => {
    const ticket = aTicket({
      beneficiary: aMartiniqueBeneficiary(),
      declaredBy: aMartiniqueAgent(),
      now: utc('2026-05-21T17:30:00-04:00'),
    });
    const [half, , breach] = pendingAlerts(ticket);

    it('says the share of the target used and the deadline in both times', () => {
      expect(alertText(ticket, half!)).toBe(
        'Alerte délai — INC-2026-000001 — Ville du Lamentin-Caraïbes, gravité 3 : « Messagerie inaccessible ». ' +
          '50 % du délai de première réponse écoulé ; échéance mardi 26 mai 2026 à 15:30, heure de la Martinique ' +
          "(soit le 26/05 21:30 heure de Paris). Personne ne l'a encore pris en charge.",
      );
    });

    it('announces the breach', () => {
      expect(alertText(ticket, breach!)).toMatch(/^Délai de première réponse dépassé — INC-2026-000001/);
    });

    it('names the assignee of a restoration alert', () => {
      let t = aTicket({ policy: WITH_RESTORATION });
      t = applyTicketAction(t, { type: 'take' }, anEngineer(), paris('2026-06-08T09:10:00')).ticket;
      const alert = pendingAlerts(t)[0]!;
      expect(alertText(t, alert)).toBe(
        'Alerte délai — INC-2026-000001 — Ville de Bellerive-sur-Rhône, gravité 3 : « Messagerie inaccessible ». ' +
          '50 % du délai de rétablissement écoulé ; échéance mardi 9 juin 2026 à 15:00, heure de Paris. Suivi par Marc Lefèvre.',
      );
    });
  });

  it('keeps working from a ticket read back from JSON (as the store returns it)', () => {
    const stored = JSON.parse(JSON.stringify(aTicket({ policy: WITH_RESTORATION })));
    expect(computeNextAlertAt(stored)).toBe(paris('2026-06-08T13:00:00'));
    const resolved = applyTicketAction(
      applyTicketAction(stored, { type: 'take' }, anEngineer(), paris('2026-06-08T09:10:00')).ticket,
      aResolveAction('2026-06-08T09:30'),
      anEngineer(),
      paris('2026-06-08T09:40:00'),
    ).ticket;
    expect(resolved.nextAlertAt).toBeNull();
  });
});
