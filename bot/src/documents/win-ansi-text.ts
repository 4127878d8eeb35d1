/**
 * Text for the PDF standard fonts. Helvetica as PDFKit embeds it (no font file, so small and
 * reproducible documents) is encoded in WinAnsi: Latin-1 plus a few typographic signs (€, –, —, ’,
 * «, », œ…). Anything else would print as a wrong glyph, silently: `formatEuros` writes a narrow
 * no-break space in some callers and a true minus sign for negative amounts, and free text typed in
 * Teams may hold any character. So every string goes through `toWinAnsi` before it is drawn.
 */

// Code points above Latin-1 that WinAnsi encodes (PDFKit's own table).
const WIN_ANSI_EXTRAS = new Set([
  0x152, 0x153, 0x160, 0x161, 0x178, 0x17d, 0x17e, 0x192, 0x2c6, 0x2dc, 0x2013, 0x2014, 0x2018, 0x2019,
  0x201a, 0x201c, 0x201d, 0x201e, 0x2020, 0x2021, 0x2022, 0x2026, 0x2030, 0x2039, 0x203a, 0x20ac, 0x2122,
]);

// Common characters outside WinAnsi, with the nearest sign it has. Narrow and figure spaces become
// the no-break space (U+00A0, in WinAnsi) so that "1 250,50 €" still never breaks across lines.
const REPLACEMENTS: Readonly<Record<string, string>> = Object.freeze({
  '\u202f': '\u00a0',
  '\u2007': '\u00a0',
  '\u2009': ' ',
  '\u200a': ' ',
  '\u2002': ' ',
  '\u2003': ' ',
  '\t': ' ',
  '\u2212': '-',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '–',
  '\u2264': '<=',
  '\u2265': '>=',
  '\u2192': '->',
  '\u2190': '<-',
});

function encodable(code: number): boolean {
  return (
    code === 0x0a ||
    (code >= 0x20 && code <= 0x7e) ||
    (code >= 0xa0 && code <= 0xff) ||
    WIN_ANSI_EXTRAS.has(code)
  );
}

/** The text with every character WinAnsi cannot encode replaced by its nearest equivalent, or "?". */
export function toWinAnsi(text: string): string {
  let out = '';
  for (const char of text.normalize('NFC').replace(/\r\n?/g, '\n')) {
    const code = char.codePointAt(0)!;
    if (encodable(code)) out += char;
    else if (REPLACEMENTS[char] !== undefined) out += REPLACEMENTS[char];
    else if (code < 0x20 || (code >= 0x7f && code < 0xa0) || code === 0x200b || code === 0xfeff) continue;
    else out += withoutAccents(char);
  }
  return out;
}

// "ł" has no decomposition but "ő", "ș", "ā"… do: keep the base letter rather than lose the word.
function withoutAccents(char: string): string {
  const base = char.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  return base.length > 0 && [...base].every((c) => encodable(c.codePointAt(0)!)) ? base : '?';
}
