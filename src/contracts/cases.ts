import { Type, type Static } from 'typebox';
import { ApplicationSchema, AssessmentResponseSchema } from './assessment.ts';
import {
  AutomatedOutcomeSchema,
  CaseAlertSchema,
  CaseEventSchema,
  CaseOutcomeSchema,
  CaseStageSchema,
  ExporterCaseStateSchema,
  OfficerCaseStateSchema,
  RoutingDecisionSchema,
} from './case-state.ts';
import { list } from './schema-helpers.ts';

const Citation = Type.Object({
  code: Type.String({
    minLength: 1,
    maxLength: 64,
    pattern: '^[A-Za-z0-9][A-Za-z0-9 ._:/()-]*$',
    description:
      'A criterion code of the jurisdiction, e.g. `UK-SELC-2`: letters, digits, space and . _ : / ( ) -, starting with a letter or digit.',
  }),
  reason: Type.String({
    minLength: 1,
    maxLength: 5000,
    description: 'Why it applies to this case.',
  }),
});

/** What every view of a case carries, in a list and in full. */
const caseFields = {
  id: Type.String(),
  reference: Type.String({ examples: ['GB-2026-00001'] }),
  jurisdiction: Type.String(),
  exporterOrganisationId: Type.String(),
  stage: CaseStageSchema,
  version: Type.Integer({
    description: 'Send it back as `expectedVersion` with the next action.',
  }),
  createdAt: Type.String({ format: 'date-time' }),
  queue: Type.Optional(Type.String()),
  outcome: Type.Optional(CaseOutcomeSchema),
  automatedOutcome: Type.Optional(AutomatedOutcomeSchema),
};

export const CaseSchema = Type.Object(
  {
    ...caseFields,
    state: Type.Union([OfficerCaseStateSchema, ExporterCaseStateSchema], {
      description:
        'The workflow state: in full (advice, recommendation, decision, requests) for officers, the exporter’s view for an exporter.',
    }),
    application: ApplicationSchema,
    assessment: Type.Optional(
      Type.Object(AssessmentResponseSchema.properties, {
        description: 'Officers only: the assessment frozen at submission, with its provenance.',
      }),
    ),
    routing: Type.Optional(RoutingDecisionSchema),
    history: list(CaseEventSchema),
    alerts: Type.Optional(
      list(CaseAlertSchema, {
        description:
          'Officers only: re-screening alerts on the parties since submission (also at `GET /v1/alerts`).',
      }),
    ),
    documents: list(
      Type.Object({
        code: Type.String(),
        kind: Type.String({ description: 'licence, refusal-letter or no-licence-required' }),
        issuedAt: Type.String({ format: 'date-time' }),
        sha256: Type.String(),
      }),
    ),
  },
  { description: 'A licence case.' },
);
export type CaseJson = Static<typeof CaseSchema>;

export const CaseSummarySchema = Type.Object(caseFields);
export type CaseSummary = Static<typeof CaseSummarySchema>;

export const CaseListSchema = Type.Object({ cases: Type.Array(CaseSummarySchema) });

/** Re-screening alerts on open cases and issued licences (`GET /v1/alerts`). */
export const CaseAlertListSchema = Type.Object({ alerts: list(CaseAlertSchema) });

export const CaseListQuerySchema = Type.Object({
  stage: Type.Optional(Type.String()),
  queue: Type.Optional(Type.String()),
});

export const VersionBodySchema = Type.Object(
  { expectedVersion: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);

export const CaseActionSchema = Type.Object(
  {
    kind: Type.String({ examples: ['give-advice', 'recommend', 'decide', 'countersign'] }),
    expectedVersion: Type.Integer({ minimum: 1 }),
    desk: Type.Optional(Type.String()),
    outcome: Type.Optional(Type.String()),
    criteria: Type.Optional(Type.Array(Citation)),
    provisos: Type.Optional(Type.Array(Type.String())),
    text: Type.Optional(Type.String({ maxLength: 20000 })),
    justification: Type.Optional(Type.String({ maxLength: 20000 })),
    question: Type.Optional(Type.String({ maxLength: 20000 })),
    answer: Type.Optional(Type.String({ maxLength: 20000 })),
    reason: Type.Optional(Type.String({ maxLength: 20000 })),
    grounds: Type.Optional(Type.String({ maxLength: 20000 })),
    upheld: Type.Optional(Type.Boolean()),
    reasons: Type.Optional(Type.String({ maxLength: 20000 })),
  },
  { additionalProperties: false, description: 'One step of the workflow, on the version you saw.' },
);

export const DocumentVerificationSchema = Type.Object({
  valid: Type.Boolean({ description: 'False for an unknown code or a revoked licence.' }),
  code: Type.String(),
  caseReference: Type.Optional(Type.String()),
  kind: Type.Optional(Type.String()),
  issuedAt: Type.Optional(Type.String()),
  sha256: Type.Optional(Type.String({ description: 'SHA-256 of the PDF as issued.' })),
  outcome: Type.Optional(Type.String()),
  title: Type.Optional(Type.String({ description: 'What the document says, to compare with it.' })),
  exporter: Type.Optional(Type.String()),
  destination: Type.Optional(Type.String()),
  parties: Type.Optional(Type.Array(Type.String())),
  items: Type.Optional(Type.Array(Type.String())),
  validUntil: Type.Optional(Type.String({ description: 'Licences: the last day in force.' })),
});

export const StatisticsQuerySchema = Type.Object({
  format: Type.Union([Type.Literal('json'), Type.Literal('csv')], { default: 'json' }),
});

export const StatisticsSchema = Type.Object({
  rows: Type.Array(
    Type.Object({
      month: Type.String(),
      destination: Type.String(),
      outcome: Type.String(),
      criteria: Type.Array(Type.String(), {
        description: 'The criterion codes these decisions cited (empty when none).',
      }),
      itemCategory: Type.String(),
      count: Type.Integer({
        description: 'Decisions, not criteria: one refusal citing three criteria is one.',
      }),
    }),
  ),
});
export type Statistics = Static<typeof StatisticsSchema>;
