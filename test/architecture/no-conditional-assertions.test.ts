import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

function testFiles(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : testFiles(relative);
    return /\.test\.tsx?$/.test(entry.name) ? [relative] : [];
  });
}

/**
 * Lines where a test asserts, or carries on, only when a result happens to succeed or fail, so
 * that the other outcome passes silently: `if (result.ok) expect(...)` with no `else`, `if
 * (done.ok) version = ...`, and `if (!result.ok) return;` with no assertion on `result` before it.
 */
function conditionalAssertions(source: string): number[] {
  const lines = source.split('\n');
  const found: number[] = [];
  lines.forEach((line, index) => {
    const guarded = /^\s*if \(!?([\w.]+)\.ok\) (expect\(|[\w.]+ = )/.exec(line);
    if (guarded && !/^\s*else\b/.test(lines[index + 1] ?? '')) found.push(index + 1);
    const early = /^\s*if \(!?(\w+)\.ok\) return;/.exec(line);
    if (early) {
      const before = lines.slice(Math.max(0, index - 20), index).join('\n');
      if (!before.includes(`expect(${early[1] ?? ''}`)) found.push(index + 1);
    }
  });
  return found;
}

describe('assertions behind a condition', () => {
  it('are recognised, whether guarded, assigned or returned early without asserting first', () => {
    const source = [
      'if (result.ok) expect(result.value).toBe(1);',
      'if (done.ok) v = done.value.version;',
      'if (!parsed.ok) return;',
      'expect(checked.ok).toBe(true);',
      'if (!checked.ok) return;',
      'if (!row.ok) expect(row.error).toBe("x");',
      'else expect(row.value).toBe(1);',
    ].join('\n');
    expect(conditionalAssertions(source)).toEqual([1, 2, 3]);
  });

  it('appear in no test: each asserts the outcome first (expectOk / expectErr)', () => {
    const offenders = [...testFiles('src'), ...testFiles('test'), ...testFiles('web')].flatMap(
      (file) =>
        conditionalAssertions(fs.readFileSync(path.join(root, file), 'utf8')).map(
          (line) => `${file}:${String(line)}`,
        ),
    );
    expect(offenders).toEqual([]);
  });
});
