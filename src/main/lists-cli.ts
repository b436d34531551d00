import type { ListsCliHandlers } from '../adapters/cli/commands/lists.ts';
import { kyselyListSnapshotStore } from '../adapters/db/kysely-list-snapshot-store.ts';
import { parseListFiles } from '../adapters/lists/parse-list-files.ts';
import { nodeContentHasher } from '../adapters/runtime/node-content-hasher.ts';
import { systemClock } from '../adapters/runtime/system-clock.ts';
import { diffListSnapshots } from '../application/lists/diff-list-snapshots.ts';
import { getListStatus } from '../application/lists/get-list-status.ts';
import { importListSnapshot, describeProblem } from '../application/lists/import-list-snapshot.ts';
import { listSources } from '../domain/lists/list-source.ts';
import { primaryName } from '../domain/lists/listed-party.ts';
import { cordonError } from '../domain/shared/errors.ts';
import { err, ok } from '../domain/shared/result.ts';
import type { CliContext } from './cli-context.ts';
import { importShippedLists } from './prepare-store.ts';
import { snapshotJson, sourceStatusJson, diffJson } from './lists-json.ts';

/** The CLI handlers of `cordon lists ...`, wired to the database of each command. */
export function listsCliHandlers(context: CliContext): ListsCliHandlers {
  const knownSource = (source: string) =>
    listSources.some((s) => s.id === source) || source.startsWith('partner-');

  return {
    listsImport: (flags, args) =>
      context.withReadyDatabase(flags, 'lists import', async (database) => {
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
          },
          {
            store: kyselyListSnapshotStore(database.db),
            parse: parseListFiles,
            hasher: nodeContentHasher,
            clock: systemClock,
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
        // On PostgreSQL the update goes on the job queue: an API instance re-screens open cases and
        // issued licences, and the standing batches are screened again by the workers.
        let announced = '';
        const config = context.configFrom(flags);
        if (
          config.ok &&
          config.value.database.engine === 'postgres' &&
          (result.value.kind === 'imported' || result.value.reactivated)
        ) {
          const { startPgBoss, enqueueListUpdate } =
            await import('../adapters/batch/pg-boss-chunk-queue.ts');
          const { currentListUpdate } =
            await import('../application/batch/rerun-standing-batches.ts');
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
        return ok({
          text: `${text}${announced}`,
          json: {
            outcome: result.value.kind,
            snapshot: snapshotJson(snapshot),
            listUpdateQueued: announced !== '',
          },
        });
      }),

    listsStatus: (flags) =>
      context.withReadyDatabase(flags, 'lists status', async (database) => {
        const status = await getListStatus(kyselyListSnapshotStore(database.db), systemClock);
        const rows = status.map((s) =>
          s.active
            ? `${s.source.padEnd(20)} ${s.active.dataDate}  ${String(s.ageDays).padStart(5)} days  ${s.active.entryCount.toLocaleString('en').padStart(7)} entries  ${s.active.id}`
            : `${s.source.padEnd(20)} not imported`,
        );
        return ok({
          text: [
            `${'source'.padEnd(20)} data date   age          entries          active snapshot`,
            ...rows,
          ].join('\n'),
          json: { sources: status.map(sourceStatusJson) },
        });
      }),

    listsDiff: (flags, before, after) =>
      context.withReadyDatabase(flags, 'lists diff', async (database) => {
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
      }),

    listsEntries: (flags, args) =>
      context.withReadyDatabase(flags, 'lists entries', async (database) => {
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
      }),

    listsActivate: (flags, snapshotId) =>
      context.withReadyDatabase(flags, 'lists activate', async (database) => {
        const store = kyselyListSnapshotStore(database.db);
        if (!(await store.activate(snapshotId))) {
          return err(
            cordonError('CORDON_SNAPSHOT_NOT_FOUND', `No list snapshot with id ${snapshotId}.`),
          );
        }
        return ok({ text: `${snapshotId} is now active.`, json: { active: snapshotId } });
      }),

    listsImportShipped: (flags) =>
      context.withDatabase(flags, 'lists import-shipped', async (database) => {
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
