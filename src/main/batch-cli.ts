import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { BatchCliHandlers } from '../adapters/cli/commands/batch.ts';
import type { Config } from '../config/config.ts';
import { cordonError, type CordonError } from '../domain/shared/errors.ts';
import { err, ok, type Result } from '../domain/shared/result.ts';
import type { BatchStatus } from '../application/batch/batch-store.ts';
import type { CliContext } from './cli-context.ts';

const batchModules = async () => ({
  ...(await import('../adapters/batch/kysely-batch-store.ts')),
  ...(await import('../adapters/batch/pg-boss-chunk-queue.ts')),
  ...(await import('../adapters/batch/read-batch-csv.ts')),
  ...(await import('../application/batch/submit-batch.ts')),
  ...(await import('../application/batch/process-batch-chunk.ts')),
  ...(await import('../application/batch/get-batch-status.ts')),
  ...(await import('../application/batch/read-batch-results.ts')),
  ...(await import('../adapters/runtime/system-clock.ts')),
});

/** Batch screening needs the shared PostgreSQL database: workers on several machines use it at once. */
function postgresUrl(config: Config): Result<string, CordonError> {
  return config.database.engine === 'postgres'
    ? ok(config.database.url)
    : err(
        cordonError(
          'CORDON_NEEDS_POSTGRESQL',
          'Batch screening and workers run on PostgreSQL only (the embedded store serves one process): set DATABASE_URL or --database-url, and run `cordon db migrate` once. For one machine, use `cordon screen-file`.',
        ),
      );
}

/** The CLI handlers of `cordon batch ...` and `cordon worker`. */
export function batchCliHandlers(context: CliContext): BatchCliHandlers {
  const postgres = (flags: Parameters<CliContext['configFrom']>[0]) => {
    const config = context.configFrom(flags);
    if (!config.ok) return config;
    const url = postgresUrl(config.value);
    return url.ok ? ok({ config: config.value, url: url.value }) : url;
  };

  return {
    batchSubmit: (flags, args) => {
      const target = postgres(flags);
      if (!target.ok) return Promise.resolve(target);
      return context.withReadyDatabase(flags, 'batch submit', async (database) => {
        const m = await batchModules();
        const boss = await m.startPgBoss({ connectionString: target.value.url });
        try {
          const submitted = await m.submitBatch(
            {
              store: m.kyselyBatchStore(database.db),
              queue: m.pgBossChunkQueue(boss, {
                ...m.defaultChunkJobPolicy,
                expireInSeconds: args.chunkTimeoutSeconds,
              }),
              clock: m.systemClock,
              newId: randomUUID,
            },
            {
              fileName: args.input,
              chunkSize: args.chunkSize,
              matchLimit: args.limit,
              ...(args.standing === true ? { standing: true } : {}),
              rows: m.readBatchCsv(args.input, {
                column: args.column,
                ...(args.countryColumn !== undefined ? { countryColumn: args.countryColumn } : {}),
                ...(args.kindColumn !== undefined ? { kindColumn: args.kindColumn } : {}),
                ...(args.referenceColumn !== undefined
                  ? { referenceColumn: args.referenceColumn }
                  : {}),
              }),
            },
          );
          if (!submitted.ok) return submitted;
          const { batchId, rows, chunks } = submitted.value;
          return ok({
            text: `Batch ${batchId}: ${rows.toLocaleString('en')} rows in ${chunks} chunk(s) queued.\nFollow it with \`cordon batch status ${batchId}\`; workers: \`cordon worker\`.${args.standing === true ? '\nIt is standing: it will be screened again after every list update (its re-runs are listed by `cordon batch status`).' : ''}`,
            json: submitted.value,
          });
        } finally {
          await boss.stop({ graceful: false, wait: true });
        }
      });
    },

    batchStatus: (flags, batchId) => {
      const target = postgres(flags);
      if (!target.ok) return Promise.resolve(target);
      return context.withReadyDatabase(flags, 'batch status', async (database) => {
        const m = await batchModules();
        const status = await m.getBatchStatus(m.kyselyBatchStore(database.db), batchId);
        if (!status.ok) return status;
        return ok({ text: statusText(status.value), json: status.value });
      });
    },

    batchChanges: (flags, batchId, output) => {
      const target = postgres(flags);
      if (!target.ok) return Promise.resolve(target);
      return context.withReadyDatabase(flags, 'batch changes', async (database) => {
        const { batchChanges } = await import('../application/batch/batch-changes.ts');
        const m = await batchModules();
        const store = m.kyselyBatchStore(database.db);
        const out = output === undefined ? undefined : createWriteStream(output, 'utf8');
        if (out !== undefined) {
          const opened = await Promise.race([
            once(out, 'open').then(() => undefined),
            once(out, 'error').then(([error]) => error as Error),
          ]);
          if (opened !== undefined)
            return err(
              cordonError('CORDON_FILE_UNREADABLE', `Cannot write ${output}: ${opened.message}`),
            );
        }
        const shown: string[] = [];
        let comparedWith = '';
        let rows = 0;
        let added = 0;
        let removed = 0;
        let after = -1;
        for (;;) {
          const page = await batchChanges(store, batchId, { after, limit: 2_000 });
          if (!page.ok) {
            out?.destroy();
            return page;
          }
          comparedWith = page.value.comparedWith;
          for (const change of page.value.changes) {
            rows += 1;
            added += change.added.length;
            removed += change.removed.length;
            if (out !== undefined && !out.write(`${JSON.stringify(change)}\n`))
              await once(out, 'drain');
            if (shown.length < 50)
              shown.push(
                [
                  `row ${String(change.row)}${change.reference !== undefined ? ` (${change.reference})` : ''} ${change.name}:`,
                  ...change.added.map(
                    (a) => `  + ${a.band} ${String(a.score)} ${a.entityId} ${a.name}`,
                  ),
                  ...change.removed.map(
                    (r) => `  - ${r.band} ${String(r.score)} ${r.entityId} ${r.name}`,
                  ),
                  ...change.bandChanged.map(
                    (b) => `  ~ ${b.before.band} -> ${b.after.band} ${b.entityId} ${b.name}`,
                  ),
                ].join('\n'),
              );
          }
          if (page.value.nextAfter === null) break;
          after = page.value.nextAfter;
        }
        if (out !== undefined) {
          out.end();
          await once(out, 'finish');
        }
        return ok({
          text: [
            `Batch ${batchId} against the run before it (${comparedWith}): ${rows.toLocaleString('en')} row(s) changed, ${added.toLocaleString('en')} new match(es), ${removed.toLocaleString('en')} gone.`,
            ...shown,
            ...(rows > shown.length
              ? [
                  `... and ${(rows - shown.length).toLocaleString('en')} more${output !== undefined ? ` (all in ${output})` : '; --out FILE writes them all'}`,
                ]
              : []),
          ].join('\n'),
          json: {
            batchId,
            comparedWith,
            rowsChanged: rows,
            added,
            removed,
            ...(output !== undefined ? { output } : {}),
          },
        });
      });
    },

    batchResults: (flags, batchId, output) => {
      const target = postgres(flags);
      if (!target.ok) return Promise.resolve(target);
      return context.withReadyDatabase(flags, 'batch results', async (database) => {
        const m = await batchModules();
        const store = m.kyselyBatchStore(database.db);
        const status = await m.getBatchStatus(store, batchId);
        if (!status.ok) return status;
        const out = createWriteStream(output, { encoding: 'utf8' });
        const opened = await Promise.race([
          once(out, 'open').then(() => undefined),
          once(out, 'error').then(([error]) => error as Error),
        ]);
        if (opened !== undefined) {
          return err(
            cordonError('CORDON_FILE_UNREADABLE', `Cannot write ${output}: ${opened.message}`),
          );
        }
        let written = 0;
        for await (const { item } of m.readBatchResults(store, batchId)) {
          if (!out.write(`${JSON.stringify(item)}\n`)) await once(out, 'drain');
          written += 1;
        }
        out.end();
        await once(out, 'finish');
        const complete = written === status.value.rows;
        return ok({
          text: `Wrote ${written.toLocaleString('en')} of ${status.value.rows.toLocaleString('en')} row result(s) to ${output}${complete ? '.' : ' (the batch is not finished).'}`,
          json: { batchId, output, written, rows: status.value.rows, complete },
        });
      });
    },

    worker: (flags, args) => {
      const target = postgres(flags);
      if (!target.ok) return Promise.resolve(target);
      return context.withReadyDatabase(flags, 'worker', async (database) => {
        const m = await batchModules();
        const { kyselyListSnapshotStore } =
          await import('../adapters/db/kysely-list-snapshot-store.ts');
        const { createScreeningService } =
          await import('../application/screening/screening-service.ts');
        // The index follows list imports: the active snapshots are re-checked once a second.
        const { partnerAlertScreening } = await import('./exchange-wiring.ts');
        const screening = createScreeningService({
          store: kyselyListSnapshotStore(database.db),
          thresholds: target.value.config.screening.thresholds,
          clock: m.systemClock,
          // Partners' threat alerts are screened beside the lists, as on the server.
          extra: partnerAlertScreening(database.db),
        });
        const indexStarted = performance.now();
        await screening.warm();
        const records = await screening.records();
        const store = m.kyselyBatchStore(database.db);
        const boss = await m.startPgBoss({
          connectionString: target.value.url,
          maintenanceIntervalSeconds: args.maintenanceIntervalSeconds,
          onError: (error) => {
            context.io.stderr(`cordon worker: queue error: ${error.message}\n`);
          },
        });
        let chunks = 0;
        const stop = await m.workChunkJobs(
          boss,
          async (job) => {
            const outcome = await m.processBatchChunk(
              { store, screening, clock: m.systemClock },
              job,
            );
            // A failed chunk is thrown back to the queue, which retries it.
            if (!outcome.ok) throw new Error(outcome.error.message);
            chunks += 1;
          },
          {
            // A lost connection while fetching or recording a job: the job expires and is retried.
            onError: (error) => {
              context.io.stderr(`cordon worker: ${error.message}\n`);
            },
          },
        );
        context.io.stderr(
          `Cordon worker ${process.pid} ready: ${records.parties.length.toLocaleString('en')} list records indexed in ${((performance.now() - indexStarted) / 1000).toFixed(1)} s; waiting for chunks. Ctrl+C to stop.\n`,
        );
        await waitForStopSignal();
        context.io.stderr('Stopping: finishing the current chunk...\n');
        await stop();
        return ok({
          text: `Worker stopped after ${chunks} chunk(s).`,
          json: { stopped: true, chunks },
        });
      });
    },
  };
}

function statusText(s: BatchStatus): string {
  const pct = s.rows === 0 ? 0 : Math.floor((s.rowsDone / s.rows) * 100);
  return [
    `Batch ${s.id} (${s.fileName}): ${s.status}`,
    `Submitted: ${s.submittedAt.toISOString()}${s.completedAt ? `; completed ${s.completedAt.toISOString()}` : ''}`,
    `Progress:  ${s.rowsDone.toLocaleString('en')} of ${s.rows.toLocaleString('en')} rows (${pct}%), ${s.chunksDone} of ${s.chunks} chunks`,
    `Results:   ${s.rowsWithMatches.toLocaleString('en')} row(s) with matches, ${s.rowsWithStrongMatches.toLocaleString('en')} strong; ${s.rowsRejected.toLocaleString('en')} rejected`,
    ...s.failingChunks.map(
      (f) => `Failing:   chunk ${f.chunk} after ${f.attempts} attempt(s): ${f.error}`,
    ),
    ...(s.rerun ? [`Re-run:    of standing batch ${s.rerun.of}, after the ${s.rerun.cause}`] : []),
    ...(s.standing
      ? [
          `Standing:  screened again after every list update; ${s.reruns.length === 0 ? 'no re-run yet' : 're-runs, latest first:'}`,
          ...s.reruns.map(
            (r) => `  ${r.id} ${r.status.padEnd(6)} ${r.submittedAt.toISOString()} ${r.cause}`,
          ),
        ]
      : []),
  ].join('\n');
}

function waitForStopSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.removeListener('SIGINT', stop);
      process.removeListener('SIGTERM', stop);
      process.once('SIGINT', () => process.exit(130));
      process.once('SIGTERM', () => process.exit(143));
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
