import { DEMO_PRICE_SCHEDULE } from '../../../bot/src/domain/catalogue/demo-price-schedule';
import { PROFILE_LEVELS, SERVICE_KINDS } from '../../../bot/src/domain/catalogue/price-line';
import { validatePriceLineRows } from '../../../bot/src/domain/catalogue/price-schedule';

describe('demo price schedule', () => {
  const lines = DEMO_PRICE_SCHEDULE.lines;

  it('is a valid import: re-validated row by row, it gives back the same lines', () => {
    const verdict = validatePriceLineRows(lines.map((data, i) => ({ line: i + 2, data })));
    expect(verdict.issues).toEqual([]);
    expect(verdict.lines).toEqual(lines);
  });

  it('has fifteen lines, every kind of service, and exactly one 24/7 support option', () => {
    expect(lines).toHaveLength(15);
    expect(new Set(lines.map((l) => l.kind))).toEqual(new Set(SERVICE_KINDS));
    expect(lines.filter((l) => l.option === 'support-24-7')).toEqual([
      expect.objectContaining({ code: 'SUP-247', unit: 'mois', level: null }),
    ]);
  });

  it('prices days like 2024 public-sector Microsoft services: 400 to 1 200 € HT, more for more seniority', () => {
    for (const line of lines.filter((l) => l.unit === 'jour')) {
      expect(line.unitPriceCents).toBeGreaterThanOrEqual(40_000);
      expect(line.unitPriceCents).toBeLessThanOrEqual(120_000);
      expect(line.unitPriceCents % 100).toBe(0);
    }
    const days = lines.filter((l) => l.level !== null);
    for (const a of days)
      for (const b of days.filter((x) => x.kind === a.kind))
        if (PROFILE_LEVELS.indexOf(a.level!) < PROFILE_LEVELS.indexOf(b.level!))
          expect(a.unitPriceCents).toBeLessThan(b.unitPriceCents);
  });

  it('cannot be changed at run time', () => {
    expect(Object.isFrozen(DEMO_PRICE_SCHEDULE.lines)).toBe(true);
    expect(Object.isFrozen(DEMO_PRICE_SCHEDULE.lines[0])).toBe(true);
  });
});
