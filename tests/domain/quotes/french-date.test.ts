import {
  addMonths,
  formatFrenchDate,
  formatShortFrenchDate,
} from '../../../bot/src/domain/quotes/french-date';

describe('French local dates', () => {
  it('writes a date with its weekday, and the first of the month as an ordinal', () => {
    expect(formatFrenchDate('2026-05-19')).toBe('mardi 19 mai 2026');
    expect(formatFrenchDate('2026-05-01')).toBe('vendredi 1er mai 2026');
    expect(formatShortFrenchDate('2026-05-01')).toBe('01/05/2026');
  });

  it('adds months, a missing day becoming the month’s last (validity periods)', () => {
    expect(addMonths('2026-05-19', 3)).toBe('2026-08-19');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2027-11-30', 3)).toBe('2028-02-29');
    expect(addMonths('2026-10-31', 14)).toBe('2027-12-31');
  });
});
