import { errorResponse } from '../../../bot/src/api/error-response';
import { BeneficiaryInactiveError, ForbiddenError, ValidationError } from '../../../bot/src/domain/errors';
import { makeQuoteTerms } from '../../../bot/src/domain/quotes/quote-terms';
import {
  DUE_DATE,
  OTHER_SIRET,
  RECEIVED_AT,
  aCanutStaff,
  aQuote,
  aQuoteBeneficiary,
  aRequestedQuote,
  anAccountManager,
  anAgent,
  anApprover,
  anEngineer,
  errorOf,
} from './factories';

describe('recording a quote request', () => {
  it('stores the request, due on the 10th working day after its local day of receipt, with its terms', () => {
    const quote = aQuote();
    expect(quote).toMatchObject({
      id: 'dev-0001',
      number: 'DEV-2026-0001',
      beneficiaryId: '21690012300029',
      status: 'requested',
      versions: [],
      dueDate: DUE_DATE,
      seq: 1,
      request: {
        subject: 'Migration de la messagerie vers Exchange Online',
        channel: 'teams',
        receivedAt: RECEIVED_AT,
        requestedBy: { name: 'Léa Dubois', objectId: anAgent().objectId },
      },
      terms: { vatRateBp: 2000, validityMonths: 3, answerWorkingDays: 10 },
    });
  });

  describe('due date in the beneficiary’s calendar', () => {
    const due = (zone: Parameters<typeof aQuoteBeneficiary>[0], now: string) =>
      aQuote({ beneficiary: aQuoteBeneficiary(zone), now }).dueDate;

    it('skips 1 May, 8 May and Ascension: received Thursday 30 April 2026, due Tuesday 19 May', () => {
      expect(due({}, '2026-04-30T09:00:00Z')).toBe('2026-05-19');
    });

    it('counts from the local day: 14:00 UTC on 6 May is already 7 May in Nouméa, and Whit Monday follows', () => {
      expect(due({}, '2026-05-06T14:00:00Z')).toBe('2026-05-22');
      expect(due({ zone: 'nouvelle-caledonie' }, '2026-05-06T14:00:00Z')).toBe('2026-05-26');
    });

    it('skips each overseas zone’s own holiday', () => {
      expect(due({ zone: 'martinique' }, '2026-05-20T16:00:00Z')).toBe('2026-06-05'); // 22 May
      expect(due({ zone: 'guadeloupe' }, '2026-05-26T16:00:00Z')).toBe('2026-06-10'); // 27 May
      expect(due({}, '2026-05-26T10:00:00Z')).toBe('2026-06-09');
      expect(due({ zone: 'mayotte' }, '2026-04-24T07:00:00Z')).toBe('2026-05-13'); // 27 April
    });

    it('skips the beneficiary’s own closing days (24 September in Nouvelle-Calédonie)', () => {
      const noumea = { zone: 'nouvelle-caledonie' as const, closingDays: ['2026-09-24'] };
      expect(due(noumea, '2026-09-16T23:00:00Z')).toBe('2026-10-02');
      expect(due({ zone: 'nouvelle-caledonie' }, '2026-09-16T23:00:00Z')).toBe('2026-10-01');
    });

    it('follows the working days the terms give', () => {
      expect(aQuote({ terms: makeQuoteTerms({ answerWorkingDays: 5 }) }).dueDate).toBe('2026-05-11');
    });
  });

  it('audits the request and tells both sides the due date from the first message', () => {
    const { event, notify } = aRequestedQuote();
    expect(event).toEqual({
      id: 'dev-0001:event:000001',
      type: 'quote-event',
      quoteId: 'dev-0001',
      quoteNumber: 'DEV-2026-0001',
      beneficiaryId: '21690012300029',
      seq: 1,
      at: RECEIVED_AT,
      action: 'request',
      version: null,
      actor: {
        tenantId: anAgent().tenantId,
        objectId: anAgent().objectId,
        name: 'Léa Dubois',
        role: 'Beneficiary.Agent',
        channel: 'teams',
      },
      before: null,
      after: 'requested',
      details: expect.objectContaining({ dueDate: DUE_DATE, channel: 'teams' }),
    });
    expect(notify).toEqual([
      {
        audience: 'beneficiary',
        key: 'outbox:dev-0001:1:beneficiary',
        conversationId: 'a:conversation-lea',
        text: 'Votre demande de devis est enregistrée sous le numéro DEV-2026-0001. Le Titulaire vous enverra son devis au plus tard le mardi 19 mai 2026 (10 jours ouvrés).',
      },
      {
        audience: 'account-managers',
        key: 'outbox:dev-0001:1:account-managers',
        text: expect.stringMatching(
          /^Nouvelle demande de devis DEV-2026-0001 — Ville de Bellerive-sur-Rhône \(métropole\) : « Migration .* Devis à envoyer au plus tard le mardi 19 mai 2026\.$/,
        ),
      },
    ]);
  });

  it('records an e-mail request with its real reception time and contact, typed in by an account manager', () => {
    const { quote, event, notify } = aRequestedQuote({
      requestedBy: anAccountManager(),
      channel: 'email',
      receivedAt: '2026-04-30T15:45:00Z',
      contact: { name: 'Léa Dubois', email: 'lea.dubois@bellerive.fr' },
      now: '2026-05-04T08:00:00Z',
      conversationId: undefined,
    });
    expect(quote.request).toMatchObject({
      channel: 'email',
      receivedAt: '2026-04-30T15:45:00Z',
      requestedBy: { name: 'Léa Dubois', email: 'lea.dubois@bellerive.fr' },
      recordedBy: { name: 'Paul Garnier' },
    });
    expect(quote.dueDate).toBe(DUE_DATE);
    expect(event.actor.role).toBe('Account.Manager');
    expect(notify[0]).not.toHaveProperty('conversationId');
    expect(notify[1]!.text).toMatch(/Reçue par e-mail de Léa Dubois, saisie par Paul Garnier\.$/);
  });

  it('records the approver role when an approver asks', () => {
    expect(aRequestedQuote({ requestedBy: anApprover() }).event.actor.role).toBe('Beneficiary.Approver');
  });

  describe('refusals, nothing recorded', () => {
    it.each([
      ['an agent of another beneficiary', { requestedBy: anAgent({ beneficiaryIds: [OTHER_SIRET] }) }],
      ['a support engineer', { requestedBy: anEngineer() }],
      ['CANUT staff', { requestedBy: aCanutStaff() }],
      ['an agent claiming an e-mail', { channel: 'email' as const, contact: { name: 'X' } }],
      ['an agent backdating', { receivedAt: '2026-04-29T09:00:00Z' }],
    ])('refuses %s (403)', (_who, overrides) => {
      const error = errorOf(() => aRequestedQuote(overrides));
      expect(error).toBeInstanceOf(ForbiddenError);
      expect(errorResponse(error as ForbiddenError).status).toBe(403);
    });

    it('refuses an inactive beneficiary, saying how to reactivate', () => {
      const error = errorOf(() => aRequestedQuote({ beneficiary: aQuoteBeneficiary({ active: false }) }));
      expect(error).toBeInstanceOf(BeneficiaryInactiveError);
      expect(error.message).toMatch(/Contactez le CANUT/);
    });

    it.each([
      [
        'an e-mail without its contact',
        { requestedBy: anAccountManager(), channel: 'email' as const },
        'contactName',
      ],
      [
        'a reception in the future',
        { requestedBy: anAccountManager(), receivedAt: '2026-05-01T09:00:00Z' },
        'receivedAt',
      ],
      [
        'a reception before the convention',
        { requestedBy: anAccountManager(), receivedAt: '2024-08-30T09:00:00Z' },
        'receivedAt',
      ],
      ['a malformed number', { number: 'DEV-26-1' }, 'number'],
      ['an id the store refuses', { id: 'dev/1' }, 'id'],
    ])('refuses %s (400)', (_what, overrides, path) => {
      const error = errorOf(() => aRequestedQuote(overrides)) as ValidationError;
      expect(error).toBeInstanceOf(ValidationError);
      expect(error.issues[0]!.path).toBe(path);
    });
  });

  it('normalises a tolerant number', () => {
    expect(aQuote({ number: 'dev 2026 7' }).number).toBe('DEV-2026-0007');
  });
});
