import { Type, type Static } from 'typebox';

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

export const CaseSchema = Type.Object(
  {
    id: Type.String(),
    reference: Type.String({ examples: ['GB-2026-00001'] }),
    jurisdiction: Type.String(),
    exporterOrganisationId: Type.String(),
    stage: Type.String({
      description:
        'draft, submitted, initial-checks, under-review, awaiting-advice, final-review, awaiting-countersignature, returned-to-exporter, finalised, appeal, suspended, revoked, withdrawn',
    }),
    version: Type.Integer({
      description: 'Send it back as `expectedVersion` with the next action.',
    }),
    createdAt: Type.String({ format: 'date-time' }),
    queue: Type.Optional(Type.String()),
    outcome: Type.Optional(Type.String()),
    automatedOutcome: Type.Optional(Type.String()),
    state: Type.Record(Type.String(), Type.Unknown(), {
      description: 'The full workflow state: advice, recommendation, decision, requests.',
    }),
    application: Type.Record(Type.String(), Type.Unknown()),
    assessment: Type.Optional(
      Type.Record(Type.String(), Type.Unknown(), {
        description: 'The assessment frozen at submission, with its provenance.',
      }),
    ),
    routing: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    history: Type.Array(Type.Record(Type.String(), Type.Unknown())),
    alerts: Type.Optional(
      Type.Array(Type.Record(Type.String(), Type.Unknown()), {
        description:
          'Officers only: re-screening alerts on the parties since submission (also at `GET /v1/alerts`).',
      }),
    ),
    documents: Type.Array(
      Type.Object({
        code: Type.String(),
        kind: Type.String(),
        issuedAt: Type.String(),
        sha256: Type.String(),
      }),
    ),
  },
  { description: 'A licence case.' },
);
export type CaseJson = Static<typeof CaseSchema>;

export const CaseSummarySchema = Type.Object({
  id: Type.String(),
  reference: Type.String(),
  jurisdiction: Type.String(),
  stage: Type.String(),
  version: Type.Integer(),
  queue: Type.Optional(Type.String()),
  outcome: Type.Optional(Type.String()),
  automatedOutcome: Type.Optional(Type.String()),
  exporterOrganisationId: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
});

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
