import { JobRunner } from '../../bot/src/jobs/job-runner';
import { createLogger } from '../../bot/src/http/logger';

const logger = createLogger('silent');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until `cond` holds (real time, generous deadline: no timing assertion rides on it). */
async function until(cond: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error('condition not reached');
    await sleep(5);
  }
}

/** A job whose runs are counted and can be held open until released. */
function controllableJob() {
  const state = { runs: 0, active: 0, maxActive: 0, release: [] as (() => void)[], hold: false };
  const run = async () => {
    state.runs++;
    state.active++;
    state.maxActive = Math.max(state.maxActive, state.active);
    if (state.hold) await new Promise<void>((r) => state.release.push(r));
    else await sleep(2);
    state.active--;
  };
  return { state, run };
}

describe('JobRunner', () => {
  const runners: JobRunner[] = [];
  const make = (
    options: Partial<ConstructorParameters<typeof JobRunner>[0]> & { run: () => Promise<boolean | void> },
  ) => {
    const r = new JobRunner({ name: 'test', intervalMs: 60_000, logger, ...options });
    runners.push(r);
    return r;
  };
  afterEach(async () => {
    await Promise.all(runners.splice(0).map((r) => r.stop()));
  });

  it('runs at once on start, then periodically, never two runs at a time', async () => {
    const { state, run } = controllableJob();
    const runner = make({ run, intervalMs: 1 });
    runner.start();
    runner.start(); // idempotent
    await until(() => state.runs >= 10);
    expect(state.maxActive).toBe(1);
  });

  it('runs soon after wake() instead of waiting for the interval', async () => {
    const { state, run } = controllableJob();
    const runner = make({ run });
    runner.start();
    await until(() => state.runs === 1 && state.active === 0);
    runner.wake();
    runner.wake();
    await until(() => state.runs === 2);
    await sleep(50);
    expect(state.runs).toBe(2); // two wakes in a row: one run
  });

  it('runs again right after a run during which wake() was called', async () => {
    const { state, run } = controllableJob();
    state.hold = true;
    const runner = make({ run });
    runner.start();
    await until(() => state.active === 1);
    runner.wake();
    state.hold = false;
    state.release.shift()!();
    await until(() => state.runs === 2);
    expect(state.maxActive).toBe(1);
  });

  it('runs again at once while the job reports more work', async () => {
    let left = 5;
    const runner = make({ run: async () => --left > 0 });
    runner.start();
    await until(() => left === 0);
  });

  it('stop() waits for the run in progress and no run starts after it', async () => {
    const { state, run } = controllableJob();
    state.hold = true;
    const runner = make({ run, intervalMs: 1 });
    runner.start();
    await until(() => state.active === 1);
    let stopped = false;
    const stopping = runner.stop().then(() => (stopped = true));
    await sleep(20);
    expect(stopped).toBe(false);
    state.hold = false;
    state.release.shift()!();
    await stopping;
    expect(state.active).toBe(0);
    const runs = state.runs;
    runner.wake();
    await sleep(30);
    expect(state.runs).toBe(runs);
    expect(runner.isStarted).toBe(false);
  });

  it('keeps running after a run throws', async () => {
    let runs = 0;
    const runner = make({
      intervalMs: 1,
      run: async () => {
        runs++;
        throw new Error('boom');
      },
    });
    runner.start();
    await until(() => runs >= 3);
  });
});
