import fc from 'fast-check';
import { formatLocalDate, isoWeekday } from '../../../bot/src/domain/calendar/civil-date';
import { easterSunday } from '../../../bot/src/domain/calendar/easter';

describe('Easter Sunday by computus', () => {
  it.each([
    [1990, '1990-04-15'],
    [2000, '2000-04-23'],
    [2008, '2008-03-23'],
    [2011, '2011-04-24'],
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'],
    [2100, '2100-03-28'],
  ])('puts Easter %i on %s', (year, date) => {
    expect(formatLocalDate(easterSunday(year))).toBe(date);
  });

  it('is always a Sunday between 22 March and 25 April', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2100 }), (year) => {
        const day = easterSunday(year);
        expect(isoWeekday(day)).toBe(7);
        const date = formatLocalDate(day);
        expect(date >= `${year}-03-22` && date <= `${year}-04-25`).toBe(true);
      }),
    );
  });
});
