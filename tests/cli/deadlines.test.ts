import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { PassThrough, Readable, Writable } from 'node:stream';
import { runDeadlines } from '../../bot/src/cli/deadlines';

const ROOT = resolve(__dirname, '../..');
const CLI = 'bot/src/cli/deadlines.ts';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real CLI process (`node --import tsx bot/src/cli/deadlines.ts`) on the given input. */
async function runCli(input: string, nodeArgs: string[] = []): Promise<Run> {
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', CLI], {
    cwd: ROOT,
    env: { ...process.env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (t: string) => (stdout += t));
  child.stderr.setEncoding('utf8').on('data', (t: string) => (stderr += t));
  child.stdin.end(input);
  const [code] = (await once(child, 'close')) as [number | null];
  return { code, stdout, stderr };
}

const lines = (text: string) =>
  text
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

const C1 =
  '{"id":"c1","type":"incident","zone":"martinique","severity":3,"modality":1,"openedAt":"2026-05-21T21:30:00Z"}';
const Q1 = '{"id":"q1","type":"quote","zone":"metropole","receivedAt":"2026-04-30T09:00:00Z"}';

describe('guichet deadlines (real process)', () => {
  it('answers the two examples of the issue and exits 0', async () => {
    const { code, stdout } = await runCli(`${C1}\n${Q1}\n`);
    expect(stdout).toBe('{"id":"c1","dueAt":"2026-05-26T19:30:00Z"}\n{"id":"q1","dueDate":"2026-05-19"}\n');
    expect(code).toBe(0);
  });

  it('answers every line of a mixed input, goes on after errors, and exits 2', async () => {
    const input = [
      C1,
      '{"id":"x1","type":"incident","zone":"corse","severity":1,"modality":1,"openedAt":"2026-06-08T08:00:00Z"}',
      '{"id":"x2","type":"incident","zone":"metropole","severity":5,"modality":1,"openedAt":"2026-06-08T08:00:00Z"}',
      '{"id":"x3","type":"incident","zone":"metropole","severity":1,"modality":3,"openedAt":"2026-06-08T08:00:00Z"}',
      '{"id":"x4","type":"quote","zone":"metropole","receivedAt":"2026-02-30T09:00:00Z"}',
      '{"id":"x5","type":"quote","zone":"metropole","receivedAt":"2026-06-08T09:00:00"}',
      '{pas du json',
      '',
      '{"type":"quote","zone":"metropole","receivedAt":"2026-06-08T09:00:00Z"}',
      '{"id":7,"type":"ticket","zone":"metropole"}',
      '[1,2]',
      Q1,
    ].join('\n');
    const { code, stdout } = await runCli(`${input}\n`);
    const out = lines(stdout);
    expect(code).toBe(2);
    expect(out).toHaveLength(12);
    expect(out[0]).toEqual({ id: 'c1', dueAt: '2026-05-26T19:30:00Z' });
    expect(out[11]).toEqual({ id: 'q1', dueDate: '2026-05-19' });
    const errors = out.slice(1, 11);
    expect(errors.map((e) => [e.line, e.id])).toEqual([
      [2, 'x1'],
      [3, 'x2'],
      [4, 'x3'],
      [5, 'x4'],
      [6, 'x5'],
      [7, null],
      [8, null],
      [9, null],
      [10, 7],
      [11, null],
    ]);
    expect(errors.map((e) => e.error)).toEqual([
      expect.stringMatching(/^zone inconnue \(« corse »\) : zones possibles metropole, /),
      'severity : gravité invalide (5), attendu 1, 2, 3 ou 4.',
      'modality : modalité de support invalide (3), attendu 1 ou 2.',
      expect.stringMatching(/^receivedAt : date invalide \(« 2026-02-30T09:00:00Z »\)/),
      expect.stringMatching(/^receivedAt : date invalide/),
      "JSON invalide : la ligne n'est pas un objet JSON bien formé.",
      'ligne vide : attendu un objet JSON par ligne.',
      'id : identifiant manquant ou invalide (texte ou nombre attendu).',
      'type inconnu ("ticket") : attendu « incident » ou « quote ».',
      'JSON invalide : attendu un objet JSON par ligne.',
    ]);
  });

  it('exits 0 on an empty input, writing nothing', async () => {
    expect(await runCli('')).toMatchObject({ code: 0, stdout: '' });
  });

  it('accepts CRLF line ends and a last line without a newline', async () => {
    const { code, stdout } = await runCli(`${C1}\r\n${Q1}`);
    expect(lines(stdout)).toEqual([
      { id: 'c1', dueAt: '2026-05-26T19:30:00Z' },
      { id: 'q1', dueDate: '2026-05-19' },
    ]);
    expect(code).toBe(0);
  });

  it('honours a beneficiary’s own closing days', async () => {
    const noumea =
      '{"id":"n1","type":"incident","zone":"nouvelle-caledonie","severity":1,"modality":1,' +
      '"openedAt":"2026-09-23T06:30:00Z","extraClosingDays":["2026-09-24"]}';
    const { stdout } = await runCli(`${noumea}\n`);
    expect(lines(stdout)).toEqual([{ id: 'n1', dueAt: '2026-09-24T21:30:00Z' }]); // Friday 25, 08:30 local
  });

  it('processes 1,000,000 lines in bounded memory', async () => {
    const small = await measure(20_000);
    const big = await measure(1_000_000);
    expect(big).toMatchObject({ code: 2, lines: 1_000_000, errors: 1000 });
    // Holding the ~110 MB of input (or the output) would add far more than this to the peak.
    expect(big.peakKiB - small.peakKiB).toBeLessThan(80 * 1024);
  }, 110_000);
});

/** Streams `count` generated cases (one in 1000 invalid) into the real CLI under a 48 MB heap cap. */
async function measure(
  count: number,
): Promise<{ code: number | null; lines: number; errors: number; peakKiB: number }> {
  const child = spawn(process.execPath, ['--max-old-space-size=48', '--import', 'tsx', CLI], {
    cwd: ROOT,
    env: { ...process.env, GUICHET_REPORT_RSS: '1' },
  });
  let stderr = '';
  let lineCount = 0;
  let errors = 0;
  let partial = '';
  child.stderr.setEncoding('utf8').on('data', (t: string) => (stderr += t));
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    const parts = (partial + chunk).split('\n');
    partial = parts.pop()!;
    lineCount += parts.length;
    for (const line of parts) if (line.startsWith('{"line":')) errors += 1;
  });
  Readable.from(generateCases(count)).pipe(child.stdin);
  const [code] = (await once(child, 'close')) as [number | null];
  const peakKiB = Number(/maxRSS_KB=(\d+)/.exec(stderr)?.[1]);
  return { code, lines: lineCount, errors, peakKiB };
}

function* generateCases(count: number): Generator<string> {
  const zones = ['metropole', 'martinique', 'la-reunion', 'saint-pierre-et-miquelon', 'alsace-moselle'];
  let batch = '';
  for (let i = 0; i < count; i++) {
    const at = new Date(Date.UTC(2025, 0, 1) + ((i * 7919) % (3 * 365 * 86_400)) * 1000).toISOString();
    const zone = zones[i % zones.length];
    if (i % 1000 === 999)
      batch += `{"id":"b${i}","type":"incident","zone":"${zone}","severity":5,"modality":1,"openedAt":"${at}"}\n`;
    else if (i % 3 === 0) batch += `{"id":"q${i}","type":"quote","zone":"${zone}","receivedAt":"${at}"}\n`;
    else
      batch += `{"id":"c${i}","type":"incident","zone":"${zone}","severity":${1 + (i % 4)},"modality":${1 + (i % 2)},"openedAt":"${at}"}\n`;
    if (batch.length > 65_536) {
      yield batch;
      batch = '';
    }
  }
  if (batch) yield batch;
}

describe('runDeadlines (in process)', () => {
  it('waits for a slow consumer instead of buffering the whole answer', async () => {
    const input = new PassThrough();
    let received = 0;
    let maxBuffered = 0;
    const slow: Writable = new Writable({
      highWaterMark: 1024,
      write(chunk: Buffer, _enc, done) {
        maxBuffered = Math.max(maxBuffered, slow.writableLength);
        received += chunk.length;
        setTimeout(done, 1);
      },
    });
    const running = runDeadlines(input, slow);
    for (let i = 0; i < 20_000; i++) input.write(`${Q1}\n`);
    input.end();
    expect(await running).toBe(0);
    expect(received).toBe(20_000 * '{"id":"q1","dueDate":"2026-05-19"}\n'.length);
    // ~700 KB of answers, never more than one 64 KiB batch waiting in the stream.
    expect(maxBuffered).toBeLessThan(100_000);
  });

  it('answers an over-long line with an error, without keeping it', async () => {
    const input = Readable.from([`${'x'.repeat(1_100_000)}`, `${'y'.repeat(1_100_000)}\n`, `${Q1}\n`]);
    const output = new PassThrough();
    let text = '';
    output.setEncoding('utf8').on('data', (t: string) => (text += t));
    expect(await runDeadlines(input, output)).toBe(2);
    expect(lines(text)).toEqual([
      { line: 1, id: null, error: 'ligne trop longue (plus de 1 Mio) : elle est ignorée.' },
      { id: 'q1', dueDate: '2026-05-19' },
    ]);
  });
});
