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
import type { CaseDeps } from '../application/cases/case-service.ts';
import type { FrozenAssessment } from '../application/ports/case-store.ts';
import type { RoutingRuleSet } from '../domain/licensing/routing.ts';
import { ok } from '../domain/shared/result.ts';

const routingFile = path.join(repositoryRoot, 'data', 'routing', 'routing-v1.json');
let routingRules: Promise<RoutingRuleSet> | undefined;

/** The licence workflow on a database, assessing with the given assessment deps. */
export function caseDepsFor(db: Kysely<Database>, assessment: AssessmentDeps): CaseDeps {
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
    renderer: pdfRenderer,
    clock: systemClock,
    secrets: randomSecrets,
    sha256: (bytes) => nodeContentHasher.sha256(bytes),
  };
}
