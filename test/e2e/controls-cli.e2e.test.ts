import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCordon } from '../support/cli-process.ts';

describe('cordon controls and cordon classify, from the shipped regulation data', () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cordon-controls-e2e-'));
  // No database is involved: a data dir that does not exist must stay that way.
  const env = { CORDON_DATA_DIR: path.join(work, 'never-created') };
  afterAll(() => {
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('shows 5A001.j as JSON: every regime, the verbatim EU criteria and the "hard selectors" definition', async () => {
    const run = await runCordon(['controls', 'show', '5A001.j', '--json'], env);
    expect(run.code, run.stderr).toBe(0);
    const body = JSON.parse(run.stdout) as {
      entries: { regime: string; criteria: { id: string; text?: { textStatus: string } }[] }[];
      definitions: { term: string }[];
    };
    expect(body.entries.map((e) => e.regime)).toEqual(['wassenaar', 'eu', 'uk', 'us']);
    expect(
      body.entries.find((e) => e.regime === 'eu')?.criteria.find((c) => c.id === 'j.2.a')?.text,
    ).toMatchObject({ textStatus: 'verbatim' });
    expect(body.definitions.map((d) => d.term)).toEqual(['hard selectors']);
    expect(fs.existsSync(path.join(work, 'never-created'))).toBe(false);
  });

  it('classifies the sample IP surveillance platform (docs/examples) as 5A001.j and requires a licence to Egypt in GB and the EU', async () => {
    const run = await runCordon(
      [
        'classify',
        'docs/examples/ip-surveillance-item.json',
        '--destination',
        'EG',
        '--jurisdictions',
        'GB,EU',
        '--json',
      ],
      env,
    );
    expect(run.code, run.stderr).toBe(0);
    const body = JSON.parse(run.stdout) as {
      items: { regimes: { regime: string; outcome: { kind: string; entries: string[] } }[] }[];
      determinations: { jurisdiction: string; required: boolean }[];
    };
    expect(
      body.items[0]?.regimes.map((r) => [r.regime, r.outcome.kind, r.outcome.entries]),
    ).toEqual([
      ['wassenaar', 'listed', ['5A001.j']],
      ['eu', 'listed', ['5A001.j']],
      ['uk', 'listed', ['5A001.j']],
      ['us', 'listed', ['5A001.j']],
    ]);
    expect(body.determinations.map((d) => [d.jurisdiction, d.required])).toEqual([
      ['GB', true],
      ['EU', true],
    ]);
  });

  it('prints the compare matrix for the video-analytics sample with the EU Art. 5 difference marked', async () => {
    const run = await runCordon(
      ['controls', 'compare', 'docs/examples/video-analytics-to-police.json'],
      env,
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('PARTNERS DIFFER');
    expect(run.stdout).toMatch(/^\* cyber-surveillance-catch-all .*NOTIFY/m);
  });

  it('names the line of malformed JSON and exits 1', async () => {
    const file = path.join(work, 'broken.json');
    fs.writeFileSync(file, '{\n  "description": "Box",\n  "answers": { "a": yes }\n}\n');
    const run = await runCordon(['classify', file], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('is not valid JSON: line 3, column');
  });
});
