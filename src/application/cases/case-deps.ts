import type { LicenceCase } from '../../domain/licensing/licence-case.ts';
import type {
  CaseAssessor,
  CasePolicySource,
  DocumentRenderer,
  RoutingRuleSource,
} from '../ports/case-collaborators.ts';
import type { CaseRecord, CaseStore, FrozenAssessment } from '../ports/case-store.ts';
import type { Clock } from '../ports/clock.ts';
import type { SecretGenerator } from '../ports/secret-generator.ts';

/** What the licence-case use cases need; each use case reads only the members it uses. */
export interface CaseDeps {
  readonly store: CaseStore;
  readonly assessor: CaseAssessor;
  readonly routing: RoutingRuleSource;
  /** Appeal periods, refusal criteria texts and separation of duties (versioned data). */
  readonly casePolicy: CasePolicySource;
  readonly renderer: DocumentRenderer;
  /** The largest supporting document accepted, in bytes (CORDON_ATTACHMENT_MAX_BYTES). */
  readonly attachmentLimitBytes: number;
  readonly clock: Clock;
  readonly secrets: SecretGenerator;
  readonly sha256: (bytes: Uint8Array) => string;
  /**
   * The no-undercut check (exchange with partner states): the partners' denials this application
   * essentially repeats, each a consultation that blocks the decision until it is recorded.
   * Absent, no check is made.
   */
  readonly denialCheck?: (
    application: Readonly<Record<string, unknown>>,
    assessment: FrozenAssessment,
    licenceCase: LicenceCase,
  ) => Promise<readonly { readonly consultationId: string; readonly note: string }[]>;
  /**
   * Tells partners that an application was withdrawn while a refusal awaited countersignature
   * (when the case policy says so). Absent (no exchange set up), the withdrawal is only recorded.
   */
  readonly notifyWithdrawnRefusal?: (record: CaseRecord, requestId?: string) => Promise<void>;
}

/**
 * The members `K` of `CaseDeps` with the store narrowed to the roles `S` a use case uses:
 * `CaseDepsOf<'casePolicy', CaseRecordStore>` for a use case that reads cases under the policy.
 */
export type CaseDepsOf<K extends Exclude<keyof CaseDeps, 'store'>, S> = Pick<CaseDeps, K> & {
  readonly store: S;
};
