import path from 'node:path';
import { listSnapshotPartyScreener } from '../adapters/assessment/list-snapshot-party-screener.ts';
import { fileHumanRightsSources } from '../adapters/regulation/file-human-rights-sources.ts';
import { fileRegulationSources } from '../adapters/regulation/file-regulation-sources.ts';
import { repositoryRoot } from '../adapters/runtime/code-version.ts';
import type { AssessmentDeps } from '../application/assessment/assess-application.ts';
import type { ListSnapshotStore } from '../application/ports/list-snapshot-store.ts';

const regulationDir = path.join(repositoryRoot, 'data', 'regulation');
const policiesDir = path.join(repositoryRoot, 'data', 'policies');

/** The shipped regulation data and human-rights policies, loaded once per process. */
export const shippedAssessmentSources = (() => {
  const regulation = fileRegulationSources({ regulationDir, policiesDir });
  return { regulation, humanRights: fileHumanRightsSources(regulation, policiesDir) };
})();

/** Wires the assessment use case to the shipped data and a screener over the store's snapshots. */
export function assessmentDeps(store: ListSnapshotStore, codeVersion: string): AssessmentDeps {
  const { regulation, humanRights } = shippedAssessmentSources;
  return {
    screener: listSnapshotPartyScreener(store),
    reference: regulation,
    policies: regulation,
    humanRights,
    codeVersion,
  };
}
