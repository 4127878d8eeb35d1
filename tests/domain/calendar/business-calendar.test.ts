import { isoWeekday, parseLocalDate } from '../../../bot/src/domain/calendar/civil-date';
import { createCalendar, isWorkingDay } from '../../../bot/src/domain/calendar/business-calendar';
import { addBusinessTime } from '../../../bot/src/domain/calendar/business-time';
import { ValidationError } from '../../../bot/src/domain/errors';
import { HOUR, calendarOf, utc } from './fixtures';

describe('working days', () => {
  it('counts Monday–Friday and not Saturday or Sunday', () => {
    const paris = calendarOf('metropole');
    expect(isWorkingDay(paris, '2026-06-12')).toBe(true); // Friday
    expect(isWorkingDay(paris, '2026-06-13')).toBe(false);
    expect(isWorkingDay(paris, '2026-06-14')).toBe(false);
  });

  it('closes Whit Monday everywhere', () => {
    expect(isWorkingDay(calendarOf('metropole'), '2026-05-25')).toBe(false);
    expect(isWorkingDay(calendarOf('wallis-et-futuna'), '2026-05-25')).toBe(false);
  });

  // Each zone's own holiday on a weekday: closed there, open in metropole, and a sev 1 ticket
  // opened at 17:30 the working day before jumps over it.
  it.each([
    ['alsace-moselle', '2026-04-03', '2026-04-02T17:30:00+02:00', '2026-04-07T08:30:00+02:00'],
    ['alsace-moselle', '2025-12-26', '2025-12-24T17:30:00+01:00', '2025-12-29T08:30:00+01:00'],
    ['guadeloupe', '2026-05-27', '2026-05-26T17:30:00-04:00', '2026-05-28T08:30:00-04:00'],
    ['martinique', '2026-05-22', '2026-05-21T17:30:00-04:00', '2026-05-26T08:30:00-04:00'],
    ['guyane', '2026-06-10', '2026-06-09T17:30:00-03:00', '2026-06-11T08:30:00-03:00'],
    ['la-reunion', '2027-12-20', '2027-12-17T17:30:00+04:00', '2027-12-21T08:30:00+04:00'],
    ['mayotte', '2026-04-27', '2026-04-24T17:30:00+03:00', '2026-04-28T08:30:00+03:00'],
    ['saint-barthelemy', '2026-10-09', '2026-10-08T17:30:00-04:00', '2026-10-12T08:30:00-04:00'],
    ['saint-martin', '2026-05-28', '2026-05-27T17:30:00-04:00', '2026-05-29T08:30:00-04:00'],
    ['saint-martin', '2016-05-27', '2016-05-26T17:30:00-04:00', '2016-05-30T08:30:00-04:00'],
  ])('closes %s on its own holiday %s', (zone, holiday, openedAt, due) => {
    expect(isoWeekday(parseLocalDate(holiday))).toBeLessThanOrEqual(5);
    expect(isWorkingDay(calendarOf(zone), holiday)).toBe(false);
    expect(isWorkingDay(calendarOf('metropole'), holiday)).toBe(true);
    expect(addBusinessTime(calendarOf(zone), openedAt, HOUR)).toBe(utc(due));
  });

  it('closes a beneficiary’s own closing day (24 September in Nouvelle-Calédonie)', () => {
    const noumea = createCalendar({ zone: 'nouvelle-caledonie', extraClosingDays: ['2026-09-24'] });
    expect(isWorkingDay(noumea, '2026-09-24')).toBe(false);
    expect(isWorkingDay(calendarOf('nouvelle-caledonie'), '2026-09-24')).toBe(true);
    expect(addBusinessTime(noumea, '2026-09-23T17:30:00+11:00', HOUR)).toBe(utc('2026-09-25T08:30:00+11:00'));
  });

  it('refuses an unknown zone with the list of zones, in French', () => {
    expect(() => createCalendar({ zone: 'corse' })).toThrow(ValidationError);
    expect(() => createCalendar({ zone: 'corse' })).toThrow(/zone inconnue.*metropole, alsace-moselle/);
  });

  it('refuses a malformed closing day', () => {
    expect(() => createCalendar({ zone: 'metropole', extraClosingDays: ['24/09'] })).toThrow(
      /extraClosingDays\[0\]/,
    );
  });
});
