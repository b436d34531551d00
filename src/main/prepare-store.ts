import fs from 'node:fs';
import path from 'node:path';
import type { CliIo } from '../adapters/cli/output.ts';
import { ensureInstanceRecord } from '../adapters/db/instance-record.ts';
import { kyselyAuditLog } from '../adapters/db/kysely-audit-log.ts';
import { kyselyListSnapshotStore } from '../adapters/db/kysely-list-snapshot-store.ts';
import { migrateToLatest, migrationStates } from '../adapters/db/migrator.ts';
import type { DatabaseConnection } from '../adapters/db/open-database.ts';
import { parseListFiles } from '../adapters/lists/parse-list-files.ts';
import { shippedListManifest } from '../adapters/lists/shipped-lists.ts';
import { repositoryRoot } from '../adapters/runtime/code-version.ts';
import { nodeContentHasher } from '../adapters/runtime/node-content-hasher.ts';
import { systemClock } from '../adapters/runtime/system-clock.ts';
import {
  importListSnapshot,
  type ImportOutcome,
} from '../application/lists/import-list-snapshot.ts';
import type { ListSnapshotStore } from '../application/ports/list-snapshot-store.ts';
import type { ListedParty } from '../domain/lists/listed-party.ts';
import { cordonError, type CordonError } from '../domain/shared/errors.ts';
import { err, ok, type Result } from '../domain/shared/result.ts';

export interface PrepareOptions {
  readonly codeVersion: string;
  /** Where to tell a person what first-start work is being done (stderr); progress bars only on a terminal. */
  readonly io?: CliIo;
  /**
   * Told of each snapshot written by a first-start import, with its records, so that a command
   * can index them from memory instead of reading them back (`cordon screen` on first use).
   */
  readonly onSnapshotSaved?: (snapshotId: string, entries: readonly ListedParty[]) => void;
}

/**
 * Makes a store ready for work. The embedded store is migrated and, on its first use, seeded
 * with the lists Cordon ships. PostgreSQL is never migrated implicitly (several instances may
 * share it): pending migrations are an error that says to run `cordon db migrate`.
 */
export async function prepareStore(
  database: DatabaseConnection,
  options: PrepareOptions,
): Promise<Result<void, CordonError>> {
  if (database.engine === 'postgres') {
    const pending = (await migrationStates(database.db)).filter((m) => m.executedAt === undefined);
    return pending.length === 0
      ? ok(undefined)
      : err(
          cordonError(
            'CORDON_NOT_READY',
            `PostgreSQL at ${database.location} has ${pending.length} pending migration(s); run \`cordon db migrate\` first.`,
          ),
        );
  }
  if (database.created)
    options.io?.stderr(`Created the embedded database in ${database.location}.\n`);
  const migrated = await migrateToLatest(database.db);
  if (!migrated.ok) return migrated;
  await ensureInstanceRecord(database.db, options.codeVersion);
  const store = kyselyListSnapshotStore(database.db);
  if ((await store.listSnapshots()).length === 0) {
    const imported = await importShippedLists(database, options);
    if (!imported.ok) return imported;
  }
  return ok(undefined);
}

/** One shipped source's import, as reported by `importShippedLists`. */
export interface ShippedImport {
  readonly source: string;
  readonly outcome: ImportOutcome;
}

/**
 * Imports every list Cordon ships (data/lists, see its README) as snapshots; sources whose files
 * were imported before are left as they are. Shows a progress bar on a terminal.
 */
export async function importShippedLists(
  database: DatabaseConnection,
  options: PrepareOptions,
): Promise<Result<readonly ShippedImport[], CordonError>> {
  const saved = options.onSnapshotSaved;
  const kyselyStore = kyselyListSnapshotStore(database.db);
  const store: ListSnapshotStore = saved
    ? {
        ...kyselyStore,
        async saveAndActivate(snapshot, entries) {
          await kyselyStore.saveAndActivate(snapshot, entries);
          saved(snapshot.id, entries);
        },
      }
    : kyselyStore;
  const deps = {
    store,
    parse: parseListFiles,
    hasher: nodeContentHasher,
    clock: systemClock,
    audit: kyselyAuditLog(database.db, systemClock, (text: string) =>
      nodeContentHasher.sha256(text),
    ),
  };
  const interactive = options.io?.isTty === true && process.stderr.isTTY;
  const { SingleBar, Presets } = await import('cli-progress');
  const bar = interactive
    ? new SingleBar(
        {
          format: 'Importing shipped lists [{bar}] {value}/{total} {source}',
          clearOnComplete: true,
        },
        Presets.shades_classic,
      )
    : undefined;
  bar?.start(shippedListManifest.length, 0, { source: '' });
  if (!interactive) options.io?.stderr('Importing the shipped restricted lists (first start)...\n');
  const results: ShippedImport[] = [];
  try {
    for (const entry of shippedListManifest) {
      bar?.update(results.length, { source: entry.source });
      const files = entry.files.map((file) => ({
        name: path.basename(file),
        bytes: new Uint8Array(fs.readFileSync(path.join(repositoryRoot, file))),
      }));
      const imported = await importListSnapshot(
        {
          source: entry.source,
          files,
          strict: false,
          dataDate: entry.dataDate,
          provenance: entry.note,
          importerVersion: options.codeVersion,
          // Shipped files are reviewed with the code; some are knowingly partial (the CSL extract
          // ends mid-row, see data/lists/README.md). The shrink guard is for what people upload.
          allowShrink: `shipped with Cordon and reviewed with its code: ${entry.note}`,
          actor: 'system',
        },
        deps,
      );
      if (!imported.ok) return imported;
      results.push({ source: entry.source, outcome: imported.value });
    }
  } finally {
    bar?.stop();
  }
  const total = results.reduce((sum, r) => sum + r.outcome.snapshot.entryCount, 0);
  options.io?.stderr(
    `Imported ${results.length} shipped lists (${total.toLocaleString('en')} entries).\n`,
  );
  return ok(results);
}
