import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { cordonError, type CordonError } from '../../domain/shared/errors.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import { acquireDataDirLock } from './data-dir-lock.ts';

/** What a backup or restore did. */
export interface BackupOutcome {
  readonly file: string;
  readonly dataDir: string;
  readonly bytes: number;
}

const gzipMagic = [0x1f, 0x8b];

const failed = (message: string): CordonError => cordonError('CORDON_BACKUP_FAILED', message);

/**
 * Writes the whole embedded store (its PostgreSQL data directory, as PGlite's gzipped tar) to
 * one file. Takes the data directory's lock, so it refuses while `cordon serve` or any other
 * command holds the store: a copy taken under a running server could be torn.
 */
export async function backupEmbeddedStore(
  dataDir: string,
  file: string,
): Promise<Result<BackupOutcome, CordonError>> {
  const pgDataDir = path.join(dataDir, 'pgdata');
  if (!fs.existsSync(path.join(pgDataDir, 'PG_VERSION'))) {
    return err(failed(`There is no embedded store in ${dataDir} to back up.`));
  }
  const lock = acquireDataDirLock(dataDir, 'backup');
  if (!lock.ok) return lock;
  try {
    const pglite = await PGlite.create(pgDataDir);
    let dump: Blob;
    try {
      dump = await pglite.dumpDataDir('gzip');
    } finally {
      await pglite.close();
    }
    const bytes = new Uint8Array(await dump.arrayBuffer());
    const partial = `${file}.partial`;
    try {
      // A backup is the whole store: readable by its owner only, whatever the umask.
      fs.writeFileSync(partial, bytes, { mode: 0o600 });
      fs.chmodSync(partial, 0o600);
      fs.renameSync(partial, file);
    } catch (error) {
      fs.rmSync(partial, { force: true });
      return err(failed(`Cannot write ${file}: ${(error as Error).message}`));
    }
    return ok({ file, dataDir, bytes: bytes.length });
  } finally {
    lock.value.release();
  }
}

/**
 * Restores a file written by `backupEmbeddedStore` into a data directory that holds no store yet
 * (never over an existing one), under the directory's lock, and checks that the result opens.
 */
export async function restoreEmbeddedStore(
  file: string,
  dataDir: string,
): Promise<Result<BackupOutcome, CordonError>> {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    return err(failed(`Cannot read ${file}: ${(error as Error).message}`));
  }
  if (bytes.length < 2 || bytes[0] !== gzipMagic[0] || bytes[1] !== gzipMagic[1]) {
    return err(
      failed(`${file} is not a Cordon backup (expected a gzipped tar from \`cordon backup\`).`),
    );
  }
  const pgDataDir = path.join(dataDir, 'pgdata');
  if (fs.existsSync(pgDataDir) && fs.readdirSync(pgDataDir).length > 0) {
    return err(
      failed(
        `${dataDir} already holds a store; restore into an empty directory (--data-dir) and switch to it once verified.`,
      ),
    );
  }
  const lock = acquireDataDirLock(dataDir, 'restore');
  if (!lock.ok) return lock;
  try {
    let pglite: PGlite;
    try {
      pglite = await PGlite.create({
        dataDir: pgDataDir,
        loadDataDir: new Blob([new Uint8Array(bytes)]),
      });
    } catch (error) {
      fs.rmSync(pgDataDir, { recursive: true, force: true });
      return err(failed(`${file} could not be restored: ${(error as Error).message}`));
    }
    try {
      await pglite.query('select 1');
    } finally {
      await pglite.close();
    }
    return ok({ file, dataDir, bytes: bytes.length });
  } finally {
    lock.value.release();
  }
}
