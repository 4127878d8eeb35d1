import { formatInstant, formatInstantToSecond, parseInstant } from '../../../bot/src/domain/calendar/instant';
import { ValidationError } from '../../../bot/src/domain/errors';

describe('UTC ISO-8601 instants', () => {
  it('reads Z, offsets, minutes-only and fractions', () => {
    expect(parseInstant('2026-05-21T21:30:00Z')).toBe(Date.UTC(2026, 4, 21, 21, 30));
    expect(parseInstant('2026-05-21T17:30:00-04:00')).toBe(Date.UTC(2026, 4, 21, 21, 30));
    expect(parseInstant('2026-05-21T23:30+02:00')).toBe(Date.UTC(2026, 4, 21, 21, 30));
    expect(parseInstant('2026-05-21T21:30:00.1234Z')).toBe(Date.UTC(2026, 4, 21, 21, 30, 0, 123));
  });

  it.each([
    '2026-05-21T21:30:00', // no zone: ambiguous wall time
    '2026-02-30T09:00:00Z',
    '2026-05-21T24:00:00Z',
    '2026-05-21 21:30:00Z',
    '2026-05-21T21:60:00Z',
    'demain',
    '',
  ])('refuses %p with a French message', (bad) => {
    expect(() => parseInstant(bad, 'openedAt')).toThrow(ValidationError);
    expect(() => parseInstant(bad, 'openedAt')).toThrow(/^openedAt : date invalide/);
  });

  it('refuses instants outside 1990–2100', () => {
    expect(() => parseInstant('1989-12-31T23:59:59Z')).toThrow(/hors de la période/);
    expect(() => parseInstant('2101-01-01T00:00:00Z')).toThrow(/hors de la période/);
    expect(parseInstant('2100-12-31T23:59:59Z')).toBe(Date.UTC(2100, 11, 31, 23, 59, 59));
  });

  it('refuses a non-string', () => {
    expect(() => parseInstant(1_700_000_000_000)).toThrow(ValidationError);
  });

  it('writes second precision with Z, milliseconds only when there are some', () => {
    expect(formatInstant(Date.UTC(2026, 4, 26, 19, 30))).toBe('2026-05-26T19:30:00Z');
    expect(formatInstant(Date.UTC(2026, 4, 26, 19, 30, 0, 5))).toBe('2026-05-26T19:30:00.005Z');
    expect(formatInstantToSecond(Date.UTC(2026, 4, 26, 19, 30, 59, 999))).toBe('2026-05-26T19:30:59Z');
  });
});
