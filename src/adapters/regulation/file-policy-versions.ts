import fs from 'node:fs/promises';
import path from 'node:path';
import type { PolicyVersionLookup } from '../../application/ports/policy-version-lookup.ts';

/**
 * Policy versions as shipped: a jurisdiction's version N exists when `<policiesDir>/<J>/policy-vN.json`
 * or `human-rights-vN.json` does.
 */
export function filePolicyVersions(policiesDir: string): PolicyVersionLookup {
  const exists = (file: string) =>
    fs.access(file).then(
      () => true,
      () => false,
    );
  return {
    async policyVersionExists(jurisdiction, version) {
      if (!/^[A-Z]{2}$/.test(jurisdiction) || !Number.isSafeInteger(version) || version < 1) {
        return false;
      }
      const dir = path.join(policiesDir, jurisdiction);
      return (
        (await exists(path.join(dir, `policy-v${String(version)}.json`))) ||
        (await exists(path.join(dir, `human-rights-v${String(version)}.json`)))
      );
    },
  };
}
