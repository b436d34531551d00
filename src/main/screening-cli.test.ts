import { describe, expect, it } from 'vitest';
import { ok } from '../domain/shared/result.ts';
import type { CliIo } from '../adapters/cli/output.ts';
import { runProgram, type CliHandlers } from './cli-program.ts';

function harness() {
  const out: string[] = [];
  const errors: string[] = [];
  const calls: unknown[][] = [];
  const io: CliIo = { stdout: (t) => out.push(t), stderr: (t) => errors.push(t), isTty: false };
  const record =
    (name: string) =>
    (...args: unknown[]) => {
      calls.push([name, ...args.slice(1)]);
      return Promise.resolve(ok({ text: `${name} done`, json: { name } }));
    };
  const handlers = new Proxy({} as CliHandlers, {
    get: (_target, key: string) => record(key),
  });
  const run = (...argv: string[]) => runProgram(argv, '1.2.3', handlers, io);
  return { run, out, errors, calls };
}

describe('cordon screen, compare and screen-file', () => {
  it('passes the name, an upper-cased country, the kind and the limit to the handler', async () => {
    const { run, calls } = harness();
    expect(
      await run('screen', '杭州海康威视', '--country', 'cn', '--kind', 'organisation', '-n', '3'),
    ).toBe(0);
    expect(calls).toEqual([
      ['screen', { name: '杭州海康威视', country: 'CN', kind: 'organisation', limit: 3 }],
    ]);
  });

  it('prints JSON with --json and text without', async () => {
    const json = harness();
    await json.run('screen', 'Hikvision', '--json');
    expect(JSON.parse(json.out.join(''))).toEqual({ name: 'screen' });
    const text = harness();
    await text.run('screen', 'Hikvision');
    expect(text.out.join('')).toBe('screen done\n');
  });

  it('exits 2 on a country that is not two letters, an unknown kind, or a limit out of range', async () => {
    for (const argv of [
      ['screen', 'Hikvision', '--country', 'China'],
      ['screen', 'Hikvision', '--kind', 'company'],
      ['screen', 'Hikvision', '--limit', '0'],
      ['screen', 'Hikvision', '--limit', '101'],
      ['screen'],
    ]) {
      const { run, calls } = harness();
      expect(await run(...argv), argv.join(' ')).toBe(2);
      expect(calls).toEqual([]);
    }
  });

  it('refuses an empty or blank name with exit 2, naming the argument', async () => {
    for (const name of ['', '   ']) {
      const { run, calls, errors } = harness();
      expect(await run('screen', name)).toBe(2);
      expect(errors.join('')).toBe('cordon: NAME must not be empty: give the name to screen.\n');
      expect(calls).toEqual([]);
    }
  });

  it('compares two names', async () => {
    const { run, calls } = harness();
    expect(await run('compare', 'Позитив Текнолоджиз', 'Pozitiv Teknolodzhiz')).toBe(0);
    expect(calls).toEqual([['compare', 'Позитив Текнолоджиз', 'Pozitiv Teknolodzhiz']]);
  });

  it('screens a file with its columns and output, and requires --out', async () => {
    const { run, calls } = harness();
    expect(
      await run(
        'screen-file',
        'in.csv',
        '--column',
        'full_name',
        '--country-column',
        'cc',
        '--out',
        'hits.jsonl',
        '--workers',
        '2',
      ),
    ).toBe(0);
    expect(calls).toEqual([
      [
        'screenFile',
        {
          input: 'in.csv',
          output: 'hits.jsonl',
          column: 'full_name',
          countryColumn: 'cc',
          limit: 10,
          workers: 2,
        },
      ],
    ]);
    expect(await harness().run('screen-file', 'in.csv')).toBe(2);
  });
});
