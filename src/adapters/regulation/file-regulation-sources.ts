import path from 'node:path';
import type { ControlCatalogueSource } from '../../application/ports/control-catalogue-source.ts';
import type { JurisdictionPolicySource } from '../../application/ports/jurisdiction-policy-source.ts';
import type { LicensingReferenceSource } from '../../application/ports/licensing-reference-source.ts';
import { repositoryRoot } from '../runtime/code-version.ts';
import { loadJurisdictionPolicies, type PolicySet } from './load-jurisdiction-policies.ts';
import {
  formatDataProblem,
  loadRegulationData,
  type RegulationData,
} from './load-regulation-data.ts';

/** Where Cordon's shipped regulation data and policies live (`data/regulation`, `data/policies`). */
export const shippedRegulationDirs = {
  regulationDir: path.join(repositoryRoot, 'data', 'regulation'),
  policiesDir: path.join(repositoryRoot, 'data', 'policies'),
} as const;

/** The shipped regulation data and policies, loaded from files once and then served from memory. */
export interface FileRegulationSources
  extends ControlCatalogueSource, LicensingReferenceSource, JurisdictionPolicySource {
  /** Everything loaded, for callers that need more than the ports give (reports, provenance). */
  load(): Promise<{ readonly regulation: RegulationData; readonly policies: PolicySet }>;
}

/**
 * Reads `data/regulation` and `data/policies` on first use. The shipped data is part of the
 * release, so a broken file is a broken installation: loading throws, naming every problem by file
 * and JSON pointer, rather than serving half a catalogue.
 */
export function fileRegulationSources(dirs: {
  readonly regulationDir: string;
  readonly policiesDir: string;
}): FileRegulationSources {
  let loading: Promise<{ regulation: RegulationData; policies: PolicySet }> | undefined;
  const load = () => {
    loading ??= (async () => {
      const regulation = await loadRegulationData(dirs.regulationDir);
      if (!regulation.ok) {
        throw new Error(
          `The regulation data in ${dirs.regulationDir} is invalid:\n${regulation.error.map(formatDataProblem).join('\n')}`,
        );
      }
      const policies = await loadJurisdictionPolicies(dirs.policiesDir, regulation.value);
      if (!policies.ok) {
        throw new Error(
          `The policies in ${dirs.policiesDir} are invalid:\n${policies.error.map(formatDataProblem).join('\n')}`,
        );
      }
      return { regulation: regulation.value, policies: policies.value };
    })();
    return loading;
  };
  return {
    load,
    controlCatalogue: async () => (await load()).regulation.catalogue,
    licensingReference: async () => {
      const { regulation } = await load();
      return {
        catalogue: regulation.catalogue,
        measures: regulation.measures,
        texts: regulation.texts,
      };
    },
    currentPolicies: async () => (await load()).policies.current,
  };
}
