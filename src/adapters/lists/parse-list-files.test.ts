import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseListFiles } from './parse-list-files.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const fixture = (name: string, as = name) => ({
  name: as,
  bytes: new Uint8Array(fs.readFileSync(path.join(root, 'test/fixtures/lists', name))),
});
const ofacSample = (prefix = '') =>
  ['sdn.csv', 'alt.csv', 'add.csv', 'sdn_comments.csv'].map((n) =>
    fixture(`ofac-sdn-2021-sample/${n}`, `${prefix}${n}`),
  );
const utf8 = (text: string) => new TextEncoder().encode(text);

describe(parseListFiles.name, () => {
  it('tells the OFAC files apart by name, also under a folder', () => {
    const parsed = parseListFiles('us-ofac-sdn', ofacSample('downloads/2021/').reverse());
    expect(parsed.ok && parsed.value.source).toBe('us-ofac-sdn');
    expect(parsed.ok && parsed.value.records).toHaveLength(150);
  });

  it('tells the OFAC files apart by their content when the names say nothing', () => {
    const files = ofacSample().map((f, i) => ({ ...f, name: `download-${i}.csv` }));
    const parsed = parseListFiles('us-ofac-sdn', files);
    expect(parsed.ok && parsed.value.records).toHaveLength(150);
  });

  it('fails when a required OFAC file is missing, saying which', () => {
    const parsed = parseListFiles(
      'us-ofac-sdn',
      ofacSample().filter((f) => f.name !== 'alt.csv'),
    );
    expect(!parsed.ok && parsed.error.problems).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/^missing the aliases \(alt\.csv or cons_alt\.csv\)/),
      }),
    ]);
  });

  it('fails a file it cannot place, and two files for one role', () => {
    const unknown = parseListFiles('us-ofac-sdn', [
      ...ofacSample(),
      { name: 'notes.txt', bytes: utf8('hello') },
    ]);
    expect(!unknown.ok && unknown.error.problems[0]).toMatchObject({
      file: 'notes.txt',
      message: expect.stringMatching(/cannot tell which OFAC file/),
    });
    const twice = parseListFiles('us-ofac-sdn', [
      ...ofacSample(),
      fixture('ofac-sdn-2021-sample/alt.csv', 'cons_alt.csv'),
    ]);
    expect(!twice.ok && twice.error.problems[0]?.message).toMatch(
      /both alt\.csv and cons_alt\.csv look like the aliases/,
    );
  });

  it('fails bytes that are not UTF-8, with the byte offset and the line', () => {
    const bytes = utf8('"Name"\t"Street_Address"\n"MÜLLER"\n');
    // "Ü" as Latin-1 (0xDC) where UTF-8 has two bytes (0xC3 0x9C): offset 26, on line 2.
    const latin1 = new Uint8Array([...bytes.slice(0, 26), 0xdc, ...bytes.slice(28)]);
    const parsed = parseListFiles('us-bis-dpl', [{ name: 'dpl.txt', bytes: latin1 }]);
    expect(!parsed.ok && parsed.error.problems).toEqual([
      {
        file: 'dpl.txt',
        line: 2,
        message: 'byte 0xDC at offset 26 is not valid UTF-8; expected a UTF-8 (or ASCII) text file',
      },
    ]);
  });

  it('fails an unknown source and a wrong number of files', () => {
    expect(parseListFiles('us-unknown', [fixture('dpl-sample.txt')]).ok).toBe(false);
    const two = parseListFiles('us-bis-dpl', [
      fixture('dpl-sample.txt'),
      fixture('dpl-sample.txt', 'dpl2.txt'),
    ]);
    expect(!two.ok && two.error.problems[0]?.message).toMatch(/exactly one file/);
    expect(parseListFiles('us-csl', []).ok).toBe(false);
  });

  it('fails a file in the wrong format for the source', () => {
    const parsed = parseListFiles('us-csl', [fixture('dpl-sample.txt', 'csl.csv')]);
    expect(!parsed.ok && parsed.error.problems[0]).toMatchObject({
      file: 'csl.csv',
      line: 1,
      message: expect.stringMatching(/^missing columns _id, source/),
    });
    const xmlAsDpl = parseListFiles('us-bis-dpl', [fixture('entity-list-sample.xml', 'dpl.txt')]);
    expect(xmlAsDpl.ok).toBe(false);
  });

  it('passes on the data date the files state, and skipped rows with their lines', () => {
    const el = parseListFiles('us-bis-entity-list', [fixture('entity-list-sample.xml')]);
    expect(el.ok && el.value.records.map((r) => r.names[0]?.value)).toEqual(
      expect.arrayContaining(['NSO Group', 'Candiru']),
    );
    const csl = parseListFiles('us-csl', [fixture('csl-sample.csv')]);
    expect(csl.ok && csl.value.skipped.map((p) => p.line)).toEqual([2, 63]);
  });
});
