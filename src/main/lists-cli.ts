import { readFileBytes } from '../adapters/cli/json-file.ts';
import type { Command } from 'commander';
import type { ConfigFlags } from '../config/config.ts';
import type { ListFile } from '../application/ports/list-parser.ts';
import { cordonError, type CordonError } from '../domain/shared/errors.ts';
import { err, ok, type Result } from '../domain/shared/result.ts';
import type { CommandOutput } from '../adapters/cli/output.ts';
import type { CommandContext } from './cli-program.ts';
import type { CliContext } from './cli-context.ts';
import { listSources } from '../domain/lists/list-source.ts';
import { listStatusOutput, type ListStatusJson } from './lists-json.ts';
import type { DatabaseConnection } from '../adapters/db/open-database.ts';
import type { ListSnapshot } from '../domain/lists/list-snapshot.ts';

// The work's modules load when a command runs, so that `cordon --help` loads none of them.
const modules = async () => ({
  ...(await import('../adapters/db/kysely-list-snapshot-store.ts')),
  ...(await import('../adapters/lists/parse-list-files.ts')),
  ...(await import('../adapters/runtime/node-content-hasher.ts')),
  ...(await import('../adapters/runtime/system-clock.ts')),
  ...(await import('../application/lists/diff-list-snapshots.ts')),
  ...(await import('../application/lists/get-list-status.ts')),
  ...(await import('../application/lists/import-list-snapshot.ts')),
  ...(await import('../domain/lists/listed-party.ts')),
  ...(await import('../application/lists/activate-list-snapshot.ts')),
  ...(await import('../adapters/db/kysely-audit-log.ts')),
  ...(await import('./cli-actor.ts')),
  ...(await import('./people-wiring.ts')),
  ...(await import('./prepare-store.ts')),
  ...(await import('./lists-json.ts')),
});

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

/** The CLI handlers of `cordon lists ...`, wired to the database of each command. */
export function listsCliHandlers(context: CliContext): ListsCliHandlers {
  const shrinkPolicyOf = (flags: ConfigFlags) => {
    const config = context.configFrom(flags);
    return config.ok ? { shrinkPolicy: config.value.lists } : {};
  };
  const knownSource = (source: string) =>
    listSources.some((s) => s.id === source) || source.startsWith('partner-');

  /**
   * After a snapshot became active (an import or a roll-back). On PostgreSQL the update goes on
   * the job queue: an API instance re-screens open cases and issued licences, and the workers
   * screen the standing batches again. The embedded store serves one process at a time (no server
   * runs beside this command), so the cases are re-screened here, now.
   */
  const afterActivation = async (
    flags: ConfigFlags,
    database: DatabaseConnection,
    snapshot: ListSnapshot,
  ): Promise<{
    readonly announced: string;
    readonly rescreened: { cases: number; alerts: readonly unknown[] } | undefined;
    readonly queued: boolean;
  }> => {
    const { kyselyListSnapshotStore, systemClock } = await modules();
    let announced = '';
    let rescreened: { cases: number; alerts: readonly unknown[] } | undefined;
    const config = context.configFrom(flags);
    if (config.ok && config.value.database.engine === 'embedded') {
      const { rescreenCases } = await import('../application/cases/rescreen-cases.ts');
      const { createScreeningService } =
        await import('../application/screening/screening-service.ts');
      const { assessmentDeps } = await import('./assessment-deps.ts');
      const { caseDepsFor } = await import('./case-wiring.ts');
      const { partnerAlertScreening } = await import('./exchange-wiring.ts');
      const { randomSecrets } = await import('../adapters/runtime/random-secrets.ts');
      const store = kyselyListSnapshotStore(database.db);
      const screening = createScreeningService({
        store,
        thresholds: config.value.screening.thresholds,
        extra: partnerAlertScreening(database.db),
      });
      const assessment = assessmentDeps(store, screening, context.codeVersion, {
        database,
        listMaxAgeDays: config.value.assessment.listMaxAgeDays,
      });
      const report = await rescreenCases({
        store: caseDepsFor(database.db, assessment).store,
        screener: assessment.screener,
        clock: systemClock,
        secrets: randomSecrets,
      });
      rescreened = {
        cases: report.casesScreened,
        alerts: report.alerts.map((a) => ({
          caseId: a.caseId,
          caseReference: a.caseReference,
          party: a.party,
          entityId: a.match.entityId,
          name: a.match.name,
          score: a.match.score,
          band: a.match.band,
        })),
      };
      announced = [
        `\nRe-screened ${report.casesScreened.toLocaleString('en')} open case(s) and licence(s) against the new lists: ${report.alerts.length.toLocaleString('en')} new alert(s).`,
        ...report.alerts
          .slice(0, 20)
          .map(
            (a) =>
              `  ${a.caseReference}: ${a.party.role} "${a.party.name}" ~ ${a.match.name} (${a.match.entityId}, ${a.match.score.toFixed(2)} ${a.match.band})`,
          ),
      ].join('\n');
    }
    if (config.ok && config.value.database.engine === 'postgres') {
      const { startPgBoss, enqueueListUpdate } =
        await import('../adapters/batch/pg-boss-chunk-queue.ts');
      const { currentListUpdate } = await import('../application/batch/rerun-standing-batches.ts');
      const boss = await startPgBoss({ connectionString: config.value.database.url });
      try {
        await enqueueListUpdate(
          boss,
          await currentListUpdate(kyselyListSnapshotStore(database.db), snapshot),
        );
        announced =
          '\nQueued the list update: open cases and licences are re-screened, and standing batches screened again, by the running instances and workers.';
      } finally {
        await boss.stop({ graceful: false, wait: true });
      }
    }
    return {
      announced,
      rescreened,
      queued: config.ok && config.value.database.engine === 'postgres' && announced !== '',
    };
  };

  return {
    listsImport: (flags, args) =>
      context.withReadyDatabase(flags, 'lists import', async (database) => {
        const {
          importListSnapshot,
          cliActor,
          kyselyListSnapshotStore,
          parseListFiles,
          nodeContentHasher,
          systemClock,
          kyselyAuditLog,
          sha256Text,
          describeProblem,
          snapshotJson,
        } = await modules();
        if (!knownSource(args.source)) {
          return err(
            cordonError(
              'CORDON_UNKNOWN_LIST_SOURCE',
              `Unknown list source "${args.source}"; known sources: ${listSources.map((s) => s.id).join(', ')}.`,
            ),
          );
        }
        const result = await importListSnapshot(
          {
            source: args.source,
            files: args.files,
            strict: args.strict,
            provenance:
              args.provenance ??
              `imported with cordon lists import from ${args.files.map((f) => f.name).join(', ')}`,
            importerVersion: context.codeVersion,
            ...(args.dataDate !== undefined ? { dataDate: args.dataDate } : {}),
            ...(args.allowShrink !== undefined ? { allowShrink: args.allowShrink } : {}),
            actor: cliActor(),
          },
          {
            store: kyselyListSnapshotStore(database.db),
            parse: parseListFiles,
            hasher: nodeContentHasher,
            clock: systemClock,
            audit: kyselyAuditLog(database.db, systemClock, sha256Text),
            ...shrinkPolicyOf(flags),
            onParsed: ({ entries, skipped }) => {
              context.io.stderr(
                `Parsed ${entries.toLocaleString('en')} entries (${skipped} skipped); writing the snapshot...\n`,
              );
            },
          },
        );
        if (!result.ok) {
          const shown = result.error.problems.slice(0, 20).map((p) => `  ${describeProblem(p)}`);
          const more =
            result.error.problems.length > 20
              ? [`  ... and ${result.error.problems.length - 20} more`]
              : [];
          return err({
            ...result.error,
            message: [result.error.message, ...(shown.length > 1 ? [...shown, ...more] : [])].join(
              '\n',
            ),
          });
        }
        const { snapshot } = result.value;
        const skipped = snapshot.problems
          .slice(0, 20)
          .map((p) => `  skipped ${describeProblem(p)}`);
        const text =
          result.value.kind === 'unchanged'
            ? `These files were imported before as ${snapshot.id}; nothing was duplicated${result.value.reactivated ? ' (it is active again)' : ''}.`
            : [
                `Imported ${snapshot.entryCount.toLocaleString('en')} entries of ${snapshot.source} as ${snapshot.id} (data date ${snapshot.dataDate}); it is now active.`,
                ...(snapshot.skippedCount > 0
                  ? [`Skipped ${snapshot.skippedCount} row(s):`, ...skipped]
                  : []),
                ...(snapshot.skippedCount > 20
                  ? [`  ... and ${snapshot.skippedCount - 20} more (see --json)`]
                  : []),
              ].join('\n');
        const activated = result.value.kind === 'imported' || result.value.reactivated;
        const { announced, rescreened, queued } = activated
          ? await afterActivation(flags, database, snapshot)
          : { announced: '', rescreened: undefined, queued: false };
        return ok({
          text: `${text}${announced}`,
          json: {
            outcome: result.value.kind,
            snapshot: snapshotJson(snapshot),
            listUpdateQueued: queued,
            ...(rescreened !== undefined ? { rescreened } : {}),
          },
        });
      }),

    listsStatus: (flags) =>
      context.withReadyDatabase(
        flags,
        'lists status',
        async (database) => {
          const { getListStatus, kyselyListSnapshotStore, systemClock, sourceStatusJson } =
            await modules();
          const status = await getListStatus(kyselyListSnapshotStore(database.db), systemClock);
          return ok(listStatusOutput({ sources: status.map(sourceStatusJson) }));
        },
        {
          readOnly: true,
          viaServer: {
            request: { method: 'GET', path: '/v1/lists' },
            output: (answer) => listStatusOutput(answer as ListStatusJson),
          },
        },
      ),

    listsDiff: (flags, before, after) =>
      context.withReadyDatabase(
        flags,
        'lists diff',
        async (database) => {
          const { diffListSnapshots, kyselyListSnapshotStore, diffJson } = await modules();
          const diff = await diffListSnapshots(kyselyListSnapshotStore(database.db), before, after);
          if (!diff.ok) return diff;
          const d = diff.value;
          const lines = [
            `${d.before.id} -> ${d.after.id}: ${d.added.length} added, ${d.removed.length} removed, ${d.changed.length} changed, ${d.unchangedCount} unchanged`,
            ...d.added.slice(0, 50).map((e) => `+ ${e.name}  (${e.entityId})`),
            ...d.removed.slice(0, 50).map((e) => `- ${e.name}  (${e.entityId})`),
            ...d.changed
              .slice(0, 50)
              .map((e) => `~ ${e.name}  (${e.entityId}): ${e.fields.join(', ')}`),
          ];
          return ok({ text: lines.join('\n'), json: diffJson(d) });
        },
        { readOnly: true },
      ),

    listsEntries: (flags, args) =>
      context.withReadyDatabase(
        flags,
        'lists entries',
        async (database) => {
          const { kyselyListSnapshotStore, primaryName } = await modules();
          const store = kyselyListSnapshotStore(database.db);
          const active = (await store.activeSnapshots()).find((a) => a.source === args.source);
          if (!active) {
            return err(
              cordonError('CORDON_SNAPSHOT_NOT_FOUND', `No snapshot of ${args.source} is active.`),
            );
          }
          const page = await store.browse(active.snapshot.id, args.query, {
            offset: (args.page - 1) * args.pageSize,
            limit: args.pageSize,
          });
          const lines = [
            `${page.total} entries in ${active.snapshot.id}${args.query ? ` matching "${args.query}"` : ''}; page ${args.page}:`,
            ...page.entries.map(
              (e) =>
                `${primaryName(e)}  [${e.countries.join(',')}] ${e.programmes.join(',')}  (${e.entityId})`,
            ),
          ];
          return ok({
            text: lines.join('\n'),
            json: {
              snapshot: active.snapshot.id,
              total: page.total,
              page: args.page,
              pageSize: args.pageSize,
              entries: page.entries,
            },
          });
        },
        { readOnly: true },
      ),

    listsActivate: (flags, args) =>
      context.withReadyDatabase(flags, 'lists activate', async (database) => {
        const {
          kyselyListSnapshotStore,
          activateListSnapshot,
          kyselyAuditLog,
          systemClock,
          sha256Text,
          cliActor,
        } = await modules();
        const store = kyselyListSnapshotStore(database.db);
        const stored = await store.getSnapshot(args.snapshotId);
        if (stored === undefined) {
          return err(
            cordonError(
              'CORDON_SNAPSHOT_NOT_FOUND',
              `No list snapshot with id ${args.snapshotId}.`,
            ),
          );
        }
        const activated = await activateListSnapshot(
          {
            store,
            audit: kyselyAuditLog(database.db, systemClock, sha256Text),
            ...shrinkPolicyOf(flags),
          },
          {
            source: stored.source,
            snapshotId: args.snapshotId,
            actor: cliActor(),
            ...(args.allowShrink === undefined ? {} : { allowShrink: args.allowShrink }),
          },
        );
        if (!activated.ok) return activated;
        if (!activated.value.changed) {
          return ok({
            text: `${args.snapshotId} is already active; nothing changed.`,
            json: { active: args.snapshotId, changed: false },
          });
        }
        const { announced, rescreened } = await afterActivation(
          flags,
          database,
          activated.value.snapshot,
        );
        return ok({
          text: `${args.snapshotId} is now active${activated.value.previous === undefined ? '' : ` (it replaces ${activated.value.previous})`}.${announced}`,
          json: {
            active: args.snapshotId,
            changed: true,
            previous: activated.value.previous ?? null,
            ...(rescreened === undefined ? {} : { rescreened }),
          },
        });
      }),

    listsImportShipped: (flags) =>
      context.withDatabase(flags, 'lists import-shipped', async (database) => {
        const { importShippedLists, snapshotJson } = await modules();
        const { prepareStore } = await import('./prepare-store.ts');
        const prepared = await prepareStore(database, { codeVersion: context.codeVersion });
        if (!prepared.ok) return prepared;
        const result = await importShippedLists(database, {
          codeVersion: context.codeVersion,
          io: context.io,
        });
        if (!result.ok) return result;
        return ok({
          text: result.value
            .map(
              (r) =>
                `${r.source}: ${r.outcome.kind === 'imported' ? 'imported' : 'already imported'} ${r.outcome.snapshot.id} (${r.outcome.snapshot.entryCount} entries)`,
            )
            .join('\n'),
          json: {
            imports: result.value.map((r) => ({
              source: r.source,
              outcome: r.outcome.kind,
              snapshot: snapshotJson(r.outcome.snapshot),
            })),
          },
        });
      }),
  };
}
