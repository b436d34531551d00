import type { CordonError } from '../../domain/shared/errors.ts';
import type { Result } from '../../domain/shared/result.ts';
import type { RoutingRuleSet } from '../../domain/licensing/routing.ts';
import type { DecisionDocumentModel } from '../../domain/licensing/decision-document.ts';
import type { CasePolicy } from '../../domain/licensing/case-policy.ts';
import type { LegalTexts } from '../../domain/policy/legal-texts.ts';
import type { FrozenAssessment } from './case-store.ts';

/** Checks and assesses applications for the licence workflow (wired to `assessApplication`). */
export interface CaseAssessor {
  /** Every problem of the application at once, field by field. */
  validate(application: unknown): Promise<Result<void, CordonError>>;
  assess(application: unknown): Promise<Result<FrozenAssessment, CordonError>>;
}

/** The routing rule set in force. */
export interface RoutingRuleSource {
  current(): Promise<RoutingRuleSet>;
}

/** Renders a decision document to PDF bytes. */
export interface DocumentRenderer {
  render(model: DecisionDocumentModel): Promise<Uint8Array>;
}

/** The case policy in force (appeal periods, refusal criteria) and the legal texts it may cite. */
export interface CasePolicySource {
  current(): Promise<CasePolicy>;
  legalTexts(): Promise<LegalTexts>;
}
