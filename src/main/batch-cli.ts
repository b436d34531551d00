import type { Command } from 'commander';
import type { ConfigFlags, Config } from '../config/config.ts';
import { cordonError, type CordonError } from '../domain/shared/errors.ts';
import { err, ok, type Result } from '../domain/shared/result.ts';
import type { CommandOutput } from '../adapters/cli/output.ts';
import type { CommandContext } from './cli-program.ts';
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { BatchStatus } from '../application/batch/batch-store.ts';
import type { CliContext } from './cli-context.ts';

type Outcome = Promise<Result<CommandOutput, CordonError>>;

/** `cordon batch submit FILE ...`, checked. */
export interface BatchSubmitArgs {
  readonly input: string;
  readonly column: string;
  readonly countryColumn?: string;
  readonly kindColumn?: string;
  readonly referenceColumn?: string;
  readonly chunkSize: number;
  readonly limit: number;
  /** Seconds after which a chunk still running is presumed lost and retried. */
  readonly chunkTimeoutSeconds: number;
  /** Keep the rows, to screen them again after every list update. */
  readonly standing?: boolean;
}

/** `cordon worker ...`, checked. */
export interface WorkerArgs {
  /** How often this worker looks for chunks whose worker died, seconds. */
  readonly maintenanceIntervalSeconds: number;
}

/** The work behind `cordon batch ...` and `cordon worker`. */
export interface BatchCliHandlers {
  batchSubmit(flags: ConfigFlags, args: BatchSubmitArgs): Outcome;
  batchStatus(flags: ConfigFlags, batchId: string): Outcome;
  batchResults(flags: ConfigFlags, batchId: string, output: string): Outcome;
  batchChanges(flags: ConfigFlags, batchId: string, output: string | undefined): Outcome;
  worker(flags: ConfigFlags, args: WorkerArgs): Outcome;
}

/** Registers `cordon batch submit|status|results` and `cordon worker`. */
export function registerBatchCommands(
  program: Command,
  handlers: BatchCliHandlers,
  context: CommandContext,
): void {
  const batch = program
    .command('batch')
    .description(
      'distributed batch screening on PostgreSQL: submit a file, follow it, fetch results',
    );

  batch
    .command('submit')
    .description('split a CSV file into chunks and queue them for `cordon worker` processes')
    .argument('<file>', 'a UTF-8 CSV file with a header row')
    .option('--column <name>', 'the column holding the name', 'name')
    .option('--country-column <name>', 'a column holding the country (ISO alpha-2)')
    .option('--kind-column <name>', 'a column holding person or organisation')
    .option('--reference-column <name>', "a column echoed back as each row's reference")
    .option('--chunk-size <n>', 'rows per chunk (1-1000)', '500')
    .option('-n, --limit <n>', 'most matches kept per row (1-100)', '10')
    .option(
      '--chunk-timeout <seconds>',
      'a chunk running longer is presumed lost (its worker died) and retried',
      '600',
    )
    .option(
      '--standing',
      'keep the rows (a customer list) and screen them again after every list update',
    )
    .option('--json', 'print the result as JSON')
    .action(
      async (
        input: string,
        opts: {
          column: string;
          countryColumn?: string;
          kindColumn?: string;
          referenceColumn?: string;
          chunkSize: string;
          limit: string;
          chunkTimeout: string;
          standing?: boolean;
          json?: boolean;
        },
        command: Command,
      ) => {
        await context.run(opts.json === true, () => {
          const chunkSize = wholeNumber(opts.chunkSize, '--chunk-size', 1, 1_000);
          if (!chunkSize.ok) return Promise.resolve(chunkSize);
          const limit = wholeNumber(opts.limit, '--limit', 1, 100);
          if (!limit.ok) return Promise.resolve(limit);
          const timeout = wholeNumber(opts.chunkTimeout, '--chunk-timeout', 5, 86_400);
          if (!timeout.ok) return Promise.resolve(timeout);
          return handlers.batchSubmit(context.flags(command), {
            input,
            column: opts.column,
            chunkSize: chunkSize.value,
            limit: limit.value,
            chunkTimeoutSeconds: timeout.value,
            ...(opts.standing === true ? { standing: true } : {}),
            ...(opts.countryColumn !== undefined ? { countryColumn: opts.countryColumn } : {}),
            ...(opts.kindColumn !== undefined ? { kindColumn: opts.kindColumn } : {}),
            ...(opts.referenceColumn !== undefined
              ? { referenceColumn: opts.referenceColumn }
              : {}),
          });
        });
      },
    );

  batch
    .command('status')
    .description('show how far a batch has got: chunks and rows done, matches, failing chunks')
    .argument('<id>', 'the batch id printed by `batch submit`')
    .option('--json', 'print the status as JSON')
    .action(async (id: string, opts: { json?: boolean }, command: Command) => {
      await context.run(opts.json === true, () => handlers.batchStatus(context.flags(command), id));
    });

  batch
    .command('results')
    .description('write the results stored so far, one JSON line per row, in row order')
    .argument('<id>', 'the batch id printed by `batch submit`')
    .requiredOption('-o, --out <file>', 'where to write the JSON Lines')
    .option('--json', 'print the summary as JSON')
    .action(async (id: string, opts: { out: string; json?: boolean }, command: Command) => {
      await context.run(opts.json === true, () =>
        handlers.batchResults(context.flags(command), id, opts.out),
      );
    });

  batch
    .command('changes')
    .description(
      "a re-run of a standing batch: the rows whose matches differ from the previous run's (new hits first of all)",
    )
    .argument('<id>', 'the re-run id, as `batch status STANDING_ID` lists it')
    .option('-o, --out <file>', 'write every changed row as JSON Lines')
    .option('--json', 'print the summary as JSON')
    .action(async (id: string, opts: { out?: string; json?: boolean }, command: Command) => {
      await context.run(opts.json === true, () =>
        handlers.batchChanges(context.flags(command), id, opts.out),
      );
    });

  program
    .command('worker')
    .description(
      'screen queued batch chunks until stopped (any number, on any machine that reaches the database)',
    )
    .option(
      '--maintenance-interval <seconds>',
      'how often to look for chunks whose worker died',
      '60',
    )
    .action(async (opts: { maintenanceInterval: string }, command: Command) => {
      await context.run(false, () => {
        const interval = wholeNumber(opts.maintenanceInterval, '--maintenance-interval', 1, 3_600);
        if (!interval.ok) return Promise.resolve(interval);
        return handlers.worker(context.flags(command), {
          maintenanceIntervalSeconds: interval.value,
        });
      });
    });
}

function wholeNumber(
  raw: string,
  flag: string,
  min: number,
  max: number,
): Result<number, CordonError> {
  const value = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  return Number.isSafeInteger(value) && value >= min && value <= max
    ? ok(value)
    : err(
        cordonError(
          'CORDON_USAGE',
          `${flag} must be a whole number from ${min} to ${max}, got "${raw}".`,
        ),
      );
}

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
      return context.withReadyDatabase(
        flags,
        'batch status',
        async (database) => {
          const m = await batchModules();
          const status = await m.getBatchStatus(m.kyselyBatchStore(database.db), batchId);
          if (!status.ok) return status;
          return ok({ text: statusText(status.value), json: status.value });
        },
        { readOnly: true },
      );
    },

    batchChanges: (flags, batchId, output) => {
      const target = postgres(flags);
      if (!target.ok) return Promise.resolve(target);
      return context.withReadyDatabase(
        flags,
        'batch changes',
        async (database) => {
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
        },
        { readOnly: true },
      );
    },

    batchResults: (flags, batchId, output) => {
      const target = postgres(flags);
      if (!target.ok) return Promise.resolve(target);
      return context.withReadyDatabase(
        flags,
        'batch results',
        async (database) => {
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
        },
        { readOnly: true },
      );
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
