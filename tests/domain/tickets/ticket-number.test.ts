import { ValidationError } from '../../../bot/src/domain/errors';
import {
  formatTicketNumber,
  isTicketNumber,
  parseTicketNumber,
  ticketCounterName,
  ticketNumberYear,
} from '../../../bot/src/domain/tickets/ticket-number';

describe('ticket numbers', () => {
  it('writes INC-YYYY-NNNNNN with the sequence zero-padded to six digits', () => {
    expect(formatTicketNumber(2026, 42)).toBe('INC-2026-000042');
    expect(formatTicketNumber(2026, 1)).toBe('INC-2026-000001');
    expect(formatTicketNumber(2027, 999_999)).toBe('INC-2027-999999');
  });

  it.each([
    [2026, 0],
    [2026, -1],
    [2026, 1.5],
    [2026, 1_000_000],
    [1989, 1],
    [2101, 1],
    [Number.NaN, 1],
  ])('refuses year %p with sequence %p', (year, seq) => {
    expect(() => formatTicketNumber(year, seq)).toThrow(ValidationError);
  });

  it.each([
    ['INC-2026-000042', 'INC-2026-000042'],
    ['inc-2026-000042', 'INC-2026-000042'],
    ['  Inc-2026-42  ', 'INC-2026-000042'],
    ['INC 2026 42', 'INC-2026-000042'],
    ['inc2026-42', 'INC-2026-000042'],
    ['INC_2026_000042', 'INC-2026-000042'],
    ['INC - 2026 - 7', 'INC-2026-000007'],
  ])('reads %p as %p, whatever the case and spacing', (text, canonical) => {
    const parsed = parseTicketNumber(text);
    expect(parsed.text).toBe(canonical);
    expect(parsed.year).toBe(2026);
  });

  it.each(['', 'INC-2026', 'INC-26-42', 'TKT-2026-000042', 'INC-2026-0000042', 'INC-2026-000000', 42, null])(
    'refuses %p with a French message giving an example',
    (text) => {
      expect(() => parseTicketNumber(text)).toThrow(/Numéro de ticket invalide|Numéro d'ordre/);
    },
  );

  it('puts the bad value in the message and the issue on `number`', () => {
    try {
      parseTicketNumber('TKT-1');
      throw new Error('expected a refusal');
    } catch (err) {
      expect((err as ValidationError).message).toBe(
        'Numéro de ticket invalide (« TKT-1 ») : attendu par exemple INC-2026-000042.',
      );
      expect((err as ValidationError).issues).toEqual([
        { path: 'number', message: 'numéro de ticket invalide' },
      ]);
    }
  });

  it('recognises only the canonical form as stored', () => {
    expect(isTicketNumber('INC-2026-000042')).toBe(true);
    expect(isTicketNumber('inc-2026-000042')).toBe(false);
    expect(isTicketNumber('INC-2026-42')).toBe(false);
    expect(isTicketNumber('INC-2026-000000')).toBe(false);
    expect(isTicketNumber(undefined)).toBe(false);
  });

  it('numbers a ticket in the year of Paris wall clocks, one counter for every zone', () => {
    // 08:00 on 1 January 2027 in Nouméa is still 31 December 2026, 22:00 in Paris.
    expect(ticketNumberYear('2026-12-31T21:00:00Z')).toBe(2026);
    // 00:30 on 1 January 2027 in Paris is still 2026 in UTC.
    expect(ticketNumberYear('2026-12-31T23:30:00Z')).toBe(2027);
  });

  it('names the counter of a year', () => {
    expect(ticketCounterName(2026)).toBe('ticket-number-2026');
    expect(() => ticketCounterName(20260)).toThrow(ValidationError);
  });
});
