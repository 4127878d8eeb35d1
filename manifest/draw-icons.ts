/**
 * Draws the two icons of the Teams app package and writes them next to this file:
 *
 *   npx tsx manifest/draw-icons.ts
 *
 * - `color.png`, 192×192: a white "G" on the Guichet blue, opaque (Teams rounds the corners itself).
 * - `outline.png`, 32×32: the same "G" in white on a transparent background, as Teams requires for
 *   the app bar (it tints the white itself).
 *
 * The PNG encoder is written here with node:zlib only (signature, IHDR, IDAT, IEND, CRC-32), so the
 * icons are reproducible from code without an image tool. Edges are anti-aliased by supersampling;
 * the outline stays pure white and only its alpha varies.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';

/** The manifest's `accentColor` (#1B4F8A), also the colour icon's background. */
export const ACCENT = { r: 0x1b, g: 0x4f, b: 0x8a } as const;

export const COLOR_ICON_SIZE = 192;
export const OUTLINE_ICON_SIZE = 32;

/** Shape of the "G", in units of the icon's width; the outline icon has no room for a margin. */
interface GlyphShape {
  /** Outer radius of the ring. */
  radius: number;
  /** Thickness of the ring and of the crossbar. */
  stroke: number;
}

const COLOR_GLYPH: GlyphShape = { radius: 0.3, stroke: 0.085 };
const OUTLINE_GLYPH: GlyphShape = { radius: 0.4, stroke: 0.145 };

/** Opening of the "G" between the crossbar (0°) and its upper terminal, counter-clockwise. */
const GAP_DEGREES = 50;
/** Samples per pixel side: 4×4 samples give smooth edges at 32 px. */
const SUPERSAMPLING = 4;

/** True when the point (u, v) of the unit square (v pointing down) lies on the glyph. */
function onGlyph(u: number, v: number, { radius, stroke }: GlyphShape): boolean {
  const dx = u - 0.5;
  const dy = v - 0.5;
  const r = Math.hypot(dx, dy);
  const angle = (Math.atan2(-dy, dx) * 180) / Math.PI;
  const onRing = r <= radius && r >= radius - stroke && !(angle > 0 && angle < GAP_DEGREES);
  // The crossbar hangs under the centre line, from just right of the centre into the ring.
  const onBar = dy >= 0 && dy <= stroke && dx >= 0.02 && dx <= radius - stroke / 2;
  return onRing || onBar;
}

/** Fraction of the pixel (x, y) covered by the glyph, from 0 to 1. */
function coverage(x: number, y: number, size: number, shape: GlyphShape): number {
  let inside = 0;
  for (let sy = 0; sy < SUPERSAMPLING; sy += 1) {
    for (let sx = 0; sx < SUPERSAMPLING; sx += 1) {
      const u = (x + (sx + 0.5) / SUPERSAMPLING) / size;
      const v = (y + (sy + 0.5) / SUPERSAMPLING) / size;
      if (onGlyph(u, v, shape)) inside += 1;
    }
  }
  return inside / (SUPERSAMPLING * SUPERSAMPLING);
}

/** RGBA pixels of the colour icon: white glyph blended over the accent colour, fully opaque. */
export function colorIconPixels(): Uint8Array {
  const size = COLOR_ICON_SIZE;
  const rgba = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const c = coverage(x, y, size, COLOR_GLYPH);
      const i = (y * size + x) * 4;
      rgba[i] = Math.round(ACCENT.r + (255 - ACCENT.r) * c);
      rgba[i + 1] = Math.round(ACCENT.g + (255 - ACCENT.g) * c);
      rgba[i + 2] = Math.round(ACCENT.b + (255 - ACCENT.b) * c);
      rgba[i + 3] = 255;
    }
  }
  return rgba;
}

/** RGBA pixels of the outline icon: white everywhere, the glyph's coverage as alpha. */
export function outlineIconPixels(): Uint8Array {
  const size = OUTLINE_ICON_SIZE;
  const rgba = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const alpha = Math.round(255 * coverage(x, y, size, OUTLINE_GLYPH));
      const i = (y * size + x) * 4;
      // Fully transparent pixels stay black-transparent (0,0,0,0), the usual encoding of "nothing".
      if (alpha > 0) rgba.set([255, 255, 255, alpha], i);
    }
  }
  return rgba;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n += 1) {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (ISO 3309) of a chunk's type and data, as PNG requires. */
function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}

/** Encodes 8-bit RGBA pixels as a non-interlaced PNG (every scanline with filter 0). */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  if (rgba.length !== width * height * 4) throw new Error('encodePng: pixel buffer of the wrong size');
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // bit depth 8, colour type 6 (RGBA), deflate, filter 0, no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y += 1) {
    raw[y * (stride + 1)] = 0;
    raw.set(rgba.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

/** Writes color.png and outline.png into `dir` (default: this folder). */
export function writeIcons(dir: string = __dirname): void {
  writeFileSync(path.join(dir, 'color.png'), encodePng(COLOR_ICON_SIZE, COLOR_ICON_SIZE, colorIconPixels()));
  writeFileSync(
    path.join(dir, 'outline.png'),
    encodePng(OUTLINE_ICON_SIZE, OUTLINE_ICON_SIZE, outlineIconPixels()),
  );
}

if (require.main === module) writeIcons();
