import { BeneficiaryInactiveError, ForbiddenError, ValidationError } from '../../../bot/src/domain/errors';
import { CONTRACT_POLICY, HOUR_MS, type SlaPolicy } from '../../../bot/src/domain/sla/policy';
import { formatLocalDateTime } from '../../../bot/src/domain/tickets/format-local-time';
import { openTicket } from '../../../bot/src/domain/tickets/open-ticket';
import { utc } from '../calendar/fixtures';
import { WITH_RESTORATION } from '../sla/policy-fixtures';
import {
  MONDAY_9H_PARIS,
  aBeneficiary,
  aCanutStaff,
  aMartiniqueAgent,
  aMartiniqueBeneficiary,
  anAccountManager,
  anAdmin,
  anAgent,
  anEngineer,
  anIncidentForm,
  anOpenedTicket,
  aStrangerAgent,
  aTicket,
} from './factories';

describe('opening a ticket', () => {
  it('puts a Martinique sev 3 ticket opened Thursday 17:30 due Tuesday 15:30, heure de la Martinique', () => {
    // Friday 22 May is the abolition day in Martinique, Monday 25 May is Whit Monday.
    const ticket = aTicket({
      beneficiary: aMartiniqueBeneficiary(),
      declaredBy: aMartiniqueAgent(),
      form: anIncidentForm({ severity: 3 }),
      now: utc('2026-05-21T17:30:00-04:00'),
    });
    expect(ticket.firstResponseDueAt).toBe(utc('2026-05-26T15:30:00-04:00'));
    expect(formatLocalDateTime(ticket.firstResponseDueAt, ticket.zone)).toBe(
      'mardi 26 mai 2026 à 15:30, heure de la Martinique',
    );
  });

  it('puts a Paris sev 1 ticket opened Monday 17:30 under modality 1 due Tuesday 08:30', () => {
    const ticket = aTicket({ form: anIncidentForm({ severity: 1 }), now: utc('2026-06-08T17:30:00+02:00') });
    expect(ticket.firstResponseDueAt).toBe(utc('2026-06-09T08:30:00+02:00'));
  });

  it('counts elapsed time for a sev 1 ticket under modality 2: Friday 18:00 is due Friday 19:00', () => {
    const ticket = aTicket({
      beneficiary: aBeneficiary({ modality: 2 }),
      form: anIncidentForm({ severity: 1 }),
      now: utc('2026-06-12T18:00:00+02:00'),
    });
    expect(ticket.firstResponseDueAt).toBe(utc('2026-06-12T19:00:00+02:00'));
  });

  it("skips the beneficiary's own closing days, frozen on the ticket", () => {
    const ticket = aTicket({
      beneficiary: aBeneficiary({ closingDays: ['2026-06-09'] }),
      form: anIncidentForm({ severity: 1 }),
      now: utc('2026-06-08T17:30:00+02:00'),
    });
    expect(ticket.closingDays).toEqual(['2026-06-09']);
    expect(ticket.firstResponseDueAt).toBe(utc('2026-06-10T08:30:00+02:00'));
  });

  it('records everything the ticket needs, as plain JSON, status new, seq 1', () => {
    const ticket = aTicket({ form: anIncidentForm({ phone: '+33612345678' }) });
    expect(ticket).toMatchObject({
      id: 'tkt-0001',
      number: 'INC-2026-000001',
      beneficiaryId: '21690012300029',
      beneficiaryName: 'Ville de Bellerive-sur-Rhône',
      zone: 'metropole',
      modality: 1,
      severity: 3,
      category: 'incident',
      domain: 'modern-workplace',
      title: 'Messagerie inaccessible',
      phone: '+33612345678',
      channel: 'teams',
      receivedAt: MONDAY_9H_PARIS,
      openedAt: MONDAY_9H_PARIS,
      declaredBy: {
        tenantId: anAgent().tenantId,
        objectId: anAgent().objectId,
        name: 'Léa Dubois',
      },
      originConversationId: 'a:conversation-lea',
      status: 'new',
      pauses: [],
      reopenedCount: 0,
      seq: 1,
      updatedAt: MONDAY_9H_PARIS,
      alertsSent: [],
    });
    expect(JSON.parse(JSON.stringify(ticket))).toEqual(ticket);
    expect(ticket.firstResponse).toBeUndefined();
    expect(ticket.assignee).toBeUndefined();
  });

  it('stores no phone key when none was given', () => {
    expect('phone' in aTicket()).toBe(false);
  });

  it('writes the number in canonical form', () => {
    expect(aTicket({ number: 'inc 2026 42' }).number).toBe('INC-2026-000042');
  });

  describe('freezes the policy in force', () => {
    it('keeps a snapshot stamped with the opening time', () => {
      const ticket = aTicket();
      expect(ticket.policy.id).toBe(CONTRACT_POLICY.id);
      expect(ticket.policy.frozenAt).toBe(MONDAY_9H_PARIS);
    });

    it('is not affected by a later change of the policy table', () => {
      const policy = JSON.parse(JSON.stringify(CONTRACT_POLICY)) as {
        firstResponse: Record<number, Record<number, { targetMs: number }>>;
      };
      const ticket = aTicket({ policy: policy as unknown as SlaPolicy });
      policy.firstResponse[3]![1]!.targetMs = HOUR_MS;
      expect(ticket.policy.firstResponse[3][1].targetMs).toBe(8 * HOUR_MS);
    });

    it('refuses an invalid policy table', () => {
      expect(() => aTicket({ policy: { ...CONTRACT_POLICY, alertThresholdsPercent: [-1] } })).toThrow(
        ValidationError,
      );
    });
  });

  describe('restoration deadline', () => {
    it('has none under the contract, which sets no restoration target', () => {
      expect(aTicket().restoration).toEqual({ status: 'none' });
    });

    it('runs from reception when the policy sets one (16 business hours for sev 3: Tuesday 15:00)', () => {
      expect(aTicket({ policy: WITH_RESTORATION }).restoration).toEqual({
        status: 'running',
        dueAt: utc('2026-06-09T15:00:00+02:00'),
      });
    });
  });

  describe('first SLA alert', () => {
    it('is scheduled at 50 % of the first-response target (13:00 for a sev 3 opened at 09:00)', () => {
      expect(aTicket().nextAlertAt).toBe(utc('2026-06-08T13:00:00+02:00'));
    });

    it('is never at night for modality 1: a Martinique ticket opened Thursday 17:30 alerts Tuesday 11:30', () => {
      const ticket = aTicket({
        beneficiary: aMartiniqueBeneficiary(),
        declaredBy: aMartiniqueAgent(),
        now: utc('2026-05-21T17:30:00-04:00'),
      });
      expect(ticket.nextAlertAt).toBe(utc('2026-05-26T11:30:00-04:00'));
    });
  });

  describe('refusals', () => {
    it('refuses an inactive beneficiary, saying how to reactivate it, and opens nothing', () => {
      const open = () => aTicket({ beneficiary: aBeneficiary({ active: false }) });
      expect(open).toThrow(BeneficiaryInactiveError);
      expect(open).toThrow(/n'est pas active.*Contactez le CANUT/);
    });

    it.each([
      ['an agent of another beneficiary', aStrangerAgent()],
      ['CANUT staff', aCanutStaff()],
      ['a Titulaire account manager', anAccountManager()],
    ])('refuses a declaration by %s', (_who, declaredBy) => {
      expect(() => aTicket({ declaredBy })).toThrow(
        new ForbiddenError(
          "Seuls les agents de Ville de Bellerive-sur-Rhône et l'équipe support du Titulaire peuvent déclarer un incident pour ce bénéficiaire.",
        ),
      );
    });

    it('lets only the support record a phone or e-mail request, or an earlier reception time', () => {
      const message =
        "Seule l'équipe support du Titulaire peut saisir une demande reçue par téléphone ou par e-mail.";
      expect(() => aTicket({ channel: 'phone' })).toThrow(message);
      expect(() => aTicket({ receivedAt: utc('2026-06-08T08:00:00+02:00') })).toThrow(message);
      // The same instant written another way is not a backdating.
      expect(() => aTicket({ receivedAt: '2026-06-08T09:00:00+02:00' })).not.toThrow();
    });

    it('refuses a reception time in the future or before the convention', () => {
      const onBehalf = { declaredBy: anEngineer(), channel: 'phone' as const };
      expect(() => aTicket({ ...onBehalf, receivedAt: '2026-06-08T07:00:01Z' })).toThrow(
        'La date de réception ne peut pas être dans le futur.',
      );
      expect(() => aTicket({ ...onBehalf, receivedAt: utc('2024-09-01T23:59:00+02:00') })).toThrow(
        'La date de réception ne peut pas précéder la convention de Ville de Bellerive-sur-Rhône (2024-09-02).',
      );
    });

    it.each(['', 'a/b', 'a#b', 'a?b', 'x'.repeat(201)])(
      'refuses the id %p, unusable as a document id',
      (id) => {
        expect(() => aTicket({ id })).toThrow(ValidationError);
      },
    );

    it('refuses a malformed number', () => {
      expect(() => aTicket({ number: 'TKT-1' })).toThrow(ValidationError);
    });
  });

  describe('on behalf of a beneficiary (phone, e-mail)', () => {
    const call = () =>
      anOpenedTicket({
        declaredBy: anEngineer({ channel: 'phone' }),
        channel: 'phone',
        form: anIncidentForm({ severity: 1, phone: '+33612345678' }),
        receivedAt: utc('2026-06-08T09:00:00+02:00'),
        now: utc('2026-06-08T10:30:00+02:00'),
        conversationId: undefined,
      });

    it('starts the clock at the real reception time, not at entry: a 09:00 call is due at 10:00', () => {
      const { ticket } = call();
      expect(ticket.receivedAt).toBe(utc('2026-06-08T09:00:00+02:00'));
      expect(ticket.openedAt).toBe(utc('2026-06-08T10:30:00+02:00'));
      expect(ticket.firstResponseDueAt).toBe(utc('2026-06-08T10:00:00+02:00'));
    });

    it('records the channel, the engineer who entered it and the role he acted under', () => {
      const { ticket, event } = call();
      expect(ticket.channel).toBe('phone');
      expect(ticket.declaredBy.name).toBe('Marc Lefèvre');
      expect(event.actor).toMatchObject({ role: 'Support.Engineer', channel: 'phone' });
      expect(event.details).toMatchObject({ channel: 'phone', receivedAt: ticket.receivedAt });
    });

    it('tells the support channel who entered it and how it came', () => {
      const support = call().notify.find((n) => n.audience === 'support')!;
      expect(support.text).toContain('Reçu par téléphone, saisi par Marc Lefèvre.');
    });

    it('still lists the beneficiary to notify, without a conversation to reach it', () => {
      const beneficiary = call().notify.find((n) => n.audience === 'beneficiary')!;
      expect(beneficiary.conversationId).toBeUndefined();
    });

    it('accepts an admin as declarant', () => {
      expect(anOpenedTicket({ declaredBy: anAdmin(), channel: 'email' }).event.actor.role).toBe('Admin');
    });
  });

  describe('audit event and notifications', () => {
    it('records an opening event, id derived from the ticket id and seq 1', () => {
      const { event, ticket } = anOpenedTicket();
      expect(event).toEqual({
        id: 'tkt-0001:event:000001',
        type: 'ticket-event',
        ticketId: 'tkt-0001',
        ticketNumber: 'INC-2026-000001',
        beneficiaryId: '21690012300029',
        seq: 1,
        at: MONDAY_9H_PARIS,
        action: 'open',
        actor: {
          tenantId: anAgent().tenantId,
          objectId: anAgent().objectId,
          name: 'Léa Dubois',
          role: 'Beneficiary.Agent',
          channel: 'teams',
        },
        before: null,
        after: 'new',
        details: {
          severity: 3,
          category: 'incident',
          domain: 'modern-workplace',
          channel: 'teams',
          receivedAt: MONDAY_9H_PARIS,
          firstResponseDueAt: ticket.firstResponseDueAt,
          policyId: CONTRACT_POLICY.id,
        },
      });
    });

    it('opens the same ticket and event when the same submit is replayed', () => {
      expect(anOpenedTicket()).toEqual(anOpenedTicket());
    });

    it('confirms to the beneficiary with the number, severity and deadline in its local time', () => {
      const { notify } = anOpenedTicket({
        beneficiary: aMartiniqueBeneficiary(),
        declaredBy: aMartiniqueAgent(),
        now: utc('2026-05-21T17:30:00-04:00'),
      });
      expect(notify[0]).toEqual({
        audience: 'beneficiary',
        key: 'outbox:tkt-0001:1:beneficiary',
        conversationId: 'a:conversation-lea',
        text:
          'Votre demande est enregistrée sous le numéro INC-2026-000001 (gravité 3 — impact modéré, le travail continue). ' +
          'Première réponse du support au plus tard le mardi 26 mai 2026 à 15:30, heure de la Martinique.',
      });
    });

    it('alerts the support channel, with Paris time for an overseas beneficiary', () => {
      const { notify } = anOpenedTicket({
        beneficiary: aMartiniqueBeneficiary(),
        declaredBy: aMartiniqueAgent(),
        now: utc('2026-05-21T17:30:00-04:00'),
      });
      expect(notify[1]).toEqual({
        audience: 'support',
        key: 'outbox:tkt-0001:1:support',
        text:
          'Nouveau ticket INC-2026-000001 — Ville du Lamentin-Caraïbes (Martinique, modalité 1) — ' +
          'Gravité 3 — Impact modéré, le travail continue : « Messagerie inaccessible ». ' +
          'Première réponse due le mardi 26 mai 2026 à 15:30, heure de la Martinique (soit le 26/05 21:30 heure de Paris).',
      });
    });
  });

  it('is pure: the same input opens the same ticket whatever the input objects become afterwards', () => {
    const beneficiary = aBeneficiary({ closingDays: ['2026-06-09'] });
    const ticket = openTicket({
      form: anIncidentForm(),
      beneficiary,
      declaredBy: anAgent(),
      now: MONDAY_9H_PARIS,
      id: 'x',
      number: 'INC-2026-000002',
    });
    (beneficiary.closingDays as string[]).push('2026-06-10');
    expect(ticket.ticket.closingDays).toEqual(['2026-06-09']);
  });
});
