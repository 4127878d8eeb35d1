import fc from 'fast-check';
import {
  localFromUtc,
  offsetAt,
  transitionsBetween,
  utcFromLocal,
  zoneClock,
} from '../../../bot/src/domain/calendar/time-zone';
import { ZONES } from '../../../bot/src/domain/calendar/zones';
import { ValidationError } from '../../../bot/src/domain/errors';
import { HOUR, wallClock } from './fixtures';

const paris = zoneClock('Europe/Paris');
const miquelon = zoneClock('America/Miquelon');
const wall = (localMs: number) => new Date(localMs).toISOString().slice(0, 19).replace('T', ' ');
const iso = (ms: number) => new Date(ms).toISOString();

describe('local time in an IANA zone', () => {
  it('finds both 2026 changes of Europe/Paris (last Sundays of March and October, 01:00 UTC)', () => {
    expect(transitionsBetween(paris, Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1)).map(iso)).toEqual([
      '2026-03-29T01:00:00.000Z',
      '2026-10-25T01:00:00.000Z',
    ]);
    expect(offsetAt(paris, Date.UTC(2026, 2, 29, 0, 59, 59))).toBe(HOUR);
    expect(offsetAt(paris, Date.UTC(2026, 2, 29, 1))).toBe(2 * HOUR);
  });

  it('finds both 2026 changes of America/Miquelon (US rules, 02:00 local, UTC−3 / UTC−2)', () => {
    expect(transitionsBetween(miquelon, Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1)).map(iso)).toEqual([
      '2026-03-08T05:00:00.000Z',
      '2026-11-01T04:00:00.000Z',
    ]);
    expect(offsetAt(miquelon, Date.UTC(2026, 6, 1))).toBe(-2 * HOUR);
    expect(offsetAt(miquelon, Date.UTC(2026, 11, 1))).toBe(-3 * HOUR);
  });

  it('moves a wall time skipped by spring-forward past the gap (Paris, 02:30 → 03:30 summer time)', () => {
    const local = Date.UTC(2026, 2, 29, 2, 30);
    expect(iso(utcFromLocal(paris, local))).toBe('2026-03-29T01:30:00.000Z');
    expect(iso(utcFromLocal(paris, local, 'later'))).toBe('2026-03-29T01:30:00.000Z');
    expect(iso(utcFromLocal(paris, local, 'earlier'))).toBe('2026-03-29T00:30:00.000Z');
  });

  it('takes the first of a wall time repeated by fall-back unless told otherwise (Paris, 02:30)', () => {
    const local = Date.UTC(2026, 9, 25, 2, 30);
    expect(iso(utcFromLocal(paris, local))).toBe('2026-10-25T00:30:00.000Z');
    expect(iso(utcFromLocal(paris, local, 'later'))).toBe('2026-10-25T01:30:00.000Z');
  });

  it('handles the gap and the overlap of America/Miquelon', () => {
    expect(iso(utcFromLocal(miquelon, Date.UTC(2026, 2, 8, 2, 30)))).toBe('2026-03-08T05:30:00.000Z');
    expect(iso(utcFromLocal(miquelon, Date.UTC(2026, 10, 1, 1, 30)))).toBe('2026-11-01T03:30:00.000Z');
    expect(iso(utcFromLocal(miquelon, Date.UTC(2026, 10, 1, 1, 30), 'later'))).toBe(
      '2026-11-01T04:30:00.000Z',
    );
  });

  it('reads the same wall clock as Intl, in every zone, at any instant of 1990–2100', () => {
    const tzs = [...new Set(Object.values(ZONES).map((z) => z.tz))];
    fc.assert(
      fc.property(
        fc.constantFrom(...tzs),
        fc.integer({ min: Date.UTC(1990, 0, 1) / 1000, max: Date.UTC(2100, 11, 31) / 1000 }),
        (tz, seconds) => {
          const t = seconds * 1000;
          expect(wall(localFromUtc(zoneClock(tz), t))).toBe(wallClock(tz, t));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('reads the same wall clock as Intl around every DST change of Paris and Miquelon', () => {
    for (const clock of [paris, miquelon]) {
      for (const at of transitionsBetween(clock, Date.UTC(1990, 0, 1), Date.UTC(2101, 0, 1))) {
        for (const t of [at - 1000, at, at + 1000])
          expect(wall(localFromUtc(clock, t))).toBe(wallClock(clock.tz, t));
      }
    }
  });

  it('converts back: one of earlier/later is the instant itself', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2031, 0, 1) }), (t) => {
        for (const clock of [paris, miquelon]) {
          const local = localFromUtc(clock, t);
          expect([utcFromLocal(clock, local, 'earlier'), utcFromLocal(clock, local, 'later')]).toContain(t);
        }
      }),
    );
  });

  it('refuses an unknown IANA zone', () => {
    expect(() => zoneClock('Europe/Atlantis')).toThrow(ValidationError);
  });
});
