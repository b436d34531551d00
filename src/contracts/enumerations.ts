/**
 * The enumerations of the contract, each defined once in the domain and re-exported here for the
 * web UI (which imports `src/contracts` only): party roles and types, capability tags, user roles,
 * case stages, recommendation outcomes, risk levels and text statuses.
 */
export { capabilityTags } from '../domain/classification/classification-facts.ts';
export { partyRoles, partyTypes } from '../domain/classification/licence-query.ts';
export type { PartyRole, PartyType } from '../domain/classification/licence-query.ts';
export {
  outcomeOrder as outcomes,
  riskLevels,
} from '../domain/human-rights/human-rights-policy.ts';
export type { Outcome, RiskLevel } from '../domain/human-rights/human-rights-policy.ts';
export { attachmentCategories, attachmentKinds } from '../domain/licensing/attachment.ts';
export type { AttachmentCategory } from '../domain/licensing/attachment.ts';
export { caseOutcomes, caseStages } from '../domain/licensing/case-state.ts';
export type { CaseOutcome, CaseStage } from '../domain/licensing/case-state.ts';
export { adviceOutcomes } from '../domain/licensing/licence-case.ts';
export { organisationKinds } from '../domain/people/people.ts';
export { roles } from '../domain/people/role.ts';
export type { Role } from '../domain/people/role.ts';
export { textStatuses } from '../domain/policy/text-provenance.ts';
export type { TextStatus } from '../domain/policy/text-provenance.ts';
