/**
 * Line-by-line streaming from a readable to a writable with backpressure, in constant memory: input
 * is consumed one chunk at a time, output is flushed in batches and waits for `drain` when the
 * consumer is slower. A line longer than `maxLineLength` is answered as an error without buffering it.
 */

/** Turns one input line (1-based number) into one output line, without the newline. */
export type LineHandler = (line: string, lineNumber: number) => string;

/** Options of `pumpLines`; the defaults suit JSON lines of a few hundred bytes. */
export interface PumpOptions {
  readonly maxLineLength?: number;
  readonly onTooLong?: (lineNumber: number) => string;
  readonly flushBytes?: number;
}

/** Feeds every line of `input` to `handle` and writes the answers to `output`, one per line. */
export async function pumpLines(
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
  handle: LineHandler,
  options: PumpOptions = {},
): Promise<void> {
  const maxLineLength = options.maxLineLength ?? 1_048_576;
  const flushBytes = options.flushBytes ?? 65_536;
  const onTooLong = options.onTooLong ?? ((n: number) => JSON.stringify({ line: n, error: 'line too long' }));
  let pending = '';
  let skipping = false; // inside an over-long line: drop text until its newline
  let lineNumber = 0;
  let out = '';
  input.setEncoding('utf8');
  for await (const chunk of input as AsyncIterable<string>) {
    let start = 0;
    for (let nl = chunk.indexOf('\n'); nl !== -1; nl = chunk.indexOf('\n', start)) {
      lineNumber += 1;
      if (skipping || pending.length + nl - start > maxLineLength) out += `${onTooLong(lineNumber)}\n`;
      else out += `${handle(stripCr(pending + chunk.slice(start, nl)), lineNumber)}\n`;
      pending = '';
      skipping = false;
      start = nl + 1;
      // Flushed inside the loop too: one chunk may hold many lines (a stream's whole buffer).
      if (out.length >= flushBytes) {
        await write(output, out);
        out = '';
      }
    }
    if (!skipping) pending += chunk.slice(start);
    if (pending.length > maxLineLength) {
      pending = '';
      skipping = true;
    }
  }
  if (skipping || pending.length > 0) {
    lineNumber += 1;
    out += `${skipping ? onTooLong(lineNumber) : handle(stripCr(pending), lineNumber)}\n`;
  }
  if (out.length > 0) await write(output, out);
}

function stripCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

/** Writes and, when the stream asks for it, waits for `drain` (or fails if the stream errors or closes). */
function write(output: NodeJS.WritableStream, text: string): Promise<void> {
  if (output.write(text)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const done = (err?: Error) => {
      output.removeListener('drain', onDrain);
      output.removeListener('error', onError);
      output.removeListener('close', onClose);
      if (err) reject(err);
      else resolve();
    };
    const onDrain = () => done();
    const onError = (err: Error) => done(err);
    const onClose = () => done(new Error('output closed'));
    output.once('drain', onDrain);
    output.once('error', onError);
    output.once('close', onClose);
  });
}
