import fc from 'fast-check';
import type { BusinessCalendar } from '../../../bot/src/domain/calendar/business-calendar';
import {
  addBusinessMs,
  addBusinessTime,
  businessMsBetween,
  businessTimeBetween,
  nextWindowStart,
} from '../../../bot/src/domain/calendar/business-time';
import { localDayOf, windowsOfDay } from '../../../bot/src/domain/calendar/day-windows';
import { ValidationError } from '../../../bot/src/domain/errors';
import { HOUR, MINUTE, calendarOf, utc } from './fixtures';

const ALL_WEEK = [{ days: [1, 2, 3, 4, 5, 6, 7], from: '00:00', to: '24:00' }];
const SPLIT_DAYS = [
  { days: [1, 2, 3, 4, 5], from: '08:30', to: '12:00' },
  { days: [1, 2, 3, 4, 5], from: '13:30', to: '17:00' },
  { days: [6], from: '09:00', to: '12:00' },
];

/** Reference: visits every day and every window (no leaps, no counting). */
function naiveAdd(calendar: BusinessCalendar, start: number, duration: number): number {
  if (duration === 0) return start;
  let remaining = duration;
  for (let day = localDayOf(calendar, start); ; day++) {
    const w = windowsOfDay(calendar, day);
    for (let i = 0; i < w.length; i += 2) {
      const from = Math.max(w[i]!, start);
      const length = w[i + 1]! - from;
      if (length <= 0) continue;
      if (remaining <= length) return from + remaining;
      remaining -= length;
    }
  }
}

function naiveBetween(calendar: BusinessCalendar, a: number, b: number): number {
  let total = 0;
  for (let day = localDayOf(calendar, a); day <= localDayOf(calendar, b); day++) {
    const w = windowsOfDay(calendar, day);
    for (let i = 0; i < w.length; i += 2) total += Math.max(0, Math.min(w[i + 1]!, b) - Math.max(w[i]!, a));
  }
  return total;
}

const paris = calendarOf('metropole');

describe('adding business time', () => {
  it('counts inside the window of the day', () => {
    expect(addBusinessTime(paris, '2026-06-08T09:00:00+02:00', 2 * HOUR)).toBe(
      utc('2026-06-08T11:00:00+02:00'),
    );
  });

  it('is due at 18:00 when the target lands exactly on the window end', () => {
    expect(addBusinessTime(paris, '2026-06-08T17:00:00+02:00', HOUR)).toBe(utc('2026-06-08T18:00:00+02:00'));
  });

  it('carries the rest to the next window start', () => {
    expect(addBusinessTime(paris, '2026-06-08T17:00:00+02:00', HOUR + MINUTE)).toBe(
      utc('2026-06-09T08:01:00+02:00'),
    );
  });

  it('returns the start itself for a zero duration', () => {
    expect(addBusinessTime(paris, '2026-06-13T03:00:00+02:00', 0)).toBe(utc('2026-06-13T03:00:00+02:00'));
  });

  it('refuses a negative or fractional duration', () => {
    expect(() => addBusinessTime(paris, '2026-06-08T09:00:00Z', -1)).toThrow(ValidationError);
    expect(() => addBusinessTime(paris, '2026-06-08T09:00:00Z', 1.5)).toThrow(/Durée invalide/);
  });

  it('uses several windows a day and Saturday mornings when the windows say so', () => {
    const split = calendarOf('metropole', SPLIT_DAYS);
    // Friday 16:00 → 1 h on Friday, 3 h on Saturday morning, then Monday 08:30 + 1 h.
    expect(addBusinessTime(split, '2026-06-12T16:00:00+02:00', 5 * HOUR)).toBe(
      utc('2026-06-15T09:30:00+02:00'),
    );
  });

  it('keeps 08:00–18:00 local across spring-forward in Paris (a 10-hour window in real time)', () => {
    expect(addBusinessTime(paris, '2026-03-27T08:00:00+01:00', 24 * HOUR)).toBe(
      utc('2026-03-31T12:00:00+02:00'),
    );
    expect(businessTimeBetween(paris, '2026-03-30T00:00:00+02:00', '2026-03-31T00:00:00+02:00')).toBe(
      10 * HOUR,
    );
  });

  it('keeps 08:00–18:00 local across fall-back in Paris', () => {
    expect(addBusinessTime(paris, '2026-10-23T17:00:00+02:00', 8 * HOUR)).toBe(
      utc('2026-10-26T15:00:00+01:00'),
    );
  });

  it('keeps 08:00–18:00 local across both changes in Miquelon', () => {
    const miquelon = calendarOf('saint-pierre-et-miquelon');
    expect(addBusinessTime(miquelon, '2026-03-06T17:00:00-03:00', 8 * HOUR)).toBe(
      utc('2026-03-09T15:00:00-02:00'),
    );
    expect(addBusinessTime(miquelon, '2026-10-30T17:00:00-02:00', 8 * HOUR)).toBe(
      utc('2026-11-02T15:00:00-03:00'),
    );
  });

  it('counts the real length of a 24-hour window on a DST day: 23 h in spring, 25 h in autumn', () => {
    const allWeek = calendarOf('metropole', ALL_WEEK);
    expect(businessTimeBetween(allWeek, '2026-03-29T00:00:00+01:00', '2026-03-30T00:00:00+02:00')).toBe(
      23 * HOUR,
    );
    expect(businessTimeBetween(allWeek, '2026-10-25T00:00:00+02:00', '2026-10-26T00:00:00+01:00')).toBe(
      25 * HOUR,
    );
    const miquelon = calendarOf('saint-pierre-et-miquelon', ALL_WEEK);
    expect(businessTimeBetween(miquelon, '2026-03-08T00:00:00-03:00', '2026-03-09T00:00:00-02:00')).toBe(
      23 * HOUR,
    );
  });

  it('leaps over years and still lands where a day-by-day walk lands', () => {
    const start = Date.parse('2026-01-05T10:00:00+01:00');
    for (const calendar of [
      paris,
      calendarOf('metropole', ALL_WEEK),
      calendarOf('saint-pierre-et-miquelon', SPLIT_DAYS),
    ]) {
      const tenYears = 10 * calendar.windows.weekMs * 52;
      expect(addBusinessMs(calendar, start, tenYears)).toBe(naiveAdd(calendar, start, tenYears));
    }
  });

  it('agrees with a day-by-day walk for any start and duration (property)', () => {
    const calendars = [
      paris,
      calendarOf('metropole', ALL_WEEK),
      calendarOf('saint-pierre-et-miquelon', ALL_WEEK, ['2026-07-03', '2027-01-04']),
      calendarOf('alsace-moselle', SPLIT_DAYS, ['2026-12-24']),
      calendarOf('la-reunion'),
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...calendars),
        fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2029, 0, 1) }),
        fc.integer({ min: 0, max: 3000 * HOUR }),
        (calendar, start, duration) => {
          expect(addBusinessMs(calendar, start, duration)).toBe(naiveAdd(calendar, start, duration));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('business time between two instants', () => {
  it('counts only the windows: Friday 17:00 → Monday 09:00 is 2 hours', () => {
    expect(businessTimeBetween(paris, '2026-06-12T17:00:00+02:00', '2026-06-15T09:00:00+02:00')).toBe(
      2 * HOUR,
    );
  });

  it('is negative when the second instant comes first', () => {
    expect(businessTimeBetween(paris, '2026-06-15T09:00:00+02:00', '2026-06-12T17:00:00+02:00')).toBe(
      -2 * HOUR,
    );
  });

  it('counts a whole year of metropole as 252 working days × 10 h in 2026', () => {
    expect(businessTimeBetween(paris, '2026-01-01T00:00:00+01:00', '2027-01-01T00:00:00+01:00')).toBe(
      2520 * HOUR,
    );
  });

  it('agrees with a day-by-day walk over ranges of up to three years (property)', () => {
    const calendars = [
      paris,
      calendarOf('metropole', ALL_WEEK),
      calendarOf('saint-pierre-et-miquelon', SPLIT_DAYS, ['2026-07-03']),
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...calendars),
        fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2028, 0, 1) }),
        fc.integer({ min: 0, max: 3 * 365 * 24 * HOUR }),
        (calendar, a, span) => {
          expect(businessMsBetween(calendar, a, a + span)).toBe(naiveBetween(calendar, a, a + span));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('next window start', () => {
  it('is the instant itself inside a window', () => {
    expect(nextWindowStart(paris, '2026-06-08T10:00:00+02:00')).toBe(utc('2026-06-08T10:00:00+02:00'));
  });

  it('is next Monday 08:00 from Friday 18:00', () => {
    expect(nextWindowStart(paris, '2026-06-12T18:00:00+02:00')).toBe(utc('2026-06-15T08:00:00+02:00'));
  });

  it('skips a holiday Monday', () => {
    expect(nextWindowStart(paris, '2026-05-23T10:00:00+02:00')).toBe(utc('2026-05-26T08:00:00+02:00'));
  });
});
