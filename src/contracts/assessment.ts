import { Type, type Static } from 'typebox';
import {
  basisEffects,
  partyRoles,
  partyTypes,
  reviewOutcomes,
} from '../domain/classification/licence-query.ts';
import {
  factorKinds,
  outcomeOrder,
  provisoIds,
  riskLevels,
} from '../domain/human-rights/human-rights-policy.ts';
import { textStatuses } from '../domain/policy/text-provenance.ts';
import { list, literals } from './schema-helpers.ts';

/** An application (spec: the input of `cordon assess` and `POST /v1/assessments`). */
export const ApplicationSchema = Type.Object(
  {
    jurisdiction: Type.String({ description: 'ISO 3166-1 alpha-2 or EU.', examples: ['GB'] }),
    exporter: Type.Object({ name: Type.String(), country: Type.String() }),
    destination: Type.Object({ country: Type.String(), region: Type.Optional(Type.String()) }),
    parties: list(
      Type.Object({
        role: literals(partyRoles),
        name: Type.String({ minLength: 1 }),
        country: Type.Optional(Type.String()),
        address: Type.Optional(Type.String()),
        type: Type.Optional(literals(partyTypes)),
        stateLinked: Type.Optional(
          Type.Boolean({
            description:
              "Cordon's extension: owned or controlled by the state or acting for it (a state-owned operator). Monitoring-equipment bans (EU Reg. 359/2011 Art. 1b(2)) turn on it.",
          }),
        ),
        matchClearances: Type.Optional(
          list(
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
    items: list(
      Type.Object({
        description: Type.String({ minLength: 1 }),
        controlEntries: Type.Optional(list(Type.String())),
        capabilities: Type.Optional(list(Type.String())),
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
    redFlags: Type.Optional(list(Type.String())),
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
      list(
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

/** The document a text was taken from. */
export const SourceRefSchema = Type.Object({
  title: Type.String(),
  date: Type.String({ description: 'The date of the text as the source states it (ISO).' }),
  file: Type.Optional(Type.String({ description: 'The shipped file it was read from.' })),
  pointer: Type.Optional(Type.String({ description: 'Where in that file (a JSON pointer).' })),
  url: Type.Optional(Type.String()),
  licence: Type.Optional(Type.String()),
});

const TextStatusSchema = literals(textStatuses, {
  description:
    '`verbatim` (read in a stored official copy), `paraphrase`, or `seed-unverified` (to verify before it drives a decision).',
});

/** A text with its status and source: the only form in which Cordon shows rule texts. */
export const CitedTextSchema = Type.Object({
  text: Type.String(),
  textStatus: TextStatusSchema,
  source: SourceRefSchema,
  statusNote: Type.Optional(
    Type.String({ description: 'The status exactly as the compiler of the data wrote it.' }),
  ),
});

const SnapshotRef = Type.Object({ id: Type.String(), dataDate: Type.String() });

/** One restricted-list match of a party. */
export const PartyMatchSchema = Type.Object({
  entityId: Type.String(),
  source: Type.String(),
  name: Type.String(),
  matchedName: Type.String(),
  score: Type.Number(),
  band: literals(['strong', 'review'] as const),
  explanation: Type.String({ description: 'How the names were compared, in one line.' }),
  programmes: list(Type.String()),
  subList: Type.Optional(Type.String()),
  licenceRequirement: Type.Optional(Type.String({ description: 'Entity List column, verbatim.' })),
  licenceReviewPolicy: Type.Optional(Type.String({ description: 'Entity List column, verbatim.' })),
  snapshot: SnapshotRef,
});

const ApplicationPartySchema = ApplicationSchema.properties.parties.items;
const ApplicationItemSchema = ApplicationSchema.properties.items.items;

const RegimeClassificationSchema = Type.Object({
  regime: Type.String(),
  outcome: literals(['listed', 'not-listed', 'undetermined'] as const),
  entries: list(Type.String()),
  reasons: list(Type.String()),
  candidates: list(
    Type.Object({
      entryId: Type.String(),
      status: Type.String(),
      criteriaMet: list(Type.String()),
      summary: Type.String(),
      textStatus: TextStatusSchema,
    }),
  ),
});

const LicenceSchema = Type.Object({
  required: Type.Boolean({ description: 'True also when undetermined.' }),
  status: literals(['required', 'not-required', 'undetermined', 'prohibited'] as const),
  basis: list(
    Type.Object({
      rule: Type.String(),
      title: Type.String(),
      effect: literals(basisEffects),
      summary: Type.String({ description: "Cordon's explanation, in its own words." }),
      textStatus: TextStatusSchema,
      citations: list(
        Type.Object({ text: Type.String(), textStatus: TextStatusSchema, source: SourceRefSchema }),
      ),
      regime: Type.Optional(
        Type.Object({ id: Type.String(), instrument: Type.String(), provision: Type.String() }),
      ),
      review: Type.Optional(literals(reviewOutcomes)),
      item: Type.Optional(Type.Integer({ description: 'The index of the item it is about.' })),
      party: Type.Optional(Type.Object({ role: literals(partyRoles), name: Type.String() })),
    }),
  ),
  missing: list(Type.Object({ field: Type.String(), question: Type.String() })),
});

const ScreeningCoverageSchema = Type.Object({
  maxAgeDays: Type.Number({ description: '`CORDON_LIST_MAX_AGE_DAYS`.' }),
  asOf: Type.String(),
  lists: list(
    Type.Object({
      source: Type.String(),
      rule: Type.String(),
      title: Type.String(),
      status: literals(['screened', 'not-screened', 'stale'] as const),
      snapshot: Type.Optional(
        Type.Object({ id: Type.String(), source: Type.String(), dataDate: Type.String() }),
      ),
      ageDays: Type.Optional(Type.Number()),
    }),
  ),
  complete: Type.Boolean({ description: 'Every binding list screened, none stale.' }),
});

const PartnerDenialSchema = Type.Object({
  authority: Type.String({ examples: ['US-BIS'] }),
  reference: Type.String(),
  summary: Type.String(),
  essentiallyIdentical: Type.Boolean(),
  because: Type.String(),
  provenance: Type.Object({
    deniedOn: Type.String(),
    receivedAt: Type.String(),
    channel: Type.Literal('exchange'),
  }),
});

const RiskLevelSchema = literals(riskLevels);

const HumanRightsSchema = Type.Object({
  risk: RiskLevelSchema,
  score: Type.Number({ minimum: 0, maximum: 1 }),
  scoreRisk: RiskLevelSchema,
  itemRelevance: Type.Number(),
  factors: list(
    Type.Object({
      id: literals(factorKinds),
      title: Type.String(),
      weight: Type.Number(),
      severity: Type.Number(),
      contribution: Type.Number(),
      evidence: list(Type.String()),
      source: SourceRefSchema,
      citations: list(CitedTextSchema),
      textStatus: TextStatusSchema,
    }),
  ),
  presumptions: list(
    Type.Object({
      id: Type.String(),
      kind: literals(['presumption-of-denial', 'risk-floor'] as const),
      title: Type.String(),
      riskAtLeast: RiskLevelSchema,
      citations: list(CitedTextSchema),
      textStatus: TextStatusSchema,
    }),
  ),
  omittedFactors: list(literals(factorKinds)),
});

/** What an assessment recommends (spec: `recommendation.outcome`). */
export const OutcomeSchema = literals(outcomeOrder);

const RecommendationSchema = Type.Object({
  outcome: OutcomeSchema,
  summary: Type.String(),
  criteria: list(
    Type.Object({
      id: Type.String(),
      title: Type.String(),
      status: literals(['met', 'not-met', 'unknown', 'applies'] as const),
      reason: Type.String(),
      facts: Type.Optional(list(Type.String())),
      text: CitedTextSchema,
      textStatus: TextStatusSchema,
      source: SourceRefSchema,
    }),
  ),
  provisos: list(
    Type.Object({ id: literals(provisoIds), text: CitedTextSchema, textStatus: TextStatusSchema }),
  ),
  floors: list(
    Type.Object({ atLeast: OutcomeSchema, criterion: Type.String(), reason: Type.String() }),
  ),
  partyMatches: list(
    Type.Object({
      party: Type.String(),
      role: Type.String(),
      source: Type.String(),
      entityId: Type.String(),
      listedName: Type.String(),
      band: literals(['strong', 'review'] as const),
      standing: literals(['binding', 'evidence'] as const),
      status: literals(['to-clear', 'cleared'] as const),
      whoMayClear: Type.String(),
      clearedBy: Type.Optional(Type.String()),
      clearedBecause: Type.Optional(Type.String()),
      snapshot: Type.Optional(SnapshotRef),
    }),
  ),
});

const PolicyRef = Type.Object({
  id: Type.String(),
  version: Type.Integer(),
  contentHash: Type.String(),
});

/**
 * The assessment (`POST /v1/assessments`, `cordon assess --json`): parties with their matches,
 * items with their classification, the licence per jurisdiction, the screening coverage, partners'
 * denials, the human-rights risk, the recommendation and the provenance of every input.
 */
export const AssessmentResponseSchema = Type.Object(
  {
    kind: literals(['assessment', 'self-assessment'] as const),
    jurisdiction: Type.String(),
    exporter: ApplicationSchema.properties.exporter,
    destination: ApplicationSchema.properties.destination,
    endUse: Type.String(),
    parties: list(
      Type.Object({
        ...ApplicationPartySchema.properties,
        matches: list(PartyMatchSchema),
      }),
    ),
    items: list(
      Type.Object({
        ...ApplicationItemSchema.properties,
        classification: list(RegimeClassificationSchema),
      }),
    ),
    licence: Type.Record(Type.String(), LicenceSchema, {
      description: 'The licence determination per jurisdiction (the EU block and a member state).',
    }),
    screeningCoverage: ScreeningCoverageSchema,
    partnerDenials: list(PartnerDenialSchema),
    humanRights: HumanRightsSchema,
    recommendation: RecommendationSchema,
    dueDiligence: Type.Optional(
      list(
        Type.Object({
          step: Type.String(),
          text: CitedTextSchema,
          status: literals(['answered', 'missing'] as const),
          note: Type.String(),
        }),
        { description: 'Self-assessment only: the due-diligence steps, answered or missing.' },
      ),
    ),
    provenance: Type.Object({
      listSnapshots: list(
        Type.Object({ id: Type.String(), source: Type.String(), dataDate: Type.String() }),
      ),
      policy: PolicyRef,
      licensingPolicies: list(PolicyRef),
      indicators: Type.Optional(
        list(
          Type.Object({
            id: Type.String(),
            source: Type.String(),
            version: Type.Integer(),
            contentHash: Type.String(),
            fileName: Type.String(),
            year: Type.Optional(Type.Integer()),
          }),
        ),
      ),
      codeVersion: Type.String(),
      asOf: Type.Optional(Type.String()),
    }),
  },
  { description: 'The assessment of an application, with the provenance of every input.' },
);
export type AssessmentResponse = Static<typeof AssessmentResponseSchema>;

export type ApplicationBody = Static<typeof ApplicationSchema>;
