import fc from 'fast-check';
import { businessTimeBetween } from '../../../bot/src/domain/calendar/business-time';
import { ZONE_SLUGS } from '../../../bot/src/domain/calendar/zones';
import { ValidationError } from '../../../bot/src/domain/errors';
import { firstResponseDue, isFirstResponseOnTime } from '../../../bot/src/domain/sla/first-response';
import { CONTRACT_POLICY, type SlaPolicy } from '../../../bot/src/domain/sla/policy';
import type { Modality, Severity } from '../../../bot/src/domain/sla/severity';
import { HOUR, calendarOf, utc } from '../calendar/fixtures';

const paris = calendarOf('metropole');
const due = (openedAt: string, severity: Severity, modality: Modality = 1, zone = 'metropole') =>
  firstResponseDue(CONTRACT_POLICY, calendarOf(zone), { severity, modality, openedAt });

describe('first-response deadline: worked examples of DESIGN.md', () => {
  it('counts Monday 17:30 sev 1 as due Tuesday 08:30 (modality 1 counts business time only)', () => {
    expect(due('2026-06-08T17:30:00+02:00', 1)).toBe(utc('2026-06-09T08:30:00+02:00'));
  });

  it('counts Friday 18:00 sev 1 as due Monday 09:00 (opened outside a window, it starts at the next one)', () => {
    expect(due('2026-06-12T18:00:00+02:00', 1)).toBe(utc('2026-06-15T09:00:00+02:00'));
  });

  it('counts Friday 18:00 sev 1 as due Tuesday 09:00 when Monday is a holiday (Whit Monday)', () => {
    expect(due('2026-05-22T18:00:00+02:00', 1)).toBe(utc('2026-05-26T09:00:00+02:00'));
  });

  it('counts Friday 18:00 sev 1 under modality 2 as due Friday 19:00 (24/7 elapsed time)', () => {
    expect(due('2026-06-12T18:00:00+02:00', 1, 2)).toBe(utc('2026-06-12T19:00:00+02:00'));
  });

  it('is due at 18:00 that day when the target lands exactly on 18:00', () => {
    expect(due('2026-06-08T17:00:00+02:00', 1)).toBe(utc('2026-06-08T18:00:00+02:00'));
  });

  it('keeps the modality-1 rule for severities 3 and 4 under modality 2 (no 24/7 column)', () => {
    expect(due('2026-06-12T18:00:00+02:00', 3, 2)).toBe(utc('2026-06-15T16:00:00+02:00'));
    expect(due('2026-06-12T18:00:00+02:00', 4, 2)).toBe(due('2026-06-12T18:00:00+02:00', 4, 1));
  });

  it('gives 1 h to severities 1 and 2, 8 h to severity 3 and 24 h to severity 4', () => {
    const opened = '2026-06-08T08:00:00+02:00';
    expect(due(opened, 1)).toBe(utc('2026-06-08T09:00:00+02:00'));
    expect(due(opened, 2)).toBe(utc('2026-06-08T09:00:00+02:00'));
    expect(due(opened, 3)).toBe(utc('2026-06-08T16:00:00+02:00'));
    expect(due(opened, 4)).toBe(utc('2026-06-10T12:00:00+02:00'));
  });

  it('keeps 08:00–18:00 local on daylight-saving changes (Paris, spring and autumn)', () => {
    expect(due('2026-03-27T17:30:00+01:00', 3)).toBe(utc('2026-03-30T15:30:00+02:00'));
    expect(due('2026-10-23T17:00:00+02:00', 3)).toBe(utc('2026-10-26T15:00:00+01:00'));
  });

  it('keeps 08:00–18:00 local on daylight-saving changes (Miquelon, spring and autumn)', () => {
    expect(due('2026-03-06T17:00:00-03:00', 3, 1, 'saint-pierre-et-miquelon')).toBe(
      utc('2026-03-09T15:00:00-02:00'),
    );
    expect(due('2026-10-30T17:00:00-02:00', 3, 1, 'saint-pierre-et-miquelon')).toBe(
      utc('2026-11-02T15:00:00-03:00'),
    );
  });

  it('counts modality 2 severity 1 in real time across the spring-forward night', () => {
    // 01:30 → 03:30 on the wall clock, but one hour of real time.
    expect(due('2026-03-29T01:30:00+01:00', 1, 2)).toBe(utc('2026-03-29T03:30:00+02:00'));
  });

  it('judges compliance as a first response at or before the due instant', () => {
    const opening = { severity: 1 as const, modality: 1 as const, openedAt: '2026-06-08T17:30:00+02:00' };
    expect(isFirstResponseOnTime(CONTRACT_POLICY, paris, opening, '2026-06-09T08:30:00+02:00')).toBe(true);
    expect(isFirstResponseOnTime(CONTRACT_POLICY, paris, opening, '2026-06-09T08:30:01+02:00')).toBe(false);
  });
});

describe('first-response deadline: openings at the edges of the window', () => {
  it('counts a ticket opened exactly at 08:00 from 08:00', () => {
    expect(due('2026-06-09T08:00:00+02:00', 1)).toBe(utc('2026-06-09T09:00:00+02:00'));
  });

  it('counts the last second of a ticket opened at 17:59:59, then goes on the next morning', () => {
    expect(due('2026-06-08T17:59:59+02:00', 1)).toBe(utc('2026-06-09T08:59:59+02:00'));
  });

  it('counts nothing for a ticket opened exactly at 18:00', () => {
    expect(due('2026-06-08T18:00:00+02:00', 1)).toBe(utc('2026-06-09T09:00:00+02:00'));
  });

  it('takes New Year across a weekend: Thursday 31 Dec 17:00 sev 3 is due Monday 4 Jan 15:00', () => {
    expect(due('2026-12-31T17:00:00+01:00', 3)).toBe(utc('2027-01-04T15:00:00+01:00'));
  });

  it('skips Whit Monday: Friday 22 May 2026 17:00 sev 3 is due Tuesday 26 May 15:00', () => {
    expect(due('2026-05-22T17:00:00+02:00', 3)).toBe(utc('2026-05-26T15:00:00+02:00'));
  });

  it('answers the issue example: Martinique, Thursday 17:30 local sev 3 → Tuesday 15:30 local', () => {
    expect(due('2026-05-21T21:30:00Z', 3, 1, 'martinique')).toBe('2026-05-26T19:30:00Z');
  });
});

describe('first-response deadline: policy and validation', () => {
  it('follows another agreement’s policy table', () => {
    const other: SlaPolicy = {
      ...CONTRACT_POLICY,
      id: 'autre',
      firstResponse: {
        ...CONTRACT_POLICY.firstResponse,
        1: {
          ...CONTRACT_POLICY.firstResponse[1],
          1: { targetMs: 2 * HOUR, clock: 'business', alertHours: 'business' },
        },
      },
    };
    expect(
      firstResponseDue(other, paris, { severity: 1, modality: 1, openedAt: '2026-06-08T17:30:00+02:00' }),
    ).toBe(utc('2026-06-09T09:30:00+02:00'));
  });

  it.each([
    [{ severity: 5, modality: 1, openedAt: '2026-06-08T10:00:00Z' }, /gravité invalide/],
    [{ severity: 1, modality: 3, openedAt: '2026-06-08T10:00:00Z' }, /modalité de support invalide/],
    [{ severity: 1, modality: 1, openedAt: '08/06/2026' }, /openedAt : date invalide/],
  ])('refuses %j in French', (opening, message) => {
    expect(() => firstResponseDue(CONTRACT_POLICY, paris, opening as never)).toThrow(ValidationError);
    expect(() => firstResponseDue(CONTRACT_POLICY, paris, opening as never)).toThrow(message);
  });
});

describe('first-response deadline: properties', () => {
  const zone = fc.constantFrom(...ZONE_SLUGS);
  const severity = fc.constantFrom<Severity>(1, 2, 3, 4);
  const modality = fc.constantFrom<Modality>(1, 2);
  const instant = fc
    .integer({ min: Date.UTC(2024, 0, 1) / 1000, max: Date.UTC(2031, 0, 1) / 1000 })
    .map((s) => s * 1000);
  const iso = (ms: number) => new Date(ms).toISOString();

  it('is never before the opening', () => {
    fc.assert(
      fc.property(zone, severity, modality, instant, (z, s, m, t) => {
        expect(Date.parse(due(iso(t), s, m, z))).toBeGreaterThanOrEqual(t);
      }),
    );
  });

  it('never gives an earlier due instant to a later opening', () => {
    fc.assert(
      fc.property(
        zone,
        severity,
        modality,
        instant,
        fc.integer({ min: 0, max: 7 * 24 * 3600 }),
        (z, s, m, t, later) => {
          expect(Date.parse(due(iso(t + later * 1000), s, m, z))).toBeGreaterThanOrEqual(
            Date.parse(due(iso(t), s, m, z)),
          );
        },
      ),
    );
  });

  it('puts exactly the target of business time between opening and due (modality-1 rule)', () => {
    fc.assert(
      fc.property(zone, severity, instant, (z, s, t) => {
        const dueAt = due(iso(t), s, 1, z);
        expect(businessTimeBetween(calendarOf(z), iso(t), dueAt)).toBe(
          CONTRACT_POLICY.firstResponse[s][1].targetMs,
        );
      }),
    );
  });

  it('gives modality 2 severities 1 and 2 exactly one hour of elapsed time', () => {
    fc.assert(
      fc.property(zone, fc.constantFrom<Severity>(1, 2), instant, (z, s, t) => {
        expect(Date.parse(due(iso(t), s, 2, z))).toBe(t + HOUR);
      }),
    );
  });
});
