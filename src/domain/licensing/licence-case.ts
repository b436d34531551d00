import type { Role } from '../people/role.ts';
import type { CitedText } from '../policy/text-provenance.ts';
import type { AutomatedOutcome, CaseOutcome, CaseStage } from './case-state.ts';
import type { DutyRecord } from './separation-of-duties.ts';

/** Who did something to a case: a person with a role (or the system, for automatic steps). */
export interface Actor {
  readonly userId: string;
  readonly role: Role | 'system';
  readonly organisationId?: string;
  readonly name?: string;
}

/** A refusal or approval criterion of the jurisdiction's policy, cited in advice and decisions. */
export interface CriterionCitation {
  /** The policy's code, e.g. `EU-CP-2.c`, `UK-SELC-2`, `EU-2021/821-Art.5`. */
  readonly code: string;
  /** Why it applies to this case, in the officer's words. */
  readonly reason: string;
}

export interface AdviceRequest {
  readonly advisorRole: 'advisor';
  /** The advising department or desk, e.g. `human-rights`. */
  readonly desk: string;
  readonly reason: string;
  readonly requestedAt: Date;
}

/** What an advising desk may advise. */
export const adviceOutcomes = ['approve', 'approve-with-provisos', 'refuse'] as const;
export type AdviceOutcome = (typeof adviceOutcomes)[number];

export interface Advice {
  readonly desk: string;
  readonly by: Actor;
  readonly outcome: AdviceOutcome;
  readonly criteria: readonly CriterionCitation[];
  readonly provisos: readonly string[];
  readonly text: string;
  readonly givenAt: Date;
}

export interface Recommendation {
  readonly by: Actor;
  readonly outcome: CaseOutcome;
  readonly criteria: readonly CriterionCitation[];
  readonly provisos: readonly string[];
  readonly text: string;
  readonly at: Date;
}

export interface Decision {
  readonly by: Actor;
  readonly outcome: CaseOutcome;
  readonly criteria: readonly CriterionCitation[];
  readonly provisos: readonly string[];
  readonly text: string;
  /** Required when the outcome departs from the automated assessment's recommendation. */
  readonly justification?: string;
  readonly at: Date;
  readonly countersignedBy?: Actor;
  readonly countersignedAt?: Date;
  /** For a refusal: until when the exporter may appeal, set at countersignature from the case policy. */
  readonly appealPeriod?: AppealPeriod;
}

/** The appeal period given to a refusal, with the policy (id, version) and the basis it came from. */
export interface AppealPeriod {
  readonly days: number;
  /** The last moment an appeal is accepted: the countersignature plus `days` calendar days. */
  readonly until: Date;
  readonly policy: { readonly id: string; readonly version: number };
  readonly basis: CitedText;
}

export interface InformationRequest {
  readonly question: string;
  readonly askedBy: Actor;
  readonly askedAt: Date;
  /** The stage the case returns to once the exporter answers. */
  readonly returnTo: CaseStage;
  readonly answer?: string;
  readonly answeredAt?: Date;
}

export interface Appeal {
  readonly grounds: string;
  readonly lodgedBy: Actor;
  readonly lodgedAt: Date;
  readonly decidedBy?: Actor;
  readonly decidedAt?: Date;
  readonly upheld?: boolean;
  readonly reasons?: string;
}

/**
 * The workflow state of a licence case: its stage and everything the workflow has recorded so far.
 * The application itself and its frozen assessment live beside it; this value is what transitions
 * change. `version` increases with every transition (optimistic concurrency: two officers acting
 * on the same version cannot both win).
 */
export interface LicenceCase {
  readonly id: string;
  readonly reference: string;
  readonly jurisdiction: string;
  readonly exporterOrganisationId: string;
  readonly stage: CaseStage;
  readonly version: number;
  /**
   * The automated assessment's recommendation, frozen at submission: `prohibited` when a
   * sanctions or embargo measure forbids the transaction (it can then only be refused).
   */
  readonly automatedOutcome?: AutomatedOutcome;
  readonly queue?: string;
  readonly adviceRequests: readonly AdviceRequest[];
  readonly advice: readonly Advice[];
  readonly informationRequests: readonly InformationRequest[];
  readonly recommendation?: Recommendation;
  readonly decision?: Decision;
  readonly outcome?: CaseOutcome;
  readonly appeal?: Appeal;
  readonly withdrawnReason?: string;
  /**
   * A refusal decided but not yet countersigned when the exporter withdrew: recorded so that the
   * withdrawal cannot hide it (the case policy says whether partners are told).
   */
  readonly refusalPendingAtWithdrawal?: Decision;
  /** Why the licence was suspended or revoked. */
  readonly statusReason?: string;
  readonly createdAt: Date;
  readonly submittedAt?: Date;
  readonly finalisedAt?: Date;
  /** An open partner consultation blocks the decision (the no-undercut rule). */
  readonly blockingConsultations: readonly string[];
  /** Who advised, recommended, decided, countersigned: kept for separation of duties, never removed. */
  readonly duties?: readonly DutyRecord[];
  /** The officer who took the case from the queue ("assign to me"); internal to the authority. */
  readonly assignee?: { readonly actor: Actor; readonly at: Date };
}
