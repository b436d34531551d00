import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as fontkit from 'fontkit';
import { repositoryRoot } from '../runtime/code-version.ts';
import type { FontFamily } from './script-runs.ts';

export type FontStyle = 'regular' | 'bold' | 'italic';

const fontsDir = path.join(repositoryRoot, 'data', 'fonts');

/** The file of each family and style; a style a family lacks falls back to its regular face. */
const files: Readonly<Record<FontFamily, Partial<Record<FontStyle, string>>>> = {
  latin: {
    regular: 'NotoSans-Regular.ttf',
    bold: 'NotoSans-Bold.ttf',
    italic: 'NotoSans-Italic.ttf',
  },
  arabic: { regular: 'NotoSansArabic-Regular.ttf', bold: 'NotoSansArabic-Bold.ttf' },
  hebrew: { regular: 'NotoSansHebrew-Regular.ttf', bold: 'NotoSansHebrew-Bold.ttf' },
  cjk: { regular: 'DroidSansFallbackFull.ttf' },
  hangul: { regular: 'NanumBarunGothic.ttf' },
};

const families = Object.keys(files) as FontFamily[];
const styles: readonly FontStyle[] = ['regular', 'bold', 'italic'];

/** The name under which a family's style is registered with a PDF document. */
export const fontName = (family: FontFamily, style: FontStyle): string =>
  `${family}-${files[family][style] === undefined ? 'regular' : style}`;

const cache = new Map<string, Buffer>();
const read = (file: string): Buffer => {
  let bytes = cache.get(file);
  if (bytes === undefined) {
    bytes = readFileSync(path.join(fontsDir, file));
    cache.set(file, bytes);
  }
  return bytes;
};

const parsed = new Map<FontFamily, fontkit.Font>();
const parse = (family: FontFamily): fontkit.Font => {
  let font = parsed.get(family);
  if (font === undefined) {
    const created = fontkit.create(read(files[family].regular ?? ''));
    if (!('hasGlyphForCodePoint' in created)) throw new Error(`${family}: not a single font`);
    font = created;
    parsed.set(family, font);
  }
  return font;
};

/** Whether a family's regular face has a glyph for a code point (fonts parsed once, on demand). */
export const familyCovers = (family: FontFamily, codePoint: number): boolean =>
  parse(family).hasGlyphForCodePoint(codePoint);

/**
 * The Latin font's ascent per point of font size: every run of a line is set on the baseline it
 * gives, so that a name in a font with a taller ascent does not sink below the line.
 */
export const latinAscent = (): number => {
  const font = parse('latin');
  return font.ascent / font.unitsPerEm;
};

/**
 * Registers every shipped font with a document. The files are read once per process; pdfkit
 * embeds only the fonts a document uses, each subset to the glyphs it draws.
 */
export function registerLetterFonts(doc: PDFKit.PDFDocument): void {
  for (const family of families) {
    for (const style of styles) {
      const file = files[family][style];
      if (file !== undefined) doc.registerFont(fontName(family, style), read(file));
    }
  }
}
