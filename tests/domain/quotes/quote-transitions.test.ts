import { errorResponse } from '../../../bot/src/api/error-response';
import { DEMO_PRICE_SCHEDULE } from '../../../bot/src/domain/catalogue/demo-price-schedule';
import type { PriceSchedule } from '../../../bot/src/domain/catalogue/price-schedule';
import {
  InvalidTransitionError,
  QuoteAlreadyDecidedError,
  QuoteExpiredError,
  QuoteSupersededError,
  ValidationError,
} from '../../../bot/src/domain/errors';
import type { QuoteAction } from '../../../bot/src/domain/quotes/quote-action';
import { QUOTE_WATCH_ACTOR } from '../../../bot/src/domain/quotes/quote-actor';
import { draftInputOf } from '../../../bot/src/domain/quotes/quote-draft';
import { applyQuoteAction } from '../../../bot/src/domain/quotes/quote-lifecycle';
import {
  SENT_AT,
  aPrepareAction,
  aQuoteIn,
  anAccountManager,
  anApprover,
  deepFreeze,
  refusedQuoteAction,
} from './factories';

describe('quote transitions', () => {
  describe('sending', () => {
    const { quote } = aQuoteIn('in-preparation');
    const sent = applyQuoteAction(quote, { type: 'send' }, anAccountManager(), SENT_AT);

    it('sets the validity (3 months from the local day of sending) and measures timeliness', () => {
      expect(sent.quote.versions[0]).toMatchObject({
        status: 'sent',
        sentAt: SENT_AT,
        validUntil: '2026-08-19',
      });
      expect(sent.quote.timeliness).toMatchObject({
        dueDate: '2026-05-19',
        onTime: true,
        penalty: { amountCents: 0 },
      });
    });

    it('sends the summary to the requester’s conversation and to the approvers', () => {
      expect(sent.notify.map((n) => [n.audience, n.key, n.conversationId])).toEqual([
        ['beneficiary', 'outbox:dev-0001:3:beneficiary', 'a:conversation-lea'],
        ['approvers', 'outbox:dev-0001:3:approvers', undefined],
      ]);
      expect(sent.notify[1]!.text).toBe(
        [
          'Devis DEV-2026-0001 v1 — « Migration de la messagerie vers Exchange Online »',
          'Montant : 17\u00a0217,50\u00a0€ HT, TVA 20\u00a0% 3\u00a0443,50\u00a0€, 20\u00a0661,00\u00a0€ TTC.',
          'Calendrier prévisionnel : du lundi 1er juin 2026 au vendredi 10 juillet 2026, 2 phases.',
          'Profils proposés : P1, P2, P3.',
          "Valable jusqu'au mercredi 19 août 2026.",
          'Acceptez-le ou refusez-le avec « Accepter » ou « Refuser » sur la carte du devis.',
        ].join('\n\n'),
      );
    });

    it('never names a proposed person', () => {
      expect(JSON.stringify(sent.notify)).not.toMatch(/Dupont|name/);
    });

    it('refuses a stale form naming an older version', () => {
      const { quote: revised } = revisedQuote();
      const error = refusedQuoteAction(
        revised,
        { type: 'send', version: 1 },
        anAccountManager(),
        '2026-05-25T08:00:00Z',
      );
      expect(error).toBeInstanceOf(QuoteSupersededError);
      expect(error.message).toBe(
        'La version 1 du devis DEV-2026-0001 a été remplacée par la version 2 : seule la dernière version peut être envoyée.',
      );
    });
  });

  describe('decisions', () => {
    it('accepts the latest version once; a second acceptance is refused, naming who decided', () => {
      const { quote } = aQuoteIn('accepted');
      expect(quote.versions[0]!.decision).toEqual({
        by: { objectId: anApprover().objectId, name: 'Sophie Roux' },
        at: '2026-05-21T08:00:00Z',
      });
      const error = refusedQuoteAction(
        quote,
        { type: 'accept', version: 1 },
        anApprover(),
        '2026-05-22T08:00:00Z',
      );
      expect(error).toBeInstanceOf(QuoteAlreadyDecidedError);
      expect(error.code).toBe('QUOTE_ALREADY_DECIDED');
      expect(errorResponse(error).status).toBe(409);
      expect(error.message).toBe(
        'Le devis DEV-2026-0001 v1 a déjà été accepté par Sophie Roux le jeudi 21 mai 2026.',
      );
    });

    it('refuses to accept a declined quote', () => {
      const { quote } = aQuoteIn('declined');
      expect(
        refusedQuoteAction(quote, { type: 'accept', version: 1 }, anApprover(), '2026-05-22T08:00:00Z'),
      ).toBeInstanceOf(QuoteAlreadyDecidedError);
      expect(quote.versions[0]!.decision?.reason).toBe('Budget non disponible cette année.');
    });

    it('refuses to accept after the validity, on the beneficiary’s local day, and records the expiry only then', () => {
      const { quote } = aQuoteIn('sent');
      // 19 August 23:30 in Paris is still valid; 20 August 00:30 is not.
      expect(
        applyQuoteAction(quote, { type: 'accept', version: 1 }, anApprover(), '2026-08-19T21:30:00Z').quote
          .status,
      ).toBe('accepted');
      const error = refusedQuoteAction(
        quote,
        { type: 'accept', version: 1 },
        anApprover(),
        '2026-08-19T22:30:00Z',
      );
      expect(error).toBeInstanceOf(QuoteExpiredError);
      expect(error.message).toBe(
        "Le devis DEV-2026-0001 v1 était valable jusqu'au mercredi 19 août 2026 : il ne peut plus être accepté. Demandez une nouvelle version au Titulaire.",
      );
      expect(
        refusedQuoteAction(quote, { type: 'expire' }, QUOTE_WATCH_ACTOR, '2026-08-19T21:30:00Z'),
      ).toBeInstanceOf(InvalidTransitionError);
      const expired = applyQuoteAction(quote, { type: 'expire' }, QUOTE_WATCH_ACTOR, '2026-08-20T03:00:00Z');
      expect(expired.event.actor).toMatchObject({ role: 'Admin', channel: 'system' });
      expect(expired.notify.map((n) => n.audience)).toEqual(['beneficiary', 'account-managers']);
      expect(
        refusedQuoteAction(
          expired.quote,
          { type: 'accept', version: 1 },
          anApprover(),
          '2026-08-21T08:00:00Z',
        ),
      ).toBeInstanceOf(QuoteExpiredError);
    });

    it('refuses a version that does not exist', () => {
      const { quote } = aQuoteIn('sent');
      expect(
        refusedQuoteAction(quote, { type: 'accept', version: 3 }, anApprover(), '2026-05-21T08:00:00Z'),
      ).toBeInstanceOf(ValidationError);
    });

    it('tells the account managers of a decline, with its reason', () => {
      const { quote } = aQuoteIn('sent');
      const { notify } = applyQuoteAction(
        quote,
        { type: 'decline', version: 1, reason: '  Trop cher.  ' },
        anApprover(),
        '2026-05-21T08:00:00Z',
      );
      expect(notify).toEqual([
        {
          audience: 'account-managers',
          key: 'outbox:dev-0001:4:account-managers',
          text: 'DEV-2026-0001 v1 refusé par Sophie Roux (Ville de Bellerive-sur-Rhône) : « Trop cher. »',
        },
      ]);
    });
  });

  describe('revisions', () => {
    it('supersedes the sent version: it can no longer be accepted, before or after the new one is sent', () => {
      const { quote: v2Draft } = revisedQuote();
      expect(v2Draft.versions.map((v) => [v.version, v.status])).toEqual([
        [1, 'superseded'],
        [2, 'in-preparation'],
      ]);
      const stale = refusedQuoteAction(
        v2Draft,
        { type: 'accept', version: 1 },
        anApprover(),
        '2026-05-25T08:00:00Z',
      );
      expect(stale).toBeInstanceOf(QuoteSupersededError);
      expect(stale).toMatchObject({ code: 'QUOTE_SUPERSEDED', version: 1, latestVersion: 2 });
      const v2 = applyQuoteAction(
        v2Draft,
        { type: 'send', version: 2 },
        anAccountManager(),
        '2026-05-26T08:00:00Z',
      ).quote;
      expect(
        refusedQuoteAction(v2, { type: 'accept', version: 1 }, anApprover(), '2026-05-27T08:00:00Z'),
      ).toBeInstanceOf(QuoteSupersededError);
      expect(
        applyQuoteAction(v2, { type: 'accept', version: 2 }, anApprover(), '2026-05-27T08:00:00Z').quote
          .status,
      ).toBe('accepted');
    });

    it('changes one line and nothing else: 12 days instead of 10 at 650 € add 1 300 € HT and 260 € VAT', () => {
      const { quote: v2Draft, applied } = revisedQuote();
      const [v1, v2] = v2Draft.versions;
      expect(v2!.totals.htCents - v1!.totals.htCents).toBe(130_000);
      expect(v2!.totals.vatCents - v1!.totals.vatCents).toBe(26_000);
      expect(v2!.phases[0]).toEqual(v1!.phases[0]);
      expect(v2!.phases[1]!.deliverables[1]).toEqual(v1!.phases[1]!.deliverables[1]);
      expect(v2!.phases[1]!.deliverables[0]!.charges[1]).toEqual(v1!.phases[1]!.deliverables[0]!.charges[1]);
      expect(applied.event).toMatchObject({
        action: 'revise',
        version: 2,
        details: { from: 1, reason: 'Deux jours de plus pour les boîtes partagées.' },
      });
      expect(applied.notify[0]!.text).toBe(
        'Le Titulaire prépare une version 2 de votre devis DEV-2026-0001. La version 1 ne peut plus être acceptée.',
      );
    });

    it('keeps the prices a version was made with when a new schedule comes in force', () => {
      const repriced: PriceSchedule = {
        version: '2025-1',
        validFrom: '2026-05-01',
        lines: DEMO_PRICE_SCHEDULE.lines.map((l) => ({
          ...l,
          unitPriceCents: Math.round(l.unitPriceCents * 1.03),
        })),
      };
      const { quote } = aQuoteIn('declined');
      const draft = draftInputOf(quote.versions[0]!);
      const v2 = applyQuoteAction(
        quote,
        { type: 'revise', draft, schedule: repriced },
        anAccountManager(),
        '2026-05-22T08:00:00Z',
      ).quote;
      expect(v2.versions[0]).toEqual(quote.versions[0]);
      expect(v2.versions[0]!.status).toBe('declined');
      expect(v2.versions[1]).toMatchObject({ scheduleVersion: '2025-1', status: 'in-preparation' });
      expect(v2.versions[1]!.totals.htCents).toBeGreaterThan(quote.versions[0]!.totals.htCents);
    });
  });

  describe('bad drafts change nothing', () => {
    it.each([
      ['negative days', -3, /la quantité ne peut pas être négative/],
      ['an unknown price line', 'line', /ligne de prix inconnue « XYZ »/],
    ])('refuses %s (400)', (_what, change, message) => {
      const { quote } = aQuoteIn('requested');
      const draft = draftInputOf(
        applyQuoteAction(quote, aPrepareAction(), anAccountManager(), '2026-05-04T08:00:00Z').quote
          .versions[0]!,
      );
      const charge = draft.phases[0]!.charges![0]!;
      const bad = { ...charge, ...(change === 'line' ? { line: 'XYZ' } : { quantity: change }) };
      const action = aPrepareAction({
        ...draft,
        phases: [{ ...draft.phases[0]!, charges: [bad] }, draft.phases[1]!],
      });
      const error = refusedQuoteAction(quote, action, anAccountManager(), '2026-05-04T08:00:00Z');
      expect(error).toBeInstanceOf(ValidationError);
      expect(errorResponse(error).status).toBe(400);
      expect(error.issues[0]!.message).toMatch(message);
    });
  });
});

/** The default quote, sent, then revised with 12 days instead of 10 on its INT-CONF charge. */
function revisedQuote() {
  const { quote } = aQuoteIn('sent');
  const draft = draftInputOf(quote.versions[0]!);
  const [p1, p2] = draft.phases;
  const [d1, d2] = p2!.deliverables!;
  const changed = { ...d1!, charges: [{ ...d1!.charges![0]!, quantity: 12 }, d1!.charges![1]!] };
  const action: QuoteAction = {
    type: 'revise',
    draft: { ...draft, phases: [p1!, { ...p2!, deliverables: [changed, d2!] }] },
    schedule: DEMO_PRICE_SCHEDULE,
    reason: 'Deux jours de plus pour les boîtes partagées.',
  };
  const applied = applyQuoteAction(
    deepFreeze(quote),
    deepFreeze(action),
    anAccountManager(),
    '2026-05-22T08:00:00Z',
  );
  return { quote: applied.quote, applied };
}
