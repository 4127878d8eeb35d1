import { DEFAULT_WINDOWS, compileWindows } from '../../../bot/src/domain/calendar/weekly-windows';
import { ValidationError } from '../../../bot/src/domain/errors';
import { HOUR } from './fixtures';

describe('weekly business windows', () => {
  it('defaults to Monday–Friday 08:00–18:00, 50 hours a week', () => {
    const compiled = compileWindows(DEFAULT_WINDOWS);
    expect(compiled.byWeekday).toEqual([
      [[480, 1080]],
      [[480, 1080]],
      [[480, 1080]],
      [[480, 1080]],
      [[480, 1080]],
      [],
      [],
    ]);
    expect(compiled.weekMs).toBe(50 * HOUR);
  });

  it('merges overlapping windows of a day and accepts 24:00 as an end', () => {
    const compiled = compileWindows([
      { days: [6], from: '10:00', to: '12:00' },
      { days: [6], from: '11:00', to: '13:00' },
      { days: [7], from: '00:00', to: '24:00' },
    ]);
    expect(compiled.byWeekday[5]).toEqual([[600, 780]]);
    expect(compiled.nominalMs[6]).toBe(24 * HOUR);
  });

  it('compiles equal windows once', () => {
    expect(compileWindows([{ days: [1], from: '09:00', to: '17:00' }])).toBe(
      compileWindows([{ days: [1], from: '09:00', to: '17:00' }]),
    );
  });

  it.each([
    [[]],
    [[{ days: [1], from: '18:00', to: '08:00' }]],
    [[{ days: [8], from: '08:00', to: '18:00' }]],
    [[{ days: [], from: '08:00', to: '18:00' }]],
    [[{ days: [1], from: '8h', to: '18:00' }]],
    [[{ days: [1], from: '08:00', to: '24:30' }]],
  ])('refuses %j in French', (spec) => {
    expect(() => compileWindows(spec)).toThrow(ValidationError);
    expect(() => compileWindows(spec)).toThrow(/^Plages horaires invalides/);
  });
});
