import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cordonError, type CordonError } from '../../domain/shared/errors.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';

/** What a lock file records about the process that holds an embedded data directory. */
export interface LockOwner {
  readonly pid: number;
  readonly hostname: string;
  readonly command: string;
  readonly startedAt: string;
  /** The address of the HTTP server, when the holder is `cordon serve` and listening. */
  readonly url?: string;
}

/** An exclusive hold on an embedded data directory. */
export interface DataDirLock {
  readonly path: string;
  /** Records the server's address in the lock file, so a second process can say where it runs. */
  announce(url: string): void;
  release(): void;
}

const lockFileName = 'cordon.lock';
const takeoverStaleMs = 10_000;

/**
 * Takes the lock file of an embedded data directory, creating the directory if needed. Two
 * processes on one PGlite directory silently lose writes, so a second process gets
 * `CORDON_DATA_DIR_LOCKED` naming the holder. A lock left by a process that no longer runs on this
 * host is taken over.
 */
export function acquireDataDirLock(
  dataDir: string,
  command: string,
): Result<DataDirLock, CordonError> {
  // The store holds people, cases and the audit trail: the directory is its owner's alone
  // (0700), whatever the umask, and an existing one is tightened.
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  restrictToOwner(dataDir);
  const lockPath = path.join(dataDir, lockFileName);
  const owner: LockOwner = {
    pid: process.pid,
    hostname: os.hostname(),
    command,
    startedAt: new Date().toISOString(),
  };

  for (let attempt = 0; attempt < 3; attempt++) {
    if (tryCreate(lockPath, owner)) {
      return ok(heldLock(lockPath, owner));
    }
    const holder = readOwner(lockPath);
    if (holder !== undefined && isAlive(holder)) {
      return err(lockedError(dataDir, holder));
    }
    takeOverStaleLock(lockPath, holder);
  }
  const holder = readOwner(lockPath);
  return err(
    holder
      ? lockedError(dataDir, holder)
      : cordonError(
          'CORDON_DATA_DIR_LOCKED',
          `Cannot take the lock ${lockPath}: another process keeps replacing it.`,
        ),
  );
}

function heldLock(lockPath: string, owner: LockOwner): DataDirLock {
  let released = false;
  const releaseOnExit = () => {
    if (!released) removeIfOurs(lockPath);
  };
  process.once('exit', releaseOnExit);
  return {
    path: lockPath,
    announce(url) {
      fs.writeFileSync(lockPath, JSON.stringify({ ...owner, url }));
    },
    release() {
      if (released) return;
      released = true;
      process.removeListener('exit', releaseOnExit);
      removeIfOurs(lockPath);
    },
  };
}

function tryCreate(lockPath: string, owner: LockOwner): boolean {
  try {
    fs.writeFileSync(lockPath, JSON.stringify(owner), { flag: 'wx' });
    return true;
  } catch (error) {
    if (isErrno(error, 'EEXIST')) return false;
    throw error;
  }
}

function readOwner(lockPath: string): LockOwner | undefined {
  try {
    const parsed: unknown = JSON.parse(fs.readFileSync(lockPath, 'utf8'));
    if (
      typeof parsed === 'object' &&
      parsed !== null &&
      'pid' in parsed &&
      typeof parsed.pid === 'number'
    ) {
      return parsed as LockOwner;
    }
    return undefined;
  } catch {
    return undefined;
  }
}

function isAlive(owner: LockOwner): boolean {
  if (owner.hostname !== os.hostname()) return true; // cannot check another host: assume it runs
  if (owner.pid === process.pid) return true;
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    return isErrno(error, 'EPERM');
  }
}

/**
 * Removes a lock whose holder is gone. A short-lived takeover file makes sure that of two
 * processes finding the same stale lock, only one removes it (the other would remove the new one).
 */
function takeOverStaleLock(lockPath: string, stale: LockOwner | undefined): void {
  const takeoverPath = `${lockPath}.takeover`;
  try {
    fs.writeFileSync(takeoverPath, String(process.pid), { flag: 'wx' });
  } catch (error) {
    if (!isErrno(error, 'EEXIST')) throw error;
    const stat = fs.statSync(takeoverPath, { throwIfNoEntry: false });
    if (stat && Date.now() - stat.mtimeMs > takeoverStaleMs)
      fs.rmSync(takeoverPath, { force: true });
    return;
  }
  try {
    const current = readOwner(lockPath);
    const sameStaleHolder =
      current === undefined
        ? stale === undefined
        : stale !== undefined && current.pid === stale.pid;
    if (sameStaleHolder && (current === undefined || !isAlive(current))) {
      fs.rmSync(lockPath, { force: true });
    }
  } finally {
    fs.rmSync(takeoverPath, { force: true });
  }
}

function removeIfOurs(lockPath: string): void {
  const owner = readOwner(lockPath);
  if (owner?.pid === process.pid && owner.hostname === os.hostname()) {
    fs.rmSync(lockPath, { force: true });
  }
}

function lockedError(dataDir: string, holder: LockOwner): CordonError {
  const where = holder.url ? `, serving at ${holder.url}` : '';
  const host = holder.hostname === os.hostname() ? '' : ` on host ${holder.hostname}`;
  return cordonError(
    'CORDON_DATA_DIR_LOCKED',
    `The embedded data directory ${dataDir} is in use by another Cordon process ` +
      `(pid ${holder.pid}${host}, \`cordon ${holder.command}\`${where}). ` +
      'Stop that process first, or use another directory with CORDON_DATA_DIR or --data-dir.',
  );
}

const isErrno = (error: unknown, code: string): boolean =>
  error instanceof Error && (error as NodeJS.ErrnoException).code === code;

/** Sets a file or directory we own to owner-only access (0700 / 0600); leaves others' alone. */
export function restrictToOwner(target: string): void {
  try {
    const stat = fs.statSync(target);
    if (typeof process.getuid === 'function' && stat.uid !== process.getuid()) return;
    fs.chmodSync(target, stat.isDirectory() ? 0o700 : 0o600);
  } catch {
    // Not there (yet), or a file system without modes: nothing to tighten.
  }
}
