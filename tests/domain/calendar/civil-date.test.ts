import fc from 'fast-check';
import {
  civilFromDays,
  daysFromCivil,
  formatLocalDate,
  isoWeekday,
  parseLocalDate,
} from '../../../bot/src/domain/calendar/civil-date';
import { ValidationError } from '../../../bot/src/domain/errors';

describe('civil dates as day numbers', () => {
  it('numbers 1970-01-01 as day 0, a Thursday', () => {
    expect(daysFromCivil(1970, 1, 1)).toBe(0);
    expect(isoWeekday(0)).toBe(4);
  });

  it('agrees with Date.UTC for every day of 1990–2100', () => {
    fc.assert(
      fc.property(fc.integer({ min: daysFromCivil(1990, 1, 1), max: daysFromCivil(2100, 12, 31) }), (day) => {
        const { year, month, day: d } = civilFromDays(day);
        expect(Date.UTC(year, month - 1, d) / 86_400_000).toBe(day);
        expect(daysFromCivil(year, month, d)).toBe(day);
        expect(isoWeekday(day)).toBe(((new Date(day * 86_400_000).getUTCDay() + 6) % 7) + 1);
      }),
    );
  });

  it('formats and parses YYYY-MM-DD', () => {
    expect(formatLocalDate(daysFromCivil(2026, 5, 19))).toBe('2026-05-19');
    expect(parseLocalDate('2028-02-29')).toBe(daysFromCivil(2028, 2, 29));
  });

  it.each(['2026-02-29', '2026-13-01', '2026-5-19', '19/05/2026', '', 42])(
    'refuses %p as a date, in French',
    (bad) => {
      expect(() => parseLocalDate(bad, 'date')).toThrow(ValidationError);
      expect(() => parseLocalDate(bad, 'date')).toThrow(/date invalide/);
    },
  );
});
