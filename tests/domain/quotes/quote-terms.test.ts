import { ValidationError } from '../../../bot/src/domain/errors';
import { CCAG_TIC_2021_RULES } from '../../../bot/src/domain/penalties/penalty-rules';
import {
  DEFAULT_QUOTE_TERMS,
  formatVatRate,
  makeQuoteTerms,
  vatRateToBasisPoints,
} from '../../../bot/src/domain/quotes/quote-terms';

describe('quote terms from configuration', () => {
  it('defaults to 20 % VAT, 3 months of validity, 10 working days and the CCAG-TIC 2021 penalties', () => {
    expect(makeQuoteTerms()).toEqual(DEFAULT_QUOTE_TERMS);
    expect(DEFAULT_QUOTE_TERMS).toEqual({
      vatRateBp: 2000,
      validityMonths: 3,
      answerWorkingDays: 10,
      penaltyRules: CCAG_TIC_2021_RULES,
    });
  });

  it('reads a VAT rate as configuration writes it, exactly', () => {
    expect(makeQuoteTerms({ vatRatePercent: '8,5' }).vatRateBp).toBe(850);
    expect(makeQuoteTerms({ vatRatePercent: 5.5 }).vatRateBp).toBe(550);
    expect(vatRateToBasisPoints('20 %')).toBe(2000);
    expect(vatRateToBasisPoints('2,125')).toBeUndefined();
    expect(vatRateToBasisPoints('120')).toBeUndefined();
  });

  it('shows a rate the French way', () => {
    expect(formatVatRate(2000)).toBe('20\u00a0%');
    expect(formatVatRate(850)).toBe('8,5\u00a0%');
    expect(formatVatRate(210)).toBe('2,1\u00a0%');
  });

  it('refuses bad settings, naming each', () => {
    let error: unknown;
    try {
      makeQuoteTerms({ vatRatePercent: 'vingt', validityMonths: 0, answerWorkingDays: 2.5 });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((i) => i.path)).toEqual([
      'vatRatePercent',
      'validityMonths',
      'answerWorkingDays',
    ]);
    expect(() => makeQuoteTerms({ penaltyRules: { ...CCAG_TIC_2021_RULES, capPercent: -1 } })).toThrow(
      ValidationError,
    );
  });
});
