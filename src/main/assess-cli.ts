import fs from 'node:fs/promises';
import path from 'node:path';
import {
  renderAssessment,
  renderDryRun,
  renderPolicyComparison,
} from '../adapters/cli/assessment-report.ts';
import { readJsonFile, type AssessCliHandlers } from '../adapters/cli/commands/assess.ts';
import { readFileBytes } from '../adapters/cli/json-file.ts';
import { kyselyListSnapshotStore } from '../adapters/db/kysely-list-snapshot-store.ts';
import { parseHumanRightsPolicy } from '../adapters/regulation/load-human-rights-policies.ts';
import { formatDataProblem } from '../adapters/regulation/load-regulation-data.ts';
import { sha256Hex } from '../adapters/regulation/load-human-rights-policies.ts';
import { assessApplication } from '../application/assessment/assess-application.ts';
import { dryRunPolicy } from '../application/assessment/dry-run-policy.ts';
import { comparePolicies } from '../application/assessment/compare-policies.ts';
import { repositoryRoot } from '../adapters/runtime/code-version.ts';
import {
  diffPolicyDocuments,
  type HumanRightsPolicy,
} from '../domain/human-rights/human-rights-policy.ts';
import { cordonError, type CordonError } from '../domain/shared/errors.ts';
import { err, ok, type Result } from '../domain/shared/result.ts';
import { assessmentDeps, shippedAssessmentSources } from './assessment-deps.ts';
import type { ImportedSnapshot } from './cli-context.ts';
import type { CliContext } from './cli-context.ts';
import type { ConfigFlags } from '../config/config.ts';
import type { DatabaseConnection } from '../adapters/db/open-database.ts';
import type { AssessmentDeps } from '../application/assessment/assess-application.ts';
import { createScreeningService } from '../application/screening/screening-service.ts';
import { partnerAlertScreening } from './exchange-wiring.ts';

/** Reads and checks a human-rights policy file against the shipped data. */
async function readPolicy(file: string): Promise<Result<HumanRightsPolicy, CordonError>> {
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
function assessmentDepsFor(
  context: CliContext,
  flags: ConfigFlags,
  database: DatabaseConnection,
  imported: readonly ImportedSnapshot[],
): Result<AssessmentDeps, CordonError> {
  const config = context.configFrom(flags);
  if (!config.ok) return config;
  const store = kyselyListSnapshotStore(database.db);
  const screening = createScreeningService({
    store,
    thresholds: config.value.screening.thresholds,
    // Partners' threat alerts are screened beside the lists, as on the server.
    extra: partnerAlertScreening(database.db),
  });
  for (const { snapshotId, entries } of imported) screening.prime(snapshotId, entries);
  return ok(
    assessmentDeps(store, screening, context.codeVersion, {
      database,
      listMaxAgeDays: config.value.assessment.listMaxAgeDays,
    }),
  );
}

/** The CLI handlers of `cordon assess` and `cordon policy ...`. */
export function assessCliHandlers(context: CliContext): AssessCliHandlers {
  return {
    assess: (flags, args) =>
      context.withReadyDatabase(flags, 'assess', async (database, imported) => {
        const deps = assessmentDepsFor(context, flags, database, imported);
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
      }),

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
      context.withReadyDatabase(flags, 'policy compare', async (database, imported) => {
        const deps = assessmentDepsFor(context, flags, database, imported);
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
      }),

    policyDryRun: (flags, args) =>
      context.withReadyDatabase(flags, 'policy dry-run', async (database, imported) => {
        const deps = assessmentDepsFor(context, flags, database, imported);
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
      }),
  };
}
