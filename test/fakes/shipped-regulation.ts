import {
  parseJurisdictionPolicies,
  type PolicyFile,
  type PolicySet,
} from '../../src/adapters/regulation/load-jurisdiction-policies.ts';
import {
  formatDataProblem,
  parseRegulationData,
  regulationFileNames,
  type RegulationData,
} from '../../src/adapters/regulation/load-regulation-data.ts';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

let cached: { regulation: RegulationData; policies: PolicySet } | undefined;

/**
 * The real shipped regulation data and policies, read once per test process (synchronously, so
 * tests can build their fixtures at module level). Tests classify and license with the real
 * entries, as the acceptance criteria ask.
 */
export function shippedRegulation(): { regulation: RegulationData; policies: PolicySet } {
  if (cached) return cached;
  const files = Object.values(regulationFileNames).map((name) => {
    const bytes = readFileSync(join(root, 'data', 'regulation', name));
    return { name, text: bytes.toString('utf8'), sha256: sha256(bytes) };
  });
  const regulation = parseRegulationData(files);
  if (!regulation.ok) throw new Error(regulation.error.map(formatDataProblem).join('\n'));
  const policyFiles: PolicyFile[] = readdirSync(join(root, 'data', 'policies'), {
    withFileTypes: true,
  })
    .filter((d) => d.isDirectory() && /^[A-Z]{2}$/.test(d.name))
    .flatMap((d) =>
      readdirSync(join(root, 'data', 'policies', d.name))
        .filter((n) => /^policy-v\d+\.json$/.test(n))
        .map((n) => {
          const bytes = readFileSync(join(root, 'data', 'policies', d.name, n));
          return { path: `${d.name}/${n}`, text: bytes.toString('utf8'), sha256: sha256(bytes) };
        }),
    );
  const policies = parseJurisdictionPolicies(policyFiles, regulation.value);
  if (!policies.ok) throw new Error(policies.error.map(formatDataProblem).join('\n'));
  cached = { regulation: regulation.value, policies: policies.value };
  return cached;
}
