import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCordon } from '../support/cli-process.ts';
import { copyDataDirTemplate } from '../support/data-dir.ts';

// The lists are already imported (the first-use import itself is tested by screen-cli.e2e).
const work = mkdtempSync(path.join(tmpdir(), 'cordon-assess-'));
const dataDir = copyDataDirTemplate(path.join(work, 'data'));
const fixtures = path.resolve(import.meta.dirname, '../fixtures/applications');
const indicatorFile = path.resolve(
  import.meta.dirname,
  '../fixtures/indicators/synthetic-vdem-layout.csv',
);
const policyWithIndicator = path.resolve(
  import.meta.dirname,
  '../fixtures/policies/GB/human-rights-v2.json',
);

describe('cordon assess', () => {
  afterAll(() => {
    rmSync(work, { recursive: true, force: true });
  });

  it('assesses the spec example on the shipped lists and prints the contract as JSON', async () => {
    const run = await runCordon(
      ['assess', path.join(fixtures, 'office-equipment-to-university.json'), '--json'],
      { CORDON_DATA_DIR: dataDir },
    );
    expect(run.code, run.stderr).toBe(0);
    const a = JSON.parse(run.stdout) as {
      recommendation: { outcome: string };
      humanRights: { risk: string };
      parties: unknown[];
      items: unknown[];
      licence: Record<string, { required: boolean }>;
      provenance: {
        listSnapshots: unknown[];
        policy: { id: string; version: number };
        codeVersion: string;
      };
    };
    expect(a.recommendation.outcome).toBe('no-licence-required');
    expect(a.humanRights.risk).toBe('low');
    expect(a.parties).toHaveLength(1);
    expect(a.items).toHaveLength(1);
    expect(a.licence['NO']?.required).toBe(false);
    expect(a.provenance.listSnapshots.length).toBeGreaterThan(0);
    expect(a.provenance.policy).toEqual({
      id: 'cordon.NO.human-rights',
      version: 2,
      contentHash: expect.any(String),
    });
  }, 120_000);

  it('prints a readable report by default and names a bad field with exit code 1', async () => {
    const report = await runCordon(
      ['assess', path.join(fixtures, 'ip-surveillance-to-telecom.json')],
      {
        CORDON_DATA_DIR: dataDir,
      },
    );
    expect(report.code, report.stderr).toBe(0);
    expect(report.stdout).toMatch(/RECOMMENDATION: REFER/);
    expect(report.stdout).toMatch(/PARAPHRASE, not legal text/);
    const bad = await runCordon(
      ['assess', path.join(fixtures, 'ip-surveillance-to-telecom.json'), '--jurisdiction', 'XX'],
      { CORDON_DATA_DIR: dataDir },
    );
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/--jurisdiction/);
  }, 120_000);

  it('compares two states on the example applications: where their policies and decisions differ', async () => {
    const run = await runCordon(['policy', 'compare', 'GB', 'EU', '--json'], {
      CORDON_DATA_DIR: dataDir,
    });
    expect(run.code, run.stderr).toBe(0);
    const c = JSON.parse(run.stdout) as {
      policies: { aspect: string; a: string; b: string }[];
      applications: { name: string; a?: { outcome: string }; b?: { outcome: string } }[];
    };
    expect(c.policies).toContainEqual({
      aspect: 'human-rights catch-all for non-listed items',
      a: 'no',
      b: 'yes',
    });
    const russia = c.applications.find((x) => x.name === 'thermal-camera-to-russia.json');
    expect(russia?.a?.outcome).toBe('prohibited');
    expect(russia?.b?.outcome).toBe('prohibited');
  }, 120_000);

  it('validates a shipped policy', async () => {
    const run = await runCordon(['policy', 'validate', 'data/policies/GB/human-rights-v1.json']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/cordon\.GB\.human-rights v1/);
  }, 60_000);

  it('imports a user-held indicator file all or nothing: a bad line is named by line and column and nothing is written; the good file becomes vdem@1, once', async () => {
    const bad = path.join(dataDir, 'bad-vdem.csv');
    writeFileSync(
      bad,
      'country_text_id,year,v2x_civlib,v2x_clphy\nCHN,2023,0.15,0.12\nNOR,2023,0.96,high\n',
    );
    const refused = await runCordon(['indicators', 'import', bad, '--source', 'vdem'], {
      CORDON_DATA_DIR: dataDir,
    });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/line 3, column v2x_clphy: "high" is not a number/);
    const empty = await runCordon(['indicators', 'list', '--json'], { CORDON_DATA_DIR: dataDir });
    expect(JSON.parse(empty.stdout)).toEqual({ datasets: [] });

    const imported = await runCordon(
      ['indicators', 'import', indicatorFile, '--source', 'vdem', '--json'],
      { CORDON_DATA_DIR: dataDir },
    );
    expect(imported.code, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({
      kind: 'imported',
      dataset: {
        id: 'vdem@1',
        version: 1,
        fileName: 'synthetic-vdem-layout.csv',
        indicators: ['v2x_civlib', 'v2x_clphy'],
        rowCount: 6,
        skippedEntities: ['DDR'],
      },
    });
    const again = await runCordon(['indicators', 'import', indicatorFile, '--source', 'vdem'], {
      CORDON_DATA_DIR: dataDir,
    });
    expect(again.stdout).toMatch(/Already imported as vdem@1/);
  }, 120_000);

  it('validates a policy that reads an imported indicator, and names a threshold running the wrong way by its JSON pointer', async () => {
    const valid = await runCordon(['policy', 'validate', policyWithIndicator]);
    expect(valid.code, valid.stderr).toBe(0);
    const doc = JSON.parse(readFileSync(policyWithIndicator, 'utf8')) as {
      countryIndicators: { riskAt: Record<string, number> }[];
    };
    const first = doc.countryIndicators[0];
    if (first) first.riskAt = { medium: 0.25, high: 0.5, unacceptable: 0.7 };
    const broken = path.join(dataDir, 'human-rights-v2.json');
    writeFileSync(broken, JSON.stringify(doc));
    const invalid = await runCordon(['policy', 'validate', broken]);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toMatch(/\/countryIndicators\/0\/riskAt/);
  }, 60_000);
});
