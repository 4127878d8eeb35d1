/**
 * `guichet deadlines`: reads JSON cases on stdin, one per line, and writes one JSON answer per line
 * (see `deadlines-case.ts` for the format). Streams in constant memory; exit code 0 when every line
 * was valid, 2 otherwise, 1 on an I/O failure. Runnable directly: `npx tsx bot/src/cli/deadlines.ts < in.jsonl`.
 * With GUICHET_REPORT_RSS=1 it reports its peak resident memory on stderr (`maxRSS_KB=…`).
 */
import { answerLine, createDeadlineRun, tooLongLine } from './deadlines-case';
import { pumpLines } from './deadlines-line-pump';

/** Answers every line of `input` on `output`; resolves to the process exit code. */
export async function runDeadlines(
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
): Promise<number> {
  const run = createDeadlineRun();
  try {
    await pumpLines(input, output, (line, n) => answerLine(run, line, n), {
      onTooLong: (n) => tooLongLine(run, n),
    });
  } catch {
    return 1;
  }
  return run.invalidLines === 0 ? 0 : 2;
}

/** Peak resident memory of this process in KiB (for the bounded-memory test and the benchmark). */
export function reportPeakMemory(stream: NodeJS.WritableStream): void {
  if (process.env.GUICHET_REPORT_RSS) stream.write(`maxRSS_KB=${process.resourceUsage().maxRSS}\n`);
}

if (require.main === module) {
  // An early-closed stdout (`| head`) ends the run quietly instead of crashing on EPIPE.
  process.stdout.on('error', () => process.exit(1));
  void runDeadlines(process.stdin, process.stdout).then((code) => {
    reportPeakMemory(process.stderr);
    process.exitCode = code;
  });
}
