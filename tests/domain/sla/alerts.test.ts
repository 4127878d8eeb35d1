import { alertSchedule } from '../../../bot/src/domain/sla/alerts';
import { CONTRACT_POLICY, HOUR_MS, type SlaPolicy } from '../../../bot/src/domain/sla/policy';
import type { Modality, Severity } from '../../../bot/src/domain/sla/severity';
import { calendarOf, utc } from '../calendar/fixtures';
import { WITH_RESTORATION } from './policy-fixtures';

const paris = calendarOf('metropole');
const schedule = (
  openedAt: string,
  severity: Severity,
  modality: Modality,
  policy: SlaPolicy = CONTRACT_POLICY,
) => alertSchedule(policy, paris, { severity, modality, openedAt }).map((a) => [a.percent, a.at, a.breach]);

describe('alert schedule', () => {
  it('fires at 50 %, 80 % and 100 % (breach) of the target by default', () => {
    expect(schedule('2026-06-08T09:00:00+02:00', 1, 1)).toEqual([
      [50, utc('2026-06-08T09:30:00+02:00'), false],
      [80, utc('2026-06-08T09:48:00+02:00'), false],
      [100, utc('2026-06-08T10:00:00+02:00'), true],
    ]);
  });

  it('never alerts outside the business window for modality 1: the night does not count', () => {
    expect(schedule('2026-06-08T17:50:00+02:00', 1, 1)).toEqual([
      [50, utc('2026-06-09T08:20:00+02:00'), false],
      [80, utc('2026-06-09T08:38:00+02:00'), false],
      [100, utc('2026-06-09T08:50:00+02:00'), true],
    ]);
  });

  it('alerts at any hour for severity 1 or 2 under modality 2', () => {
    expect(schedule('2026-06-12T18:00:00+02:00', 2, 2)).toEqual([
      [50, utc('2026-06-12T18:30:00+02:00'), false],
      [80, utc('2026-06-12T18:48:00+02:00'), false],
      [100, utc('2026-06-12T19:00:00+02:00'), true],
    ]);
  });

  it('keeps severity 3 under modality 2 within business windows', () => {
    expect(schedule('2026-06-12T17:00:00+02:00', 3, 2)).toEqual([
      [50, utc('2026-06-15T11:00:00+02:00'), false],
      [80, utc('2026-06-15T13:24:00+02:00'), false],
      [100, utc('2026-06-15T15:00:00+02:00'), true],
    ]);
  });

  it('announces a breach landing exactly at 18:00 at 18:00, not the next morning', () => {
    expect(schedule('2026-06-08T17:00:00+02:00', 1, 1).at(-1)).toEqual([
      100,
      utc('2026-06-08T18:00:00+02:00'),
      true,
    ]);
  });

  it('moves an alert that falls outside its alert hours to the next window start', () => {
    // An agreement whose modality-1 severity 1 runs on elapsed time but alerts only in business hours.
    const policy: SlaPolicy = {
      ...CONTRACT_POLICY,
      firstResponse: {
        ...CONTRACT_POLICY.firstResponse,
        1: {
          ...CONTRACT_POLICY.firstResponse[1],
          1: { targetMs: HOUR_MS, clock: 'elapsed', alertHours: 'business' },
        },
      },
    };
    expect(schedule('2026-06-12T17:30:00+02:00', 1, 1, policy)).toEqual([
      [50, utc('2026-06-12T18:00:00+02:00'), false],
      [80, utc('2026-06-15T08:00:00+02:00'), false],
      [100, utc('2026-06-15T08:00:00+02:00'), true],
    ]);
  });

  it('uses the thresholds of the policy, escalations past the breach included', () => {
    const policy = { ...CONTRACT_POLICY, alertThresholdsPercent: [25, 100, 200] };
    expect(schedule('2026-06-08T09:00:00+02:00', 1, 1, policy)).toEqual([
      [25, utc('2026-06-08T09:15:00+02:00'), false],
      [100, utc('2026-06-08T10:00:00+02:00'), true],
      [200, utc('2026-06-08T11:00:00+02:00'), true],
    ]);
  });

  it('schedules restoration alerts with the ticket’s pauses, and none while it waits', () => {
    const opening = { severity: 1 as const, modality: 1 as const, openedAt: '2026-06-08T09:00:00+02:00' };
    const closed = [{ from: '2026-06-08T10:00:00+02:00', to: '2026-06-08T14:00:00+02:00' }];
    expect(
      alertSchedule(WITH_RESTORATION, paris, opening, { kind: 'restoration', pauses: closed }).map(
        (a) => a.at,
      ),
    ).toEqual([
      utc('2026-06-08T15:00:00+02:00'),
      utc('2026-06-08T16:12:00+02:00'),
      utc('2026-06-08T17:00:00+02:00'),
    ]);
    const open = [{ from: '2026-06-08T10:00:00+02:00' }];
    expect(
      alertSchedule(WITH_RESTORATION, paris, opening, { kind: 'restoration', pauses: open }).map((a) => a.at),
    ).toEqual([null, null, null]);
  });

  it('has no restoration alerts when the policy sets no restoration target', () => {
    const opening = { severity: 1 as const, modality: 1 as const, openedAt: '2026-06-08T09:00:00+02:00' };
    expect(alertSchedule(CONTRACT_POLICY, paris, opening, { kind: 'restoration' })).toEqual([]);
  });
});
