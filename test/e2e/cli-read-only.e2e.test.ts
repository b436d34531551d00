import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCordon } from '../support/cli-process.ts';

describe('cordon commands that only read, on mistakes', () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cordon-cli-read-only-'));
  afterAll(() => {
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('refuses a --data-dir that does not exist for screen, assess and lists status, creating nothing', async () => {
    const missing = path.join(work, 'typo');
    for (const args of [
      ['screen', 'Hikvision'],
      ['assess', 'docs/examples/applications/dpi-to-iranian-state-operator.json'],
      ['lists', 'status'],
    ]) {
      const run = await runCordon(['--data-dir', missing, ...args]);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toContain(`--data-dir "${missing}" does not exist`);
      expect(run.stderr).toContain('db migrate');
      expect(fs.existsSync(missing)).toBe(false);
    }
  });

  it('refuses an empty name to screen with exit 2', async () => {
    const run = await runCordon(['screen', '', '--data-dir', path.join(work, 'typo')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('cordon: NAME must not be empty: give the name to screen.\n');
  });

  it('says once that an unknown control entry id is not one', async () => {
    const run = await runCordon(['controls', 'show', '9Z999']);
    expect(run.code).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]?.match(/is not a control entry id/g)).toHaveLength(1);
  });
});
