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
import { activateListSnapshot } from '../application/lists/activate-list-snapshot.ts';
import { kyselyAuditLog } from '../adapters/db/kysely-audit-log.ts';
import type { DatabaseConnection } from '../adapters/db/open-database.ts';
import type { ConfigFlags } from '../config/config.ts';
import type { ListSnapshot } from '../domain/lists/list-snapshot.ts';
import { cliActor } from './cli-actor.ts';
import { sha256Text } from './people-wiring.ts';
import { importShippedLists } from './prepare-store.ts';
import { snapshotJson, sourceStatusJson, diffJson } from '../adapters/lists/lists-json.ts';

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

    listsActivate: (flags, args) =>
      context.withReadyDatabase(flags, 'lists activate', async (database) => {
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
