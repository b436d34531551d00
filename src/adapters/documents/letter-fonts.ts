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

const parsed = new Map<string, fontkit.Font>();

/** A font file parsed once per process: parsing and the first layout cost more than a letter. */
function parse(file: string): fontkit.Font {
  let font = parsed.get(file);
  if (font === undefined) {
    const created = fontkit.create(readFileSync(path.join(fontsDir, file)));
    if (!('hasGlyphForCodePoint' in created)) throw new Error(`${file}: not a single font`);
    font = created;
    parsed.set(file, font);
  }
  return font;
}

const regular = (family: FontFamily): fontkit.Font => parse(files[family].regular ?? '');

/** Whether a family's regular face has a glyph for a code point. */
export const familyCovers = (family: FontFamily, codePoint: number): boolean =>
  regular(family).hasGlyphForCodePoint(codePoint);

/**
 * The Latin font's ascent per point of font size: every run of a line is set on the baseline it
 * gives, so that a name in a font with a taller ascent does not sink below the line.
 */
export const latinAscent = (): number => {
  const font = regular('latin');
  return font.ascent / font.unitsPerEm;
};

/**
 * Registers every shipped font with a document. pdfkit embeds only the fonts a document uses,
 * each subset to the glyphs it draws; the parsed fonts are shared between documents (pdfkit takes
 * a fontkit font where its types say bytes: it subsets per document).
 */
export function registerLetterFonts(doc: PDFKit.PDFDocument): void {
  for (const family of families) {
    for (const style of styles) {
      const file = files[family][style];
      if (file !== undefined) {
        doc.registerFont(fontName(family, style), parse(file) as unknown as Uint8Array);
      }
    }
  }
}
