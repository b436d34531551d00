import type { ControlCatalogueSource } from '../../src/application/ports/control-catalogue-source.ts';
import type { JurisdictionPolicySource } from '../../src/application/ports/jurisdiction-policy-source.ts';
import type { LicensingReferenceSource } from '../../src/application/ports/licensing-reference-source.ts';
import type { LicensingReference } from '../../src/domain/classification/licence-requirement.ts';
import type { JurisdictionCode } from '../../src/domain/policy/jurisdiction.ts';
import type { JurisdictionPolicy } from '../../src/domain/policy/jurisdiction-policy.ts';

/** The catalogue, reference data and policies held in memory, behind the use cases' ports. */
export function inMemoryRegulationSources(
  reference: LicensingReference,
  policies: ReadonlyMap<JurisdictionCode, JurisdictionPolicy>,
): ControlCatalogueSource & LicensingReferenceSource & JurisdictionPolicySource {
  return {
    controlCatalogue: () => Promise.resolve(reference.catalogue),
    licensingReference: () => Promise.resolve(reference),
    currentPolicies: () => Promise.resolve(policies),
  };
}

/**
 * The real shipped catalogue, reference data and policies behind the ports, read on first use
 * (so that apps built for tests about other areas do not pay for loading them).
 */
export function shippedRegulationSources(): ControlCatalogueSource &
  LicensingReferenceSource &
  JurisdictionPolicySource {
  const sources = async () => {
    const { shippedRegulation } = await import('./shipped-regulation.ts');
    const { regulation, policies } = shippedRegulation();
    return inMemoryRegulationSources(
      { catalogue: regulation.catalogue, measures: regulation.measures, texts: regulation.texts },
      policies.current,
    );
  };
  return {
    controlCatalogue: async () => (await sources()).controlCatalogue(),
    licensingReference: async () => (await sources()).licensingReference(),
    currentPolicies: async () => (await sources()).currentPolicies(),
  };
}
