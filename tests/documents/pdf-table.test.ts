import { openPdf } from '../../bot/src/documents/pdf-document';
import type { PdfFlow } from '../../bot/src/documents/pdf-flow';
import { type TableSpec, drawTable } from '../../bot/src/documents/pdf-table';
import { PAGE } from '../../bot/src/documents/pdf-theme';

const SPEC: TableSpec = {
  columns: [
    { header: 'Libellé', width: 300 },
    { header: 'Montant', width: 100, align: 'right' },
  ],
  rows: [
    { cells: ['Ligne A', '1,00 €'] },
    { cells: ['Groupe G'], style: 'group' },
    { cells: ['Ligne B', '2,00 €'] },
    { cells: ['Ligne C', '3,00 €'] },
    { cells: ['Sous-total S', '5,00 €'], style: 'subtotal' },
  ],
  continuedTitle: 'Tableau',
};

/** Draws the table starting at `y`; tells on which pages (0-based) each text was drawn. */
function layOut(y: number, spec: TableSpec = SPEC): { pages: Map<string, number[]>; flow: PdfFlow } {
  const { flow } = openPdf({ title: 't', author: 'a', subject: 's', keywords: [], createdAt: new Date(0) });
  const pages = new Map<string, number[]>();
  const text = flow.text.bind(flow);
  (flow as { text: PdfFlow['text'] }).text = (t, x, at, width, style) => {
    pages.set(t, [...(pages.get(t) ?? []), flow.doc.bufferedPageRange().count - 1]);
    return text(t, x, at, width, style);
  };
  flow.y = y;
  drawTable(flow, spec);
  return { pages, flow };
}

// Every start position over the last 120 points of a page: page breaks fall before every row in turn.
const STARTS = Array.from({ length: 120 }, (_, i) => PAGE.bottom - 120 + i);

describe('drawTable pagination', () => {
  it('keeps a group heading with the row after it, and a subtotal with the row before it', () => {
    for (const y of STARTS) {
      const { pages } = layOut(y);
      expect(pages.get('Groupe G')?.[0]).toBe(pages.get('Ligne B')?.[0]);
      expect(pages.get('Sous-total S')?.[0]).toBe(pages.get('Ligne C')?.[0]);
    }
  });

  it('draws every row once, and the header on every page a row is on, with "(suite)" after the first', () => {
    let broke = 0;
    for (const y of STARTS) {
      const { pages } = layOut(y);
      const rowPages = SPEC.rows.map((row) => pages.get(row.cells[0]!)!);
      rowPages.forEach((p) => expect(p).toHaveLength(1));
      const headerPages = pages.get('Libellé')!;
      expect(headerPages).toEqual([...new Set(rowPages.flat())]);
      expect(pages.get('Tableau (suite)') ?? []).toEqual(headerPages.slice(1));
      if (headerPages.length > 1) broke += 1;
    }
    expect(broke).toBeGreaterThan(0);
  });

  it('repeats the current group heading on a continuation page', () => {
    const body = Array.from({ length: 60 }, (_, i) => ({ cells: [`Ligne ${i}`, '1,00 €'] }));
    const { pages } = layOut(PAGE.top, { ...SPEC, rows: [{ cells: ['Groupe G'], style: 'group' }, ...body] });
    expect(pages.get('Groupe G')).toEqual([0]);
    expect(pages.get('Groupe G (suite)')).toEqual([1]);
  });

  it('keeps room after the last row for what must follow the table', () => {
    for (const y of STARTS) {
      const { pages, flow } = layOut(y, { ...SPEC, followedBy: 60 });
      expect(flow.room).toBeGreaterThanOrEqual(60);
      expect(pages.get('Sous-total S')?.[0]).toBe(pages.get('Ligne C')?.[0]);
    }
  });
});
