import { RateLimiter } from '../../bot/src/jobs/rate-limiter';
import { T0, virtualClock } from './outbox-fixtures';

/** Acquires `n` slots for each [conversation, tenant], interleaved, and returns the virtual time spent. */
async function timeToSend(
  limiter: RateLimiter,
  clock: ReturnType<typeof virtualClock>,
  targets: [string, string][],
  n: number,
) {
  const start = clock.now();
  const sentAt: Record<string, number[]> = {};
  for (let i = 0; i < n; i++) {
    for (const [conversation, tenant] of targets) {
      await limiter.acquire(conversation, tenant);
      (sentAt[conversation] ??= []).push(clock.now() - start);
    }
  }
  return { elapsed: clock.now() - start, sentAt };
}

describe('RateLimiter', () => {
  it('spaces 20 messages to one conversation over ≥ 2 s of virtual time (7/s)', async () => {
    const clock = virtualClock();
    const limiter = new RateLimiter({ clock });
    const { elapsed, sentAt } = await timeToSend(limiter, clock, [['a:1', 't1']], 20);
    expect(elapsed).toBeGreaterThanOrEqual(2000);
    expect(elapsed).toBeCloseTo((19 * 1000) / 7, 0);
    // Never more than 7 in any one-second window.
    const times = sentAt['a:1']!;
    for (let i = 0; i + 7 < times.length; i++) expect(times[i + 7]! - times[i]!).toBeGreaterThanOrEqual(1000);
  });

  it('lets two conversations go at their own pace', async () => {
    const clock = virtualClock();
    const limiter = new RateLimiter({ clock });
    const aloneClock = virtualClock();
    const alone = await timeToSend(new RateLimiter({ clock: aloneClock }), aloneClock, [['a:1', 't1']], 20);
    const both = await timeToSend(
      limiter,
      clock,
      [
        ['a:1', 't1'],
        ['a:2', 't2'],
      ],
      20,
    );
    expect(both.elapsed).toBeCloseTo(alone.elapsed, 0);
    // Same tenant: 40 messages at ≤ 30/s fit in the same time as 20 at 7/s.
    const sameTenantClock = virtualClock();
    const sameTenant = await timeToSend(
      new RateLimiter({ clock: sameTenantClock }),
      sameTenantClock,
      [
        ['a:1', 't'],
        ['a:2', 't'],
      ],
      20,
    );
    expect(sameTenant.elapsed).toBeLessThan(alone.elapsed * 1.1);
  });

  it('applies the tenant cap across its conversations', async () => {
    const clock = virtualClock();
    const limiter = new RateLimiter({ clock, perTenant: { ratePerSecond: 10 } });
    const conversations = Array.from({ length: 30 }, (_, i) => [`a:${i}`, 'tenant'] as [string, string]);
    const { elapsed } = await timeToSend(limiter, clock, conversations, 1);
    expect(elapsed).toBeCloseTo(2900, 0); // 29 intervals of 100 ms
    // Another tenant is not held back by this one.
    expect(limiter.reserve('b:1', 'other-tenant')).toBe(0);
  });

  it('books both buckets without waiting in reserve(), so concurrent callers get distinct slots', () => {
    const clock = virtualClock();
    const limiter = new RateLimiter({ clock, perConversation: { ratePerSecond: 5 } });
    const waits = Array.from({ length: 5 }, () => limiter.reserve('a:1', 't'));
    expect(waits).toEqual([0, 200, 400, 600, 800]);
    expect(clock.now()).toBe(T0);
  });

  it('allows a burst when configured', () => {
    const limiter = new RateLimiter({
      clock: virtualClock(),
      perConversation: { ratePerSecond: 7, burst: 3 },
      perTenant: { ratePerSecond: 30, burst: 10 },
    });
    const waits = Array.from({ length: 5 }, () => Math.round(limiter.reserve('a:1', 't')));
    expect(waits).toEqual([0, 0, 0, 143, 286]);
  });

  it('evicts idle buckets, and forgetting them changes nothing', () => {
    const clock = virtualClock();
    const limiter = new RateLimiter({ clock, maxBuckets: 100 });
    for (let i = 0; i < 1000; i++) {
      limiter.reserve(`a:${i}`, `t:${i % 10}`);
      clock.advance(50);
    }
    expect(limiter.size).toBeLessThanOrEqual(200);
    clock.advance(10_000);
    expect(limiter.evictIdle()).toBeGreaterThan(0);
    expect(limiter.size).toBe(0);
    expect(limiter.reserve('a:1', 't:1')).toBe(0);
  });

  it('rejects invalid limits', () => {
    expect(() => new RateLimiter({ perConversation: { ratePerSecond: 0 } })).toThrow(RangeError);
    expect(() => new RateLimiter({ perTenant: { ratePerSecond: 1, burst: 0 } })).toThrow(RangeError);
  });
});
