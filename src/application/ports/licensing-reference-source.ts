import type { LicensingReference } from '../../domain/classification/licence-requirement.ts';

/** Provides what licence determination reads: the catalogue, destination measures and legal texts. */
export interface LicensingReferenceSource {
  licensingReference(): Promise<LicensingReference>;
}
