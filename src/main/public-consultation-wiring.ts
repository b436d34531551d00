import type { Kysely } from 'kysely';
import { kyselyPublicConsultationStore } from '../adapters/db/kysely-public-consultation-store.ts';
import type { Database } from '../adapters/db/schema.ts';
import { shippedRegulationDirs } from '../adapters/regulation/file-regulation-sources.ts';
import { filePolicyVersions } from '../adapters/regulation/file-policy-versions.ts';
import { nodeContentHasher } from '../adapters/runtime/node-content-hasher.ts';
import { randomSecrets } from '../adapters/runtime/random-secrets.ts';
import { systemClock } from '../adapters/runtime/system-clock.ts';
import type { ProposalLookup } from '../application/ports/proposal-lookup.ts';
import type { PublicConsultationDeps } from '../application/public-consultation/public-consultation-deps.ts';
import { sha256Text } from './people-wiring.ts';

/** Without a proposal store (tests, tools) no proposal is known: only policy versions are consulted on. */
export const noProposals: ProposalLookup = {
  findProposalSummary: () => Promise.resolve(undefined),
};

/** Public consultations on the database, the shipped policy versions and the proposals. */
export function publicConsultationDepsFor(
  db: Kysely<Database>,
  settings: {
    readonly authority: string;
    readonly attachmentLimitBytes: number;
    readonly proposals?: ProposalLookup;
  },
): PublicConsultationDeps {
  return {
    store: kyselyPublicConsultationStore(db, systemClock, sha256Text),
    proposals: settings.proposals ?? noProposals,
    policies: filePolicyVersions(shippedRegulationDirs.policiesDir),
    authority: settings.authority,
    attachmentLimitBytes: settings.attachmentLimitBytes,
    clock: systemClock,
    secrets: randomSecrets,
    sha256Bytes: (bytes) => nodeContentHasher.sha256(bytes),
  };
}
