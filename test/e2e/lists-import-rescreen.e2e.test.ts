import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { deniedPersonsFile } from '../factories/denied-persons-update.ts';
import { runCordon, startCordonServer } from '../support/cli-process.ts';
import { copyDataDirTemplate } from '../support/data-dir.ts';

describe('cordon lists import on the embedded store', () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cordon-lists-rescreen-'));
  const env = { CORDON_DATA_DIR: copyDataDirTemplate(path.join(work, 'data')) };
  afterAll(() => {
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('re-screens the open cases against the new lists and raises an alert for a newly listed consignee', async () => {
    // The demo cases: one of them ships to Nile Systems Integration S.A.E. as consignee.
    const server = await startCordonServer(
      { ...env, CORDON_ADMIN_PASSWORD: 'not-used-in-tests-1' },
      180_000,
      ['--demo'],
    );
    await server.stop();

    const file = path.join(work, 'dpl.txt');
    fs.writeFileSync(file, deniedPersonsFile('NILE SYSTEMS INTEGRATION S.A.E.'));
    // A one-entry update replaces the shipped list here: said so, as the shrink guard asks.
    const importArgs = [
      'lists',
      'import',
      '--source',
      'us-bis-dpl',
      '--data-date',
      '2026-11-21',
      '--allow-shrink',
      'end-to-end test: a one-entry update',
      '--json',
      file,
    ];
    const imported = await runCordon(importArgs, env);
    expect(imported.code, imported.stderr).toBe(0);
    const report = JSON.parse(imported.stdout) as {
      outcome: string;
      listUpdateQueued: boolean;
      rescreened: {
        cases: number;
        alerts: { caseId: string; party: { role: string; name: string }; entityId: string }[];
      };
    };
    expect(report).toMatchObject({ outcome: 'imported', listUpdateQueued: false });
    expect(report.rescreened.cases).toBeGreaterThanOrEqual(2);
    // Two open demo cases ship to that consignee (the example application, and the same
    // application awaiting the exporter's answer): one alert each, none for any other party.
    const consigneeAlert = expect.objectContaining({
      party: { role: 'consignee', name: 'Nile Systems Integration S.A.E.' },
      entityId: expect.stringMatching(/^us-bis-dpl:/),
    });
    expect(report.rescreened.alerts).toEqual([consigneeAlert, consigneeAlert]);
    expect(new Set(report.rescreened.alerts.map((a) => a.caseId)).size).toBe(2);

    // The same files again change nothing: no new snapshot, no second alert.
    const again = await runCordon(importArgs, env);
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ outcome: 'unchanged' });
    expect(JSON.parse(again.stdout)).not.toHaveProperty('rescreened');
  }, 300_000);
});
