import { Type, type Static } from 'typebox';
import { caseOutcomes, caseStages } from '../domain/licensing/case-state.ts';
import { adviceOutcomes } from '../domain/licensing/licence-case.ts';
import { caseDuties } from '../domain/licensing/separation-of-duties.ts';
import { roles } from '../domain/people/role.ts';
import { CitedTextSchema } from './assessment.ts';
import { list, literals } from './schema-helpers.ts';

/**
 * The parts of a licence case as JSON (`src/domain/licensing/licence-case.ts`, dates as ISO
 * strings): the workflow state an officer sees, the narrower one its exporter sees, its history,
 * routing and re-screening alerts. `CaseSchema` (cases.ts) puts them together.
 */

const Instant = Type.String({ format: 'date-time' });

export const CaseStageSchema = literals(caseStages);
export const CaseOutcomeSchema = literals(caseOutcomes);
export const AutomatedOutcomeSchema = literals([...caseOutcomes, 'refer', 'prohibited'] as const, {
  description:
    'The automated recommendation frozen at submission: a case outcome, refer or prohibited.',
});

/** Who did something to a case: a person with a role, or the system for automatic steps. */
export const ActorSchema = Type.Object({
  userId: Type.String(),
  role: literals([...roles, 'system'] as const),
  organisationId: Type.Optional(Type.String()),
  name: Type.Optional(Type.String()),
});

/** A criterion of the jurisdiction's policy cited in advice or a decision, with why it applies. */
export const CriterionCitationSchema = Type.Object({ code: Type.String(), reason: Type.String() });

const act = {
  by: ActorSchema,
  criteria: list(CriterionCitationSchema),
  provisos: list(Type.String()),
  text: Type.String(),
};

export const AdviceSchema = Type.Object({
  desk: Type.String(),
  ...act,
  outcome: literals(adviceOutcomes),
  givenAt: Instant,
});

export const RecommendationSchema = Type.Object({
  ...act,
  outcome: CaseOutcomeSchema,
  at: Instant,
});

export const DecisionSchema = Type.Object({
  ...act,
  outcome: CaseOutcomeSchema,
  justification: Type.Optional(Type.String()),
  at: Instant,
  countersignedBy: Type.Optional(ActorSchema),
  countersignedAt: Type.Optional(Instant),
  appealPeriod: Type.Optional(
    Type.Object({
      days: Type.Integer(),
      until: Instant,
      policy: Type.Object({ id: Type.String(), version: Type.Integer() }),
      basis: CitedTextSchema,
    }),
  ),
});

/** The workflow state of a case as officers see it: everything the workflow recorded. */
export const OfficerCaseStateSchema = Type.Object(
  {
    id: Type.String(),
    reference: Type.String(),
    jurisdiction: Type.String(),
    exporterOrganisationId: Type.String(),
    stage: CaseStageSchema,
    version: Type.Integer(),
    automatedOutcome: Type.Optional(AutomatedOutcomeSchema),
    queue: Type.Optional(Type.String()),
    adviceRequests: list(
      Type.Object({
        advisorRole: Type.Literal('advisor'),
        desk: Type.String(),
        reason: Type.String(),
        requestedAt: Instant,
      }),
    ),
    advice: list(AdviceSchema),
    informationRequests: list(
      Type.Object({
        question: Type.String(),
        askedBy: ActorSchema,
        askedAt: Instant,
        returnTo: CaseStageSchema,
        answer: Type.Optional(Type.String()),
        answeredAt: Type.Optional(Instant),
      }),
    ),
    recommendation: Type.Optional(RecommendationSchema),
    decision: Type.Optional(DecisionSchema),
    outcome: Type.Optional(CaseOutcomeSchema),
    appeal: Type.Optional(
      Type.Object({
        grounds: Type.String(),
        lodgedBy: ActorSchema,
        lodgedAt: Instant,
        decidedBy: Type.Optional(ActorSchema),
        decidedAt: Type.Optional(Instant),
        upheld: Type.Optional(Type.Boolean()),
        reasons: Type.Optional(Type.String()),
      }),
    ),
    withdrawnReason: Type.Optional(Type.String()),
    refusalPendingAtWithdrawal: Type.Optional(DecisionSchema),
    statusReason: Type.Optional(Type.String()),
    createdAt: Instant,
    submittedAt: Type.Optional(Instant),
    finalisedAt: Type.Optional(Instant),
    blockingConsultations: list(Type.String()),
    duties: Type.Optional(
      list(Type.Object({ duty: literals(caseDuties), userId: Type.String(), at: Instant })),
    ),
    assignee: Type.Optional(Type.Object({ actor: ActorSchema, at: Instant })),
  },
  { description: 'The full workflow state (officers).' },
);
export type OfficerCaseState = Static<typeof OfficerCaseStateSchema>;

/** What an exporter sees of its case: status, the questions put to it, and a final decision. */
export const ExporterCaseStateSchema = Type.Object(
  {
    id: Type.String(),
    reference: Type.String(),
    jurisdiction: Type.String(),
    exporterOrganisationId: Type.String(),
    stage: CaseStageSchema,
    version: Type.Integer(),
    createdAt: Instant,
    submittedAt: Type.Optional(Instant),
    informationRequests: list(
      Type.Object({
        question: Type.String(),
        askedAt: Instant,
        answer: Type.Optional(Type.String()),
        answeredAt: Type.Optional(Instant),
      }),
    ),
    decision: Type.Optional(
      Type.Object({
        outcome: CaseOutcomeSchema,
        criteria: list(CriterionCitationSchema),
        provisos: list(Type.String()),
        text: Type.String(),
        appealPeriod: Type.Optional(Type.Object({ days: Type.Integer(), until: Instant })),
      }),
    ),
    outcome: Type.Optional(CaseOutcomeSchema),
    finalisedAt: Type.Optional(Instant),
    appeal: Type.Optional(
      Type.Object({
        grounds: Type.String(),
        lodgedAt: Instant,
        decidedAt: Type.Optional(Instant),
        upheld: Type.Optional(Type.Boolean()),
        reasons: Type.Optional(Type.String()),
      }),
    ),
    withdrawnReason: Type.Optional(Type.String()),
    statusReason: Type.Optional(Type.String()),
  },
  { description: 'The workflow state an exporter may see (no advice, drafts or officers).' },
);
export type ExporterCaseState = Static<typeof ExporterCaseStateSchema>;

/**
 * One step in a case's history. An exporter sees its own steps and the authority's questions and
 * final steps, as "the licensing authority", with neither role nor note.
 */
export const CaseEventSchema = Type.Object({
  version: Type.Integer(),
  at: Instant,
  actor: Type.String({ description: 'A user id (for an exporter: `the licensing authority`).' }),
  role: Type.Optional(Type.String({ description: 'Officers only: the role acted in.' })),
  action: Type.String(),
  fromStage: CaseStageSchema,
  toStage: CaseStageSchema,
  note: Type.Optional(Type.String({ description: 'Officers only.' })),
});
export type CaseEvent = Static<typeof CaseEventSchema>;

/** Where the routing rules sent a case at submission, and which rules fired. */
export const RoutingDecisionSchema = Type.Object({
  queue: Type.String(),
  adviceRequests: list(Type.Object({ desk: Type.String(), reason: Type.String() })),
  fired: list(Type.Object({ ruleId: Type.String(), because: Type.String() })),
  ruleSet: Type.Object({ id: Type.String(), version: Type.Integer() }),
});

/** A new screening match on a party of a case, found when the lists changed after submission. */
export const CaseAlertSchema = Type.Object({
  id: Type.String(),
  caseId: Type.String(),
  caseReference: Type.String(),
  raisedAt: Instant,
  party: Type.Object({ role: Type.String(), name: Type.String() }),
  match: Type.Object({
    entityId: Type.String(),
    source: Type.String(),
    name: Type.String(),
    matchedName: Type.String(),
    score: Type.Number(),
    band: Type.String(),
    explanation: Type.String(),
  }),
  snapshotId: Type.String({ description: 'The list snapshot in which the match was found.' }),
});
export type CaseAlert = Static<typeof CaseAlertSchema>;
