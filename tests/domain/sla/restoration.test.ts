import fc from 'fast-check';
import { ValidationError } from '../../../bot/src/domain/errors';
import { CONTRACT_POLICY } from '../../../bot/src/domain/sla/policy';
import { restorationDue } from '../../../bot/src/domain/sla/restoration';
import type { Pause } from '../../../bot/src/domain/sla/pauses';
import type { Modality } from '../../../bot/src/domain/sla/severity';
import { HOUR, calendarOf, utc } from '../calendar/fixtures';
import { WITH_RESTORATION } from './policy-fixtures';

const paris = calendarOf('metropole');
const opening = { severity: 1 as const, modality: 1 as const, openedAt: '2026-06-08T09:00:00+02:00' };
const running = (at: string) => ({ status: 'running', dueAt: utc(at) });

describe('restoration deadline', () => {
  it('has none under the contract policy, which sets no restoration target', () => {
    expect(restorationDue(CONTRACT_POLICY, paris, opening)).toEqual({ status: 'none' });
  });

  it('counts its target like the first response when nothing pauses it', () => {
    expect(restorationDue(WITH_RESTORATION, paris, opening)).toEqual(running('2026-06-08T13:00:00+02:00'));
  });

  it('stops while the ticket waits on the beneficiary (10:00–14:00 pushes 13:00 to 17:00)', () => {
    const pauses = [{ from: '2026-06-08T10:00:00+02:00', to: '2026-06-08T14:00:00+02:00' }];
    expect(restorationDue(WITH_RESTORATION, paris, opening, pauses)).toEqual(
      running('2026-06-08T17:00:00+02:00'),
    );
  });

  it('ignores a pause outside business hours on a business clock', () => {
    const pauses = [{ from: '2026-06-08T19:00:00+02:00', to: '2026-06-09T07:00:00+02:00' }];
    expect(
      restorationDue(WITH_RESTORATION, paris, { ...opening, openedAt: '2026-06-08T17:00:00+02:00' }, pauses),
    ).toEqual(running('2026-06-09T11:00:00+02:00'));
  });

  it('ignores what a pause covers before the opening, and merges overlapping pauses', () => {
    const pauses = [
      { from: '2026-06-08T07:00:00+02:00', to: '2026-06-08T09:30:00+02:00' },
      { from: '2026-06-08T09:15:00+02:00', to: '2026-06-08T10:00:00+02:00' },
    ];
    expect(restorationDue(WITH_RESTORATION, paris, opening, pauses)).toEqual(
      running('2026-06-08T14:00:00+02:00'),
    );
  });

  it('stays due at a pause that starts exactly when the target is reached', () => {
    const pauses = [{ from: '2026-06-08T13:00:00+02:00', to: '2026-06-08T15:00:00+02:00' }];
    expect(restorationDue(WITH_RESTORATION, paris, opening, pauses)).toEqual(
      running('2026-06-08T13:00:00+02:00'),
    );
  });

  it('reports the time left while the ticket still waits', () => {
    const pauses = [{ from: '2026-06-08T10:00:00+02:00' }];
    expect(restorationDue(WITH_RESTORATION, paris, opening, pauses)).toEqual({
      status: 'paused',
      remainingMs: 3 * HOUR,
      pausedSince: utc('2026-06-08T10:00:00+02:00'),
    });
  });

  it('pauses an elapsed (24/7) clock as well', () => {
    const pauses = [{ from: '2026-06-08T10:00:00+02:00', to: '2026-06-08T11:30:00+02:00' }];
    expect(restorationDue(WITH_RESTORATION, paris, { ...opening, modality: 2 }, pauses)).toEqual(
      running('2026-06-08T14:30:00+02:00'),
    );
  });

  it('refuses a pause that ends before it starts, in French', () => {
    const pauses = [{ from: '2026-06-08T11:00:00+02:00', to: '2026-06-08T10:00:00+02:00' }];
    expect(() => restorationDue(WITH_RESTORATION, paris, opening, pauses)).toThrow(ValidationError);
    expect(() => restorationDue(WITH_RESTORATION, paris, opening, pauses)).toThrow(
      /se termine avant de commencer/,
    );
  });

  it('only ever pushes the restoration due instant later (property)', () => {
    const base = Date.UTC(2026, 0, 5, 6);
    const pause = fc
      .tuple(fc.integer({ min: -2 * 24 * 60, max: 30 * 24 * 60 }), fc.integer({ min: 0, max: 3 * 24 * 60 }))
      .map(([start, length]): Pause => ({
        from: new Date(base + start * 60_000).toISOString(),
        to: new Date(base + (start + length) * 60_000).toISOString(),
      }));
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 20 * 24 * 60 }),
        fc.constantFrom<Modality>(1, 2),
        fc.array(pause, { maxLength: 5 }),
        (offsetMinutes, modality, pauses) => {
          const open = {
            severity: 1 as const,
            modality,
            openedAt: new Date(base + offsetMinutes * 60_000).toISOString(),
          };
          const without = restorationDue(WITH_RESTORATION, paris, open);
          const withPauses = restorationDue(WITH_RESTORATION, paris, open, pauses);
          if (without.status !== 'running' || withPauses.status !== 'running')
            throw new Error('unexpected status');
          expect(Date.parse(withPauses.dueAt)).toBeGreaterThanOrEqual(Date.parse(without.dueAt));
        },
      ),
    );
  });
});
