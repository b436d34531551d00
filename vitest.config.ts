import { defineConfig } from 'vitest/config';

// Three projects: `unit` (pure and in-memory, fast), `database` (every *.db.test.ts, run against
// PGlite, or PostgreSQL when CORDON_TEST_DATABASE=postgres), and `e2e` (spawns real processes; each
// test copies a data directory where the shipped lists are already imported, see
// test/support/data-dir-setup.ts).
// CORDON_TEST_REPORT=path adds a JSON report beside the usual output (.ci/run counts from it).
const report = process.env['CORDON_TEST_REPORT'];

export default defineConfig({
  test: {
    env: { TZ: 'UTC' },
    ...(report ? { reporters: ['default', 'json'], outputFile: { json: report } } : {}),
    testTimeout: 20_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['**/*.db.test.ts', '**/*.e2e.test.ts', 'node_modules/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'database',
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
          globalSetup: ['test/support/data-dir-setup.ts'],
          testTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
