import { describe, expect, it } from 'vitest';
import { readDelimited } from './read-delimited.ts';

describe(readDelimited.name, () => {
  it('reads quoted fields with delimiters, doubled quotes and line breaks, numbering records by their first line', () => {
    const read = readDelimited('a,"b, c","say ""hi"""\r\n"multi\nline",x,\n\nlast,,z', ',');
    expect(read.records).toEqual([
      { line: 1, fields: ['a', 'b, c', 'say "hi"'] },
      { line: 2, fields: ['multi\nline', 'x', ''] },
      { line: 5, fields: ['last', '', 'z'] },
    ]);
    expect(read.endsWithNewline).toBe(false);
  });

  it('keeps text after a closing quote and quotes inside unquoted fields, as official files have them', () => {
    expect(readDelimited('"x" ,a"b\n', ',').records[0]?.fields).toEqual(['x ', 'a"b']);
  });

  it('reports a file that ends inside a quoted field', () => {
    const read = readDelimited('a\tb\n"c\td', '\t');
    expect(read.records).toEqual([{ line: 1, fields: ['a', 'b'] }]);
    expect(read.unterminated).toEqual({ line: 2, fields: ['c\td'] });
  });
});
