import { ValidationError } from '../../../bot/src/domain/errors';
import { parseQuoteDecision, withDe } from '../../../bot/src/domain/quotes/quote-action';

describe('quote decisions from a card', () => {
  it('reads the version the approver saw, and a trimmed optional reason', () => {
    expect(parseQuoteDecision('accept', { version: '2', reason: 'ignoré' })).toEqual({
      type: 'accept',
      version: 2,
    });
    expect(parseQuoteDecision('decline', { version: 1, reason: '  Trop cher  ' })).toEqual({
      type: 'decline',
      version: 1,
      reason: 'Trop cher',
    });
    expect(parseQuoteDecision('decline', { version: 1, reason: ' ' })).toEqual({
      type: 'decline',
      version: 1,
    });
  });

  it('refuses an unknown verb, a missing version and an overlong reason', () => {
    expect(() => parseQuoteDecision('send', { version: 1 })).toThrow('Action inconnue sur un devis.');
    expect(() => parseQuoteDecision('accept', {})).toThrow(
      'Version du devis manquante : rechargez la carte puis recommencez.',
    );
    expect(() => parseQuoteDecision('decline', { version: 1, reason: 'x'.repeat(2001) })).toThrow(
      ValidationError,
    );
  });

  it('elides the French preposition before a vowel', () => {
    expect(withDe('accepter')).toBe("d'accepter");
    expect(withDe('refuser')).toBe('de refuser');
  });
});
