import fc from 'fast-check';
import {
  MAX_AMOUNT_CENTS,
  apportionCents,
  formatEuros,
  parseEurosToCents,
  scaleCents,
  sumCents,
} from '../../../bot/src/domain/catalogue/money';
import { ValidationError } from '../../../bot/src/domain/errors';

describe('money in integer cents', () => {
  it('writes euros the French way: grouped by three, decimal comma, no-break spaces', () => {
    expect(formatEuros(1_234_567)).toBe('12\u00a0345,67\u00a0€');
    expect(formatEuros(5)).toBe('0,05\u00a0€');
    expect(formatEuros(-150)).toBe('−1,50\u00a0€');
  });

  it('reads euros as files and forms write them, without floating-point noise', () => {
    expect(parseEurosToCents('1 250,50')).toBe(125_050);
    expect(parseEurosToCents('1\u202f250.5 €')).toBe(125_050);
    expect(parseEurosToCents(650)).toBe(65_000);
    expect(parseEurosToCents(0.1 + 0.2)).toBe(30);
  });

  it('refuses what is not an amount: negative, three decimals, text, beyond the maximum', () => {
    for (const bad of [-1, '12,345', 'six cents', '', null, 1.005, '99999999999']) {
      expect(parseEurosToCents(bad)).toBeUndefined();
    }
  });

  it('rounds a product to the nearest cent, halves up', () => {
    expect(scaleCents(65_001, 1, 4)).toBe(16_250); // 16 250,25
    expect(scaleCents(65_002, 1, 4)).toBe(16_251); // 16 250,5 → up
    expect(scaleCents(1_000_000, 2000, 10_000)).toBe(200_000);
  });

  it('refuses sums beyond ten million euros instead of losing precision', () => {
    expect(() => sumCents([MAX_AMOUNT_CENTS, 1])).toThrow(ValidationError);
  });

  describe('apportioning (largest remainder)', () => {
    it('splits 100 cents in three as 34 + 33 + 33, the earlier part first on a tie', () => {
      expect(apportionCents(100, [1, 1, 1])).toEqual([34, 33, 33]);
    });

    it('gives everything to the first part when no part weighs anything', () => {
      expect(apportionCents(7, [0, 0])).toEqual([7, 0]);
      expect(apportionCents(7, [])).toEqual([]);
    });

    it('always adds up exactly, each part within one cent of its quota', () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: 10_000_000 }),
          fc.array(fc.integer({ min: 0, max: 5_000_000 }), { minLength: 1, maxLength: 30 }),
          (total, weights) => {
            const parts = apportionCents(total, weights);
            expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
            const sum = weights.reduce((a, b) => a + b, 0);
            if (sum > 0) {
              parts.forEach((p, i) => expect(Math.abs(p - (total * weights[i]!) / sum)).toBeLessThan(1));
            }
          },
        ),
      );
    });
  });
});
