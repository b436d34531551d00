// CLI start-up and answer times, cold and warm: `cordon --help`, `cordon screen NAME` and
// `cordon assess FILE`, each as a new process, as a person types them. Writes
// bench/results/cli.json. `--quick` runs each warm command once instead of five times.
//
// cold  --help: dist/ removed first, so the run compiles src/ (what the first call after a
//       checkout or an edit pays); screen/assess: a new data directory, so the run migrates,
//       imports the shipped lists and builds the screening index (the first use of a store).
// warm  the median of the following runs: compiled code, an existing store, the index read from
//       <data dir>/cache.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = path.join(root, 'bin/cordon.js');
const runs = process.argv.includes('--quick') ? 1 : 5;
const application = 'docs/examples/applications/dpi-to-iranian-state-operator.json';

/** Runs `cordon ARGS` once; returns its wall time in milliseconds, failing loudly on an error. */
function timeCordon(args: readonly string[], env: Record<string, string> = {}): number {
  const started = performance.now();
  const run = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    encoding: 'utf8',
  });
  const elapsed = performance.now() - started;
  if (run.status !== 0) {
    throw new Error(`cordon ${args.join(' ')} exited ${String(run.status)}:\n${run.stderr}`);
  }
  return elapsed;
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};
const round = (ms: number) => Math.round(ms);

function coldAndWarm(label: string, cold: () => number, warm: () => number) {
  process.stderr.write(`${label}: cold ...`);
  const coldMs = cold();
  const warmMs = Array.from({ length: runs }, warm);
  const result = {
    coldMs: round(coldMs),
    warmMs: round(median(warmMs)),
    warmRunsMs: warmMs.map(round),
  };
  process.stderr.write(` ${result.coldMs} ms, warm ${result.warmMs} ms (median of ${runs})\n`);
  return result;
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cordon-bench-cli-'));
const loadBefore = os.loadavg();
try {
  const help = coldAndWarm(
    'cordon --help',
    () => {
      fs.rmSync(path.join(root, 'dist'), { recursive: true, force: true });
      return timeCordon(['--help']);
    },
    () => timeCordon(['--help']),
  );
  const screenDir = path.join(work, 'screen');
  const screen = coldAndWarm(
    'cordon screen',
    () =>
      timeCordon(['--data-dir', screenDir, 'db', 'migrate']) +
      timeCordon(['--data-dir', screenDir, 'screen', 'Hikvision']),
    () => timeCordon(['--data-dir', screenDir, 'screen', 'Hikvision']),
  );
  const assessDir = path.join(work, 'assess');
  const assess = coldAndWarm(
    'cordon assess',
    () =>
      timeCordon(['--data-dir', assessDir, 'db', 'migrate']) +
      timeCordon(['--data-dir', assessDir, 'assess', application]),
    () => timeCordon(['--data-dir', assessDir, 'assess', application]),
  );
  const results = {
    machine: {
      cpus: os.cpus().length,
      node: process.version,
      loadAverage1mBefore: Number(loadBefore[0]?.toFixed(2)),
      loadAverage1mAfter: Number(os.loadavg()[0]?.toFixed(2)),
    },
    runs,
    help,
    screen: { name: 'Hikvision', ...screen },
    assess: { application, ...assess },
  };
  const resultsDir = fileURLToPath(new URL('../results/', import.meta.url));
  fs.mkdirSync(resultsDir, { recursive: true });
  fs.writeFileSync(path.join(resultsDir, 'cli.json'), `${JSON.stringify(results, null, 2)}\n`);
  process.stderr.write('wrote bench/results/cli.json\n');
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
