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
        stateLinked: Type.Optional(
          Type.Boolean({
            description:
              "Cordon's extension: owned or controlled by the state or acting for it (a state-owned operator). Monitoring-equipment bans (EU Reg. 359/2011 Art. 1b(2)) turn on it.",
          }),
        ),
        matchClearances: Type.Optional(
          Type.Array(
            Type.Object({
              source: Type.String({ minLength: 1 }),
              entityId: Type.String({ minLength: 1 }),
              clearedBy: Type.String({ minLength: 1 }),
              reason: Type.String({ minLength: 1 }),
              date: Type.Optional(Type.String()),
            }),
            {
              description:
                "Cordon's extension: screening matches a person cleared as not this party, with who cleared them and why; recorded in the assessment.",
            },
          ),
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
        origin: Type.Optional(
          Type.String({ description: "Cordon's extension: country of origin (ISO alpha-2)." }),
        ),
        usControlledContentPercent: Type.Optional(
          Type.Number({
            minimum: 0,
            maximum: 100,
            description:
              "Cordon's extension: controlled US-origin content in percent of value (EAR de minimis, 15 CFR 734.4).",
          }),
        ),
        foreignDirectProduct: Type.Optional(
          Type.Boolean({
            description:
              "Cordon's extension: a foreign direct product of US technology or software (15 CFR 734.9).",
          }),
        ),
      }),
      { minItems: 1 },
    ),
    endUse: Type.Optional(Type.String()),
    redFlags: Type.Optional(Type.Array(Type.String())),
    endUseFacts: Type.Optional(
      Type.Object(
        {
          informedByAuthority: Type.Optional(Type.Boolean()),
          awareOfMisuse: Type.Optional(Type.Boolean()),
          suspectsMisuse: Type.Optional(Type.Boolean()),
          militaryEndUse: Type.Optional(
            Type.Union([Type.Literal('informed'), Type.Literal('aware'), Type.Literal('none')]),
          ),
        },
        {
          description:
            "Cordon's extension: what the exporter knows of the end use (EU Art. 4(1)(b), 5(1)-(3)). Absent facts are asked, never assumed.",
        },
      ),
    ),
    sanctionsLicences: Type.Optional(
      Type.Array(
        Type.Object({
          authority: Type.String({ minLength: 1 }),
          reference: Type.String({ minLength: 1 }),
        }),
        {
          description:
            "Cordon's extension: licences from sanctions authorities (OFAC, OTSI/OFSI, a member state) the applicant cites; an officer verifies them.",
        },
      ),
    ),
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
    'The assessment: parties with matches, items with classification, licence per jurisdiction (status required | not-required | undetermined | prohibited, each basis with its sanctions regime and review), screeningCoverage (binding lists screened, not screened or stale), partnerDenials, humanRights { risk, factors }, recommendation { outcome (no-licence-required | approve | approve-with-provisos | refer | refuse | prohibited), criteria (met | not-met | unknown | applies, with facts), provisos, floors, partyMatches }, provenance { listSnapshots, policy, codeVersion }.',
  required: ['parties', 'items', 'licence', 'humanRights', 'recommendation', 'provenance'],
  additionalProperties: true,
});

export type ApplicationBody = Static<typeof ApplicationSchema>;
