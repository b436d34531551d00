// `npm run bench`: runs every benchmark (each bench/<area>/run.ts) one after another, each in its
// own process so that one's memory and JIT state do not colour the next, and passes the
// flags on (`npm run bench -- --quick`); names pick benchmarks (`npm run bench -- screening`).
// Each benchmark writes bench/results/<area>.json.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const benchDir = fileURLToPath(new URL('.', import.meta.url));
const runner = fileURLToPath(new URL('../bin/run-ts.js', import.meta.url));
const only = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
const flags = process.argv.slice(2).filter((arg) => arg.startsWith('-'));

const benchmarks = readdirSync(benchDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(path.join(benchDir, entry.name, 'run.ts')))
  .map((entry) => entry.name)
  .filter((name) => only.length === 0 || only.includes(name))
  .sort();

if (benchmarks.length === 0) {
  process.stderr.write(`no benchmark matches ${only.join(', ')}\n`);
  process.exit(2);
}

const failed: string[] = [];
for (const name of benchmarks) {
  process.stderr.write(`\n=== bench/${name} ===\n`);
  const run = spawnSync(
    process.execPath,
    ['--expose-gc', runner, path.join(benchDir, name, 'run.ts'), ...flags],
    { stdio: 'inherit' },
  );
  if (run.status !== 0) failed.push(name);
}
if (failed.length > 0) {
  process.stderr.write(`\nbenchmarks failed: ${failed.join(', ')}\n`);
  process.exitCode = 1;
} else {
  process.stderr.write(`\nran ${benchmarks.join(', ')}; results in bench/results/\n`);
}
