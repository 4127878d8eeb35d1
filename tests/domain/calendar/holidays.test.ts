import { ZONE_SLUGS } from '../../../bot/src/domain/calendar/zones';
import { holidaysOf, isHoliday } from '../../../bot/src/domain/calendar/holidays';
import { parseLocalDate } from '../../../bot/src/domain/calendar/civil-date';
import { ValidationError } from '../../../bot/src/domain/errors';

const NATIONAL_2026 = [
  ['2026-01-01', "Jour de l'an"],
  ['2026-04-06', 'Lundi de Pâques'],
  ['2026-05-01', 'Fête du travail'],
  ['2026-05-08', 'Victoire des alliés'],
  ['2026-05-14', 'Ascension'],
  ['2026-05-25', 'Lundi de Pentecôte'],
  ['2026-07-14', 'Fête nationale'],
  ['2026-08-15', 'Assomption'],
  ['2026-11-01', 'Toussaint'],
  ['2026-11-11', 'Armistice'],
  ['2026-12-25', 'Noël'],
].map(([date, name]) => ({ date, name }));

describe('public holidays per zone', () => {
  it('gives metropole the 11 national holidays of the Code du travail, with French names', () => {
    expect(holidaysOf('metropole', 2026)).toEqual(NATIONAL_2026);
  });

  it.each([
    'nouvelle-caledonie',
    'polynesie-francaise',
    'saint-pierre-et-miquelon',
    'wallis-et-futuna',
  ] as const)('gives %s exactly the national holidays', (zone) => {
    expect(holidaysOf(zone, 2026)).toEqual(NATIONAL_2026);
  });

  it('adds Good Friday (Easter − 2) and 26 December in Alsace-Moselle', () => {
    const extra = holidaysOf('alsace-moselle', 2026).filter(
      (h) => !NATIONAL_2026.some((n) => n.date === h.date),
    );
    expect(extra).toEqual([
      { date: '2026-04-03', name: 'Vendredi saint' },
      { date: '2026-12-26', name: 'Saint Étienne' },
    ]);
  });

  it.each([
    ['guadeloupe', '2026-05-27'],
    ['martinique', '2026-05-22'],
    ['guyane', '2026-06-10'],
    ['la-reunion', '2026-12-20'],
    ['mayotte', '2026-04-27'],
    ['saint-barthelemy', '2026-10-09'],
    ['saint-martin', '2026-05-28'],
  ] as const)('adds the abolition of slavery in %s on %s', (zone, date) => {
    const holidays = holidaysOf(zone, 2026);
    expect(holidays).toHaveLength(12);
    expect(holidays).toContainEqual({ date, name: "Abolition de l'esclavage" });
  });

  it('keeps 27 May in Saint-Martin before 2018 and 28 May from 2018', () => {
    expect(holidaysOf('saint-martin', 2017)).toContainEqual({
      date: '2017-05-27',
      name: "Abolition de l'esclavage",
    });
    expect(holidaysOf('saint-martin', 2018)).toContainEqual({
      date: '2018-05-28',
      name: "Abolition de l'esclavage",
    });
    expect(isHoliday('saint-martin', parseLocalDate('2017-05-28'))).toBe(false);
  });

  it.each([
    [2025, '2025-04-21', '2025-05-29', '2025-06-09'],
    [2027, '2027-03-29', '2027-05-06', '2027-05-17'],
    [2038, '2038-04-26', '2038-06-03', '2038-06-14'],
  ])(
    'derives %i Easter Monday, Ascension (Easter + 39) and Whit Monday (Easter + 50)',
    (year, monday, ascension, whit) => {
      const dates = holidaysOf('metropole', year).map((h) => h.date);
      expect(dates).toEqual(expect.arrayContaining([monday, ascension, whit]));
    },
  );

  it('lists both holidays when Ascension falls on 1 May (2008)', () => {
    expect(
      holidaysOf('metropole', 2008)
        .filter((h) => h.date === '2008-05-01')
        .map((h) => h.name),
    ).toEqual(['Fête du travail', 'Ascension']);
  });

  it('answers the same from the fast lookup as from the list, for every zone and year', () => {
    for (const zone of ZONE_SLUGS) {
      for (let year = 1990; year <= 2100; year += 11) {
        for (const { date } of holidaysOf(zone, year))
          expect(isHoliday(zone, parseLocalDate(date))).toBe(true);
      }
    }
  });

  it('refuses years outside 1990–2100 in French', () => {
    expect(() => holidaysOf('metropole', 1989)).toThrow(ValidationError);
    expect(() => holidaysOf('metropole', 2101)).toThrow(/hors de la période/);
  });
});
