import type { HumanRightsPolicySource } from '../../application/ports/human-rights-policy-source.ts';
import type { FileRegulationSources } from './file-regulation-sources.ts';
import { formatDataProblem } from './load-regulation-data.ts';
import {
  loadHumanRightsPolicies,
  type HumanRightsPolicySet,
} from './load-human-rights-policies.ts';

/**
 * The shipped human-rights policies (`data/policies/<J>/human-rights-v<N>.json`, every version)
 * and reference data, read on first use. A broken shipped file is a broken installation: loading
 * throws, naming every problem by file and JSON pointer.
 */
export function fileHumanRightsSources(
  regulation: FileRegulationSources,
  policiesDir: string,
): HumanRightsPolicySource {
  let loading: Promise<HumanRightsPolicySet> | undefined;
  const policies = () => {
    loading ??= (async () => {
      const { regulation: data } = await regulation.load();
      const loaded = await loadHumanRightsPolicies(policiesDir, data);
      if (!loaded.ok)
        throw new Error(
          `The human-rights policies in ${policiesDir} are invalid:\n${loaded.error.map(formatDataProblem).join('\n')}`,
        );
      return loaded.value;
    })();
    return loading;
  };
  return {
    humanRightsPolicies: policies,
    humanRightsReference: async () => (await regulation.load()).regulation.humanRights,
  };
}
