import { Type, type Static } from 'typebox';

const literals = <T extends string>(values: readonly T[]) =>
  Type.Union(values.map((v) => Type.Literal(v)));

/** An application (spec: the input of `cordon assess` and `POST /v1/assessments`). */
export const ApplicationSchema = Type.Object(
  {
    jurisdiction: Type.String({ description: 'ISO 3166-1 alpha-2 or EU.', examples: ['GB'] }),
    exporter: Type.Object({ name: Type.String(), country: Type.String() }),
    destination: Type.Object({ country: Type.String(), region: Type.Optional(Type.String()) }),
    parties: Type.Array(
      Type.Object({
        role: literals([
          'end-user',
          'consignee',
          'intermediate-consignee',
          'purchaser',
          'third-party',
        ]),
        name: Type.String({ minLength: 1 }),
        country: Type.Optional(Type.String()),
        address: Type.Optional(Type.String()),
        type: Type.Optional(
          literals([
            'police',
            'intelligence',
            'military',
            'government-security',
            'government-other',
            'telecom-operator',
            'commercial',
            'academic',
            'individual',
            'unknown',
          ]),
        ),
      }),
    ),
    items: Type.Array(
      Type.Object({
        description: Type.String({ minLength: 1 }),
        controlEntries: Type.Optional(Type.Array(Type.String())),
        capabilities: Type.Optional(Type.Array(Type.String())),
        quantity: Type.Optional(Type.Number()),
        value: Type.Optional(Type.Object({ amount: Type.Number(), currency: Type.String() })),
        answers: Type.Optional(Type.Record(Type.String(), Type.String())),
      }),
      { minItems: 1 },
    ),
    endUse: Type.Optional(Type.String()),
    redFlags: Type.Optional(Type.Array(Type.String())),
    dueDiligence: Type.Optional(
      Type.Record(Type.String(), Type.String(), {
        description: "Cordon's extension: answers to the due-diligence steps (DD-1 ... DD-8).",
      }),
    ),
  },
  { description: 'An export application as the outward contract defines it.' },
);

export const AssessmentQuerySchema = Type.Object({
  jurisdiction: Type.Optional(
    Type.String({ description: "Overrides the application's jurisdiction." }),
  ),
  asOf: Type.Optional(
    Type.String({ description: 'Snapshot ids (comma-separated) or a date (YYYY-MM-DD).' }),
  ),
  mode: Type.Optional(Type.Union([Type.Literal('officer'), Type.Literal('self-assessment')])),
});

/** The assessment contract; see docs and `src/application/assessment/assess-application.ts`. */
export const AssessmentResponseSchema = Type.Unsafe<Record<string, unknown>>({
  type: 'object',
  description:
    'The assessment: parties with matches, items with classification, licence per jurisdiction, humanRights { risk, factors }, recommendation { outcome, criteria, provisos }, provenance { listSnapshots, policy, codeVersion }.',
  required: ['parties', 'items', 'licence', 'humanRights', 'recommendation', 'provenance'],
  additionalProperties: true,
});

export type ApplicationBody = Static<typeof ApplicationSchema>;
