import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

/** Test files of the unit and database projects: every *.test.ts(x) but the end-to-end ones. */
function sharedWorkerTestFiles(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory())
      return entry.name === 'node_modules' ? [] : sharedWorkerTestFiles(relative);
    return /\.test\.tsx?$/.test(entry.name) && !entry.name.endsWith('.e2e.test.ts')
      ? [relative]
      : [];
  });
}

/**
 * Calls that change state other test files in the same worker would see: the unit and database
 * projects run without isolation (vitest.config.ts), so a module mock, a stubbed global or
 * environment variable, or fake timers left behind would leak into the next file.
 */
const leaking =
  /\bvi\.(mock|doMock|stubGlobal|stubEnv|useFakeTimers)\(|process\.env(\.\w+|\[[^\]]+\])\s*=[^=]/;

describe('test files that share their worker', () => {
  it('recognises the calls that would leak into the next file', () => {
    expect(leaking.test("vi.mock('node:fs');")).toBe(true);
    expect(leaking.test("vi.stubEnv('TZ', 'UTC');")).toBe(true);
    expect(leaking.test("process.env['CORDON_X'] = '1';")).toBe(true);
    expect(leaking.test("process.env.CORDON_X = '1';")).toBe(true);
    expect(leaking.test("const runs = process.env['CORDON_FUZZ_RUNS'] === undefined;")).toBe(false);
  });

  it('change no module, global, environment variable or clock that the next file would see', () => {
    const self = path.relative(root, import.meta.filename);
    const files = [...sharedWorkerTestFiles('src'), ...sharedWorkerTestFiles('test')];
    const offenders = files
      .filter((file) => file !== self)
      .flatMap((file) =>
        fs
          .readFileSync(path.join(root, file), 'utf8')
          .split('\n')
          .flatMap((line, index) => (leaking.test(line) ? [`${file}:${String(index + 1)}`] : [])),
      );
    expect(offenders).toEqual([]);
  });
});
