/**
 * Tables that paginate cleanly: a row is never split across two pages, a group heading is never
 * left alone at the bottom of a page (it goes over with the row that follows it), and the column
 * headers are drawn again at the top of every page the table continues on, under a "(suite)" title.
 * A row with fewer cells than columns lets its first cell span the columns left over, which gives
 * full-width group headings and "label … amount" subtotal rows without a second table model.
 */
import type { PdfFlow, TextStyle } from './pdf-flow';
import { COLORS, PAGE, SIZES } from './pdf-theme';

/** One column: its header, width in points, and how its cells align. */
export interface TableColumn {
  readonly header: string;
  readonly width: number;
  readonly align?: 'left' | 'right' | 'center';
}

/**
 * `body` a plain line; `strong` a line that stands out (a phase in a calendar); `group` and
 * `subgroup` headings kept with the next row; `subtotal` and `total` sums.
 */
export type RowStyle = 'body' | 'strong' | 'group' | 'subgroup' | 'subtotal' | 'total';

/** One row; `indent` shifts its first cell right (a deliverable under its phase). */
export interface TableRow {
  readonly cells: readonly string[];
  readonly style?: RowStyle;
  readonly indent?: number;
}

/** A table, and the title repeated as "<title> (suite)" on the pages it continues on. */
export interface TableSpec {
  readonly columns: readonly TableColumn[];
  readonly rows: readonly TableRow[];
  readonly continuedTitle?: string;
  /** Height of what must follow the last row on the same page (the totals under a costed table). */
  readonly followedBy?: number;
}

const PAD_X = 4;
const PAD_Y = 3.6;
const GROUP_GAP = 5;
const KEPT_WITH_NEXT: ReadonlySet<RowStyle> = new Set(['group', 'subgroup']);
const KEPT_WITH_PREVIOUS: ReadonlySet<RowStyle> = new Set(['subtotal', 'total']);

const STYLES: Readonly<Record<RowStyle, TextStyle & { fill?: string }>> = {
  body: { size: SIZES.table },
  strong: { size: SIZES.table, face: 'bold', fill: COLORS.fill },
  group: { size: SIZES.table, face: 'bold', color: COLORS.brand, fill: COLORS.band },
  subgroup: { size: SIZES.table, face: 'bold' },
  subtotal: { size: SIZES.table, face: 'italic', color: COLORS.muted },
  total: { size: SIZES.table, face: 'bold', fill: COLORS.band },
};
const HEADER_STYLE: TextStyle = { size: SIZES.small, face: 'bold', color: '#ffffff' };

interface PlacedCell {
  readonly text: string;
  readonly x: number;
  readonly width: number;
  readonly align: 'left' | 'right' | 'center';
}

/** Draws a table at the cursor, turning pages between rows as needed. */
export function drawTable(flow: PdfFlow, spec: TableSpec): void {
  const tableWidth = spec.columns.reduce((sum, c) => sum + c.width, 0);
  const heights = spec.rows.map((row) => rowHeight(flow, spec, row));
  const headerHeight = headerRowHeight(flow, spec);
  const kept = (i: number) => keptHeight(spec, heights, i);
  // The group being drawn and the row about to be, for what a continuation page repeats.
  const at: { group?: TableRow; next?: TableRow } = {};
  flow.ensure(headerHeight + kept(0));
  drawHeader(flow, spec, headerHeight);
  const stop = flow.onNewPage(() => drawContinuation(flow, spec, headerHeight, tableWidth, at));
  try {
    spec.rows.forEach((row, i) => {
      if (row.style === 'group') at.group = row;
      at.next = row;
      // A little air before each new group, so that a total and the next heading do not merge.
      if (i > 0 && row.style === 'group') flow.gap(GROUP_GAP);
      flow.ensure(kept(i));
      drawRow(flow, spec, row, heights[i]!, tableWidth);
    });
  } finally {
    stop();
  }
}

/** Top of a page the table continues on: "<title> (suite)", the header, and the current group. */
function drawContinuation(
  flow: PdfFlow,
  spec: TableSpec,
  headerHeight: number,
  tableWidth: number,
  at: { readonly group?: TableRow; readonly next?: TableRow },
): void {
  if (spec.continuedTitle) {
    const style = { size: SIZES.section, face: 'bold', color: COLORS.brand } as const;
    flow.y += flow.text(`${spec.continuedTitle} (suite)`, PAGE.left, flow.y, tableWidth, style);
    flow.gap(5);
  }
  drawHeader(flow, spec, headerHeight);
  if (at.group && at.next !== at.group) {
    const again: TableRow = { ...at.group, cells: [`${at.group.cells[0] ?? ''} (suite)`] };
    drawRow(flow, spec, again, rowHeight(flow, spec, again), tableWidth);
  }
}

/**
 * Height of row `i` and of the rows that must go with it: a heading goes with the row after it, a
 * sum with the row before it (a page never starts with a lonely subtotal), and the last row with
 * what follows the table.
 */
function keptHeight(spec: TableSpec, heights: readonly number[], i: number): number {
  const rows = spec.rows;
  let total = heights[i] ?? 0;
  let j = i;
  for (; j < rows.length - 1 && keptWithNext(rows[j]!, rows[j + 1]!); j++) total += heights[j + 1]!;
  return j === rows.length - 1 ? total + (spec.followedBy ?? 0) : total;
}

function keptWithNext(row: TableRow, next: TableRow): boolean {
  return KEPT_WITH_NEXT.has(row.style ?? 'body') || KEPT_WITH_PREVIOUS.has(next.style ?? 'body');
}

function placeCells(spec: TableSpec, row: TableRow): PlacedCell[] {
  const span = spec.columns.length - row.cells.length + 1;
  let x = PAGE.left;
  return row.cells.map((text, i) => {
    const columns = i === 0 ? spec.columns.slice(0, span) : [spec.columns[span + i - 1]!];
    const width = columns.reduce((sum, c) => sum + c.width, 0);
    const indent = i === 0 ? (row.indent ?? 0) : 0;
    const cell: PlacedCell = {
      text,
      x: x + PAD_X + indent,
      width: width - 2 * PAD_X - indent,
      align: i === 0 && span > 1 ? spannedAlign(row.style) : (columns[0]!.align ?? 'left'),
    };
    x += width;
    return cell;
  });
}

// A sum's label sits right next to its amount; a heading reads from the left.
function spannedAlign(style: RowStyle = 'body'): 'left' | 'right' {
  return style === 'subtotal' || style === 'total' ? 'right' : 'left';
}

function rowHeight(flow: PdfFlow, spec: TableSpec, row: TableRow): number {
  const style = STYLES[row.style ?? 'body'];
  const tallest = Math.max(...placeCells(spec, row).map((c) => flow.measure(c.text, c.width, style)));
  return tallest + 2 * PAD_Y;
}

function headerRowHeight(flow: PdfFlow, spec: TableSpec): number {
  const tallest = Math.max(
    ...spec.columns.map((c) => flow.measure(c.header, c.width - 2 * PAD_X, HEADER_STYLE)),
  );
  return tallest + 2 * PAD_Y;
}

function drawHeader(flow: PdfFlow, spec: TableSpec, height: number): void {
  const width = spec.columns.reduce((sum, c) => sum + c.width, 0);
  flow.fill(PAGE.left, flow.y, width, height, COLORS.brand);
  let x = PAGE.left;
  for (const column of spec.columns) {
    flow.text(column.header, x + PAD_X, flow.y + PAD_Y, column.width - 2 * PAD_X, {
      ...HEADER_STYLE,
      align: column.align ?? 'left',
    });
    x += column.width;
  }
  flow.y += height;
}

function drawRow(flow: PdfFlow, spec: TableSpec, row: TableRow, height: number, tableWidth: number): void {
  const style = STYLES[row.style ?? 'body'];
  if (style.fill) flow.fill(PAGE.left, flow.y, tableWidth, height, style.fill);
  for (const cell of placeCells(spec, row)) {
    flow.text(cell.text, cell.x, flow.y + PAD_Y, cell.width, { ...style, align: cell.align });
  }
  flow.y += height;
  const strong = row.style === 'total' || row.style === 'group';
  flow.rule(
    PAGE.left,
    PAGE.left + tableWidth,
    flow.y,
    strong ? COLORS.brand : COLORS.rule,
    strong ? 0.8 : 0.4,
  );
}
