import fs from 'node:fs/promises';
import type { Command } from 'commander';
import type { ConfigFlags } from '../../../config/config.ts';
import { cordonError, type CordonError } from '../../../domain/shared/errors.ts';
import { err, ok, type Result } from '../../../domain/shared/result.ts';
import type { CommandOutput } from '../output.ts';
import type { CommandContext } from '../program.ts';

type Outcome = Promise<Result<CommandOutput, CordonError>>;

export interface AssessArgs {
  readonly file: string;
  readonly application: unknown;
  readonly jurisdiction?: string;
  readonly asOf?: string;
  readonly selfAssessment: boolean;
  readonly policyVersion?: number;
}

/** The work behind `cordon assess` and `cordon policy ...`. */
export interface AssessCliHandlers {
  assess(flags: ConfigFlags, args: AssessArgs): Outcome;
  policyValidate(flags: ConfigFlags, file: string): Outcome;
  policyDiff(flags: ConfigFlags, before: string, after: string): Outcome;
  policyDryRun(
    flags: ConfigFlags,
    args: { readonly policy: string; readonly applicationsDir: string; readonly asOf?: string },
  ): Outcome;
  policyCompare(
    flags: ConfigFlags,
    args: {
      readonly a: string;
      readonly b: string;
      readonly applications: readonly string[];
      readonly asOf?: string;
    },
  ): Outcome;
}

/** Reads and parses a JSON file named on the command line. */
export async function readJsonFile(path: string): Promise<Result<unknown, CordonError>> {
  let text: string;
  try {
    text = await fs.readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : String(code);
    return err(cordonError('CORDON_FILE_UNREADABLE', `Cannot read ${path}: ${why}.`));
  }
  try {
    return ok(JSON.parse(text) as unknown);
  } catch (error) {
    return err(
      cordonError(
        'CORDON_VALIDATION_FAILED',
        `${path} is not valid JSON: ${(error as Error).message}`,
      ),
    );
  }
}

/** Registers `cordon assess` and `cordon policy validate|diff|dry-run|compare`. */
export function registerAssessCommands(
  program: Command,
  handlers: AssessCliHandlers,
  context: CommandContext,
): void {
  program
    .command('assess')
    .description(
      'assess an application: screening, classification, licence and human-rights risk, with a recommendation',
    )
    .argument('<application>', 'the application JSON file (see the spec examples)')
    .option(
      '-j, --jurisdiction <code>',
      'the licensing authority whose policy applies (overrides the file)',
    )
    .option(
      '--as-of <snapshot|date>',
      'screen against these snapshot ids (comma-separated) or the lists as of a date (YYYY-MM-DD)',
    )
    .option('--policy-version <n>', 'assess under this version of the human-rights policy')
    .option(
      '--self-assessment',
      "exporter's self-assessment: no officer-only factors, with the due-diligence checklist",
    )
    .option('--json', 'print the assessment contract as JSON')
    .action(
      async (
        file: string,
        opts: {
          jurisdiction?: string;
          asOf?: string;
          policyVersion?: string;
          selfAssessment?: boolean;
          json?: boolean;
        },
        command: Command,
      ) => {
        await context.run(opts.json === true, async () => {
          const application = await readJsonFile(file);
          if (!application.ok) return application;
          let policyVersion: number | undefined;
          if (opts.policyVersion !== undefined) {
            policyVersion = /^\d+$/.test(opts.policyVersion)
              ? Number(opts.policyVersion)
              : Number.NaN;
            if (!(policyVersion >= 1))
              return err(
                cordonError(
                  'CORDON_USAGE',
                  `--policy-version must be a whole number from 1, got "${opts.policyVersion}".`,
                ),
              );
          }
          return handlers.assess(context.flags(command), {
            file,
            application: application.value,
            selfAssessment: opts.selfAssessment === true,
            ...(opts.jurisdiction !== undefined ? { jurisdiction: opts.jurisdiction } : {}),
            ...(opts.asOf !== undefined ? { asOf: opts.asOf } : {}),
            ...(policyVersion !== undefined ? { policyVersion } : {}),
          });
        });
      },
    );

  const policy = program
    .command('policy')
    .description('human-rights policies: validate, diff, dry-run a new version');
  policy
    .command('validate')
    .description('check a human-rights policy file against its schema and the shipped data')
    .argument('<file>', 'e.g. data/policies/GB/human-rights-v2.json')
    .option('--json', 'print the result as JSON')
    .action(async (file: string, opts: { json?: boolean }, command: Command) => {
      await context.run(opts.json === true, () =>
        handlers.policyValidate(context.flags(command), file),
      );
    });
  policy
    .command('diff')
    .description('what changed between two policy files (weights, thresholds, assessments...)')
    .argument('<before>', 'the older policy file')
    .argument('<after>', 'the newer policy file')
    .option('--json', 'print the result as JSON')
    .action(async (before: string, after: string, opts: { json?: boolean }, command: Command) => {
      await context.run(opts.json === true, () =>
        handlers.policyDiff(context.flags(command), before, after),
      );
    });
  policy
    .command('dry-run')
    .description(
      're-assess past applications under a new policy version and list the outcomes that change',
    )
    .requiredOption('--policy <file>', 'the new policy version')
    .argument('<applications-dir>', 'a folder of application JSON files')
    .option('--as-of <snapshot|date>', 'screen against these snapshots or the lists as of a date')
    .option('--json', 'print the result as JSON')
    .action(
      async (
        dir: string,
        opts: { policy: string; asOf?: string; json?: boolean },
        command: Command,
      ) => {
        await context.run(opts.json === true, () =>
          handlers.policyDryRun(context.flags(command), {
            policy: opts.policy,
            applicationsDir: dir,
            ...(opts.asOf !== undefined ? { asOf: opts.asOf } : {}),
          }),
        );
      },
    );
  policy
    .command('compare')
    .description(
      'where two states would decide the same applications differently: outcome, licence and the law each applies',
    )
    .argument('<a>', 'a jurisdiction (GB, EU, DE, US, ...)')
    .argument('<b>', 'the other jurisdiction')
    .argument(
      '[applications...]',
      'application JSON files or folders of them (default: docs/examples/applications)',
    )
    .option('--as-of <snapshot|date>', 'screen against these snapshots or the lists as of a date')
    .option('--json', 'print the result as JSON')
    .action(
      async (
        a: string,
        b: string,
        applications: string[],
        opts: { asOf?: string; json?: boolean },
        command: Command,
      ) => {
        await context.run(opts.json === true, () =>
          handlers.policyCompare(context.flags(command), {
            a: a.toUpperCase(),
            b: b.toUpperCase(),
            applications,
            ...(opts.asOf !== undefined ? { asOf: opts.asOf } : {}),
          }),
        );
      },
    );
}
