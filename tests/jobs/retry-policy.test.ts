import fc from 'fast-check';
import { classifyStatus, parseRetryAfter, RetryPolicy } from '../../bot/src/jobs/retry-policy';

const NOW = new Date('2026-03-03T08:00:00.000Z');
const fixed = (r: number) => () => r;

describe('parseRetryAfter', () => {
  it('reads delta-seconds', () => {
    expect(parseRetryAfter('1', NOW.getTime())).toBe(1000);
    expect(parseRetryAfter(' 120 ', NOW.getTime())).toBe(120_000);
    expect(parseRetryAfter('0', NOW.getTime())).toBe(0);
    expect(parseRetryAfter('1.5', NOW.getTime())).toBe(1500);
  });

  it('reads an HTTP date, relative to now, and a past date as now', () => {
    expect(parseRetryAfter('Tue, 03 Mar 2026 08:00:30 GMT', NOW.getTime())).toBe(30_000);
    expect(parseRetryAfter('Tue, 03 Mar 2026 07:59:00 GMT', NOW.getTime())).toBe(0);
  });

  it('ignores absent and unreadable values', () => {
    for (const v of [undefined, null, '', '  ', 'soon', '-5', '1 2', 'Mon, 99 Foo 2026']) {
      expect(parseRetryAfter(v, NOW.getTime())).toBeUndefined();
    }
  });
});

describe('classifyStatus', () => {
  it('retries throttling and transient failures', () => {
    for (const s of [408, 412, 429, 500, 502, 503, 504, 507]) expect(classifyStatus(s)).toBe('retry');
  });
  it('treats 403 and 404 as a dead conversation', () => {
    expect(classifyStatus(403)).toBe('dead-conversation');
    expect(classifyStatus(404)).toBe('dead-conversation');
  });
  it('treats other 4xx as permanent for the message', () => {
    for (const s of [400, 401, 405, 409, 413, 415, 422]) expect(classifyStatus(s)).toBe('permanent');
  });
});

describe('RetryPolicy', () => {
  const policy = new RetryPolicy({ baseMs: 1000, capMs: 60_000, maxAttempts: 5 });

  it('waits at least the Retry-After of a 429, even when the jitter draws less', () => {
    const d = policy.decide({ status: 429, retryAfterMs: 1000, permanent: false }, 1, NOW, fixed(0));
    expect(d).toEqual({ kind: 'retry', delayMs: 1000, nextAttemptAt: new Date(NOW.getTime() + 1000) });
  });

  it('keeps the jittered delay when it is longer than the Retry-After', () => {
    const d = policy.decide({ status: 503, retryAfterMs: 100, permanent: false }, 3, NOW, fixed(0.5));
    expect(d).toMatchObject({ kind: 'retry', delayMs: 2000 }); // 0.5 × min(60 s, 1 s × 2²)
  });

  it('honours a Retry-After on 412, 502 and 504 too', () => {
    for (const status of [412, 502, 504]) {
      const d = policy.decide({ status, retryAfterMs: 7000, permanent: false }, 1, NOW, fixed(0));
      expect(d).toMatchObject({ kind: 'retry', delayMs: 7000 });
    }
  });

  it('caps an absurd Retry-After', () => {
    const p = new RetryPolicy({ maxRetryAfterMs: 3_600_000 });
    const d = p.decide({ status: 429, retryAfterMs: 86_400_000, permanent: false }, 1, NOW, fixed(0));
    expect(d).toMatchObject({ kind: 'retry', delayMs: 3_600_000 });
  });

  it('retries network errors (no status) with back-off', () => {
    const d = policy.decide({ permanent: false, message: 'fetch failed' }, 2, NOW, fixed(0.25));
    expect(d).toMatchObject({ kind: 'retry', delayMs: 500 });
  });

  it('grows the bound exponentially up to the cap', () => {
    expect([1, 2, 3, 4, 7, 8, 50, 5000].map((a) => policy.bound(a))).toEqual([
      1000, 2000, 4000, 8000, 60_000, 60_000, 60_000, 60_000,
    ]);
  });

  it('keeps every jittered delay within [0, bound) or at the Retry-After', () => {
    const p = new RetryPolicy({ baseMs: 250, capMs: 30_000, maxAttempts: 1000 });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 999 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        fc.option(fc.integer({ min: 0, max: 120_000 }), { nil: undefined }),
        (attempts, r, retryAfterMs) => {
          const d = p.decide({ status: 503, retryAfterMs, permanent: false }, attempts, NOW, () => r);
          if (d.kind !== 'retry') return false;
          const bound = p.bound(attempts);
          const jitter = Math.floor(r * bound);
          return (
            d.delayMs === Math.max(jitter, retryAfterMs ?? 0) &&
            jitter >= 0 &&
            jitter < bound &&
            d.nextAttemptAt.getTime() === NOW.getTime() + d.delayMs
          );
        },
      ),
    );
  });

  it('is deterministic given the random source', () => {
    const f = { status: 502, permanent: false };
    expect(policy.decide(f, 2, NOW, fixed(0.3))).toEqual(policy.decide(f, 2, NOW, fixed(0.3)));
  });

  it('gives up after the maximum number of attempts', () => {
    expect(policy.decide({ status: 503, permanent: false }, 4, NOW, fixed(0)).kind).toBe('retry');
    const d = policy.decide({ status: 503, permanent: false }, 5, NOW, fixed(0));
    expect(d.kind).toBe('dead');
    expect(d).toMatchObject({ reason: expect.stringContaining('5 tentatives') });
  });

  it('marks the conversation dead on 403 and 404, at the first attempt', () => {
    for (const status of [403, 404]) {
      const d = policy.decide({ status, permanent: true }, 1, NOW, fixed(0));
      expect(d).toMatchObject({
        kind: 'dead-conversation',
        reason: expect.stringContaining(`HTTP ${status}`),
      });
    }
  });

  it('gives a message up on other permanent failures', () => {
    const d = policy.decide({ status: 400, permanent: true, message: 'BadArgument' }, 1, NOW, fixed(0));
    expect(d).toEqual({ kind: 'dead', reason: 'échec définitif (HTTP 400 : BadArgument)' });
  });

  it('rejects nonsensical settings', () => {
    expect(() => new RetryPolicy({ baseMs: 0 })).toThrow(RangeError);
    expect(() => new RetryPolicy({ baseMs: 10, capMs: 5 })).toThrow(RangeError);
    expect(() => new RetryPolicy({ maxAttempts: 0 })).toThrow(RangeError);
  });
});
