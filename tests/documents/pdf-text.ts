/**
 * Reads a rendered PDF back with a real parser (pdf-parse, on Mozilla's pdf.js), so that the tests
 * check what a reader would extract, not what the renderer meant to draw.
 *
 * pdf.js loads its worker with a dynamic `import()`, which Jest's CommonJS runtime refuses without
 * `--experimental-vm-modules`; the parser therefore runs in a plain Node child process (the real
 * module loader), fed the PDF on stdin and answering JSON on stdout.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

/** What the parser found: the text of each page, and the information dictionary. */
export interface ExtractedPdf {
  readonly pages: readonly string[];
  /** Every page's text, no-break spaces turned into plain spaces. */
  readonly text: string;
  readonly info: Readonly<Record<string, unknown>>;
}

const ROOT = path.resolve(__dirname, '../..');

const SCRIPT = `
const { PDFParse } = require('pdf-parse');
(async () => {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  const parser = new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)) });
  const text = await parser.getText();
  const info = await parser.getInfo();
  await parser.destroy();
  process.stdout.write(JSON.stringify({ pages: text.pages.map((p) => p.text), info: info.info }));
})().catch((err) => { console.error(err); process.exit(1); });
`;

/** Plain spaces for the no-break spaces French formats use, so that expectations can be typed. */
export function plain(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, ' ');
}

/** Extracts the text and metadata of a PDF. */
export function extractPdf(pdf: Buffer): ExtractedPdf {
  const out = execFileSync(process.execPath, ['-e', SCRIPT], {
    cwd: ROOT,
    input: pdf,
    maxBuffer: 64 * 1024 * 1024,
  });
  const parsed = JSON.parse(out.toString('utf8')) as { pages: string[]; info: Record<string, unknown> };
  const pages = parsed.pages.map(plain);
  return { pages, text: pages.join('\n'), info: parsed.info };
}
