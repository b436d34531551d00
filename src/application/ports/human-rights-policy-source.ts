import type { HumanRightsPolicy } from '../../domain/human-rights/human-rights-policy.ts';
import type { HumanRightsReference } from '../../domain/policy/human-rights-reference.ts';
import type { JurisdictionCode } from '../../domain/policy/jurisdiction.ts';

/** Provides the human-rights policies (every version) and the shipped human-rights reference data. */
export interface HumanRightsPolicySource {
  humanRightsPolicies(): Promise<{
    readonly current: ReadonlyMap<JurisdictionCode, HumanRightsPolicy>;
    readonly all: readonly HumanRightsPolicy[];
  }>;
  humanRightsReference(): Promise<HumanRightsReference>;
}
