import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCordon, startCordonServer } from '../support/cli-process.ts';
import { copyDataDirTemplate } from '../support/data-dir.ts';

describe('cordon backup and cordon restore of the embedded store', () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cordon-backup-e2e-'));
  const original = copyDataDirTemplate(path.join(work, 'original'));
  const restored = path.join(work, 'restored');
  const backup = path.join(work, 'cordon-backup.tar.gz');

  afterAll(() => {
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('refuses while the server holds the store, then restores into a fresh directory whose audit chain verifies', async () => {
    for (const name of ['Vista Vision Analytics Ltd', 'Rival Optics plc']) {
      const added = await runCordon(
        ['orgs', 'add', '--name', name, '--kind', 'exporter', '--country', 'GB'],
        { CORDON_DATA_DIR: original },
      );
      expect(added.code, added.stderr).toBe(0);
    }
    const before = await runCordon(['audit', 'verify', '--json'], { CORDON_DATA_DIR: original });
    expect(before.code, before.stderr).toBe(0);

    const server = await startCordonServer({
      CORDON_DATA_DIR: original,
      CORDON_ADMIN_PASSWORD: 'not-used-here-1',
    });
    const whileServing = await runCordon(['backup', backup], { CORDON_DATA_DIR: original });
    expect(whileServing.code).toBe(1);
    expect(whileServing.stderr).toMatch(/in use by another Cordon process .*cordon serve/);
    expect(await server.stop()).toBe(0);

    const made = await runCordon(['backup', backup, '--json'], { CORDON_DATA_DIR: original });
    expect(made.code, made.stderr).toBe(0);
    expect(fs.statSync(backup).size).toBeGreaterThan(0);
    // The store and its backup are their owner's alone (issue 18), whatever the umask.
    expect(fs.statSync(backup).mode & 0o777).toBe(0o600);
    expect(fs.statSync(original).mode & 0o777).toBe(0o700);

    const done = await runCordon(['restore', backup], { CORDON_DATA_DIR: restored });
    expect(done.code, done.stderr).toBe(0);
    const after = await runCordon(['audit', 'verify', '--json'], { CORDON_DATA_DIR: restored });
    expect(after.code, after.stderr).toBe(0);
    // The server's first start (administrator created) is in the original's trail and in the copy.
    const originalNow = await runCordon(['audit', 'verify', '--json'], {
      CORDON_DATA_DIR: original,
    });
    expect(JSON.parse(after.stdout)).toEqual(JSON.parse(originalNow.stdout));
    const orgs = await runCordon(['orgs', 'list', '--json'], { CORDON_DATA_DIR: restored });
    expect(orgs.stdout).toContain('Rival Optics plc');

    const again = await runCordon(['restore', backup], { CORDON_DATA_DIR: restored });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already holds a store');
    const notBackup = await runCordon(['restore', path.join(work, 'original', 'cordon.lock')], {
      CORDON_DATA_DIR: path.join(work, 'elsewhere'),
    });
    expect(notBackup.code).toBe(1);
  }, 600_000);
});
