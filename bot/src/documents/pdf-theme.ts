/**
 * Page geometry, fonts and colours shared by every printed document, so that a quote and the order
 * it gives rise to look like one set. Units are PostScript points (1/72 inch); A4 is 595.28 × 841.89.
 */

/** A4 portrait and the margins the content keeps (the footer lives in the bottom margin). */
export const PAGE = Object.freeze({
  width: 595.28,
  height: 841.89,
  left: 48,
  right: 595.28 - 48,
  top: 46,
  /** Lowest y content may reach; the footer sits below. */
  bottom: 841.89 - 58,
  footerY: 841.89 - 40,
});

/** Width of the content column. */
export const CONTENT_WIDTH = PAGE.right - PAGE.left;

/** The three faces of the standard Helvetica, which every PDF reader has. */
export const FONTS = Object.freeze({
  regular: 'Helvetica',
  bold: 'Helvetica-Bold',
  italic: 'Helvetica-Oblique',
});

/** One font face of `FONTS`. */
export type FontFace = keyof typeof FONTS;

/** Font sizes, in points. */
export const SIZES = Object.freeze({
  title: 20,
  reference: 11,
  section: 10.5,
  body: 8.8,
  table: 8.2,
  small: 7.4,
});

/** Sober colours that print well in grey scale. */
export const COLORS = Object.freeze({
  ink: '#1b1f24',
  muted: '#5b6470',
  brand: '#1f3a5f',
  rule: '#c4cad3',
  band: '#e6ebf2',
  fill: '#f3f5f8',
  alert: '#9c2a1f',
  alertFill: '#fbeeec',
});
