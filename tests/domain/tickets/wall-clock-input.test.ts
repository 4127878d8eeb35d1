import { parseWallClockInput, startOfLocalDayMs } from '../../../bot/src/domain/tickets/wall-clock-input';

const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

describe('instants typed by people', () => {
  it.each([
    ['2026-03-03T09:30', 'martinique', '2026-03-03T13:30:00.000Z'],
    ['2026-03-03 09:30', 'la-reunion', '2026-03-03T05:30:00.000Z'],
    ['2026-07-14T09:30:45', 'metropole', '2026-07-14T07:30:45.000Z'],
    ['2026-03-03T09:30:00-04:00', 'metropole', '2026-03-03T13:30:00.000Z'],
    ['2026-03-03T13:30:00z', 'metropole', '2026-03-03T13:30:00.000Z'],
    // The autumn change repeats 02:30 in Paris: the first occurrence (summer time) is taken.
    ['2026-10-25T02:30', 'metropole', '2026-10-25T00:30:00.000Z'],
  ])('reads %p in %s as %s', (text, zone, expected) => {
    expect(iso(parseWallClockInput(text, zone as 'metropole'))).toBe(expected);
  });

  it.each(['', '09:30', '2026-13-01T09:30', '2026-03-03T24:00', '2026-03-03T09:30+25:00', 42, null])(
    'cannot read %p',
    (text) => {
      expect(parseWallClockInput(text, 'metropole')).toBeUndefined();
    },
  );

  it("gives the first instant of a local day in the beneficiary's zone", () => {
    expect(iso(startOfLocalDayMs('2025-01-06', 'nouvelle-caledonie'))).toBe('2025-01-05T13:00:00.000Z');
  });
});
