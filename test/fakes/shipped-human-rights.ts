import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  parseHumanRightsPolicies,
  type HumanRightsPolicySet,
} from '../../src/adapters/regulation/load-human-rights-policies.ts';
import { formatDataProblem } from '../../src/adapters/regulation/load-regulation-data.ts';
import type { AssessmentDeps } from '../../src/application/assessment/assess-application.ts';
import type { PartyScreener } from '../../src/application/ports/party-screener.ts';
import { inMemoryRegulationSources } from './in-memory-regulation-sources.ts';
import { fakePartyScreener } from './fake-party-screener.ts';
import { shippedRegulation } from './shipped-regulation.ts';

const root = join(import.meta.dirname, '..', '..');
let cached: HumanRightsPolicySet | undefined;

/** The shipped human-rights policies, read once per test process. */
export function shippedHumanRightsPolicies(): HumanRightsPolicySet {
  if (cached) return cached;
  const dir = join(root, 'data', 'policies');
  const files = readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && /^[A-Z]{2}$/.test(d.name))
    .flatMap((d) =>
      readdirSync(join(dir, d.name))
        .filter((n) => /^human-rights-v\d+\.json$/.test(n))
        .map((n) => {
          const bytes = readFileSync(join(dir, d.name, n));
          return {
            path: `${d.name}/${n}`,
            text: bytes.toString('utf8'),
            sha256: createHash('sha256').update(bytes).digest('hex'),
          };
        }),
    );
  const parsed = parseHumanRightsPolicies(files, shippedRegulation().regulation);
  if (!parsed.ok) throw new Error(parsed.error.map(formatDataProblem).join('\n'));
  cached = parsed.value;
  return cached;
}

/** Assessment dependencies on the real shipped data and a fake screener. */
export function assessmentDeps(screener: PartyScreener = fakePartyScreener()): AssessmentDeps {
  const { regulation, policies } = shippedRegulation();
  const hr = shippedHumanRightsPolicies();
  const sources = inMemoryRegulationSources(
    { catalogue: regulation.catalogue, measures: regulation.measures, texts: regulation.texts },
    policies.current,
  );
  return {
    screener,
    reference: sources,
    policies: sources,
    humanRights: {
      humanRightsPolicies: () => Promise.resolve(hr),
      humanRightsReference: () => Promise.resolve(regulation.humanRights),
    },
    codeVersion: '0.0.0-test',
    // Within the default 90 days of the fake screening's lists (2026-07-23).
    clock: { now: () => new Date('2026-08-01T12:00:00Z') },
  };
}
