import type { Instant } from '../../../bot/src/domain/calendar/instant';
import {
  CCAG_TIC_2021_CAP_PERCENT,
  CCAG_TIC_2021_EXEMPTION_CENTS,
  CCAG_TIC_2021_RULES,
  type PenaltyRules,
} from '../../../bot/src/domain/penalties/penalty-rules';
import { DEMO_PRICE_SCHEDULE } from '../../../bot/src/domain/catalogue/demo-price-schedule';
import { draftInputOf } from '../../../bot/src/domain/quotes/quote-draft';
import { applyQuoteAction } from '../../../bot/src/domain/quotes/quote-lifecycle';
import { quotePenaltyStatement } from '../../../bot/src/domain/quotes/quote-penalties';
import { makeQuoteTerms } from '../../../bot/src/domain/quotes/quote-terms';
import type { Quote } from '../../../bot/src/domain/quotes/quote';
import { aQuoteIn, anAccountManager, anApprover } from './factories';

/** The default quote (17 217,50 € HT, received 30 April 2026, due 19 May), sent at `sentAt` under `rules`. */
function sentAt(sentAt: Instant, rules: PenaltyRules = CCAG_TIC_2021_RULES): Quote {
  const { quote } = aQuoteIn('in-preparation', { terms: makeQuoteTerms({ penaltyRules: rules }) });
  return applyQuoteAction(quote, { type: 'send' }, anAccountManager(), sentAt).quote;
}

describe('late quotes accrue penalties (CCTP 5.6.6.2, CCAG-TIC 2021 art. 14.1.1 by default)', () => {
  it('accrues nothing when sent on the due date, up to its last local minute', () => {
    expect(sentAt('2026-05-19T21:59:00Z').timeliness).toMatchObject({
      onTime: true,
      calendarDaysLate: 0,
      penalty: { amountCents: 0 },
    });
  });

  it('applies P = V × R / 1000 on the value excluding VAT: 7 days late on 17 217,50 € is 120,52 €', () => {
    const q = sentAt('2026-05-26T08:00:00Z');
    expect(q.timeliness).toEqual({
      dueDate: '2026-05-19',
      sentDate: '2026-05-26',
      onTime: false,
      calendarDaysLate: 7,
      workingDaysLate: 4, // 20, 21, 22, (25 Whit Monday), 26
      sentAt: '2026-05-26T08:00:00Z',
      version: 1,
      penalty: { amountCents: 12_052, uncappedCents: 12_052, capped: false }, // 120,5225 €
    });
  });

  it('counts working days when the contract says so', () => {
    const q = sentAt('2026-05-26T08:00:00Z', { ...CCAG_TIC_2021_RULES, lateDays: 'working' });
    expect(q.timeliness!.penalty.amountCents).toBe(6_887); // 17 217,50 × 4 / 1000
  });

  it('caps the penalty at 10 % of the value when the option is on', () => {
    const capped = { ...CCAG_TIC_2021_RULES, capPercent: CCAG_TIC_2021_CAP_PERCENT };
    const q = sentAt('2026-10-01T08:00:00Z', capped); // 135 days late: 13,5 % uncapped
    expect(q.timeliness!.penalty).toEqual({ amountCents: 172_175, uncappedCents: 232_436, capped: true });
  });

  it('tells the account managers what the delay costs', () => {
    const { quote } = aQuoteIn('in-preparation');
    const { notify } = applyQuoteAction(quote, { type: 'send' }, anAccountManager(), '2026-05-26T08:00:00Z');
    expect(notify.find((n) => n.audience === 'account-managers')!.text).toBe(
      'DEV-2026-0001 v1 envoyé en retard à Ville de Bellerive-sur-Rhône : échéance le mardi 19 mai 2026, 7 jours de retard, pénalité 120,52\u00a0€.',
    );
  });

  it('measures the first answer only: a revision sent later changes neither lateness nor penalty', () => {
    const late = sentAt('2026-05-26T08:00:00Z');
    const { quote: v2 } = applyQuoteAction(
      late,
      { type: 'decline', version: 1 },
      anApprover(),
      '2026-05-27T08:00:00Z',
    );
    const draft = draftInputOf(late.versions[0]!);
    const { quote: v2Draft } = applyQuoteAction(
      v2,
      { type: 'revise', draft, schedule: DEMO_PRICE_SCHEDULE },
      anAccountManager(),
      '2026-05-28T08:00:00Z',
    );
    const { quote: v2Sent, event } = applyQuoteAction(
      v2Draft,
      { type: 'send' },
      anAccountManager(),
      '2026-06-15T08:00:00Z',
    );
    expect(v2Sent.timeliness).toEqual(late.timeliness);
    expect(event.details).not.toHaveProperty('penaltyCents');
  });

  describe('over the whole contract', () => {
    const exemption = { ...CCAG_TIC_2021_RULES, exemptionThresholdCents: CCAG_TIC_2021_EXEMPTION_CENTS };

    it('sums the penalties of late quotes only', () => {
      const quotes = [
        sentAt('2026-05-26T08:00:00Z'),
        sentAt('2026-05-19T08:00:00Z'),
        aQuoteIn('requested').quote,
      ];
      expect(quotePenaltyStatement(quotes, CCAG_TIC_2021_RULES)).toEqual({
        totalCents: 12_052,
        exempt: false,
        lateQuotes: [{ number: 'DEV-2026-0001', amountCents: 12_052 }],
      });
    });

    it('owes nothing while the total stays at or below 1 000 € HT when the exemption is on', () => {
      const late = sentAt('2026-05-26T08:00:00Z', exemption);
      expect(quotePenaltyStatement([late], exemption)).toMatchObject({ totalCents: 0, exempt: true });
      const many = Array.from({ length: 9 }, () => late); // 9 × 120,52 € = 1 084,68 €
      expect(quotePenaltyStatement(many, exemption)).toMatchObject({ totalCents: 108_468, exempt: false });
    });
  });
});
