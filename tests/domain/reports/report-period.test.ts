/**
 * Reporting periods as people type them, the French refusals, and the instants that bound them.
 */
import {
  lastCompletePeriod,
  monthPeriod,
  parseReportPeriod,
  periodEndIn,
  periodSearchWindow,
  previousPeriod,
  quarterPeriod,
  subPeriods,
  yearPeriod,
} from '../../../bot/src/domain/reports/report-period';
import { ValidationError } from '../../../bot/src/domain/errors';
import { ZONE_SLUGS } from '../../../bot/src/domain/calendar/zones';

describe('parseReportPeriod', () => {
  it.each([
    ['T3 2026', 'quarter', '2026-07-01', '2026-09-30', 'T3 2026', '2026-T3'],
    ['t3-2026', 'quarter', '2026-07-01', '2026-09-30', 'T3 2026', '2026-T3'],
    ['Q1 2025', 'quarter', '2025-01-01', '2025-03-31', 'T1 2025', '2025-T1'],
    ['2026-T4', 'quarter', '2026-10-01', '2026-12-31', 'T4 2026', '2026-T4'],
    ['3e trimestre 2026', 'quarter', '2026-07-01', '2026-09-30', 'T3 2026', '2026-T3'],
    ['1er trimestre 2026', 'quarter', '2026-01-01', '2026-03-31', 'T1 2026', '2026-T1'],
    ['rapport T2 2026', 'quarter', '2026-04-01', '2026-06-30', 'T2 2026', '2026-T2'],
    ['2026', 'year', '2026-01-01', '2026-12-31', '2026', '2026'],
    ['Année 2026', 'year', '2026-01-01', '2026-12-31', '2026', '2026'],
    ['octobre 2026', 'month', '2026-10-01', '2026-10-31', 'octobre 2026', '2026-10'],
    ['Février 2028', 'month', '2028-02-01', '2028-02-29', 'février 2028', '2028-02'],
    ['fevrier 2026', 'month', '2026-02-01', '2026-02-28', 'février 2026', '2026-02'],
    ['sept. 2026', 'month', '2026-09-01', '2026-09-30', 'septembre 2026', '2026-09'],
    ['AOÛT 2026', 'month', '2026-08-01', '2026-08-31', 'août 2026', '2026-08'],
    ['2026-10', 'month', '2026-10-01', '2026-10-31', 'octobre 2026', '2026-10'],
    ['2026-3', 'month', '2026-03-01', '2026-03-31', 'mars 2026', '2026-03'],
    ['10/2026', 'month', '2026-10-01', '2026-10-31', 'octobre 2026', '2026-10'],
    ['  décembre\u00a02026 ', 'month', '2026-12-01', '2026-12-31', 'décembre 2026', '2026-12'],
  ])('reads %s', (text, kind, start, end, label, key) => {
    expect(parseReportPeriod(text)).toMatchObject({ kind, start, end, label, key });
  });

  it.each([
    ['', /Période non reconnue .*T3 2026/],
    ['le mois dernier', /Période non reconnue/],
    [42, /Période non reconnue/],
    ['T5 2026', /Trimestre invalide \(T5\)/],
    ['2026-13', /Mois invalide \(13\)/],
    ['brumaire 2026', /Mois inconnu \(« brumaire »\)/],
    ['1850', /Année hors limites/],
  ])('refuses %p in French', (text, message) => {
    let error: unknown;
    try {
      parseReportPeriod(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toMatch(message);
    expect((error as ValidationError).issues[0]?.path).toBe('period');
  });
});

describe('period arithmetic', () => {
  it('breaks a year into months and quarters', () => {
    expect(subPeriods(yearPeriod(2026), 'month').map((p) => p.key)).toHaveLength(12);
    expect(subPeriods(yearPeriod(2026), 'quarter').map((p) => p.key)).toEqual([
      '2026-T1',
      '2026-T2',
      '2026-T3',
      '2026-T4',
    ]);
    expect(subPeriods(quarterPeriod(2026, 4), 'month').map((p) => p.label)).toEqual([
      'octobre 2026',
      'novembre 2026',
      'décembre 2026',
    ]);
  });

  it('goes back to the previous period across a year', () => {
    expect(previousPeriod(quarterPeriod(2026, 1)).key).toBe('2025-T4');
    expect(previousPeriod(monthPeriod(2026, 1)).key).toBe('2025-12');
    expect(lastCompletePeriod('quarter', '2026-10-02').key).toBe('2026-T3');
    expect(lastCompletePeriod('month', '2026-03-01').key).toBe('2026-02');
  });

  it('ends at local midnight in each zone', () => {
    const q1 = quarterPeriod(2026, 1);
    expect(periodEndIn(q1, 'metropole')).toBe('2026-03-31T22:00:00Z');
    expect(periodEndIn(q1, 'nouvelle-caledonie')).toBe('2026-03-31T13:00:00Z');
    expect(periodEndIn(q1, 'polynesie-francaise')).toBe('2026-04-01T10:00:00Z');
  });

  it('searches a UTC window that holds the period in every zone', () => {
    const p = yearPeriod(2026);
    const { from, to } = periodSearchWindow(p);
    for (const zone of ZONE_SLUGS) {
      expect(Date.parse(periodEndIn(previousPeriod(p), zone))).toBeGreaterThan(Date.parse(from));
      expect(Date.parse(periodEndIn(p, zone))).toBeLessThan(Date.parse(to));
    }
  });
});
