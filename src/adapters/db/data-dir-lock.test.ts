import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireDataDirLock } from './data-dir-lock.ts';

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cordon-lock-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe(acquireDataDirLock.name, () => {
  it('keeps the data directory to its owner (0700), a new one and a loose existing one, whatever the umask', () => {
    const parent = tempDir();
    const fresh = path.join(parent, 'fresh');
    const loose = path.join(parent, 'loose');
    fs.mkdirSync(loose, { mode: 0o777 });
    fs.chmodSync(loose, 0o777);
    const previous = process.umask(0);
    try {
      for (const dir of [fresh, loose]) {
        const lock = acquireDataDirLock(dir, 'serve');
        if (!lock.ok) throw new Error(lock.error.message);
        expect(fs.statSync(dir).mode & 0o777, dir).toBe(0o700);
        lock.value.release();
      }
    } finally {
      process.umask(previous);
    }
  });

  it('refuses a second holder and names the first one and its address', () => {
    const dir = tempDir();
    const first = acquireDataDirLock(dir, 'serve');
    expect(first.ok).toBe(true);
    if (first.ok) first.value.announce('http://127.0.0.1:8080');
    const second = acquireDataDirLock(dir, 'db migrate');
    expect(second).toMatchObject({ ok: false, error: { code: 'CORDON_DATA_DIR_LOCKED' } });
    expect(!second.ok && second.error.message).toContain(`pid ${process.pid}`);
    expect(!second.ok && second.error.message).toContain('serving at http://127.0.0.1:8080');
    if (first.ok) first.value.release();
  });

  it('can be taken again once released', () => {
    const dir = tempDir();
    const first = acquireDataDirLock(dir, 'serve');
    if (first.ok) first.value.release();
    const again = acquireDataDirLock(dir, 'serve');
    expect(again.ok).toBe(true);
    if (again.ok) again.value.release();
    expect(fs.existsSync(path.join(dir, 'cordon.lock'))).toBe(false);
  });

  it('takes over a lock left by a process that no longer runs', () => {
    const dir = tempDir();
    const deadPid = 2 ** 22 + 12345; // above the kernel's pid_max default: never running
    fs.writeFileSync(
      path.join(dir, 'cordon.lock'),
      JSON.stringify({
        pid: deadPid,
        hostname: os.hostname(),
        command: 'serve',
        startedAt: '2020-01-01',
      }),
    );
    const lock = acquireDataDirLock(dir, 'serve');
    expect(lock.ok).toBe(true);
    if (lock.ok) lock.value.release();
  });

  it('takes over an unreadable (corrupt) lock file', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'cordon.lock'), '{not json');
    const lock = acquireDataDirLock(dir, 'serve');
    expect(lock.ok).toBe(true);
    if (lock.ok) lock.value.release();
  });
});
