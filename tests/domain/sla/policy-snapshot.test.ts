import { ValidationError } from '../../../bot/src/domain/errors';
import { firstResponseDue } from '../../../bot/src/domain/sla/first-response';
import { CONTRACT_POLICY, HOUR_MS, type SlaPolicy } from '../../../bot/src/domain/sla/policy';
import {
  freezePolicy,
  policyFromSnapshot,
  validatePolicy,
} from '../../../bot/src/domain/sla/policy-snapshot';
import { calendarOf, utc } from '../calendar/fixtures';

describe('the contract policy table', () => {
  it.each([
    [1, 1, 1, 'business'],
    [1, 2, 1, 'elapsed'],
    [2, 1, 1, 'business'],
    [2, 2, 1, 'elapsed'],
    [3, 1, 8, 'business'],
    [3, 2, 8, 'business'],
    [4, 1, 24, 'business'],
    [4, 2, 24, 'business'],
  ] as const)(
    'gives severity %i, modality %i a %i h target on the %s clock',
    (severity, modality, hours, clock) => {
      expect(CONTRACT_POLICY.firstResponse[severity][modality]).toMatchObject({
        targetMs: hours * HOUR_MS,
        clock,
      });
    },
  );

  it('alerts at 50, 80 and 100 % and sets no restoration target', () => {
    expect(CONTRACT_POLICY.alertThresholdsPercent).toEqual([50, 80, 100]);
    expect(CONTRACT_POLICY.restoration).toEqual({});
  });

  it('cannot be changed by accident', () => {
    expect(Object.isFrozen(CONTRACT_POLICY.firstResponse[1][1])).toBe(true);
  });
});

describe('policy frozen on a ticket', () => {
  it('is a deep-frozen copy that survives JSON storage', () => {
    const snapshot = freezePolicy(CONTRACT_POLICY, '2026-06-08T09:00:00+02:00');
    expect(snapshot.frozenAt).toBe('2026-06-08T07:00:00Z');
    expect(Object.isFrozen(snapshot.windows[0])).toBe(true);
    expect(policyFromSnapshot(JSON.parse(JSON.stringify(snapshot)))).toEqual(snapshot);
  });

  it('keeps the targets in force at opening when the policy changes afterwards', () => {
    const inForce: SlaPolicy = JSON.parse(JSON.stringify(CONTRACT_POLICY));
    const snapshot = freezePolicy(inForce, '2026-06-08T09:00:00Z');
    (inForce.firstResponse[1][1] as { targetMs: number }).targetMs = 4 * HOUR_MS;
    const opening = { severity: 1 as const, modality: 1 as const, openedAt: '2026-06-08T09:00:00+02:00' };
    expect(firstResponseDue(snapshot, calendarOf('metropole'), opening)).toBe(
      utc('2026-06-08T10:00:00+02:00'),
    );
    expect(firstResponseDue(inForce, calendarOf('metropole'), opening)).toBe(
      utc('2026-06-08T13:00:00+02:00'),
    );
  });

  it('refuses a corrupt snapshot in French', () => {
    const stored = JSON.parse(JSON.stringify(freezePolicy(CONTRACT_POLICY, '2026-06-08T09:00:00Z')));
    expect(() =>
      policyFromSnapshot({ ...stored, windows: [{ days: [1], from: '18:00', to: '08:00' }] }),
    ).toThrow(/Plages horaires invalides/);
    delete stored.firstResponse['4'];
    expect(() => policyFromSnapshot(stored)).toThrow(ValidationError);
    expect(() => policyFromSnapshot(stored)).toThrow(/Politique de délais invalide : firstResponse.4/);
    expect(() => policyFromSnapshot(null)).toThrow(ValidationError);
  });

  it('sorts and de-duplicates alert thresholds', () => {
    expect(
      validatePolicy({ ...CONTRACT_POLICY, alertThresholdsPercent: [100, 50, 80, 50] })
        .alertThresholdsPercent,
    ).toEqual([50, 80, 100]);
  });
});
