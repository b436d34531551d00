/** The font families a letter carries, one per group of scripts (see data/fonts/README.md). */
export type FontFamily = 'latin' | 'arabic' | 'hebrew' | 'cjk' | 'hangul';

/** A stretch of text set in one font and one direction, in the order it is drawn (left to right). */
export interface ScriptRun {
  readonly text: string;
  readonly family: FontFamily;
  /** Right-to-left: the text is in logical order and the shaper draws it reversed. */
  readonly rtl: boolean;
}

const rtlFamilies: ReadonlySet<FontFamily> = new Set(['arabic', 'hebrew']);

/**
 * The font family of a code point that belongs to a script, or undefined for a neutral one
 * (spaces, digits, ASCII and general punctuation), which takes the family of its neighbours.
 */
function familyOf(cp: number): FontFamily | undefined {
  if (
    (cp >= 0x0600 && cp <= 0x06ff) ||
    (cp >= 0x0750 && cp <= 0x077f) ||
    (cp >= 0x08a0 && cp <= 0x08ff) ||
    (cp >= 0xfb50 && cp <= 0xfdff) ||
    (cp >= 0xfe70 && cp <= 0xfeff)
  ) {
    // Arabic digits (U+0660-U+0669, U+06F0-U+06F9) are letters of the run, drawn with it.
    return 'arabic';
  }
  if ((cp >= 0x0590 && cp <= 0x05ff) || (cp >= 0xfb1d && cp <= 0xfb4f)) return 'hebrew';
  if (
    (cp >= 0x1100 && cp <= 0x11ff) ||
    (cp >= 0x3130 && cp <= 0x318f) ||
    (cp >= 0xa960 && cp <= 0xa97f) ||
    (cp >= 0xac00 && cp <= 0xd7ff)
  ) {
    return 'hangul';
  }
  if (
    (cp >= 0x2e80 && cp <= 0x2fff) ||
    (cp >= 0x3000 && cp <= 0x30ff) ||
    (cp >= 0x3190 && cp <= 0x9fff) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xffef) ||
    cp >= 0x20000
  ) {
    return 'cjk';
  }
  if (cp < 0x41 || (cp >= 0x5b && cp <= 0x60) || (cp >= 0x7b && cp <= 0xbf) || cp === 0xd7) {
    return undefined;
  }
  if (cp === 0xf7 || (cp >= 0x2000 && cp <= 0x2bff)) return undefined;
  return 'latin';
}

const isDigit = (c: string) => c >= '0' && c <= '9';

/** Paired punctuation drawn mirrored in right-to-left text (Unicode's Bidi_Mirrored pairs). */
const mirrored: Readonly<Record<string, string>> = {
  '(': ')',
  ')': '(',
  '[': ']',
  ']': '[',
  '{': '}',
  '}': '{',
  '<': '>',
  '>': '<',
  '«': '»',
  '»': '«',
};

/** Where a character its script's font lacks is looked for, in this order. */
const fallbackOrder: readonly FontFamily[] = ['latin', 'cjk', 'hangul', 'arabic', 'hebrew'];

/** Whether a family's font has a glyph for a code point. */
export type Covers = (family: FontFamily, codePoint: number) => boolean;

/**
 * Splits a line of a left-to-right letter into runs by script, in drawing order, so that each run
 * is set in a font that has its glyphs and a right-to-left name (Arabic, Hebrew) reads correctly.
 * A stretch of right-to-left text runs from its first to its last Arabic or Hebrew letter, with
 * the spaces, punctuation and digits between them; it is drawn right to left, except that a group
 * of European digits keeps its left-to-right order (the Unicode bidirectional algorithm's rule for
 * numbers, which is all of it that names in a letter need). Any other neutral character joins
 * the script of its neighbours when both are of one script, else the Latin text. A character whose
 * script's font lacks it goes to the first font that has it (Latin first), else the Latin font.
 *
 * @example
 * scriptRuns('end user: شركة 12 (AE)')
 * // [{ text: 'end user: ', family: 'latin' }, { text: 'شركة', family: 'arabic', rtl: true }, ...]
 */
export function scriptRuns(text: string, covers: Covers = () => true): readonly ScriptRun[] {
  const chars = Array.from(text);
  const points = chars.map((c) => c.codePointAt(0) ?? 0);
  const strong = points.map((cp) => familyOf(cp));
  const neighbour = (i: number, step: -1 | 1): FontFamily | undefined => {
    for (let j = i + step; j >= 0 && j < chars.length; j += step) {
      const family = strong[j];
      if (family !== undefined) return family;
    }
    return undefined;
  };
  const fallback = (cp: number): FontFamily =>
    fallbackOrder.find((family) => covers(family, cp)) ?? 'latin';
  const families: FontFamily[] = chars.map((_, i) => {
    const own = strong[i];
    const cp = points[i] ?? 0;
    const before = neighbour(i, -1);
    const chosen = own ?? (before !== undefined && before === neighbour(i, 1) ? before : 'latin');
    return covers(chosen, cp) ? chosen : fallback(cp);
  });
  const isRtl = (family: FontFamily | undefined) => family !== undefined && rtlFamilies.has(family);
  const rtl: boolean[] = chars.map((_, i) => {
    const own = strong[i];
    if (own !== undefined) return isRtl(own);
    return isRtl(neighbour(i, -1)) && isRtl(neighbour(i, 1));
  });

  const runs: ScriptRun[] = [];
  let start = 0;
  for (let i = 1; i <= chars.length; i++) {
    const same = rtl[i] === rtl[start] && (rtl[i] === true || families[i] === families[start]);
    if (i < chars.length && same) continue;
    if (rtl[start] === true) {
      runs.push(...rightToLeft(chars.slice(start, i), families.slice(start, i)));
    } else {
      const family = families[start] ?? 'latin';
      runs.push({ text: chars.slice(start, i).join(''), family, rtl: false });
    }
    start = i;
  }
  return runs;
}

/**
 * A right-to-left stretch in drawing order: pieces by font and digit group, in reverse order. The
 * shaper reverses an Arabic or Hebrew piece; any other piece is reversed here, its brackets
 * mirrored, except a digit group.
 */
function rightToLeft(chars: readonly string[], families: readonly FontFamily[]): ScriptRun[] {
  const pieces: ScriptRun[] = [];
  let current: string[] = [];
  let family: FontFamily = families[0] ?? 'latin';
  let digits = isDigit(chars[0] ?? '');
  const flush = () => {
    if (current.length === 0) return;
    const shaped = rtlFamilies.has(family);
    const text =
      digits || shaped
        ? current.join('')
        : current
            .map((c) => mirrored[c] ?? c)
            .reverse()
            .join('');
    pieces.push({ text, family, rtl: !digits && shaped });
    current = [];
  };
  chars.forEach((c, i) => {
    const f = families[i] ?? 'latin';
    if (f !== family || isDigit(c) !== digits) {
      flush();
      family = f;
      digits = isDigit(c);
    }
    current.push(c);
  });
  flush();
  return pieces.reverse();
}
