import os from 'node:os';
import { defineConfig } from 'vitest/config';
import LongestFirstSequencer from './test/support/longest-first-sequencer.ts';

// Three projects: `unit` (pure and in-memory, fast), `database` (every *.db.test.ts, run against
// PGlite, or PostgreSQL when CORDON_TEST_DATABASE=postgres), and `e2e` (spawns real processes; each
// test copies a data directory where the shipped lists are already imported, see
// test/support/data-dir-setup.ts).
// CORDON_TEST_REPORT=path adds a JSON report beside the usual output (.ci/run counts from it).
//
// Test files of every project run side by side, at least two at a time: vitest's default (one
// worker fewer than the cores) ran one file at a time on a 2-core machine, and the end-to-end
// files only after all the others, so a core sat idle while an end-to-end file waited for the
// processes it had started. The e2e globalSetup builds what those files share (the data
// directory template, web/dist) before any of them starts. CORDON_TEST_WORKERS=n sets the number.
//
// The unit and database files share their worker's modules instead of re-importing everything per
// file (`isolate: false`): the domain is pure and those tests change no global state, which
// test/architecture/shared-module-state.test.ts keeps true (no module mocks, stubbed globals or
// environment, fake timers). It halves the unit project's CPU time: imports (about 70 s over the
// files) are paid once per worker, and so are the caches of the shipped lists' indexes.
const report = process.env['CORDON_TEST_REPORT'];
const workers = Number(
  process.env['CORDON_TEST_WORKERS'] ?? Math.max(2, os.availableParallelism() - 1),
);

export default defineConfig({
  test: {
    env: { TZ: 'UTC' },
    ...(report ? { reporters: ['default', 'json'], outputFile: { json: report } } : {}),
    testTimeout: 20_000,
    hookTimeout: 60_000,
    maxWorkers: Number.isSafeInteger(workers) && workers >= 1 ? workers : 2,
    // The longest files first, across projects (test/support/longest-first-sequencer.ts).
    sequence: { sequencer: LongestFirstSequencer },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          isolate: false,
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['**/*.db.test.ts', '**/*.e2e.test.ts', 'node_modules/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'database',
          isolate: false,
          include: ['src/**/*.db.test.ts', 'test/**/*.db.test.ts'],
          globalSetup: ['test/support/database-setup.ts'],
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['src/**/*.e2e.test.ts', 'test/**/*.e2e.test.ts'],
          globalSetup: ['test/support/data-dir-setup.ts', 'test/support/web-build-setup.ts'],
          testTimeout: 120_000,
        },
      },
    ],
  },
});
