import type { ScreeningCliHandlers } from '../adapters/cli/commands/screening.ts';
import {
  comparisonText,
  screenFileSummaryText,
  screeningReportText,
} from '../adapters/cli/screening-text.ts';
import { kyselyListSnapshotStore } from '../adapters/db/kysely-list-snapshot-store.ts';
import type { ScreenFileError } from '../adapters/screening/screen-file.ts';
import { comparePartyNames } from '../application/screening/compare-party-names.ts';
import { noActiveLists } from '../application/screening/screen-party.ts';
import { createScreeningService } from '../application/screening/screening-service.ts';
import { cordonError, type CordonError } from '../domain/shared/errors.ts';
import { err, ok } from '../domain/shared/result.ts';
import type { CliContext } from './cli-context.ts';
import { partnerAlertScreening } from './exchange-wiring.ts';

/** The CLI handlers of `cordon screen`, `cordon compare` and `cordon screen-file`. */
export function screeningCliHandlers(context: CliContext): ScreeningCliHandlers {
  return {
    screen: (flags, args) => {
      const config = context.configFrom(flags);
      if (!config.ok) return Promise.resolve(config);
      return context.withReadyDatabase(flags, 'screen', async (database, imported) => {
        const screening = createScreeningService({
          store: kyselyListSnapshotStore(database.db),
          thresholds: config.value.screening.thresholds,
          // Partners' threat alerts are screened beside the lists.
          extra: partnerAlertScreening(database.db),
        });
        // Lists imported on this very first use are indexed from memory, not read back.
        for (const { snapshotId, entries } of imported) screening.prime(snapshotId, entries);
        const report = await screening.screenParty(
          {
            name: args.name,
            ...(args.country !== undefined ? { country: args.country } : {}),
            ...(args.kind !== undefined ? { kind: args.kind } : {}),
          },
          { limit: args.limit },
        );
        if (!report.ok) return report;
        return ok({ text: screeningReportText(report.value), json: report.value });
      });
    },

    compare: (flags, a, b) => {
      const config = context.configFrom(flags);
      if (!config.ok) return Promise.resolve(config);
      const comparison = comparePartyNames(config.value.screening.thresholds, a, b);
      return Promise.resolve(
        ok({
          text: comparisonText(a, b, comparison),
          json: { a, b, ...comparison, band: comparison.band ?? null },
        }),
      );
    },

    screenFile: (flags, args) => {
      const config = context.configFrom(flags);
      if (!config.ok) return Promise.resolve(config);
      return context.withReadyDatabase(flags, 'screen-file', async (database, imported) => {
        const screening = createScreeningService({
          store: kyselyListSnapshotStore(database.db),
          thresholds: config.value.screening.thresholds,
          extra: partnerAlertScreening(database.db),
        });
        // Lists imported on this very first use are indexed from memory, not read back.
        for (const { snapshotId, entries } of imported) screening.prime(snapshotId, entries);
        const { snapshots, parties } = await screening.records();
        if (snapshots.length === 0) return err(noActiveLists());
        const { screenFile } = await import('../adapters/screening/screen-file.ts');
        const { SingleBar, Presets } = await import('cli-progress');
        const interactive = context.io.isTty && process.stderr.isTTY;
        const bar = interactive
          ? new SingleBar(
              {
                format:
                  'Screening [{bar}] {percentage}% | {rows} rows | {rate} rows/s | ETA {etaText}',
                hideCursor: true,
                clearOnComplete: true,
              },
              Presets.shades_classic,
            )
          : undefined;
        context.io.stderr(
          `Screening ${args.input} against ${snapshots.length} list snapshot(s) (${parties.length.toLocaleString('en')} records); building the index on each worker...\n`,
        );
        const barState = { started: false };
        const result = await screenFile({
          input: args.input,
          output: args.output,
          column: args.column,
          parties,
          thresholds: config.value.screening.thresholds,
          limit: args.limit,
          snapshot: snapshots,
          ...(args.countryColumn !== undefined ? { countryColumn: args.countryColumn } : {}),
          ...(args.kindColumn !== undefined ? { kindColumn: args.kindColumn } : {}),
          ...(args.workers !== undefined ? { workers: args.workers } : {}),
          onProgress: (progress) => {
            if (!bar) return;
            const payload = {
              rows: progress.rowsDone.toLocaleString('en'),
              rate: progress.rowsPerSecond.toLocaleString('en'),
              etaText:
                progress.etaSeconds === undefined ? '-' : `${Math.ceil(progress.etaSeconds)} s`,
            };
            if (!barState.started) {
              bar.start(Math.max(1, progress.totalBytes), progress.bytesRead, payload);
              barState.started = true;
            } else bar.update(progress.bytesRead, payload);
          },
        });
        if (barState.started) bar?.stop();
        if (!result.ok) return err(screenFileError(result.error));
        return ok({ text: screenFileSummaryText(result.value), json: result.value });
      });
    },
  };
}

function screenFileError(error: ScreenFileError): CordonError {
  switch (error.kind) {
    case 'input-unreadable':
      return cordonError('CORDON_FILE_UNREADABLE', error.message);
    case 'worker-failed':
      return cordonError('CORDON_INTERNAL', error.message);
    case 'output-unwritable':
    case 'missing-column':
    case 'not-utf8':
    case 'malformed-csv':
      return cordonError('CORDON_SCREEN_FILE_INVALID', error.message);
  }
}
