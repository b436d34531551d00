import fs from 'node:fs/promises';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { kyselyCaseStore } from '../adapters/db/kysely-case-store.ts';
import type { Database } from '../adapters/db/schema.ts';
import { pdfRenderer } from '../adapters/documents/pdf-renderer.ts';
import { repositoryRoot } from '../adapters/runtime/code-version.ts';
import { nodeContentHasher } from '../adapters/runtime/node-content-hasher.ts';
import { randomSecrets } from '../adapters/runtime/random-secrets.ts';
import { systemClock } from '../adapters/runtime/system-clock.ts';
import {
  assessApplication,
  type AssessmentDeps,
} from '../application/assessment/assess-application.ts';
import { parseApplication } from '../application/assessment/parse-application.ts';
import type { CaseDeps } from '../application/cases/case-deps.ts';
import type { FrozenAssessment } from '../application/ports/case-store.ts';
import { resolveCasePolicy, type CasePolicy } from '../domain/licensing/case-policy.ts';
import type { RoutingRuleSet } from '../domain/licensing/routing.ts';
import { parseLetterSettings, type LetterSettings } from '../config/config.ts';
import type { FieldProblem } from '../domain/shared/errors.ts';
import { err, ok, type Result } from '../domain/shared/result.ts';
import { shippedAssessmentSources } from './assessment-deps.ts';

const routingDir = path.join(repositoryRoot, 'data', 'routing');
/** The routing rules in force (version 2; older versions stay in data/routing for the record). */
const routingFile = path.join(routingDir, 'routing-v2.json');
let routingRules: Promise<RoutingRuleSet> | undefined;
let casePolicy: Promise<CasePolicy> | undefined;

/** Settings of the licence workflow, from the environment. */
export interface CaseSettings {
  /** The largest supporting document accepted (CORDON_ATTACHMENT_MAX_BYTES, default 20 MiB). */
  readonly attachmentLimitBytes: number;
  /** The authority's letterhead, signatory, locale and public address (see `parseLetterSettings`). */
  readonly letters: LetterSettings;
}

const defaultLetters = parseLetterSettings({});
export const defaultCaseSettings: CaseSettings = {
  attachmentLimitBytes: 20 * 1024 * 1024,
  letters: defaultLetters.ok ? defaultLetters.value : unreachable(),
};

function unreachable(): never {
  throw new Error('the default letter settings are invalid');
}

/**
 * Parses the licence workflow's settings, naming every bad one: CORDON_ATTACHMENT_MAX_BYTES is a
 * whole number of bytes from 1 KiB to 1 GiB; the letter settings are `parseLetterSettings`'s.
 */
export function parseCaseSettings(
  env: Readonly<Record<string, string | undefined>>,
): Result<CaseSettings, readonly FieldProblem[]> {
  const problems: FieldProblem[] = [];
  const letters = parseLetterSettings(env);
  if (!letters.ok) problems.push(...letters.error);
  const raw = env.CORDON_ATTACHMENT_MAX_BYTES?.trim();
  let attachmentLimitBytes = defaultCaseSettings.attachmentLimitBytes;
  if (raw !== undefined && raw !== '') {
    const value = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
    if (!Number.isSafeInteger(value) || value < 1024 || value > 1024 ** 3) {
      problems.push({
        field: 'CORDON_ATTACHMENT_MAX_BYTES',
        problem: `must be a whole number of bytes from 1024 to 1073741824, got "${raw}"`,
      });
    } else {
      attachmentLimitBytes = value;
    }
  }
  if (!letters.ok || problems.length > 0) return err(problems);
  return ok({ attachmentLimitBytes, letters: letters.value });
}

/**
 * The case policy in force: the highest `case-policy-v<N>.json` in data/routing, its texts resolved
 * against the shipped regulation data. A broken file is a broken installation: loading throws,
 * naming every problem by its JSON pointer.
 */
export function loadCasePolicy(): Promise<CasePolicy> {
  casePolicy ??= (async () => {
    const versions = (await fs.readdir(routingDir))
      .map((name) => /^case-policy-v(\d+)\.json$/.exec(name))
      .filter((m): m is RegExpExecArray => m !== null)
      .sort((a, b) => Number(b[1]) - Number(a[1]));
    const latest = versions[0]?.[0];
    if (latest === undefined) throw new Error(`No case-policy-v<N>.json in ${routingDir}.`);
    const file = path.join(routingDir, latest);
    const { texts } = await shippedAssessmentSources.regulation.licensingReference();
    const resolved = resolveCasePolicy(
      JSON.parse(await fs.readFile(file, 'utf8')),
      texts,
      path.relative(repositoryRoot, file),
    );
    if (!resolved.ok) {
      throw new Error(
        `The case policy ${file} is invalid:\n${resolved.error.map((p) => `  ${p.path}: ${p.message}`).join('\n')}`,
      );
    }
    return resolved.value;
  })();
  return casePolicy;
}

/** The licence workflow on a database, assessing with the given assessment deps. */
export function caseDepsFor(
  db: Kysely<Database>,
  assessment: AssessmentDeps,
  settings: CaseSettings = defaultCaseSettings,
): CaseDeps {
  const sha256 = (text: string) => nodeContentHasher.sha256(text);
  return {
    store: kyselyCaseStore(db, systemClock, sha256),
    assessor: {
      async validate(application) {
        const reference = await assessment.humanRights.humanRightsReference();
        const parsed = parseApplication(application, {
          redFlagIds: reference.redFlags.map((flag) => flag.id),
        });
        return parsed.ok ? ok(undefined) : parsed;
      },
      async assess(application) {
        const assessed = await assessApplication({ application }, assessment);
        return assessed.ok
          ? ok(JSON.parse(JSON.stringify(assessed.value)) as FrozenAssessment)
          : assessed;
      },
    },
    routing: {
      current: () =>
        (routingRules ??= fs
          .readFile(routingFile, 'utf8')
          .then((text) => JSON.parse(text) as RoutingRuleSet)),
    },
    casePolicy: {
      current: loadCasePolicy,
      legalTexts: async () => (await assessment.reference.licensingReference()).texts,
    },
    attachmentLimitBytes: settings.attachmentLimitBytes,
    renderer: pdfRenderer(settings.letters),
    clock: systemClock,
    secrets: randomSecrets,
    sha256: (bytes) => nodeContentHasher.sha256(bytes),
  };
}
