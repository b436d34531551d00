import { cyrillicLookAlikes, greekLookAlikes, latinReadings } from './confusables-table.ts';
import { scriptOf } from './scripts.ts';

/**
 * Look-alike characters and bidirectional controls, undone so that what a person sees is what is
 * screened. Both functions expect the caller's NFKC text: NFKC already turns full-width forms,
 * mathematical alphanumerics, ligatures and most letter-like symbols into plain letters, so the
 * table (`confusables-table.ts`, derived from Unicode's confusables.txt) leaves those out.
 */

/** Something `applyBidiControls` did, for the explanation. */
export type BidiStep =
  /** A right-to-left override over text without right-to-left letters, shown reversed. */
  | { readonly kind: 'override-reversed'; readonly text: string }
  /** A right-to-left override over Arabic or Hebrew letters: read right to left, so kept. */
  | { readonly kind: 'override-kept'; readonly text: string }
  /** Bidi controls and marks taken out (overrides, embeddings, isolates, PDF, LRM/RLM/ALM). */
  | { readonly kind: 'controls-removed'; readonly count: number };

export interface BidiResult {
  readonly text: string;
  readonly applied: readonly BidiStep[];
}

const noSteps: readonly BidiStep[] = Object.freeze([]);

const LRE = '\u202a';
const RLE = '\u202b';
const PDF = '\u202c';
const LRO = '\u202d';
const RLO = '\u202e';
const LRI = '\u2066';
const RLI = '\u2067';
const FSI = '\u2068';
const PDI = '\u2069';
const bidiControl = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const marks = new Set(['\u200e', '\u200f', '\u061c']);
// Paragraph separators (bidi class B) end every override, embedding and isolate.
const paragraphSeparators = new Set(['\n', '\r', '\u001c', '\u001d', '\u001e', '\u0085', '\u2029']);
// A letter of a right-to-left script: Hebrew, Arabic, Syriac, Thaana, NKo, ... and supplements.
const rightToLeftLetter =
  /(?=\p{L})[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;
// A base character with the combining marks after it: the unit that a reversal keeps whole.
const clusters = /\P{M}\p{M}*|\p{M}+/gu;
// Paired brackets are drawn mirrored in a right-to-left run ("(" shows as ")").
const mirrored: Readonly<Record<string, string>> = {
  '(': ')',
  ')': '(',
  '[': ']',
  ']': '[',
  '{': '}',
  '}': '{',
  '<': '>',
  '>': '<',
  '\u00ab': '\u00bb',
  '\u00bb': '\u00ab',
};

interface BidiGroup {
  readonly kind: 'root' | 'rtl-override' | 'ltr-override' | 'embedding' | 'isolate';
  readonly children: (string | BidiGroup)[];
}

const openers: Readonly<Record<string, BidiGroup['kind']>> = {
  [RLO]: 'rtl-override',
  [LRO]: 'ltr-override',
  [RLE]: 'embedding',
  [LRE]: 'embedding',
  [LRI]: 'isolate',
  [RLI]: 'isolate',
  [FSI]: 'isolate',
};

/** Nests the text by its controls as the Unicode Bidirectional Algorithm scopes them (X1-X8). */
function parseBidi(text: string): { root: BidiGroup; removed: number } {
  const root: BidiGroup = { kind: 'root', children: [] };
  const stack: BidiGroup[] = [root];
  let removed = 0;
  let run = '';
  const top = (): BidiGroup => stack[stack.length - 1] ?? root;
  const flush = (): void => {
    if (run !== '') top().children.push(run);
    run = '';
  };
  for (const char of text) {
    const opens = openers[char];
    if (opens !== undefined) {
      flush();
      removed += 1;
      const group: BidiGroup = { kind: opens, children: [] };
      top().children.push(group);
      stack.push(group);
    } else if (char === PDF) {
      // Closes the innermost override or embedding, never an isolate (nor outside one).
      flush();
      removed += 1;
      const kind = top().kind;
      if (kind !== 'root' && kind !== 'isolate') stack.pop();
    } else if (char === PDI) {
      // Closes the innermost isolate and whatever was opened inside it; alone, it does nothing.
      flush();
      removed += 1;
      const isolate = stack.findLastIndex((g) => g.kind === 'isolate');
      if (isolate > 0) stack.length = isolate;
    } else if (marks.has(char)) {
      removed += 1;
    } else if (paragraphSeparators.has(char)) {
      flush();
      stack.length = 1;
      run = char;
    } else {
      run += char;
    }
  }
  flush();
  return { root, removed };
}

/** The group as written (controls left out) and as shown. */
function render(group: BidiGroup, steps: BidiStep[]): { logical: string; shown: string } {
  const parts = group.children.map((child) =>
    typeof child === 'string' ? { logical: child, shown: child } : render(child, steps),
  );
  const logical = parts.map((p) => p.logical).join('');
  const written = parts.map((p) => p.shown).join('');
  if (group.kind !== 'rtl-override') return { logical, shown: written };
  const direct = group.children.filter((child) => typeof child === 'string').join('');
  if (rightToLeftLetter.test(direct)) {
    steps.push({ kind: 'override-kept', text: logical });
    return { logical, shown: written };
  }
  // Everything under the override is drawn right to left: its characters (marks kept on their
  // base, brackets mirrored) and, as single units, the nested runs with their own direction.
  const units = group.children.flatMap((child, i) =>
    typeof child === 'string'
      ? Array.from(child.matchAll(clusters), ([cluster]) => mirrored[cluster] ?? cluster)
      : [parts[i]?.shown ?? ''],
  );
  const shown = units.reverse().join('');
  if (shown !== written) steps.push({ kind: 'override-reversed', text: logical });
  return { logical, shown };
}

/**
 * Applies bidirectional controls the way a reader sees them, then removes them. A right-to-left
 * override (U+202E, up to its PDF U+202C, the end of an enclosing isolate, or the end of the text)
 * over text without right-to-left letters is reversed: "\u202Enoisivkih" is displayed, and read, as
 * "hikvision". Over Arabic or Hebrew letters the override changes nothing a reader of that script
 * sees, so the logical order is kept. Nested overrides and embeddings are placed as units inside the
 * reversed run. Left-to-right overrides, embeddings, isolates and the marks LRM, RLM and ALM are
 * removed; natural bidirectional text (no controls) is left in logical order.
 *
 * @example
 * applyBidiControls('\u202Enoisivkih\u202C Digital')
 * // { text: 'hikvision Digital', applied: [{ kind: 'override-reversed', text: 'noisivkih' },
 * //   { kind: 'controls-removed', count: 2 }] }
 */
export function applyBidiControls(text: string): BidiResult {
  if (!bidiControl.test(text)) return { text, applied: noSteps };
  const { root, removed } = parseBidi(text);
  const applied: BidiStep[] = [];
  const { shown } = render(root, applied);
  if (removed > 0) applied.push({ kind: 'controls-removed', count: removed });
  return { text: shown, applied };
}

/** The scripts a look-alike word can be folded into. */
export type FoldScript = 'Latin' | 'Cyrillic' | 'Greek';

/** One letter replaced by its look-alike. */
export interface FoldedLetter {
  readonly letter: string;
  /** The letter's script ("Cyrillic", "Greek", "Latin", "Cherokee" ...). */
  readonly script: string;
  readonly replacement: string;
}

/** A word whose look-alike letters were folded, for the explanation. */
export interface FoldedWord {
  readonly original: string;
  readonly folded: string;
  /** The scripts of the replaced letters, in order of first appearance. */
  readonly scripts: readonly string[];
  /** The script the word was folded into. */
  readonly into: FoldScript;
  readonly letters: readonly FoldedLetter[];
}

export interface FoldResult {
  readonly text: string;
  readonly folded: readonly FoldedWord[];
}

interface Reading {
  readonly reading: string;
  readonly script: string;
}

const readings = new Map<number, Reading>();
for (const [script, letters] of Object.entries(latinReadings)) {
  for (const [letter, reading] of Object.entries(letters)) {
    readings.set(letter.codePointAt(0) ?? 0, { reading, script });
  }
}
const lookAlikes: Readonly<Record<'Cyrillic' | 'Greek', ReadonlyMap<string, string>>> = {
  Cyrillic: new Map(Object.entries(cyrillicLookAlikes)),
  Greek: new Map(Object.entries(greekLookAlikes)),
};

const noFolds: readonly FoldedWord[] = Object.freeze([]);
// eslint-disable-next-line no-control-regex -- the full ASCII range, NUL included
const nonAscii = /[^\u0000-\u007f]/;
const isLetter = /^\p{L}$/u;
const isMarkOrDigit = /^[\p{M}\p{N}]$/u;

/** The script of a letter: the table's, else from the ranges of `scriptOf`, with Latin widened. */
function scriptOfLetter(code: number): string {
  const reading = readings.get(code);
  if (reading) return reading.script;
  if (
    (code >= 0x1d00 && code <= 0x1dbf) ||
    (code >= 0x2c60 && code <= 0x2c7f) ||
    (code >= 0xa720 && code <= 0xa7ff) ||
    (code >= 0xab30 && code <= 0xab6f)
  )
    return 'Latin';
  if ((code >= 0x1c80 && code <= 0x1c8f) || (code >= 0xa640 && code <= 0xa69f)) return 'Cyrillic';
  const script = scriptOf(code);
  return script === 'common' ? 'Other' : `${script.charAt(0).toUpperCase()}${script.slice(1)}`;
}

// What a code point is to the folding, as a small number: a separator, a mark or digit (part of a
// word, never replaced), or a letter of script number `kind - LETTER`. Unicode property regexes
// cost about 100 ns a character, so each code point of the BMP is classified once, when first met
// (a deterministic cache: the same answer every time).
const SEPARATOR = 1;
const MARK_OR_DIGIT = 2;
const LETTER = 3;
const scriptNames: string[] = [];
const scriptNumbers = new Map<string, number>();
const LATIN = scriptNumber('Latin');
const CYRILLIC = scriptNumber('Cyrillic');
const GREEK = scriptNumber('Greek');
function scriptNumber(script: string): number {
  let n = scriptNumbers.get(script);
  if (n === undefined) {
    n = scriptNames.push(script) - 1;
    scriptNumbers.set(script, n);
  }
  return n;
}
const bmpKinds = new Uint8Array(0x10000);

function classify(code: number): number {
  const char = String.fromCodePoint(code);
  // About 45 script names exist (the table's and those of `scriptOf`): far below 253.
  if (isLetter.test(char)) return LETTER + scriptNumber(scriptOfLetter(code));
  return isMarkOrDigit.test(char) ? MARK_OR_DIGIT : SEPARATOR;
}

function kindOf(code: number): number {
  if (code > 0xffff) return classify(code);
  const known = bmpKinds[code] ?? 0;
  if (known !== 0) return known;
  const kind = classify(code);
  bmpKinds[code] = kind;
  return kind;
}

const scriptOfKind = (kind: number): string => scriptNames[kind - LETTER] ?? 'Other';

/**
 * Whether folding could change anything: some word must mix scripts, or a Latin word stand
 * beside a word of another script; and some letter must be Cyrillic, Greek or have a Latin
 * reading. One pass over the code points, no allocation: a Russian, Chinese or Arabic name, or
 * Latin with diacritics, stops here.
 */
function mayFold(text: string): boolean {
  let latin = false;
  let other = -1;
  let severalOthers = false;
  let foldable = false;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.codePointAt(i) ?? 0;
    if (code > 0xffff) i += 1;
    const kind = kindOf(code);
    if (kind < LETTER) continue;
    const script = kind - LETTER;
    if (script === LATIN) {
      latin = true;
      continue;
    }
    if (other !== script) {
      severalOthers ||= other !== -1;
      other = script;
    }
    if (!foldable) foldable = script === CYRILLIC || script === GREEK || readings.has(code);
  }
  return foldable && (latin || severalOthers);
}

/** What a letter becomes in `target`, or undefined when nothing there looks like it. */
function readingIn(char: string, code: number, target: FoldScript): string | undefined {
  const latin = code < 0x80 ? char : readings.get(code)?.reading;
  if (target === 'Latin' || latin === undefined) return latin;
  return latin.length === 1 ? lookAlikes[target].get(latin) : undefined;
}

interface Letter {
  readonly at: number;
  readonly char: string;
  readonly script: string;
  current: string;
  currentScript: string;
}

interface Word {
  readonly start: number;
  readonly end: number;
  readonly letters: readonly Letter[];
  /** One script, or `mixed` when the letters of several scripts could not be folded into one. */
  script: string;
}

function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  let letters: Letter[] = [];
  let start = -1;
  const close = (end: number): void => {
    if (start >= 0 && letters.length > 0) words.push({ start, end, letters, script: '' });
    letters = [];
    start = -1;
  };
  for (let i = 0; i < text.length; i += 1) {
    const code = text.codePointAt(i) ?? 0;
    const size = code > 0xffff ? 2 : 1;
    const kind = kindOf(code);
    if (kind === SEPARATOR) {
      close(i);
    } else {
      if (start < 0) start = i;
      if (kind >= LETTER) {
        const char = text.slice(i, i + size);
        const script = scriptOfKind(kind);
        letters.push({ at: i, char, script, current: char, currentScript: script });
      }
    }
    i += size - 1;
  }
  close(text.length);
  return words;
}

/** The script with the most letters in these words; Latin wins a tie, then the script seen first. */
function dominant(words: readonly Word[]): string {
  const counts = new Map<string, number>();
  for (const w of words)
    for (const l of w.letters) counts.set(l.script, (counts.get(l.script) ?? 0) + 1);
  let best = 'Latin';
  let bestCount = counts.get('Latin') ?? 0;
  for (const [script, count] of counts) {
    if (count > bestCount) [best, bestCount] = [script, count];
  }
  return best;
}

const isFoldScript = (script: string): script is FoldScript =>
  script === 'Latin' || script === 'Cyrillic' || script === 'Greek';

/** Folds every letter of the word not in `target` into it, if each has a look-alike there. */
function foldInto(w: Word, target: FoldScript): boolean {
  const replacements = w.letters.map((l) =>
    l.currentScript === target
      ? l.current
      : readingIn(l.current, l.current.codePointAt(0) ?? 0, target),
  );
  if (replacements.some((r) => r === undefined)) return false;
  w.letters.forEach((l, i) => {
    l.current = replacements[i] ?? l.current;
    l.currentScript = target;
  });
  w.script = target;
  return true;
}

/**
 * Folds look-alike letters, word by word, so that a name cannot slip past screening by mixing
 * scripts (expects NFKC text, see the module comment). A word is a run of letters, marks and
 * digits; only letters are counted and replaced, never digits or marks.
 *
 * 1. A word mixing scripts is folded into one script, trying in turn: the word's dominant script
 *    (most letters, Latin winning ties), the name's dominant script (same count over all words),
 *    then Latin. A script is taken when every letter outside it has a look-alike in it: for Latin,
 *    the letter's UTS #39 prototype (Cyrillic Н -> H); for Cyrillic or Greek, the letter whose
 *    prototype is that Latin letter (Latin o -> Cyrillic о). So `Нikvision` -> `Hikvision`,
 *    `Dahuа` -> `Dahua`, `ВАЅF` -> `BASF` (F has no Cyrillic look-alike, every Cyrillic letter a
 *    Latin one), `Пoзитив` -> `Позитив` (П has no Latin look-alike).
 * 2. A word entirely in another script whose every letter reads as Latin (`ОАО`, `АВВ`) is folded
 *    to Latin only when the rest of the name is Latin: every other word is Latin (after step 1) or
 *    such a word itself, and at least one is Latin. `ОАО Нikvision Digital` -> `OAO Hikvision
 *    Digital`; in `ООО Рога и Копыта Trading`, `и` has no Latin look-alike, so nothing Cyrillic is
 *    touched. A name in one script alone (a Russian or Greek name, Chinese, Arabic) is never changed.
 *
 * What it cannot decide: a name written wholly in Cyrillic look-alikes (`АВВ`) is left as it is,
 * because a genuine Russian name looks the same; `latinLookAlikeReading` gives its Latin reading
 * for a second query.
 *
 * @example
 * foldConfusables('Нikvision').text // 'Hikvision'
 * foldConfusables('Нikvision').folded
 * // [{ original: 'Нikvision', folded: 'Hikvision', scripts: ['Cyrillic'], into: 'Latin',
 * //    letters: [{ letter: 'Н', script: 'Cyrillic', replacement: 'H' }] }]
 */
export function foldConfusables(text: string): FoldResult {
  if (!nonAscii.test(text) || !mayFold(text)) return { text, folded: noFolds };
  const words = wordsOf(text);
  const nameScript = dominant(words);
  for (const w of words) {
    const first = w.letters[0]?.script ?? 'Other';
    if (w.letters.every((l) => l.script === first)) {
      w.script = first;
      continue;
    }
    w.script = 'mixed';
    const targets = new Set([dominant([w]), nameScript, 'Latin'].filter(isFoldScript));
    for (const target of targets) if (foldInto(w, target)) break;
  }
  if (
    words.some((w) => w.script === 'Latin') &&
    words.every((w) => w.script === 'Latin' || readsAsLatin(w))
  ) {
    for (const w of words) if (w.script !== 'Latin') foldInto(w, 'Latin');
  }
  return assemble(text, words);
}

/** A word wholly in another script whose every letter has a Latin reading. */
function readsAsLatin(w: Word): boolean {
  return (
    w.script !== 'Latin' &&
    w.script !== 'mixed' &&
    w.letters.every((l) => readingIn(l.current, l.current.codePointAt(0) ?? 0, 'Latin'))
  );
}

function assemble(text: string, words: readonly Word[]): FoldResult {
  const folded: FoldedWord[] = [];
  let out = '';
  let from = 0;
  for (const w of words) {
    const changed = w.letters.filter((l) => l.current !== l.char);
    if (changed.length === 0) continue;
    let foldedWord = '';
    let inWord = w.start;
    for (const l of changed) {
      foldedWord += text.slice(inWord, l.at) + l.current;
      inWord = l.at + l.char.length;
    }
    foldedWord += text.slice(inWord, w.end);
    out += text.slice(from, w.start) + foldedWord;
    from = w.end;
    folded.push({
      original: text.slice(w.start, w.end),
      folded: foldedWord,
      scripts: [...new Set(changed.map((l) => l.script))],
      into: w.script as FoldScript,
      letters: changed.map((l) => ({ letter: l.char, script: l.script, replacement: l.current })),
    });
  }
  if (folded.length === 0) return { text, folded: noFolds };
  return { text: out + text.slice(from), folded };
}

/**
 * The text as a reader of Latin sees it: every letter of another script replaced by its Latin
 * reading, or undefined when some such letter has none (a genuine Russian word) or there is
 * nothing to replace. For a second screening query where `foldConfusables` must keep a name as
 * written: `АВВ` in Cyrillic could be a Russian name, and reads as `ABB`.
 *
 * @example
 * latinLookAlikeReading('АВВ') // 'ABB'
 * latinLookAlikeReading('Газпром') // undefined (Г, з ... have no Latin look-alike)
 */
export function latinLookAlikeReading(text: string): string | undefined {
  if (!nonAscii.test(text)) return undefined;
  let out = '';
  let from = 0;
  let at = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const kind = code < 0x80 ? SEPARATOR : kindOf(code);
    if (kind >= LETTER && kind - LETTER !== LATIN) {
      const reading = readings.get(code)?.reading;
      if (reading === undefined) return undefined;
      out += text.slice(from, at) + reading;
      from = at + char.length;
    }
    at += char.length;
  }
  return from === 0 ? undefined : out + text.slice(from);
}
