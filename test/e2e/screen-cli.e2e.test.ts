import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCordon } from '../support/cli-process.ts';

interface ScreeningJson {
  query: { name: string; country?: string };
  snapshot: string[];
  matches: {
    entityId: string;
    source: string;
    name: string;
    matchedName: string;
    score: number;
    band: string;
    explanation: { summary: string };
  }[];
}

const hikvisionIds = [
  'us-bis-entity-list:CN:hangzhou-hikvision-digital-technology-co-ltd',
  'us-ofac-nonsdn:30946',
];

describe('cordon screen and cordon screen-file on a fresh embedded store', () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cordon-screen-e2e-'));
  const env = { CORDON_DATA_DIR: path.join(work, 'data') };
  afterAll(() => {
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('imports the shipped lists on first use and prints the screening contract with --json', async () => {
    const run = await runCordon(
      ['screen', 'Hangzhou Hikvision Digital Technology Co., Ltd.', '--json'],
      env,
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('Importing the shipped restricted lists');
    const report = JSON.parse(run.stdout) as ScreeningJson;
    expect(report.query).toEqual({ name: 'Hangzhou Hikvision Digital Technology Co., Ltd.' });
    expect(report.snapshot).toHaveLength(5);
    expect(report.snapshot.every((id) => /^[a-z-]+@\d{4}-\d{2}-\d{2}\.[0-9a-f]{8}$/.test(id))).toBe(
      true,
    );
    expect(report.matches.length).toBeGreaterThan(0);
    for (const match of report.matches) {
      expect(Object.keys(match)).toEqual(
        expect.arrayContaining([
          'entityId',
          'source',
          'name',
          'matchedName',
          'score',
          'band',
          'explanation',
        ]),
      );
      expect(match.score).toBeGreaterThanOrEqual(0.8);
      expect(match.score).toBeLessThanOrEqual(1);
      expect(['strong', 'review']).toContain(match.band);
    }
    expect(
      report.matches
        .slice(0, 2)
        .map((m) => m.entityId)
        .sort(),
    ).toEqual(hikvisionIds);
    expect(report.matches[0]?.band).toBe('strong');
    // The first use creates the store and imports every list: minutes on a crowded machine.
  }, 300_000);

  it('finds Hikvision from its Chinese legal name, and prints a readable answer without --json', async () => {
    const run = await runCordon(
      ['screen', '杭州海康威视数字技术股份有限公司', '--country', 'cn'],
      env,
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Screened "杭州海康威视数字技术股份有限公司" (country CN)');
    expect(run.stdout).toMatch(
      /1\. STRONG 0\.99 +Hangzhou Hikvision Digital Technology Co\., Ltd\./i,
    );
    expect(run.stdout).toContain('translated from Chinese');
  });

  it('screens a CSV file into JSON Lines, reporting the bad row and going on', async () => {
    const input = path.join(work, 'customers.csv');
    const output = path.join(work, 'hits.jsonl');
    fs.writeFileSync(
      input,
      [
        'id,name,country',
        '1,Hangzhou Hikvision Digital Technology Co.,CN',
        '2,,RU',
        '3,Позитив Текнолоджиз,RU',
        '4,"Maple Leaf Bakery, Inc.",CA',
        '',
      ].join('\n'),
    );
    const run = await runCordon(
      [
        'screen-file',
        input,
        '--column',
        'name',
        '--country-column',
        'country',
        '--out',
        output,
        '--workers',
        '1',
        '--json',
      ],
      env,
    );
    expect(run.code, run.stderr).toBe(0);
    const summary = JSON.parse(run.stdout) as { rows: number; rowsWithProblems: number };
    expect(summary).toMatchObject({ rows: 4, rowsWithMatches: 2, rowsWithProblems: 1 });
    const lines = fs
      .readFileSync(output, 'utf8')
      .trim()
      .split('\n')
      .map(
        (line) =>
          JSON.parse(line) as ScreeningJson & {
            row: number;
            columns: Record<string, string>;
            problems: string[];
          },
      );
    expect(lines.map((l) => l.row)).toEqual([1, 2, 3, 4]);
    expect(lines[0]?.columns).toEqual({
      id: '1',
      name: 'Hangzhou Hikvision Digital Technology Co.',
      country: 'CN',
    });
    expect(lines[0]?.snapshot).toHaveLength(5);
    expect(hikvisionIds).toContain(lines[0]?.matches[0]?.entityId);
    expect(lines[1]).toMatchObject({ matches: [], problems: ['empty "name"'] });
    expect(lines[2]?.matches[0]?.entityId).toMatch(/pozitiv|31455/);
    expect(lines[3]?.matches).toEqual([]);
  });

  it('refuses a file without the named column, naming it, with a non-zero exit', async () => {
    const input = path.join(work, 'no-name-column.csv');
    fs.writeFileSync(input, 'id,company\n1,Hikvision\n');
    const run = await runCordon(
      [
        'screen-file',
        input,
        '--column',
        'name',
        '--out',
        path.join(work, 'out.csv'),
        '--workers',
        '1',
        '--json',
      ],
      env,
    );
    expect(run.code).toBe(1);
    const error = (
      JSON.parse(run.stderr.trim().split('\n').pop() ?? '{}') as {
        error: { code: string; message: string };
      }
    ).error;
    expect(error.code).toBe('CORDON_SCREEN_FILE_INVALID');
    expect(error.message).toContain('"name"');
  });

  it('compares two names without the lists', async () => {
    const run = await runCordon(
      ['compare', 'Позитив Текнолоджиз', 'Pozitiv Teknolodzhiz', '--json'],
      env,
    );
    expect(run.code, run.stderr).toBe(0);
    // A transliteration scores at most 0.99: 1.00 is kept for names identical as written.
    expect(JSON.parse(run.stdout)).toMatchObject({ score: 0.99, band: 'strong' });
  });
});
