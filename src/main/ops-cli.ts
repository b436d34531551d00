import type { OpsCliHandlers } from '../adapters/cli/commands/ops.ts';
import type { Config } from '../config/config.ts';
import { cordonError, type CordonError } from '../domain/shared/errors.ts';
import { err, ok, type Result } from '../domain/shared/result.ts';
import type { CliContext } from './cli-context.ts';

/** Backups of PostgreSQL are PostgreSQL's own business (pg_dump, base backups): say so. */
function embeddedDataDir(config: Config): Result<string, CordonError> {
  return config.database.engine === 'embedded'
    ? ok(config.database.dataDir)
    : err(
        cordonError(
          'CORDON_USAGE',
          'cordon backup and restore copy the embedded store; for PostgreSQL use pg_dump and pg_restore (see docs/deploy.md, "Backups").',
        ),
      );
}

/** The CLI handlers of `cordon backup` and `cordon restore`. */
export function opsCliHandlers(context: CliContext): OpsCliHandlers {
  return {
    async backup(flags, file) {
      const config = context.configFrom(flags);
      if (!config.ok) return config;
      const dataDir = embeddedDataDir(config.value);
      if (!dataDir.ok) return dataDir;
      const { backupEmbeddedStore } = await import('../adapters/db/embedded-backup.ts');
      const done = await backupEmbeddedStore(dataDir.value, file);
      if (!done.ok) return done;
      return ok({
        text: `Backed up ${done.value.dataDir} to ${file} (${(done.value.bytes / 1024 / 1024).toFixed(1)} MB).`,
        json: done.value,
      });
    },

    async restore(flags, file) {
      const config = context.configFrom(flags);
      if (!config.ok) return config;
      const dataDir = embeddedDataDir(config.value);
      if (!dataDir.ok) return dataDir;
      const { restoreEmbeddedStore } = await import('../adapters/db/embedded-backup.ts');
      const done = await restoreEmbeddedStore(file, dataDir.value);
      if (!done.ok) return done;
      return ok({
        text: `Restored ${file} into ${done.value.dataDir}. Check it with \`cordon audit verify --data-dir ${done.value.dataDir}\`.`,
        json: done.value,
      });
    },
  };
}
