import { ValidationError } from '../../../bot/src/domain/errors';
import {
  formatQuoteNumber,
  isQuoteNumber,
  parseQuoteNumber,
  quoteCounterName,
  quoteNumberYear,
} from '../../../bot/src/domain/quotes/quote-number';

describe('quote numbers DEV-YYYY-NNNN', () => {
  it('formats a year and a sequence with four digits', () => {
    expect(formatQuoteNumber(2026, 7)).toBe('DEV-2026-0007');
    expect(formatQuoteNumber(2026, 9999)).toBe('DEV-2026-9999');
  });

  it('reads what people type back in chat, and answers the canonical form', () => {
    for (const typed of ['DEV-2026-0007', 'dev 2026 7', ' Dev-2026-07 ', 'DEV_2026.0007']) {
      expect(parseQuoteNumber(typed)).toEqual({ year: 2026, seq: 7, text: 'DEV-2026-0007' });
    }
  });

  it('refuses anything else with a French example', () => {
    for (const bad of ['BC-2026-0007', 'DEV-26-7', 'DEV-2026-12345', 'DEV-2026-0000', 42]) {
      expect(() => parseQuoteNumber(bad)).toThrow(ValidationError);
    }
    expect(() => parseQuoteNumber('devis 7')).toThrow(
      'Numéro de devis invalide (« devis 7 ») : attendu par exemple DEV-2026-0042.',
    );
    expect(() => formatQuoteNumber(2026, 10_000)).toThrow(ValidationError);
  });

  it('recognises the canonical form only', () => {
    expect(isQuoteNumber('DEV-2026-0007')).toBe(true);
    expect(isQuoteNumber('dev 2026 7')).toBe(false);
    expect(isQuoteNumber('DEV-2026-0000')).toBe(false);
  });

  it('numbers in the year on Paris wall clocks, with one counter per year', () => {
    // Paris is UTC+1 in winter: 22:30 UTC on 31 December is still 2026 there, 23:30 UTC is 2027.
    expect(quoteNumberYear('2026-12-31T22:30:00Z')).toBe(2026);
    expect(quoteNumberYear('2026-12-31T23:30:00Z')).toBe(2027);
    // A Tahiti request at 13:30 local on 31 December is already numbered in 2027.
    expect(quoteNumberYear('2026-12-31T13:30:00-10:00')).toBe(2027);
    expect(quoteCounterName(2026)).toBe('quote-number-2026');
  });
});
