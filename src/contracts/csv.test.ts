import { describe, expect, it } from 'vitest';
import { csvCell, csvLine } from './csv.ts';

describe(csvCell.name, () => {
  it('neutralises every formula trigger and quotes what needs quoting', () => {
    for (const formula of ['=1+1', '+1', '-1+1', '@SUM(A1)', '\t=1', '\r=1', '＝1+1']) {
      expect(csvCell(formula).replace(/^"/, '').startsWith("'"), formula).toBe(true);
    }
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell('UK-SELC-2')).toBe('UK-SELC-2');
    expect(csvCell(-3)).toBe('-3');
    expect(csvLine(['a,b', 'plain', 2])).toBe('"a,b",plain,2');
  });
});
