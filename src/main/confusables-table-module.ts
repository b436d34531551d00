import { createHash } from 'node:crypto';

/**
 * Derives `src/domain/screening/confusables-table.ts` from Unicode's confusables.txt (UTS #39),
 * stored verbatim in data/screening/unicode/. The domain reads no files, so this generator writes
 * the table as a TypeScript module; `npm run generate` runs it and `npm run check` fails when the
 * committed module drifts from what the stored file gives.
 */

/** One line of confusables.txt: a character and its prototype (the skeleton it folds to). */
export interface ConfusableEntry {
  /** One code point. */
  readonly source: string;
  /** One or more code points; UTS #39 prototypes are fixed points (never a source themselves). */
  readonly prototype: string;
  /** The Unicode name of the source, from the line's comment ("CYRILLIC SMALL LETTER A"). */
  readonly sourceName: string;
  /** 1-based line number in the file. */
  readonly line: number;
}

export interface ConfusablesFile {
  readonly version: string;
  /** The date in the header, `YYYY-MM-DD`. */
  readonly date: string;
  readonly entries: readonly ConfusableEntry[];
}

// `05AD ;\t0596 ;\tMA\t# ( ֭ → ֖ ) HEBREW ACCENT DEHI → HEBREW ACCENT TIPEHA\t# `
const entryLine =
  /^([0-9A-F]{4,6}) ;\t([0-9A-F]{4,6}(?: [0-9A-F]{4,6})*) ;\tMA\t#\*? \( (.*) \) (.+?) → (.+?)\t#(?: .*)?$/;
const leftToRightMark = /\u200e/g;

const fromHex = (hex: string): string => String.fromCodePoint(Number.parseInt(hex, 16));

/**
 * Parses confusables.txt, failing on anything that is not a comment, a blank line or a well-formed
 * entry, on a repeated source, on a prototype that is itself a source, and on a count that differs
 * from the file's `# total:` line.
 */
export function parseConfusables(text: string): ConfusablesFile {
  const lines = text.replace(/^\ufeff/, '').split('\n');
  let version: string | undefined;
  let date: string | undefined;
  let total: number | undefined;
  const entries: ConfusableEntry[] = [];
  const sources = new Set<string>();
  lines.forEach((line, index) => {
    if (line === '') return;
    if (line.startsWith('#')) {
      version ??= /^# Version: (\d+\.\d+\.\d+)$/.exec(line)?.[1];
      date ??= /^# Date: (\d{4}-\d{2}-\d{2}), \d{2}:\d{2}:\d{2} GMT$/.exec(line)?.[1];
      const count = /^# total: (\d+)$/.exec(line)?.[1];
      if (count !== undefined) total = Number(count);
      return;
    }
    const match = entryLine.exec(line);
    const [, sourceHex, prototypeHex, , sourceName] = match ?? [];
    if (!match || sourceHex === undefined || prototypeHex === undefined || !sourceName)
      throw new Error(`confusables.txt line ${index + 1} is not an entry: ${JSON.stringify(line)}`);
    const source = fromHex(sourceHex);
    if (sources.has(source))
      throw new Error(`confusables.txt line ${index + 1} repeats ${sourceHex}`);
    sources.add(source);
    entries.push({
      source,
      prototype: prototypeHex.split(' ').map(fromHex).join(''),
      sourceName,
      line: index + 1,
    });
  });
  if (version === undefined || date === undefined)
    throw new Error('confusables.txt has no "# Version:" or "# Date:" header line');
  if (total !== entries.length)
    throw new Error(`confusables.txt says it has ${total} entries; ${entries.length} were read`);
  const fixedPoint = entries.find((entry) =>
    Array.from(entry.prototype).some((c) => sources.has(c)),
  );
  if (fixedPoint) throw new Error(`confusables.txt line ${fixedPoint.line}: prototype is a source`);
  return { version, date, entries };
}

/** The glyphs in an entry's comment ("( а → a )") must be its two fields: a check of the line. */
export function commentMatchesFields(line: string, entry: ConfusableEntry): boolean {
  const glyphs = entryLine.exec(line)?.[3]?.replace(leftToRightMark, '');
  return glyphs === `${entry.source} → ${entry.prototype}`;
}

/** A letter that reads as Latin letters or digits. */
export interface LatinReading {
  readonly letter: string;
  /** Its prototype with the case of the letter where the prototype allows it (Cyrillic І -> "I"). */
  readonly reading: string;
  /** The prototype as the file gives it (Cyrillic І -> "l"). */
  readonly prototype: string;
  /** The script, from the letter's Unicode name ("Cyrillic", "Old Italic"). */
  readonly script: string;
  readonly name: string;
}

export interface ConfusablesTable {
  /** Sorted by script, then code point. */
  readonly readings: readonly LatinReading[];
  /** For each Latin letter, the Cyrillic letter that reads as it, if any. */
  readonly cyrillic: ReadonlyMap<string, LatinReading>;
  /** For each Latin letter, the Greek letter that reads as it, if any. */
  readonly greek: ReadonlyMap<string, LatinReading>;
}

const latinOrDigits = /^[A-Za-z0-9]+$/;
const isLetter = /^\p{L}$/u;
const isAsciiLetter = /^[A-Za-z]$/;

// Right-to-left blocks (Hebrew, Arabic, Syriac, Thaana, NKo, ... and their supplements): inside a
// Latin word such a letter is a visible break, and a word of them is never read as Latin.
const rightToLeft =
  /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;

// A Latin letter in a Cyrillic or Greek word is folded to a letter of the script's own blocks
// (not to a Greek small capital of the phonetic extensions), preferring the everyday alphabet
// (Cyrillic у rather than Ү, Greek ο rather than σ).
const scriptBlocks: Readonly<Record<'Cyrillic' | 'Greek', readonly [number, number]>> = {
  Cyrillic: [0x400, 0x52f],
  Greek: [0x370, 0x3ff],
};
const basicAlphabet: Readonly<Record<'Cyrillic' | 'Greek', readonly [number, number]>> = {
  Cyrillic: [0x400, 0x45f],
  Greek: [0x391, 0x3c9],
};

/** "CYRILLIC CAPITAL LETTER A" -> "Cyrillic"; "CANADIAN SYLLABICS KA" -> "Canadian Syllabics". */
export function scriptFromName(name: string): string {
  const prefix = name.startsWith('CANADIAN SYLLABICS ')
    ? 'CANADIAN SYLLABICS'
    : /^(.*?) (?:CAPITAL |SMALL )?(?:LETTER|LIGATURE|SYLLABLE|SIGN)\b/.exec(name)?.[1];
  if (!prefix) throw new Error(`no script in the character name "${name}"`);
  return prefix
    .toLowerCase()
    .replace(
      /(^|[ -])(\p{L})/gu,
      (_, separator: string, initial: string) => `${separator}${initial.toUpperCase()}`,
    );
}

type LetterCase = 'upper' | 'lower' | 'none';
const caseOf = (letter: string, script: string): LetterCase => {
  // Lisu is a capitals-only alphabet modelled on Latin capitals (its "ꓲ" reads as I, not l).
  if (script === 'Lisu') return 'upper';
  if (letter.toLowerCase() !== letter) return 'upper';
  if (letter.toUpperCase() !== letter) return 'lower';
  return 'none';
};

/**
 * What a letter with this prototype reads as in Latin. The prototype is a skeleton, not always a
 * letter of the same case: capital I, digit 1 and small l all have the prototype "l", and "m" has
 * "rn". So each Latin letter whose own prototype is the letter's prototype is a candidate: the
 * letter's case decides between I and l, a single letter beats a sequence (𑜀, prototype "rn",
 * reads as m), then the prototype itself wins; a digit prototype ("3" for Cyrillic З) stays.
 */
function readingOf(
  prototype: string,
  letterCase: LetterCase,
  latinPrototype: (c: string) => string,
): string {
  const candidates = (target: string): string[] =>
    Array.from('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz').filter(
      (c) => latinPrototype(c) === target,
    );
  const pick = (options: readonly string[], prototypeChar: string): string => {
    const cased = options.filter((c) =>
      letterCase === 'upper' ? c !== c.toLowerCase() : c !== c.toUpperCase(),
    );
    if (letterCase !== 'none' && cased.length > 0)
      return cased.includes(prototypeChar) ? prototypeChar : (cased[0] ?? prototypeChar);
    return options.includes(prototypeChar) ? prototypeChar : (options[0] ?? prototypeChar);
  };
  const whole = candidates(prototype);
  if (Array.from(prototype).length > 1 && whole.length === 0)
    return Array.from(prototype)
      .map((c) => pick(candidates(c), c))
      .join('');
  return pick(whole, prototype);
}

/**
 * Picks, from the file, the letters whose prototype is Latin letters or digits (a-z, A-Z, 0-9)
 * and that survive NFKC (full-width and mathematical letters never reach the domain: the caller
 * applies NFKC first), leaving out right-to-left scripts. Needs a Node.js whose ICU knows the
 * file's Unicode version, so that NFKC, letters and case are decided the same way everywhere
 * (Unicode never changes the normalisation or case pair of an encoded character).
 */
export function deriveConfusablesTable(file: ConfusablesFile): ConfusablesTable {
  const [needMajor = 0, needMinor = 0] = file.version.split('.').map(Number);
  const [major = 0, minor = 0] = (process.versions.unicode ?? '0.0').split('.').map(Number);
  if (major < needMajor || (major === needMajor && minor < needMinor))
    throw new Error(
      `Deriving the confusables table from Unicode ${file.version} data needs a Node.js whose ICU knows Unicode ${needMajor}.${needMinor} or later; this one has Unicode ${process.versions.unicode ?? 'unknown'}.`,
    );
  const asciiPrototypes = new Map(
    file.entries.filter((e) => e.source < '\u0080').map((e) => [e.source, e.prototype]),
  );
  const latinPrototype = (c: string): string => asciiPrototypes.get(c) ?? c;

  const readings: LatinReading[] = file.entries
    .filter(
      (entry) =>
        entry.source >= '\u0080' &&
        latinOrDigits.test(entry.prototype) &&
        isLetter.test(entry.source) &&
        entry.source.normalize('NFKC') === entry.source &&
        !rightToLeft.test(entry.source),
    )
    .map((entry) => {
      const script = scriptFromName(entry.sourceName);
      return {
        letter: entry.source,
        reading: readingOf(entry.prototype, caseOf(entry.source, script), latinPrototype),
        prototype: entry.prototype,
        script,
        name: entry.sourceName,
      };
    })
    .sort(
      (a, b) =>
        a.script.localeCompare(b.script, 'en') ||
        (a.letter.codePointAt(0) ?? 0) - (b.letter.codePointAt(0) ?? 0),
    );
  return {
    readings,
    cyrillic: lookAlikes(readings, 'Cyrillic'),
    greek: lookAlikes(readings, 'Greek'),
  };
}

/**
 * For each Latin letter, the letter of `script` that reads as it: from the basic alphabet first,
 * then one whose other case reads as the other case of the Latin letter (Greek ο/Ο for o/O rather
 * than σ), then the lowest code point.
 */
function lookAlikes(
  readings: readonly LatinReading[],
  script: 'Cyrillic' | 'Greek',
): ReadonlyMap<string, LatinReading> {
  const byLetter = new Map(readings.map((r) => [r.letter, r]));
  const [low, high] = basicAlphabet[script];
  const [first, last] = scriptBlocks[script];
  const rank = (r: LatinReading): number[] => {
    const code = r.letter.codePointAt(0) ?? 0;
    const other =
      r.letter === r.letter.toLowerCase() ? r.letter.toUpperCase() : r.letter.toLowerCase();
    const latinOther =
      r.reading === r.reading.toLowerCase() ? r.reading.toUpperCase() : r.reading.toLowerCase();
    const paired = other !== r.letter && byLetter.get(other)?.reading === latinOther;
    return [code >= low && code <= high ? 0 : 1, paired ? 0 : 1, code];
  };
  const before = (a: readonly number[], b: readonly number[]): boolean => {
    const i = a.findIndex((value, k) => value !== b[k]);
    return i >= 0 && (a[i] ?? 0) < (b[i] ?? 0);
  };
  const result = new Map<string, LatinReading>();
  for (const r of readings) {
    const code = r.letter.codePointAt(0) ?? 0;
    if (r.script !== script || code < first || code > last || !isAsciiLetter.test(r.reading))
      continue;
    const current = result.get(r.reading);
    if (!current || before(rank(r), rank(current))) result.set(r.reading, r);
  }
  return new Map([...result].sort(([a], [b]) => (a < b ? -1 : 1)));
}

const escape = (letter: string): string => {
  const code = letter.codePointAt(0) ?? 0;
  const hex = code.toString(16).toUpperCase();
  return code > 0xffff ? `\\u{${hex}}` : `\\u${hex.padStart(4, '0')}`;
};

/** The TypeScript module written to `src/domain/screening/confusables-table.ts`. */
export function confusablesTableModule(bytes: Uint8Array): string {
  const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  const file = parseConfusables(text);
  const table = deriveConfusablesTable(file);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const scripts = [...new Set(table.readings.map((r) => r.script))];
  const key = (script: string): string => (/^[A-Za-z]+$/.test(script) ? script : `'${script}'`);
  const lookAlikeLines = (map: ReadonlyMap<string, LatinReading>): string[] =>
    [...map].map(([latin, r]) => `  ${latin}: '${escape(r.letter)}', // ${r.name}`);
  return [
    '// Generated from data/screening/unicode/confusables.txt by src/main/confusables-table-module.ts',
    '// (`npm run generate`); do not edit by hand. Unicode data © Unicode, Inc., Unicode License v3',
    '// (data/screening/unicode/unicode-license-v3.txt).',
    '',
    '/** The UTS #39 file this table was derived from. */',
    'export const confusablesSource = {',
    "  file: 'confusables.txt',",
    `  version: '${file.version}',`,
    `  date: '${file.date}',`,
    `  sha256: '${sha256}',`,
    '} as const;',
    '',
    '/**',
    ' * Letters that read as Latin letters or digits, by script (from the Unicode character name): each',
    " * letter's UTS #39 prototype, in the letter's case where the prototype allows it (Cyrillic І",
    ' * reads "I" though its prototype is "l"). Letters that NFKC changes (full-width, mathematical) and',
    ' * right-to-left scripts are left out.',
    ' */',
    'export const latinReadings: Readonly<Record<string, Readonly<Record<string, string>>>> = {',
    ...scripts.flatMap((script) => [
      `  ${key(script)}: {`,
      ...table.readings
        .filter((r) => r.script === script)
        .map((r) => `    '${escape(r.letter)}': '${r.reading}', // ${r.name}`),
      '  },',
    ]),
    '};',
    '',
    '/** For each Latin letter, the Cyrillic letter that reads as it (single letters only). */',
    'export const cyrillicLookAlikes: Readonly<Record<string, string>> = {',
    ...lookAlikeLines(table.cyrillic),
    '};',
    '',
    '/** For each Latin letter, the Greek letter that reads as it (single letters only). */',
    'export const greekLookAlikes: Readonly<Record<string, string>> = {',
    ...lookAlikeLines(table.greek),
    '};',
    '',
  ].join('\n');
}
