import fs from 'node:fs/promises';
import type { Command } from 'commander';
import type { ConfigFlags } from '../config/config.ts';
import { cordonError, type CordonError } from '../domain/shared/errors.ts';
import { err, ok, type Result } from '../domain/shared/result.ts';
import type { CommandOutput } from '../adapters/cli/output.ts';
import type { CommandContext } from './cli-program.ts';
import path from 'node:path';
import type { HumanRightsPolicy } from '../domain/human-rights/human-rights-policy.ts';
import { cliScreeningService, type ImportedSnapshot, type CliContext } from './cli-context.ts';
import type { DatabaseConnection } from '../adapters/db/open-database.ts';
import type { Assessment, AssessmentDeps } from '../application/assessment/assess-application.ts';
import { notThroughServer, runningServer } from './cli-remote.ts';

// The work's modules load when a command runs, so that `cordon --help` loads none of them.
const modules = async () => ({
  ...(await import('../adapters/cli/assessment-report.ts')),
  ...(await import('../adapters/cli/json-file.ts')),
  ...(await import('../adapters/regulation/load-human-rights-policies.ts')),
  ...(await import('../adapters/regulation/load-regulation-data.ts')),
  ...(await import('../application/assessment/assess-application.ts')),
  ...(await import('../application/assessment/dry-run-policy.ts')),
  ...(await import('../application/assessment/compare-policies.ts')),
  ...(await import('../adapters/runtime/code-version.ts')),
  ...(await import('../domain/human-rights/human-rights-policy.ts')),
  ...(await import('./assessment-deps.ts')),
});

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

/** Reads and checks a human-rights policy file against the shipped data. */
async function readPolicy(file: string): Promise<Result<HumanRightsPolicy, CordonError>> {
  const {
    readFileBytes,
    shippedAssessmentSources,
    parseHumanRightsPolicy,
    sha256Hex,
    formatDataProblem,
  } = await modules();
  const read = await readFileBytes(file);
  if (!read.ok) return read;
  const bytes = read.value;
  const { regulation } = await shippedAssessmentSources.regulation.load();
  const parsed = parseHumanRightsPolicy(
    { display: file, text: new TextDecoder().decode(bytes), sha256: sha256Hex(bytes) },
    regulation,
  );
  if (!parsed.ok)
    return err(
      cordonError(
        'CORDON_VALIDATION_FAILED',
        `${file} is not a valid human-rights policy:\n${parsed.error.map((p) => `  ${formatDataProblem(p)}`).join('\n')}`,
        parsed.error.map((p) => ({ field: p.path || '/', problem: p.message })),
      ),
    );
  return parsed;
}

/**
 * The assessment's dependencies for one command: a screening service with the deployment's
 * thresholds, handed the lists imported on this very first use (they were just parsed; reading
 * 20,000 records back from the database would only cost time).
 */
async function assessmentDepsFor(
  context: CliContext,
  flags: ConfigFlags,
  database: DatabaseConnection,
  imported: readonly ImportedSnapshot[],
): Promise<Result<AssessmentDeps, CordonError>> {
  const { assessmentDeps } = await modules();
  const config = context.configFrom(flags);
  if (!config.ok) return config;
  const { store, screening } = await cliScreeningService(context, config.value, database, imported);
  return ok(
    assessmentDeps(store, screening, context.codeVersion, {
      database,
      listMaxAgeDays: config.value.assessment.listMaxAgeDays,
    }),
  );
}

/**
 * `policy compare` and `policy dry-run` read the store but have no API counterpart: beside a
 * running server they say so, and how to go on, instead of the bare lock error.
 */
function besideServer(
  context: CliContext,
  flags: ConfigFlags,
  command: string,
): Outcome | undefined {
  const config = context.configFrom(flags);
  const server = config.ok ? runningServer(config.value) : undefined;
  return server
    ? Promise.resolve(err(notThroughServer(server, command, 'the API has no route for it')))
    : undefined;
}

/** The CLI handlers of `cordon assess` and `cordon policy ...`. */
export function assessCliHandlers(context: CliContext): AssessCliHandlers {
  return {
    assess: async (flags, args) => {
      const { assessApplication, renderAssessment } = await modules();
      const config = context.configFrom(flags);
      if (!config.ok) return config;
      const server = runningServer(config.value);
      if (server && args.policyVersion !== undefined) {
        return err(
          notThroughServer(
            server,
            'assess --policy-version',
            'POST /v1/assessments assesses under the current version of the human-rights policy only',
          ),
        );
      }
      const query = new URLSearchParams({
        ...(args.jurisdiction !== undefined ? { jurisdiction: args.jurisdiction } : {}),
        ...(args.asOf !== undefined ? { asOf: args.asOf } : {}),
        ...(args.selfAssessment ? { mode: 'self-assessment' } : {}),
      }).toString();
      return context.withReadyDatabase(
        flags,
        'assess',
        async (database, imported) => {
          const deps = await assessmentDepsFor(context, flags, database, imported);
          if (!deps.ok) return deps;
          const result = await assessApplication(
            {
              application: args.application,
              selfAssessment: args.selfAssessment,
              ...(args.jurisdiction !== undefined ? { jurisdiction: args.jurisdiction } : {}),
              ...(args.asOf !== undefined ? { asOf: args.asOf } : {}),
              ...(args.policyVersion !== undefined ? { policyVersion: args.policyVersion } : {}),
            },
            deps.value,
          );
          if (!result.ok) return result;
          return ok({ text: renderAssessment(result.value), json: result.value });
        },
        {
          readOnly: true,
          // Beside a running server, the same question goes to its API (with CORDON_TOKEN).
          viaServer: {
            request: {
              method: 'POST',
              path: `/v1/assessments${query === '' ? '' : `?${query}`}`,
              body: args.application,
            },
            output: (answer) => ({ text: renderAssessment(answer as Assessment), json: answer }),
          },
        },
      );
    },

    async policyValidate(_flags, file) {
      const policy = await readPolicy(file);
      if (!policy.ok) return policy;
      const p = policy.value;
      return ok({
        text: `${file} is a valid human-rights policy: ${p.id} v${p.version} (${p.jurisdiction}), ${p.legalTests.length} legal tests, ${p.presumptionsOfDenial.length} presumptions of denial, ${p.countryAssessments.length} country assessments.`,
        json: {
          valid: true,
          id: p.id,
          version: p.version,
          jurisdiction: p.jurisdiction,
          contentHash: p.contentHash,
        },
      });
    },

    async policyDiff(_flags, before, after) {
      const { diffPolicyDocuments } = await modules();
      const a = await readJsonFile(before);
      if (!a.ok) return a;
      const b = await readJsonFile(after);
      if (!b.ok) return b;
      const changes = diffPolicyDocuments(a.value, b.value);
      const show = (v: unknown) => (v === undefined ? '' : JSON.stringify(v));
      return ok({
        text:
          changes.length === 0
            ? 'The two policies are the same.'
            : [
                `${changes.length} change(s) from ${before} to ${after}:`,
                ...changes.map((c) =>
                  c.kind === 'changed'
                    ? `  ~ ${c.path}: ${show(c.before)} -> ${show(c.after)}`
                    : `  ${c.kind === 'added' ? '+' : '-'} ${c.path}: ${show(c.kind === 'added' ? c.after : c.before)}`,
                ),
              ].join('\n'),
        json: { before, after, changes },
      });
    },

    policyCompare: (flags, args) =>
      besideServer(context, flags, 'policy compare') ??
      context.withReadyDatabase(
        flags,
        'policy compare',
        async (database, imported) => {
          const { repositoryRoot, comparePolicies, renderPolicyComparison } = await modules();
          const deps = await assessmentDepsFor(context, flags, database, imported);
          if (!deps.ok) return deps;
          const sources =
            args.applications.length > 0
              ? args.applications
              : [path.join(repositoryRoot, 'docs', 'examples', 'applications')];
          const applications: { name: string; application: unknown }[] = [];
          for (const source of sources) {
            let files: string[];
            try {
              files = (await fs.stat(source)).isDirectory()
                ? (await fs.readdir(source))
                    .filter((n) => n.endsWith('.json'))
                    .sort()
                    .map((n) => path.join(source, n))
                : [source];
            } catch {
              return err(cordonError('CORDON_FILE_UNREADABLE', `Cannot read ${source}.`));
            }
            for (const file of files) {
              const app = await readJsonFile(file);
              if (!app.ok) return app;
              applications.push({ name: path.basename(file), application: app.value });
            }
          }
          const comparison = await comparePolicies(
            {
              a: args.a,
              b: args.b,
              applications,
              ...(args.asOf !== undefined ? { asOf: args.asOf } : {}),
            },
            deps.value,
          );
          return ok({ text: renderPolicyComparison(comparison), json: comparison });
        },
        { readOnly: true },
      ),

    policyDryRun: (flags, args) =>
      besideServer(context, flags, 'policy dry-run') ??
      context.withReadyDatabase(
        flags,
        'policy dry-run',
        async (database, imported) => {
          const { dryRunPolicy, renderDryRun } = await modules();
          const deps = await assessmentDepsFor(context, flags, database, imported);
          if (!deps.ok) return deps;
          const policy = await readPolicy(args.policy);
          if (!policy.ok) return policy;
          let names: string[];
          try {
            names = (await fs.readdir(args.applicationsDir))
              .filter((n) => n.endsWith('.json'))
              .sort();
          } catch {
            return err(
              cordonError(
                'CORDON_FILE_UNREADABLE',
                `Cannot read the folder ${args.applicationsDir}.`,
              ),
            );
          }
          const applications: { name: string; application: unknown }[] = [];
          for (const name of names) {
            const app = await readJsonFile(path.join(args.applicationsDir, name));
            if (!app.ok) return app;
            applications.push({ name, application: app.value });
          }
          const report = await dryRunPolicy(
            {
              policy: policy.value,
              applications,
              ...(args.asOf !== undefined ? { asOf: args.asOf } : {}),
            },
            deps.value,
          );
          return ok({ text: renderDryRun(report), json: report });
        },
        { readOnly: true },
      ),
  };
}
