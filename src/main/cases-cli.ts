import type { Command } from 'commander';
import type { ConfigFlags } from '../config/config.ts';
import { type CordonError, cordonError } from '../domain/shared/errors.ts';
import { type Result, err, ok } from '../domain/shared/result.ts';
import type { CommandOutput } from '../adapters/cli/output.ts';
import type { CommandContext } from './cli-program.ts';
import path from 'node:path';
import type { RoutingDryRun } from '../application/cases/dry-run-routing.ts';
import type { CaseSettings } from './case-wiring.ts';
import type { CliContext } from './cli-context.ts';

// The work's modules load when a command runs, so that `cordon --help` loads none of them.
const modules = async () => ({
  ...(await import('../adapters/cli/json-file.ts')),
  ...(await import('../application/cases/dry-run-routing.ts')),
});

type Outcome = Promise<Result<CommandOutput, CordonError>>;

/** The work behind `cordon routing ...`. */
export interface RoutingCliHandlers {
  routingDryRun(flags: ConfigFlags, file: string): Outcome;
}

/** Registers `cordon routing dry-run FILE`. */
export function registerRoutingCommands(
  program: Command,
  handlers: RoutingCliHandlers,
  context: CommandContext,
): void {
  const routing = program.command('routing').description('routing rules of licence cases');
  routing
    .command('dry-run')
    .description(
      're-run routing with candidate rules over the stored cases and list the cases whose route would change',
    )
    .argument('<file>', 'a routing rule set (JSON, like data/routing/routing-v1.json)')
    .option('--json', 'print the result as JSON')
    .action(async (file: string, opts: { json?: boolean }, command: Command) => {
      await context.run(opts.json === true, () =>
        handlers.routingDryRun(context.flags(command), file),
      );
    });
}

/**
 * The licence workflow's settings from the environment, or a configuration error naming each.
 * `servingPort` is the port `cordon serve` listens on: without CORDON_PUBLIC_URL, letters give
 * this server's address for verification (on `--port 9443`, not the default 8080).
 */
export async function caseSettingsFrom(
  context: CliContext,
  servingPort?: number,
): Promise<Result<CaseSettings, CordonError>> {
  const { parseCaseSettings } = await import('./case-wiring.ts');
  const parsed = parseCaseSettings(
    servingPort === undefined || servingPort === 0
      ? context.env
      : { ...context.env, PORT: String(servingPort) },
  );
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
      const { readJsonFile, dryRunRouting } = await modules();
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
