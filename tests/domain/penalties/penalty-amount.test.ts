import { ValidationError } from '../../../bot/src/domain/errors';
import {
  contractPenaltyTotal,
  divideRoundHalfUp,
  penaltyFor,
  startedHoursLate,
} from '../../../bot/src/domain/penalties/penalty-amount';
import {
  CCAG_TIC_2021_CAP_PERCENT,
  CCAG_TIC_2021_EXEMPTION_CENTS,
  CCAG_TIC_2021_RULES,
  type PenaltyRules,
  validatePenaltyRules,
} from '../../../bot/src/domain/penalties/penalty-rules';
import { quoteLateness } from '../../../bot/src/domain/quotes/quote-deadline';
import { calendarOf } from '../calendar/fixtures';

const late = (calendarDays: number, workingDays = calendarDays, hours?: number) => ({
  calendarDays,
  workingDays,
  hours,
});
const ccag = (overrides: Partial<PenaltyRules> = {}): PenaltyRules => ({
  ...CCAG_TIC_2021_RULES,
  ...overrides,
});

describe('late penalties (CCAG-TIC 2021 art. 14.1.1 by default)', () => {
  it('applies P = V × R / 1000 in cents: 12 345,67 € HT three days late is 37,04 €', () => {
    expect(penaltyFor(ccag(), 1_234_567, late(3))).toEqual({
      amountCents: 3704,
      uncappedCents: 3704,
      capped: false,
    });
  });

  it('rounds to the nearest cent, halves up', () => {
    expect(penaltyFor(ccag(), 500, late(1)).amountCents).toBe(1); // 0,5 cent
    expect(penaltyFor(ccag(), 499, late(1)).amountCents).toBe(0);
    expect(divideRoundHalfUp(15n, 10n)).toBe(2n);
    expect(divideRoundHalfUp(14n, 10n)).toBe(1n);
  });

  it('stays exact on amounts where floating point would drift', () => {
    expect(penaltyFor(ccag(), 9_007_199_254_740, late(999)).amountCents).toBe(8_998_192_055_485);
    expect(penaltyFor(ccag(), 9_007_199_254_740n, late(1)).amountCents).toBe(9_007_199_255);
  });

  it('counts calendar days by default and working days when the contract says so', () => {
    expect(penaltyFor(ccag(), 1_000_000, late(7, 4)).amountCents).toBe(7000);
    expect(penaltyFor(ccag({ lateDays: 'working' }), 1_000_000, late(7, 4)).amountCents).toBe(4000);
  });

  it('caps the penalty at 10 % of V when the option is on', () => {
    const rules = ccag({ capPercent: CCAG_TIC_2021_CAP_PERCENT });
    expect(penaltyFor(rules, 100_000, late(150))).toEqual({
      amountCents: 10_000,
      uncappedCents: 15_000,
      capped: true,
    });
    expect(penaltyFor(rules, 100_000, late(50)).capped).toBe(false);
    expect(penaltyFor(ccag({ capPercent: 7.5 }), 100_001, late(150)).amountCents).toBe(7500);
  });

  it('charges a fixed amount per day or per started hour late', () => {
    expect(penaltyFor(ccag({ rate: { kind: 'per-day', amountCents: 5000 } }), 0, late(3)).amountCents).toBe(
      15_000,
    );
    const hourly = ccag({ rate: { kind: 'per-hour', amountCents: 2000 } });
    expect(
      penaltyFor(hourly, 0, late(0, 0, startedHoursLate('2026-06-08T10:00:00Z', '2026-06-08T11:01:00Z')))
        .amountCents,
    ).toBe(4000);
  });

  it('counts started hours: one minute late is one hour, on time is zero', () => {
    expect(startedHoursLate('2026-06-08T10:00:00Z', '2026-06-08T10:01:00Z')).toBe(1);
    expect(startedHoursLate('2026-06-08T10:00:00Z', '2026-06-08T10:00:00Z')).toBe(0);
  });

  it('waives every penalty of a contract whose total stays within 1 000 € HT when the exemption is on', () => {
    const rules = ccag({ exemptionThresholdCents: CCAG_TIC_2021_EXEMPTION_CENTS });
    expect(contractPenaltyTotal(rules, [60_000, 40_000])).toEqual({ totalCents: 0, exempt: true });
    expect(contractPenaltyTotal(rules, [60_000, 40_001])).toEqual({ totalCents: 100_001, exempt: false });
    expect(contractPenaltyTotal(ccag(), [60_000, 40_000])).toEqual({ totalCents: 100_000, exempt: false });
  });

  it('prices a late quote from its lateness', () => {
    const lateness = quoteLateness(
      calendarOf('metropole'),
      '2026-04-30T09:00:00Z',
      '2026-05-26T10:00:00+02:00',
    );
    const days = { calendarDays: lateness.calendarDaysLate, workingDays: lateness.workingDaysLate };
    expect(penaltyFor(ccag(), 2_500_000, days).amountCents).toBe(17_500); // 25 000 € × 7 / 1000
  });

  it.each([
    [{ ...CCAG_TIC_2021_RULES, rate: { kind: 'proportional', divisor: 0 } }],
    [{ ...CCAG_TIC_2021_RULES, capPercent: 10.123 }],
    [{ ...CCAG_TIC_2021_RULES, lateDays: 'ouvrables' }],
    [{ ...CCAG_TIC_2021_RULES, exemptionThresholdCents: 99.5 }],
  ])('refuses bad rules in French: %j', (rules) => {
    expect(() => validatePenaltyRules(rules)).toThrow(ValidationError);
    expect(() => validatePenaltyRules(rules)).toThrow(/^Règles de pénalités invalides/);
  });

  it('refuses a negative or fractional value or lateness', () => {
    expect(() => penaltyFor(ccag(), -1, late(1))).toThrow(ValidationError);
    expect(() => penaltyFor(ccag(), 100.5, late(1))).toThrow(ValidationError);
    expect(() => penaltyFor(ccag(), 100, late(1.5))).toThrow(/entier positif/);
  });
});
