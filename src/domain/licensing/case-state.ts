/**
 * Where a licence case stands. The workflow follows the stages of a licensing authority: the
 * exporter's draft, automatic checks, review with advice from other departments, final review,
 * a decision that a second senior officer countersigns, and what can follow (appeal, suspension,
 * revocation). Transitions between stages are in `case-transitions.ts`.
 */
export const caseStages = [
  'draft',
  'submitted',
  'initial-checks',
  'under-review',
  'awaiting-advice',
  'final-review',
  'awaiting-countersignature',
  'returned-to-exporter',
  'finalised',
  'appeal',
  'suspended',
  'revoked',
  'withdrawn',
] as const;

export type CaseStage = (typeof caseStages)[number];

/** The outcome of a finalised case. */
export const caseOutcomes = [
  'approved',
  'approved-with-provisos',
  'refused',
  'no-licence-required',
] as const;
export type CaseOutcome = (typeof caseOutcomes)[number];

/**
 * What the automated assessment recommended, frozen at submission: a case outcome, `refer` (an
 * officer must look), or `prohibited` (a sanctions or embargo measure forbids the transaction:
 * it can only be refused).
 */
export type AutomatedOutcome = CaseOutcome | 'refer' | 'prohibited';

/** Stages in which the service-level clock runs; it stops while the exporter has the case. */
export const clockRunsIn: ReadonlySet<CaseStage> = new Set<CaseStage>([
  'submitted',
  'initial-checks',
  'under-review',
  'awaiting-advice',
  'final-review',
  'awaiting-countersignature',
  'appeal',
]);

/** Stages in which the case is closed for work: nothing but the listed transitions can follow. */
export const isClosed = (stage: CaseStage): boolean =>
  stage === 'finalised' || stage === 'revoked' || stage === 'withdrawn';
