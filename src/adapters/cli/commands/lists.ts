import type { Command } from 'commander';
import type { ConfigFlags } from '../../../config/config.ts';
import { readFileBytes } from '../json-file.ts';
import type { ListFile } from '../../../application/ports/list-parser.ts';
import { cordonError, type CordonError } from '../../../domain/shared/errors.ts';
import { err, ok, type Result } from '../../../domain/shared/result.ts';
import type { CommandOutput } from '../output.ts';
import type { CommandContext } from '../program.ts';

type Outcome = Promise<Result<CommandOutput, CordonError>>;

export interface ListImportArgs {
  readonly source: string;
  readonly files: readonly ListFile[];
  readonly strict: boolean;
  readonly dataDate?: string;
  readonly provenance?: string;
  /** Why a large shrink or a truncated-looking file is intended (audited). */
  readonly allowShrink?: string;
}

/** The work behind `cordon lists ...`. */
export interface ListsCliHandlers {
  listsImport(flags: ConfigFlags, args: ListImportArgs): Outcome;
  listsStatus(flags: ConfigFlags): Outcome;
  listsDiff(flags: ConfigFlags, before: string, after: string): Outcome;
  listsEntries(
    flags: ConfigFlags,
    args: {
      readonly source: string;
      readonly query?: string;
      readonly page: number;
      readonly pageSize: number;
    },
  ): Outcome;
  listsActivate(
    flags: ConfigFlags,
    args: { readonly snapshotId: string; readonly allowShrink?: string },
  ): Outcome;
  listsImportShipped(flags: ConfigFlags): Outcome;
}

/** Registers `cordon lists import|status|diff|entries|activate`. */
export function registerListsCommands(
  program: Command,
  handlers: ListsCliHandlers,
  context: CommandContext,
): void {
  const lists = program
    .command('lists')
    .description('restricted-party list snapshots: import, status, diff, browse');

  lists
    .command('import')
    .description(
      'import the files of one list source as a new snapshot (all or nothing) and activate it',
    )
    .argument('<files...>', 'the official files, e.g. sdn.csv alt.csv add.csv sdn_comments.csv')
    .requiredOption(
      '-s, --source <id>',
      'the list source, e.g. us-ofac-sdn (see `cordon lists status`)',
    )
    .option('--strict', 'refuse the whole import if any row cannot be read')
    .option(
      '--data-date <YYYY-MM-DD>',
      'the date the data is as of; required when the files do not say',
    )
    .option('--provenance <text>', 'where the files came from, recorded with the snapshot')
    .option(
      '--allow-shrink <reason>',
      'import even if it removes more than the allowed share of the active entries (CORDON_LIST_MAX_REMOVED_SHARE, default 10%) or the files look cut short; the reason is audited',
    )
    .option('--json', 'print the result as JSON')
    .action(
      async (
        paths: string[],
        opts: {
          source: string;
          strict?: boolean;
          dataDate?: string;
          provenance?: string;
          allowShrink?: string;
          json?: boolean;
        },
        command: Command,
      ) => {
        await context.run(opts.json === true, async () => {
          const files = await readFiles(paths);
          if (!files.ok) return files;
          return handlers.listsImport(context.flags(command), {
            source: opts.source,
            files: files.value,
            strict: opts.strict === true,
            ...(opts.dataDate !== undefined ? { dataDate: opts.dataDate } : {}),
            ...(opts.provenance !== undefined ? { provenance: opts.provenance } : {}),
            ...(opts.allowShrink !== undefined ? { allowShrink: opts.allowShrink } : {}),
          });
        });
      },
    );

  lists
    .command('import-shipped')
    .description(
      'import the lists Cordon ships (data/lists); files imported before are not duplicated',
    )
    .option('--json', 'print the result as JSON')
    .action(async (opts: { json?: boolean }, command: Command) => {
      await context.run(opts.json === true, () =>
        handlers.listsImportShipped(context.flags(command)),
      );
    });

  lists
    .command('status')
    .description("each source's active snapshot, data date, age and entry count")
    .option('--json', 'print the result as JSON')
    .action(async (opts: { json?: boolean }, command: Command) => {
      await context.run(opts.json === true, () => handlers.listsStatus(context.flags(command)));
    });

  lists
    .command('diff')
    .description('entries added, removed and changed between two snapshots of one source')
    .argument('<before>', 'the older snapshot id')
    .argument('<after>', 'the newer snapshot id')
    .option('--json', 'print the result as JSON')
    .action(async (before: string, after: string, opts: { json?: boolean }, command: Command) => {
      await context.run(opts.json === true, () =>
        handlers.listsDiff(context.flags(command), before, after),
      );
    });

  lists
    .command('entries')
    .description('browse the active snapshot of a source by name')
    .argument('<source>', 'the list source, e.g. us-bis-entity-list')
    .option('-q, --query <text>', 'only entries with a name containing this text')
    .option('--page <n>', 'page number, from 1', '1')
    .option('--page-size <n>', 'entries per page', '20')
    .option('--json', 'print the result as JSON')
    .action(
      async (
        source: string,
        opts: { query?: string; page: string; pageSize: string; json?: boolean },
        command: Command,
      ) => {
        await context.run(opts.json === true, () => {
          const page = positiveInteger(opts.page, '--page');
          const pageSize = positiveInteger(opts.pageSize, '--page-size');
          if (!page.ok) return Promise.resolve(page);
          if (!pageSize.ok) return Promise.resolve(pageSize);
          return handlers.listsEntries(context.flags(command), {
            source,
            page: page.value,
            pageSize: Math.min(pageSize.value, 500),
            ...(opts.query !== undefined ? { query: opts.query } : {}),
          });
        });
      },
    );

  lists
    .command('activate')
    .description(
      'make a stored snapshot the active one of its source again (roll back); open cases are re-screened as after an import',
    )
    .argument('<snapshot>', 'the snapshot id')
    .option(
      '--allow-shrink <reason>',
      'activate even if it removes more than the allowed share of the active entries; the reason is audited',
    )
    .option('--json', 'print the result as JSON')
    .action(
      async (
        snapshotId: string,
        opts: { json?: boolean; allowShrink?: string },
        command: Command,
      ) => {
        await context.run(opts.json === true, () =>
          handlers.listsActivate(context.flags(command), {
            snapshotId,
            ...(opts.allowShrink === undefined ? {} : { allowShrink: opts.allowShrink }),
          }),
        );
      },
    );
}

async function readFiles(paths: readonly string[]): Promise<Result<ListFile[], CordonError>> {
  const files: ListFile[] = [];
  for (const path of paths) {
    const bytes = await readFileBytes(path);
    if (!bytes.ok) return bytes;
    files.push({ name: path, bytes: bytes.value });
  }
  return ok(files);
}

function positiveInteger(raw: string, flag: string): Result<number, CordonError> {
  const value = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  return Number.isSafeInteger(value) && value >= 1
    ? ok(value)
    : err(cordonError('CORDON_USAGE', `${flag} must be a whole number from 1, got "${raw}".`));
}
