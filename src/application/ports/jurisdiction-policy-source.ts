import type { JurisdictionCode } from '../../domain/policy/jurisdiction.ts';
import type { JurisdictionPolicy } from '../../domain/policy/jurisdiction-policy.ts';

/** Provides the current (highest) version of each jurisdiction's policy. */
export interface JurisdictionPolicySource {
  currentPolicies(): Promise<ReadonlyMap<JurisdictionCode, JurisdictionPolicy>>;
}
