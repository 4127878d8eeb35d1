/**
 * Counts running turns so that shutdown can wait for them instead of cutting a user off mid-answer.
 */

/** A counter of in-flight work with a drain that resolves when it reaches zero. */
export class InFlight {
  private running = 0;
  private waiters: (() => void)[] = [];

  get count(): number {
    return this.running;
  }

  /** Runs `work`, counted as in flight until it settles. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    this.running++;
    try {
      return await work();
    } finally {
      this.running--;
      if (this.running === 0) this.waiters.splice(0).forEach((w) => w());
    }
  }

  /** Resolves true once nothing runs, or false after `timeoutMs`. */
  drain(timeoutMs: number): Promise<boolean> {
    if (this.running === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }
}
