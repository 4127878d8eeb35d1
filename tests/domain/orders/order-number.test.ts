import { ValidationError } from '../../../bot/src/domain/errors';
import {
  formatOrderNumber,
  isOrderNumber,
  orderCounterName,
  orderNumberYear,
  parseOrderNumber,
} from '../../../bot/src/domain/orders/order-number';

describe('order numbers BC-YYYY-NNNN', () => {
  it('formats, parses tolerantly and recognises the canonical form', () => {
    expect(formatOrderNumber(2026, 42)).toBe('BC-2026-0042');
    expect(parseOrderNumber('bc 2026 42').text).toBe('BC-2026-0042');
    expect(isOrderNumber('BC-2026-0042')).toBe(true);
    expect(isOrderNumber('DEV-2026-0042')).toBe(false);
  });

  it('refuses a quote number or a malformed one, in French', () => {
    expect(() => parseOrderNumber('DEV-2026-0042')).toThrow(
      'Numéro de bon de commande invalide (« DEV-2026-0042 ») : attendu par exemple BC-2026-0042.',
    );
    expect(() => formatOrderNumber(1989, 1)).toThrow(ValidationError);
  });

  it('has its own yearly counter, in the Paris year', () => {
    expect(orderCounterName(2027)).toBe('order-number-2027');
    expect(orderNumberYear('2026-12-31T23:30:00Z')).toBe(2027);
  });
});
