/**
 * Benchmark of bot turns (not a test; issue 4, first benchmark of `npm run bench:bot`): a full
 * "declare incident" turn against a bare echo turn ("aide", answered with a text) through the same
 * server, adapter and fake connector, with 20 conversations sending concurrently, each turn after the
 * previous one of its conversation. Prints p50/p95 of both, their ratios (target p95 ≤ 2.0), the
 * throughput and the service's peak RSS.
 *
 * Three processes, so that each side's work stays out of the others' event loops: the real service
 * (`bot/src/main.ts` on a fresh SQLite file with the demo data), the fake connector its replies go to
 * (`tests/support/fake-connector-server.ts`), and this load generator. A turn's latency is the time
 * from the POST to /api/messages to its HTTP answer, which the service sends after the connector has
 * taken the reply. The support channel is known to the bot, so each declaration also queues its
 * support notification in the same transaction, and the outbox sender delivers them meanwhile.
 *
 *   npx tsx scripts/bench-bot-turns.ts [--conversations 20] [--turns 25] [--rounds 4] [--warmup 10]
 *                                      [--without-support]
 *
 * `--without-support` leaves the support channel unknown: declarations then queue nothing and the
 * outbox stays idle, which shows what its background deliveries cost the turns.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEMO_TENANTS } from '../bot/src/config/config';
import { SQLITE_FILE_NAME } from '../bot/src/store/open-store';
import type { Doc } from '../bot/src/store/port';
import { openSqliteStore } from '../bot/src/store/sqlite/sqlite-store';
import { freePort, startProcess, type Started, startGuichetProcess } from '../tests/support/child-process';
import { anActivity } from '../tests/support/factories';
import type { ConnectorStats } from '../tests/support/fake-connector-server';

const ROOT = resolve(__dirname, '..');
const SUPPORT_CHANNEL = '19:bench-support@thread.tacv2';
const CAMILLE = 'a1b2c3d4-0000-4000-8000-000000000001'; // Support.Engineer of the demo data
const FORM = {
  severity: '2',
  category: 'incident',
  domain: 'modern-workplace',
  title: 'Messagerie inaccessible',
  description: 'Plus personne ne reçoit de courriel depuis 9 h ce matin.',
  phone: '04 72 00 00 00',
};

/** Other work on the machine skews the numbers: say how busy it was before this run. */
const LOAD_BEFORE = loadavg();

type Kind = 'echo' | 'declare';

interface Options {
  conversations: number;
  turns: number;
  rounds: number;
  warmup: number;
  withSupport: boolean;
}

interface Rig {
  dir: string;
  connector: Started;
  serviceUrl: string;
  service: Started;
  baseUrl: string;
}

interface Measured {
  latencies: number[];
  elapsedMs: number;
}

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  const value = i === -1 ? fallback : Number(process.argv[i + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be an integer ≥ 1`);
  return value;
}

const conversationOf = (c: number) => `a:bench-${c}`;

function activityOf(kind: Kind, c: number, serviceUrl: string): Record<string, unknown> {
  const conversationId = conversationOf(c);
  if (kind === 'echo') return anActivity({ conversationId, serviceUrl, text: 'aide' });
  // A new form each time: a replayed formId would only read the existing ticket back.
  return anActivity({
    conversationId,
    serviceUrl,
    value: { action: 'incident.create', formId: randomUUID(), ...FORM },
  });
}

async function post(baseUrl: string, activity: Record<string, unknown>): Promise<Response> {
  const res = await fetch(`${baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  if (res.status !== 200) throw new Error(`POST /api/messages: HTTP ${res.status} ${await res.text()}`);
  return res;
}

/** Every conversation sends `turns` turns of `kind`, one after the other; all conversations at once. */
async function round(rig: Rig, kind: Kind, opts: Options, turns: number): Promise<Measured> {
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: opts.conversations }, async (_, c) => {
      for (let t = 0; t < turns; t++) {
        const body = JSON.stringify(activityOf(kind, c, rig.serviceUrl));
        const t0 = performance.now();
        const res = await fetch(`${rig.baseUrl}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        });
        await res.arrayBuffer();
        latencies.push(performance.now() - t0);
        if (res.status !== 200) throw new Error(`${kind} turn: HTTP ${res.status}`);
      }
    }),
  );
  return { latencies, elapsedMs: performance.now() - started };
}

async function startRig(): Promise<Rig> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-bot-turns-'));
  const connector = await startProcess(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'tests/support/fake-connector-server.ts')],
    { cwd: ROOT, env: { PATH: process.env.PATH }, ready: /fake connector listening on/ },
  );
  const serviceUrl = /listening on (\S+)/.exec(connector.output())![1]!;
  const port = await freePort();
  const service = await startGuichetProcess({
    port,
    dataDir: join(dir, 'data'),
    // One log line per request would measure pino and the pipe more than the bot.
    env: { LOG_LEVEL: 'warn' },
  }).catch(async (err: unknown) => {
    await connector.stop();
    throw err;
  });
  return { dir, connector, serviceUrl, service, baseUrl: `http://127.0.0.1:${port}` };
}

/** The support team's channel speaks first, so declarations queue a notification there (as in Teams). */
async function prepare(rig: Rig, opts: Options): Promise<void> {
  const greeting = anActivity({
    text: 'bonjour',
    tenantId: DEMO_TENANTS.titulaire,
    aadObjectId: CAMILLE,
    conversationId: SUPPORT_CHANNEL,
    conversationType: 'channel',
    teamId: '19:bench-support-team',
    serviceUrl: rig.serviceUrl,
  });
  if (opts.withSupport) await (await post(rig.baseUrl, greeting)).arrayBuffer();
  // Fail fast when the form is refused: a form sent back with errors would be a much cheaper turn.
  const probe = { ...activityOf('declare', 0, rig.serviceUrl), deliveryMode: 'expectReplies' };
  const answer = (await (await post(rig.baseUrl, probe)).json()) as { activities?: { text?: string }[] };
  const text = answer.activities?.[0]?.text ?? '';
  if (!/INC-\d{4}-\d{6}/.test(text)) throw new Error(`the declaration was not confirmed: ${text}`);
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** Peak and current resident set of a Linux process, in MiB (NaN elsewhere). */
function memoryOf(pid: number): { peakMiB: number; rssMiB: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
    return { peakMiB: kib('VmHWM') / 1024, rssMiB: kib('VmRSS') / 1024 };
  } catch {
    return { peakMiB: NaN, rssMiB: NaN };
  }
}

/** SIGTERM and how long the graceful shutdown took (SIGKILL after 30 s). */
async function stopTimed(started: Started): Promise<number> {
  const t0 = performance.now();
  const exited = new Promise<void>((done) => started.child.once('exit', () => done()));
  process.kill(-started.child.pid!, 'SIGTERM');
  const timer = setTimeout(() => process.kill(-started.child.pid!, 'SIGKILL'), 30_000);
  await exited;
  clearTimeout(timer);
  return (performance.now() - t0) / 1000;
}

/** What the store holds after the run: tickets, and support notifications by outbox status. */
async function storeCounts(dataDir: string): Promise<Record<string, number>> {
  const store = openSqliteStore({ file: join(dataDir, SQLITE_FILE_NAME) });
  const counts: Record<string, number> = {};
  try {
    let continuationToken: string | undefined;
    do {
      const page = await store.container<Doc>('business').query({
        crossPartition: true,
        filters: [{ field: 'type', op: 'in', value: ['ticket', 'outbox'] }],
        limit: 1000,
        continuationToken,
      });
      for (const doc of page.items) {
        const key = doc.type === 'ticket' ? 'tickets' : `outbox ${String(doc.status)}`;
        counts[key] = (counts[key] ?? 0) + 1;
      }
      continuationToken = page.continuationToken;
    } while (continuationToken);
  } finally {
    await store.close();
  }
  return counts;
}

/** Warm-up, then rounds of each kind, alternating which goes first so neither gets the warmer machine. */
async function measure(rig: Rig, opts: Options): Promise<Record<Kind, Measured>> {
  await round(rig, 'echo', opts, opts.warmup);
  await round(rig, 'declare', opts, opts.warmup);
  const all: Record<Kind, Measured> = {
    echo: { latencies: [], elapsedMs: 0 },
    declare: { latencies: [], elapsedMs: 0 },
  };
  for (let r = 0; r < opts.rounds; r++) {
    const order: Kind[] = r % 2 === 0 ? ['echo', 'declare'] : ['declare', 'echo'];
    for (const kind of order) {
      const m = await round(rig, kind, opts, opts.turns);
      all[kind].latencies.push(...m.latencies);
      all[kind].elapsedMs += m.elapsedMs;
    }
  }
  return all;
}

function line(label: string, m: Measured): string {
  const sorted = [...m.latencies].sort((a, b) => a - b);
  const ms = (p: number) => percentile(sorted, p).toFixed(1).padStart(6);
  const rate = (sorted.length / (m.elapsedMs / 1000)).toFixed(0).padStart(5);
  return (
    `  ${label.padEnd(22)} p50 ${ms(50)} ms   p95 ${ms(95)} ms   p99 ${ms(99)} ms   ` +
    `max ${ms(100)} ms   ${rate} turns/s   (${sorted.length} turns)`
  );
}

function report(opts: Options, m: Record<Kind, Measured>): void {
  const sorted = (k: Kind) => [...m[k].latencies].sort((a, b) => a - b);
  const ratio = (p: number) => percentile(sorted('declare'), p) / percentile(sorted('echo'), p);
  console.log(
    `bench:bot turns: ${opts.conversations} concurrent conversations, ${opts.turns} sequential turns each ` +
      `per round, ${opts.rounds} rounds per kind, after ${opts.warmup} warm-up turns per conversation and kind`,
  );
  console.log(
    `  machine: ${cpus().length} CPU(s) shared by the service, the fake connector and this load ` +
      `generator; load average before the run ${LOAD_BEFORE.map((l) => l.toFixed(2)).join(' ')}`,
  );
  console.log(line('echo ("aide")', m.echo));
  console.log(line('declare incident', m.declare));
  console.log(
    `  ratio declare / echo   p50 ${ratio(50).toFixed(2)}   p95 ${ratio(95).toFixed(2)}   ` +
      `(target p95 ≤ 2.0: ${ratio(95) <= 2 ? 'met' : 'NOT met'})`,
  );
}

/** Each conversation got one reply per turn; each declaration is a ticket. Exit code 1 otherwise. */
function check(opts: Options, stats: ConnectorStats, counts: Record<string, number>): void {
  const turns = opts.warmup + opts.rounds * opts.turns;
  const problems: string[] = [];
  for (let c = 0; c < opts.conversations; c++) {
    const got = stats.byConversation[conversationOf(c)] ?? 0;
    if (got !== 2 * turns) problems.push(`${conversationOf(c)}: ${got} replies for ${2 * turns} turns`);
  }
  // The probe of prepare() adds one ticket; its reply came back in the HTTP answer (expectReplies).
  const declared = opts.conversations * turns + 1;
  if (counts.tickets !== declared)
    problems.push(`${counts.tickets ?? 0} tickets for ${declared} declarations`);
  if (problems.length > 0) {
    console.error(`  CHECK FAILED: ${problems.join('; ')}`);
    process.exitCode = 1;
  }
}

async function main(): Promise<void> {
  const opts: Options = {
    conversations: option('--conversations', 20),
    turns: option('--turns', 25),
    rounds: option('--rounds', 4),
    warmup: option('--warmup', 10),
    withSupport: !process.argv.includes('--without-support'),
  };
  const rig = await startRig();
  try {
    await prepare(rig, opts);
    const idle = memoryOf(rig.service.child.pid!);
    const measured = await measure(rig, opts);
    const memory = memoryOf(rig.service.child.pid!);
    const stats = (await (await fetch(`${rig.serviceUrl}stats`)).json()) as ConnectorStats;
    const stopSeconds = await stopTimed(rig.service);
    const counts = await storeCounts(join(rig.dir, 'data'));
    report(opts, measured);
    console.log(
      `  service peak RSS ${memory.peakMiB.toFixed(1)} MiB (RSS before the load ${idle.rssMiB.toFixed(1)} MiB, ` +
        `at the end ${memory.rssMiB.toFixed(1)} MiB)`,
    );
    console.log(
      `  support channel${opts.withSupport ? '' : ' (unknown: --without-support)'}: ${stats.byConversation[SUPPORT_CHANNEL] ?? 0} notifications received; outbox at the ` +
        `stop: ${counts['outbox sent'] ?? 0} sent, ${counts['outbox pending'] ?? 0} pending ` +
        `(paced at 7 messages/s per conversation); graceful stop took ${stopSeconds.toFixed(1)} s`,
    );
    check(opts, stats, counts);
  } finally {
    await rig.service.stop();
    await rig.connector.stop();
    rmSync(rig.dir, { recursive: true, force: true });
  }
}

if (require.main === module) void main();
