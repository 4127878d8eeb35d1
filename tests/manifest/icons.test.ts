/**
 * The package's icons: real PNGs of the sizes Teams requires, the outline white on transparent,
 * the colour icon on the manifest's accent colour, and both reproducible from manifest/draw-icons.ts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  ACCENT,
  COLOR_ICON_SIZE,
  OUTLINE_ICON_SIZE,
  colorIconPixels,
  encodePng,
  outlineIconPixels,
} from '../../manifest/draw-icons';
import { decodePng, type DecodedPng } from './png-reader';

const MANIFEST_DIR = path.resolve(__dirname, '../../manifest');
const manifest = JSON.parse(readFileSync(path.join(MANIFEST_DIR, 'manifest.json'), 'utf8')) as {
  icons: { color: string; outline: string };
  accentColor: string;
};
const color = decodePng(readFileSync(path.join(MANIFEST_DIR, manifest.icons.color)));
const outline = decodePng(readFileSync(path.join(MANIFEST_DIR, manifest.icons.outline)));

function pixel(png: DecodedPng, x: number, y: number): number[] {
  const i = (y * png.width + x) * 4;
  return [...png.rgba.subarray(i, i + 4)];
}

function* pixels(png: DecodedPng): Generator<number[]> {
  for (let i = 0; i < png.width * png.height; i += 1) yield [...png.rgba.subarray(i * 4, i * 4 + 4)];
}

describe('Teams app icons', () => {
  it('colour icon: a 192×192 RGBA PNG, opaque, on the accent colour with a white glyph', () => {
    expect(color).toMatchObject({ width: 192, height: 192, bitDepth: 8, colorType: 6 });
    expect(color.chunks).toEqual(['IHDR', 'IDAT', 'IEND']);
    const all = [...pixels(color)];
    expect(all.every(([, , , a]) => a === 255)).toBe(true);
    const accent = [ACCENT.r, ACCENT.g, ACCENT.b, 255];
    expect(manifest.accentColor.toLowerCase()).toBe(
      `#${accent
        .slice(0, 3)
        .map((c) => c.toString(16).padStart(2, '0'))
        .join('')}`,
    );
    for (const [x, y] of [
      [0, 0],
      [191, 0],
      [0, 191],
      [191, 191],
      [96, 96],
    ])
      expect(pixel(color, x!, y!)).toEqual(accent);
    const white = all.filter(([r, g, b]) => r === 255 && g === 255 && b === 255).length;
    expect(white / all.length).toBeGreaterThan(0.08);
    expect(white / all.length).toBeLessThan(0.3);
  });

  it('outline icon: a 32×32 RGBA PNG whose pixels are all white or fully transparent', () => {
    expect(outline).toMatchObject({ width: 32, height: 32, bitDepth: 8, colorType: 6 });
    const all = [...pixels(outline)];
    const offenders = all.filter(([r, g, b, a]) => a !== 0 && (r !== 255 || g !== 255 || b !== 255));
    expect(offenders).toEqual([]);
    // Transparent around the glyph, solid on it: a real outline, neither empty nor a filled square.
    for (const [x, y] of [
      [0, 0],
      [31, 0],
      [0, 31],
      [31, 31],
      [12, 12], // inside the G's bowl
    ])
      expect(pixel(outline, x!, y!)[3]).toBe(0);
    const solid = all.filter(([, , , a]) => a === 255).length;
    expect(solid / all.length).toBeGreaterThan(0.15);
    expect(solid / all.length).toBeLessThan(0.6);
  });

  it('the committed icons are exactly what draw-icons.ts draws (regenerate them after a change)', () => {
    expect(Buffer.from(color.rgba).equals(Buffer.from(colorIconPixels()))).toBe(true);
    expect(Buffer.from(outline.rgba).equals(Buffer.from(outlineIconPixels()))).toBe(true);
  });

  it("draw-icons' encoder writes PNGs this independent decoder reads back pixel for pixel", () => {
    const rgba = new Uint8Array(3 * 2 * 4).map((_, i) => (i * 37) % 256);
    const decoded = decodePng(encodePng(3, 2, rgba));
    expect(decoded).toMatchObject({ width: 3, height: 2 });
    expect([...decoded.rgba]).toEqual([...rgba]);
    expect([COLOR_ICON_SIZE, OUTLINE_ICON_SIZE]).toEqual([192, 32]);
  });
});
