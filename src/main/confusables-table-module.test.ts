import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repositoryRoot } from '../adapters/runtime/code-version.ts';
import {
  commentMatchesFields,
  confusablesTableModule,
  deriveConfusablesTable,
  parseConfusables,
  scriptFromName,
} from './confusables-table-module.ts';

const stored = fs.readFileSync(path.join(repositoryRoot, 'data/screening/unicode/confusables.txt'));
const storedText = stored.toString('utf8');

/** A confusables.txt of the given entry lines, with a header and a true total. */
const fileOf = (...entries: string[]): string =>
  [
    '# confusables.txt',
    '# Date: 2025-07-22, 05:49:37 GMT',
    '# Version: 17.0.0',
    ...entries,
    '',
    `# total: ${entries.length}`,
    '',
  ].join('\n');
const cyrillicA =
  '0430 ;\t0061 ;\tMA\t# ( а → a ) CYRILLIC SMALL LETTER A → LATIN SMALL LETTER A\t# ';

describe(parseConfusables.name, () => {
  const file = parseConfusables(storedText);
  const prototypeOf = (code: number): string | undefined =>
    file.entries.find((e) => e.source === String.fromCodePoint(code))?.prototype;

  it('reads the stored file: Unicode 17.0.0 of 2025-07-22, byte for byte the published one', () => {
    expect(createHash('sha256').update(stored).digest('hex')).toBe(
      '091c7f82fc39ef208faf8f94d29c244de99254675e09de163160c810d13ef22a',
    );
    expect(file.version).toBe('17.0.0');
    expect(file.date).toBe('2025-07-22');
    expect(file.entries).toHaveLength(6565);
  });

  it('finds the entries name screening relies on', () => {
    expect(prototypeOf(0x0430)).toBe('a'); // CYRILLIC SMALL LETTER A
    expect(prototypeOf(0x041d)).toBe('H'); // CYRILLIC CAPITAL LETTER EN
    expect(prototypeOf(0x0391)).toBe('A'); // GREEK CAPITAL LETTER ALPHA
    expect(prototypeOf(0x0405)).toBe('S'); // CYRILLIC CAPITAL LETTER DZE
    expect(prototypeOf(0x0406)).toBe('l'); // CYRILLIC CAPITAL LETTER BYELORUSSIAN-UKRAINIAN I
    expect(prototypeOf(0xff21)).toBe('A'); // FULLWIDTH LATIN CAPITAL LETTER A (NFKC's job)
    expect(prototypeOf(0x0049)).toBe('l'); // LATIN CAPITAL LETTER I
  });

  it('finds each entry the table keeps written the same in its comment as in its fields', () => {
    const lines = storedText.split('\n');
    const kept = new Set(deriveConfusablesTable(file).readings.map((r) => r.letter));
    const entries = file.entries.filter((e) => kept.has(e.source));
    expect(entries.length).toBeGreaterThan(400);
    for (const entry of entries) {
      expect(commentMatchesFields(lines[entry.line - 1] ?? '', entry), `line ${entry.line}`).toBe(
        true,
      );
    }
  });

  it('refuses a line that is not an entry, a comment or blank', () => {
    expect(() => parseConfusables(fileOf(cyrillicA, '0430 ; 0061 ; MA'))).toThrow(/line 5/);
  });

  it('refuses a repeated source and a count that differs from the total line', () => {
    expect(() => parseConfusables(fileOf(cyrillicA, cyrillicA))).toThrow(/repeats 0430/);
    expect(() => parseConfusables(fileOf(cyrillicA).replace('total: 1', 'total: 2'))).toThrow(
      /says it has 2 entries; 1 were read/,
    );
  });

  it('refuses a file without its version', () => {
    expect(() => parseConfusables(fileOf(cyrillicA).replace('# Version: 17.0.0\n', ''))).toThrow(
      /Version/,
    );
  });
});

describe(deriveConfusablesTable.name, () => {
  const table = deriveConfusablesTable(parseConfusables(storedText));
  const readingOf = (letter: string) => table.readings.find((r) => r.letter === letter);

  it('reads a capital whose prototype is l as I, and a small one as l', () => {
    expect(readingOf('\u0406')).toMatchObject({ reading: 'I', prototype: 'l', script: 'Cyrillic' });
    expect(readingOf('\u0399')).toMatchObject({ reading: 'I', prototype: 'l', script: 'Greek' });
    expect(readingOf('\u04cf')).toMatchObject({ reading: 'l', prototype: 'l' });
    expect(readingOf('\ua4f2')).toMatchObject({ reading: 'I', script: 'Lisu' }); // a capitals-only script
  });

  it('reads a letter whose prototype is "rn" as m', () => {
    expect(readingOf('\u{11700}')).toMatchObject({ reading: 'm', prototype: 'rn' }); // AHOM LETTER KA
  });

  it('keeps only letters that survive NFKC, outside right-to-left scripts', () => {
    expect(readingOf('\uff21')).toBeUndefined(); // FULLWIDTH LATIN CAPITAL LETTER A
    expect(readingOf('\u{1d400}')).toBeUndefined(); // MATHEMATICAL BOLD CAPITAL A
    expect(readingOf('\u2160')).toBeUndefined(); // ROMAN NUMERAL ONE
    expect(readingOf('\u05d5')).toBeUndefined(); // HEBREW LETTER VAV (prototype l)
    expect(readingOf('\u0627')).toBeUndefined(); // ARABIC LETTER ALEF (prototype l)
    expect(readingOf('\u0966')).toBeUndefined(); // DEVANAGARI DIGIT ZERO: not a letter
    for (const r of table.readings) {
      expect(r.letter.normalize('NFKC')).toBe(r.letter);
      expect(r.reading).toMatch(/^[A-Za-z0-9]+$/);
    }
  });

  it('gives each Latin letter the everyday Cyrillic and Greek letter that reads as it', () => {
    expect(table.cyrillic.get('o')?.letter).toBe('\u043e');
    expect(table.cyrillic.get('Y')?.letter).toBe('\u0423'); // У rather than Ү
    expect(table.greek.get('o')?.letter).toBe('\u03bf'); // ο (pairs with Ο) rather than σ
    expect(table.greek.get('r')).toBeUndefined(); // only a phonetic small capital reads as r
    expect(table.cyrillic.get('n')).toBeUndefined();
  });
});

describe(scriptFromName.name, () => {
  it('takes the script from a Unicode character name', () => {
    expect(scriptFromName('CYRILLIC CAPITAL LETTER A')).toBe('Cyrillic');
    expect(scriptFromName('OLD ITALIC LETTER A')).toBe('Old Italic');
    expect(scriptFromName('CANADIAN SYLLABICS CARRIER GHO')).toBe('Canadian Syllabics');
    expect(scriptFromName('LATIN SMALL LIGATURE OE')).toBe('Latin');
  });
});

describe(confusablesTableModule.name, () => {
  it('writes the committed src/domain/screening/confusables-table.ts from the stored file', () => {
    const committed = fs.readFileSync(
      path.join(repositoryRoot, 'src/domain/screening/confusables-table.ts'),
      'utf8',
    );
    expect(confusablesTableModule(stored)).toBe(committed);
  });
});
