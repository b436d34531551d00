import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCordon } from '../support/cli-process.ts';

const dataDir = mkdtempSync(path.join(tmpdir(), 'cordon-assess-'));
const fixtures = path.resolve(import.meta.dirname, '../fixtures/applications');

describe('cordon assess', () => {
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('assesses the spec example on a fresh data directory (first-use list import included) and prints the contract as JSON', async () => {
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
      version: 1,
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

  it('validates a shipped policy', async () => {
    const run = await runCordon(['policy', 'validate', 'data/policies/GB/human-rights-v1.json']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/cordon\.GB\.human-rights v1/);
  }, 60_000);
});
