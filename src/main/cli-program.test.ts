import { describe, expect, it } from 'vitest';
import { cordonError } from '../domain/shared/errors.ts';
import { err, ok } from '../domain/shared/result.ts';
import type { CliIo } from '../adapters/cli/output.ts';
import { runProgram, type CliHandlers } from './cli-program.ts';

function harness(overrides: Partial<CliHandlers> = {}) {
  const out: string[] = [];
  const errors: string[] = [];
  const io: CliIo = { stdout: (t) => out.push(t), stderr: (t) => errors.push(t), isTty: false };
  const calls: unknown[] = [];
  const base: Partial<CliHandlers> = {
    serve: (flags) => {
      calls.push(['serve', flags]);
      return Promise.resolve(ok({ text: 'stopped', json: {} }));
    },
    dbMigrate: () =>
      Promise.resolve(ok({ text: 'Database is up to date.', json: { applied: [] } })),
    dbStatus: () => Promise.resolve(ok({ text: 'status', json: { pending: [] } })),
    ...overrides,
  };
  // Handlers a test does not set fail loudly if called.
  const handlers = new Proxy(base, {
    get: (target, key: string) =>
      target[key as keyof CliHandlers] ??
      (() => Promise.reject(new Error(`handler ${key} is not set in this test`))),
  }) as CliHandlers;
  const run = (...argv: string[]) => runProgram(argv, '1.2.3', handlers, io);
  return { run, out, errors, calls };
}

describe(runProgram.name, () => {
  it('prints the version and exits 0', async () => {
    const { run, out } = harness();
    expect(await run('--version')).toBe(0);
    expect(out.join('')).toBe('1.2.3\n');
  });

  it('prints help for every command and exits 0', async () => {
    for (const argv of [
      ['--help'],
      ['serve', '--help'],
      ['db', '--help'],
      ['db', 'migrate', '--help'],
      ['db', 'status', '--help'],
    ]) {
      const { run, out } = harness();
      expect(await run(...argv), argv.join(' ')).toBe(0);
      expect(out.join(''), argv.join(' ')).toContain('Usage: cordon');
    }
  });

  it('exits 2 on an unknown command or option', async () => {
    const unknownCommand = harness();
    expect(await unknownCommand.run('frobnicate')).toBe(2);
    expect(unknownCommand.errors.join('')).toContain("unknown command 'frobnicate'");
    expect(await harness().run('serve', '--bogus')).toBe(2);
    expect(await harness().run('db')).toBe(2);
  });

  it('passes --port, --host and the global --data-dir to serve', async () => {
    const { run, calls } = harness();
    expect(await run('--data-dir', '/d', 'serve', '--port', '9999', '--host', '0.0.0.0')).toBe(0);
    expect(calls).toEqual([
      [
        'serve',
        {
          dataDir: '/d',
          databaseUrl: undefined,
          logLevel: undefined,
          port: '9999',
          host: '0.0.0.0',
        },
      ],
    ]);
  });

  it('prints results as JSON with --json', async () => {
    const { run, out } = harness();
    expect(await run('db', 'status', '--json')).toBe(0);
    expect(JSON.parse(out.join(''))).toEqual({ pending: [] });
  });

  it('prints a failure as one line on stderr and exits 1', async () => {
    const { run, errors, out } = harness({
      dbMigrate: () =>
        Promise.resolve(
          err(
            cordonError(
              'CORDON_DATABASE_UNREACHABLE',
              'Cannot use PostgreSQL at h:5432/x (DATABASE_URL): connection refused.',
            ),
          ),
        ),
    });
    expect(await run('db', 'migrate')).toBe(1);
    expect(out).toEqual([]);
    expect(errors).toEqual([
      'cordon: Cannot use PostgreSQL at h:5432/x (DATABASE_URL): connection refused.\n',
    ]);
  });

  it('exits 2 on a bad setting and names it', async () => {
    const { run, errors } = harness({
      dbStatus: () =>
        Promise.resolve(
          err(
            cordonError('CORDON_CONFIG_INVALID', 'Invalid configuration', [
              { field: 'PORT', problem: 'must be a number' },
            ]),
          ),
        ),
    });
    expect(await run('db', 'status')).toBe(2);
    expect(errors.join('')).toBe('cordon: Invalid configuration: PORT must be a number\n');
  });

  it('prints a failure as JSON on stderr with --json', async () => {
    const { run, errors } = harness({
      dbStatus: () => Promise.resolve(err(cordonError('CORDON_DATA_DIR_LOCKED', 'in use'))),
    });
    expect(await run('db', 'status', '--json')).toBe(1);
    expect(JSON.parse(errors.join(''))).toEqual({
      error: { code: 'CORDON_DATA_DIR_LOCKED', message: 'in use' },
    });
  });
});
