import type { Clock } from '../ports/clock.ts';
import type { PolicyVersionLookup } from '../ports/policy-version-lookup.ts';
import type { ProposalLookup } from '../ports/proposal-lookup.ts';
import type { PublicConsultationStore } from '../ports/public-consultation-store.ts';
import type { SecretGenerator } from '../ports/secret-generator.ts';

/** What the public-consultation use cases need. */
export interface PublicConsultationDeps {
  readonly store: PublicConsultationStore;
  /** Control proposals (built by the proposal feature); undefined for an unknown id. */
  readonly proposals: ProposalLookup;
  /** Which versions of which jurisdictions' policies exist. */
  readonly policies: PolicyVersionLookup;
  /** The consulting authority's jurisdiction code (CORDON_AUTHORITY_COUNTRY). */
  readonly authority: string;
  /** The largest file a commenter may attach (CORDON_ATTACHMENT_MAX_BYTES). */
  readonly attachmentLimitBytes: number;
  readonly clock: Clock;
  readonly secrets: Pick<SecretGenerator, 'id'>;
  readonly sha256Bytes: (bytes: Uint8Array) => string;
}
