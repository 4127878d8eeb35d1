/**
 * Runs one background job periodically: never two runs at once, a `wake()` to run soon after new work
 * is written (instead of waiting for the next tick), and a `stop()` that waits for the running pass so
 * a graceful shutdown does not cut a delivery between "sent" and "marked sent".
 */
import type { Logger } from 'pino';

export interface JobRunnerOptions {
  /** For the logs. */
  name: string;
  /** Pause between two runs when there is nothing more to do. */
  intervalMs: number;
  /** One pass of the job; resolves true when work is left (the next pass then starts at once). */
  run: () => Promise<boolean | void>;
  logger: Logger;
  /** Delay of a run asked by `wake()`, so a burst of writes makes one run, not one each (default 20 ms). */
  wakeDelayMs?: number;
}

/** A periodic, non-overlapping runner of one job. */
export class JobRunner {
  private readonly wakeDelayMs: number;
  private timer: NodeJS.Timeout | undefined;
  /** When the pending timer fires (ms since epoch), to keep the earliest of several requests. */
  private dueAt = Infinity;
  private current: Promise<void> | undefined;
  private started = false;
  private wokenDuringRun = false;

  constructor(private readonly options: JobRunnerOptions) {
    this.wakeDelayMs = options.wakeDelayMs ?? 20;
  }

  /** True between start() and stop(). */
  get isStarted(): boolean {
    return this.started;
  }

  /** Starts the periodic runs; the first one right away. Idempotent. */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.schedule(0);
  }

  /** Asks for a run soon; during a run, asks for another one right after it. */
  wake(): void {
    if (!this.started) return;
    if (this.current) {
      this.wokenDuringRun = true;
      return;
    }
    this.schedule(this.wakeDelayMs);
  }

  /** Stops the runs and waits for the one in progress, if any. */
  async stop(): Promise<void> {
    this.started = false;
    this.clearTimer();
    await this.current;
  }

  private schedule(delayMs: number): void {
    const at = Date.now() + delayMs;
    // Keep an earlier pending run: a stream of wakes must not postpone it forever.
    if (this.timer !== undefined && this.dueAt <= at) return;
    this.clearTimer();
    this.dueAt = at;
    this.timer = setTimeout(() => void this.tick(), delayMs);
    // The HTTP server keeps the process alive; a pending job run alone must not.
    this.timer.unref();
  }

  private clearTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.dueAt = Infinity;
  }

  private async tick(): Promise<void> {
    this.timer = undefined;
    this.dueAt = Infinity;
    if (!this.started || this.current) return;
    this.wokenDuringRun = false;
    let more = false;
    this.current = (async () => {
      try {
        more = (await this.options.run()) === true;
      } catch (err) {
        // A job reports its own failures; this is the last net so the runner keeps going.
        this.options.logger.error({ err, job: this.options.name }, 'job run failed');
      }
    })();
    await this.current;
    this.current = undefined;
    if (!this.started) return;
    if (more) this.schedule(0);
    else if (this.wokenDuringRun) this.schedule(this.wakeDelayMs);
    else this.schedule(this.options.intervalMs);
  }
}
