import path from 'node:path';
import type { RoutingCliHandlers } from '../adapters/cli/commands/routing.ts';
import { readJsonFile } from '../adapters/cli/json-file.ts';
import { dryRunRouting, type RoutingDryRun } from '../application/cases/dry-run-routing.ts';
import { cordonError, type CordonError } from '../domain/shared/errors.ts';
import { err, ok, type Result } from '../domain/shared/result.ts';
import { parseCaseSettings, type CaseSettings } from './case-wiring.ts';
import type { CliContext } from './cli-context.ts';

/** The licence workflow's settings from the environment, or a configuration error naming each. */
export function caseSettingsFrom(context: CliContext): Result<CaseSettings, CordonError> {
  const parsed = parseCaseSettings(context.env);
  return parsed.ok
    ? parsed
    : err(cordonError('CORDON_CONFIG_INVALID', 'Invalid case configuration', parsed.error));
}

/** A dry run as an operator reads it: one block per changed case. */
export function routingDryRunText(file: string, run: RoutingDryRun): string {
  const head = `Dry run of ${run.candidate.id} v${String(run.candidate.version)} (${file}) over ${String(run.casesCompared)} routed case(s): ${String(run.changes.length)} would change.`;
  const route = (r: RoutingDryRun['changes'][number]['before']) =>
    `${r.queue}${r.adviceDesks.length > 0 ? ` (advice: ${r.adviceDesks.join(', ')})` : ''} [${r.ruleSet.id} v${String(r.ruleSet.version)}]`;
  return [
    head,
    ...run.changes.map((c) =>
      [
        '',
        `${c.reference}  ${c.caseId}  (${c.stage})`,
        `  now:   ${route(c.before)}`,
        `  would: ${route(c.after)}`,
        `  rule:  ${c.rule}: ${c.because}`,
      ].join('\n'),
    ),
  ].join('\n');
}

/** The CLI handlers of `cordon routing ...`. */
export function casesCliHandlers(context: CliContext): RoutingCliHandlers {
  return {
    async routingDryRun(flags, file) {
      const candidate = await readJsonFile(path.resolve(context.cwd, file));
      if (!candidate.ok) return candidate;
      return context.withReadyDatabase(flags, 'routing dry-run', async (database) => {
        const { kyselyCaseStore } = await import('../adapters/db/kysely-case-store.ts');
        const { systemClock } = await import('../adapters/runtime/system-clock.ts');
        const { nodeContentHasher } = await import('../adapters/runtime/node-content-hasher.ts');
        const store = kyselyCaseStore(database.db, systemClock, (text) =>
          nodeContentHasher.sha256(text),
        );
        const run = await dryRunRouting({ store }, candidate.value);
        return run.ok ? ok({ text: routingDryRunText(file, run.value), json: run.value }) : run;
      });
    },
  };
}
