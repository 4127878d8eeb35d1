/**
 * Benchmark of `guichet deadlines` (not a test): generates mixed JSON-line cases, then times, in the
 * same run, the CLI and a pass-through that only parses and re-serialises the same lines through the
 * same streaming code, and prints both times, their ratio (target ≤ 2.0) and each one's peak memory.
 *
 *   npx tsx scripts/bench-deadlines.ts [--cases 500000] [--runs 2]
 */
import { spawn } from 'node:child_process';
import { closeSync, createWriteStream, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { reportPeakMemory } from '../bot/src/cli/deadlines';
import { pumpLines } from '../bot/src/cli/deadlines-line-pump';
import { ZONE_SLUGS } from '../bot/src/domain/calendar/zones';

const ROOT = resolve(__dirname, '..');

interface Timing {
  seconds: number;
  peakMiB: number;
  lines: number;
}

/** Deterministic PRNG (mulberry32) so that every run benchmarks the same cases. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** One case line: ~70 % incidents, ~29 % quotes, ~1 % invalid, instants spread over 2025–2027. */
function caseLine(i: number, random: () => number): string {
  const zone = ZONE_SLUGS[Math.floor(random() * ZONE_SLUGS.length)];
  const at =
    new Date(Date.UTC(2025, 0, 1) + Math.floor(random() * 3 * 365 * 86_400) * 1000)
      .toISOString()
      .slice(0, 19) + 'Z';
  const r = random();
  if (r < 0.01)
    return JSON.stringify({ id: `b${i}`, type: 'incident', zone, severity: 5, modality: 1, openedAt: at });
  if (r < 0.3) return JSON.stringify({ id: `q${i}`, type: 'quote', zone, receivedAt: at });
  const severity = 1 + Math.floor(random() * 4);
  const modality = 1 + Math.floor(random() * 2);
  return JSON.stringify({ id: `c${i}`, type: 'incident', zone, severity, modality, openedAt: at });
}

async function generate(file: string, cases: number): Promise<void> {
  const random = prng(20_260_521);
  const out = createWriteStream(file);
  for (let i = 0; i < cases; i++) {
    if (!out.write(`${caseLine(i, random)}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

async function time(args: string[], inputFile: string, outputFile: string): Promise<Timing> {
  const input = openSync(inputFile, 'r');
  const output = openSync(outputFile, 'w');
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
    cwd: ROOT,
    stdio: [input, output, 'pipe'],
    env: { ...process.env, GUICHET_REPORT_RSS: '1' },
  });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  const [code] = (await once(child, 'close')) as [number];
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  closeSync(input);
  closeSync(output);
  if (code !== 0 && code !== 2) throw new Error(`${args.join(' ')} exited with ${code}: ${stderr}`);
  const peakKiB = Number(/maxRSS_KB=(\d+)/.exec(stderr)?.[1] ?? NaN);
  const lines = readFileSync(outputFile, 'utf8').split('\n').length - 1;
  return { seconds, peakMiB: peakKiB / 1024, lines };
}

function best(timings: Timing[]): Timing {
  return timings.reduce((a, b) => (b.seconds < a.seconds ? b : a));
}

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
}

async function bench(): Promise<void> {
  const cases = option('--cases', 500_000);
  const runs = option('--runs', 2);
  const dir = mkdtempSync(join(tmpdir(), 'bench-deadlines-'));
  try {
    const inputFile = join(dir, 'cases.jsonl');
    await generate(inputFile, cases);
    const cli: Timing[] = [];
    const pass: Timing[] = [];
    for (let run = 0; run < runs; run++) {
      // Alternated so that neither side always runs on a warmer machine.
      cli.push(await time(['bot/src/cli/deadlines.ts'], inputFile, join(dir, 'cli.jsonl')));
      pass.push(
        await time(['scripts/bench-deadlines.ts', '--pass-through'], inputFile, join(dir, 'pass.jsonl')),
      );
    }
    const c = best(cli);
    const p = best(pass);
    const ratio = c.seconds / p.seconds;
    console.log(
      `bench:deadlines: ${cases} mixed cases (~70 % incidents, ~29 % quotes, ~1 % invalid), best of ${runs} run(s)`,
    );
    console.log(
      `  CLI (guichet deadlines)           ${c.seconds.toFixed(2)} s   peak RSS ${c.peakMiB.toFixed(1)} MiB   ${c.lines} lines out`,
    );
    console.log(
      `  pass-through (parse + stringify)  ${p.seconds.toFixed(2)} s   peak RSS ${p.peakMiB.toFixed(1)} MiB   ${p.lines} lines out`,
    );
    console.log(
      `  ratio CLI / pass-through          ${ratio.toFixed(2)}   (target ≤ 2.0: ${ratio <= 2 ? 'met' : 'NOT met'})`,
    );
    if (c.lines !== cases || p.lines !== cases) process.exitCode = 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The baseline: same streaming code, JSON parse and re-serialise only. */
async function passThrough(): Promise<void> {
  await pumpLines(process.stdin, process.stdout, (line, n) => {
    try {
      return JSON.stringify(JSON.parse(line));
    } catch {
      return JSON.stringify({ line: n, error: 'JSON invalide' });
    }
  });
  reportPeakMemory(process.stderr);
}

if (require.main === module) void (process.argv.includes('--pass-through') ? passThrough() : bench());
