/**
 * The writing cursor of a document: where the next block goes, and when to turn the page. Blocks
 * measure themselves and ask for room first (`ensure`), so that nothing is ever cut across a page
 * break; PDFKit's own page breaking is kept out of the way (its margins are zero) because it would
 * split table rows and could not repeat a table header. Every text goes through `toWinAnsi`.
 */
import { COLORS, CONTENT_WIDTH, FONTS, type FontFace, PAGE, SIZES } from './pdf-theme';
import { toWinAnsi } from './win-ansi-text';

/** How a text is drawn. */
export interface TextStyle {
  readonly face?: FontFace;
  readonly size?: number;
  readonly color?: string;
  readonly align?: 'left' | 'right' | 'center';
  /** Extra space between lines, in points. */
  readonly lineGap?: number;
}

/** The cursor over the pages of one document. */
export class PdfFlow {
  /** Where the next block starts. */
  y: number = PAGE.top;
  /** Top of the content on the current page, below its running header. */
  private pageTop: number = PAGE.top;
  private readonly continuationHeaders: ((flow: PdfFlow) => void)[] = [];

  constructor(readonly doc: PDFKit.PDFDocument) {}

  /** Registers what every new page starts with (a running header, a repeated table header). */
  onNewPage(draw: (flow: PdfFlow) => void): () => void {
    this.continuationHeaders.push(draw);
    return () => {
      this.continuationHeaders.splice(this.continuationHeaders.indexOf(draw), 1);
    };
  }

  /** Room left on the page, in points. */
  get room(): number {
    return PAGE.bottom - this.y;
  }

  /** Turns the page unless `height` still fits; true when it turned. */
  ensure(height: number): boolean {
    // At the top of a page, turning again would not help: a block taller than a page stays here.
    if (height <= this.room || this.y <= this.pageTop) return false;
    this.newPage();
    return true;
  }

  /** Starts a new page and draws what continuation pages start with. */
  newPage(): void {
    this.doc.addPage();
    this.y = PAGE.top;
    for (const draw of [...this.continuationHeaders]) draw(this);
    this.pageTop = this.y;
  }

  /** Moves down by `points`. */
  gap(points: number): void {
    this.y += points;
  }

  /** Height `text` takes in `width` with `style`. */
  measure(text: string, width: number, style: TextStyle = {}): number {
    this.apply(style);
    return this.doc.heightOfString(toWinAnsi(text), { width, lineGap: style.lineGap ?? 0 });
  }

  /** Width of `text` on one line with `style`. */
  widthOf(text: string, style: TextStyle = {}): number {
    this.apply(style);
    return this.doc.widthOfString(toWinAnsi(text));
  }

  /** Draws `text` at (x, y) wrapped in `width`; returns the height it took. Does not move the cursor. */
  text(text: string, x: number, y: number, width: number, style: TextStyle = {}): number {
    const height = this.measure(text, width, style);
    this.doc.text(toWinAnsi(text), x, y, {
      width,
      align: style.align ?? 'left',
      lineGap: style.lineGap ?? 0,
    });
    return height;
  }

  /** Draws `text` across the content column at the cursor, turning the page first if needed. */
  paragraph(text: string, style: TextStyle = {}, after = 4): void {
    this.ensure(this.measure(text, CONTENT_WIDTH, style));
    this.y += this.text(text, PAGE.left, this.y, CONTENT_WIDTH, style) + after;
  }

  /** Fills a rectangle. */
  fill(x: number, y: number, width: number, height: number, color: string): void {
    this.doc.save().rect(x, y, width, height).fill(color).restore();
  }

  /** Strokes a horizontal rule. */
  rule(x1: number, x2: number, y: number, color: string = COLORS.rule, width = 0.6): void {
    this.doc.save().moveTo(x1, y).lineTo(x2, y).lineWidth(width).strokeColor(color).stroke().restore();
  }

  /** Strokes a rectangle's outline. */
  frame(x: number, y: number, width: number, height: number, color: string = COLORS.rule): void {
    this.doc.save().rect(x, y, width, height).lineWidth(0.6).strokeColor(color).stroke().restore();
  }

  private apply(style: TextStyle): void {
    this.doc
      .font(FONTS[style.face ?? 'regular'])
      .fontSize(style.size ?? SIZES.body)
      .fillColor(style.color ?? COLORS.ink);
  }
}
