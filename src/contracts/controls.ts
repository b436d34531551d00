import { Type, type Static } from 'typebox';
import { capabilityTags } from '../domain/classification/classification-facts.ts';
import { regimes } from '../domain/classification/control-entry.ts';
import { partyRoles, partyTypes } from '../domain/classification/licence-query.ts';
import { textStatuses } from '../domain/policy/text-provenance.ts';
import { literals } from './schema-helpers.ts';

/*
 * The control catalogue, classification and licence-determination API:
 *   GET  /v1/controls               list or search entries        (ControlsListQuery -> ControlsListResponse)
 *   GET  /v1/controls/{id}          one entry in every regime     (ControlParams -> ControlResponse)
 *   GET  /v1/controls/compare       matrix for a rated item       (ControlsCompareQuery -> ControlsCompareResponse)
 *   POST /v1/controls/compare       matrix for a full transaction (ControlsCompareRequest -> ControlsCompareResponse)
 *   POST /v1/classify               classify one item             (ClassifyRequest -> ClassifyResponse)
 *   GET  /v1/controls/gaps          synchronisation gaps          (ControlsGapsQuery -> SynchronisationGapsResponse)
 */

export const TextStatusSchema = literals(textStatuses, {
  description:
    '`verbatim`: read word for word in a stored official copy; `paraphrase`: a summary, never to be shown as legal text; `seed-unverified`: compiled and not checked against the official text.',
});

export const SourceRefSchema = Type.Object({
  title: Type.String(),
  date: Type.String({
    description: 'The date of the source text (consolidation, retrieval or compilation).',
  }),
  file: Type.Optional(
    Type.String({ description: 'The shipped file, e.g. data/regulation/....json.' }),
  ),
  pointer: Type.Optional(Type.String({ description: 'JSON pointer inside that file.' })),
  url: Type.Optional(Type.String()),
  licence: Type.Optional(Type.String()),
});

export const CitedTextSchema = Type.Object(
  {
    text: Type.String(),
    textStatus: TextStatusSchema,
    source: SourceRefSchema,
    statusNote: Type.Optional(
      Type.String({ description: 'The status as the data compiler wrote it.' }),
    ),
  },
  {
    description:
      'A rule text with its status and source. Only `verbatim` texts may be presented as legal text.',
  },
);

export const RegimeSchema = literals(regimes);

export const DataFileVersionSchema = Type.Object({ file: Type.String(), sha256: Type.String() });

export const CriterionNodeSchema = Type.Object(
  {
    id: Type.String({ examples: ['j.1.a'] }),
    kind: Type.Enum(['leaf', 'all-of', 'any-of']),
    parent: Type.Optional(Type.String()),
    depth: Type.Integer({ minimum: 0 }),
    text: Type.Optional(CitedTextSchema),
    facts: Type.Array(Type.String(), {
      description: 'Leaves: the question ids that decide the criterion.',
    }),
    factMode: Type.Optional(Type.Enum(['all', 'any'])),
  },
  {
    description: 'One node of the criteria tree, flattened depth first (parents before children).',
  },
);

export const ExclusionSchema = Type.Object({
  id: Type.String(),
  appliesTo: Type.Array(Type.String(), {
    description: 'Criteria the note limits; empty: the whole entry.',
  }),
  text: CitedTextSchema,
  facts: Type.Array(Type.String()),
});

export const DefinitionSchema = Type.Object({
  term: Type.String({ examples: ['intrusion software'] }),
  text: CitedTextSchema,
  notes: Type.Array(CitedTextSchema),
  alternatives: Type.Array(CitedTextSchema),
});

const entryKind = Type.Enum([
  'equipment',
  'software',
  'technology',
  'group',
  'catch-all',
  'proposed',
]);
const entryStatus = Type.Enum(['in-force', 'catch-all', 'proposed'], {
  description: '`proposed` entries are not law; `catch-all` entries are never "listed".',
});

export const ControlEntrySummarySchema = Type.Object({
  key: Type.String({ examples: ['eu:5A001.j'] }),
  id: Type.String({ examples: ['5A001.j'] }),
  regime: RegimeSchema,
  ref: Type.String({ description: 'The number as the regime writes it (`5.A.1.j` in Wassenaar).' }),
  title: Type.String(),
  kind: entryKind,
  status: entryStatus,
  textStatus: TextStatusSchema,
  reasonsForControl: Type.Array(Type.String(), { description: 'US only: NS, AT, SL, EI, CC, RS.' }),
  cyberSurveillance: Type.Boolean({ description: 'An EU Annex I cyber-surveillance entry.' }),
});

export const ControlEntrySchema = Type.Object({
  ...ControlEntrySummarySchema.properties,
  titleText: CitedTextSchema,
  category: Type.Optional(Type.String()),
  group: Type.Optional(Type.String()),
  criteria: Type.Array(CriterionNodeSchema),
  exclusions: Type.Array(ExclusionSchema),
  notes: Type.Array(CitedTextSchema),
  definitions: Type.Array(Type.String()),
  related: Type.Array(Type.String()),
  surveillanceTags: Type.Array(Type.String()),
  source: SourceRefSchema,
  verifyAt: Type.Array(Type.String()),
});
export type ControlEntryJson = Static<typeof ControlEntrySchema>;

export const QuestionSchema = Type.Object({
  fact: Type.String({ description: 'The id to answer with, in `answers`.' }),
  question: Type.String(),
  entries: Type.Array(Type.String(), { description: 'The entries the answer decides.' }),
});

// GET /v1/controls
export const ControlsListQuerySchema = Type.Object({
  query: Type.Optional(
    Type.String({ maxLength: 200, description: 'Free text or a number: `IMSI`, `5A001`.' }),
  ),
  regime: Type.Optional(RegimeSchema),
  limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
});
export type ControlsListQuery = Static<typeof ControlsListQuerySchema>;

export const ControlsListResponseSchema = Type.Object({
  catalogueVersion: Type.Array(DataFileVersionSchema),
  total: Type.Integer(),
  entries: Type.Array(
    Type.Object({
      ...ControlEntrySummarySchema.properties,
      score: Type.Number(),
      matchedTerms: Type.Array(Type.String()),
    }),
  ),
});
export type ControlsListResponse = Static<typeof ControlsListResponseSchema>;

// GET /v1/controls/{id}
export const ControlParamsSchema = Type.Object({
  id: Type.String({
    minLength: 1,
    maxLength: 60,
    examples: ['5A001.j', 'us:5A001.f.1', '5.A.1.j'],
    description:
      'Case-insensitive; a regime prefix narrows to one regime; a sub-paragraph names a criterion.',
  }),
});

export const ControlResponseSchema = Type.Object({
  id: Type.String(),
  criterion: Type.Optional(Type.String()),
  entries: Type.Array(ControlEntrySchema, {
    description: 'The entry in every regime that lists it.',
  }),
  definitions: Type.Array(DefinitionSchema),
  questionnaire: Type.Array(
    Type.Object({
      criterion: Type.String(),
      text: CitedTextSchema,
      questions: Type.Array(QuestionSchema),
    }),
  ),
  catalogueVersion: Type.Array(DataFileVersionSchema),
});
export type ControlResponse = Static<typeof ControlResponseSchema>;

// Items and classification
export const CapabilityTagSchema = literals(capabilityTags);

const answer = Type.Enum(['yes', 'no', 'unknown']);

export const ItemSchema = Type.Object({
  description: Type.String({ minLength: 1, maxLength: 4000 }),
  controlEntries: Type.Optional(
    Type.Array(Type.String({ maxLength: 60 }), {
      description: "The exporter's own rating.",
      examples: [['5A001.j']],
    }),
  ),
  capabilities: Type.Optional(Type.Array(CapabilityTagSchema)),
  answers: Type.Optional(
    Type.Record(Type.String(), answer, {
      description: 'Answers to the open questions, by question (fact) id.',
      examples: [{ 'carrier-class-ip-network': 'yes' }],
    }),
  ),
  quantity: Type.Optional(Type.Number()),
  value: Type.Optional(Type.Object({ amount: Type.Number(), currency: Type.String() })),
});
export type ItemJson = Static<typeof ItemSchema>;

const FactValueSchema = Type.Object({
  fact: Type.String(),
  value: answer,
  evidence: Type.Object({
    kind: Type.Enum(['answer', 'capability', 'description', 'none']),
    tag: Type.Optional(Type.String()),
    phrase: Type.Optional(Type.String()),
  }),
});

const FindingSchema = Type.Object({
  criterion: Type.String(),
  text: CitedTextSchema,
  value: answer,
  facts: Type.Array(FactValueSchema),
});

export const CandidateSchema = Type.Object({
  key: Type.String(),
  entryId: Type.String(),
  regime: RegimeSchema,
  ref: Type.String(),
  title: CitedTextSchema,
  status: Type.Enum(['meets-criteria', 'likely', 'possible', 'excluded', 'ruled-out']),
  becauseOf: Type.Array(
    Type.Object({
      kind: Type.Enum(['exporter-rating', 'capability', 'fact', 'text-match']),
      detail: Type.String(),
    }),
  ),
  met: Type.Array(FindingSchema),
  unknown: Type.Array(FindingSchema),
  notMet: Type.Array(FindingSchema),
  exclusions: Type.Array(
    Type.Object({
      id: Type.String(),
      appliesTo: Type.Array(Type.String()),
      text: CitedTextSchema,
      status: Type.Enum(['applies', 'likely-applies', 'may-apply', 'does-not-apply']),
      facts: Type.Array(FactValueSchema),
    }),
  ),
  definitions: Type.Array(DefinitionSchema),
  questions: Type.Array(QuestionSchema),
  summary: Type.String(),
  textStatus: TextStatusSchema,
});

export const ClassificationSchema = Type.Object(
  {
    description: Type.String(),
    regimes: Type.Array(
      Type.Object({
        regime: RegimeSchema,
        outcome: Type.Object({
          kind: Type.Enum(['listed', 'not-listed', 'undetermined']),
          entries: Type.Array(Type.String()),
          confirmed: Type.Boolean({
            description: 'Listed on answers, not only on tags or the description.',
          }),
          reasons: Type.Array(Type.String()),
          missing: Type.Array(QuestionSchema),
        }),
        candidates: Type.Array(CandidateSchema),
      }),
    ),
    questions: Type.Array(QuestionSchema),
    flags: Type.Array(
      Type.Object({
        kind: Type.Enum(['rating-contradicted', 'rating-outside-catalogue', 'proposed-control']),
        subject: Type.String(),
        message: Type.String(),
      }),
    ),
    facts: Type.Array(FactValueSchema),
    cyberSurveillance: Type.Object({
      status: Type.Enum(['listed', 'non-listed', 'possibly-non-listed', 'no', 'unknown']),
      reasons: Type.Array(Type.String()),
    }),
    interception: Type.Object({
      status: Type.Enum(['yes', 'possible', 'no', 'unknown']),
      functions: Type.Array(
        Type.Object({
          id: Type.String(),
          strength: Type.Enum(['yes', 'possible']),
          because: Type.Array(Type.String()),
        }),
      ),
    }),
    exporterRating: Type.Array(Type.String()),
  },
  { description: 'Candidate control entries per regime, each with the criteria it meets.' },
);
export type ClassificationJson = Static<typeof ClassificationSchema>;

// POST /v1/classify
export const ClassifyRequestSchema = ItemSchema;
export const ClassifyResponseSchema = Type.Object({
  classification: ClassificationSchema,
  catalogueVersion: Type.Array(DataFileVersionSchema),
});
export type ClassifyResponse = Static<typeof ClassifyResponseSchema>;

// Transactions and licence determination
export const PartyScreeningSchema = Type.Object({
  role: literals(partyRoles),
  name: Type.String({ minLength: 1 }),
  country: Type.Optional(Type.String({ minLength: 2, maxLength: 2 })),
  type: Type.Optional(literals(partyTypes)),
  hits: Type.Array(
    Type.Object({
      source: Type.String(),
      entityId: Type.String(),
      name: Type.String(),
      programmes: Type.Array(Type.String()),
      subList: Type.Optional(Type.String()),
      licenceRequirement: Type.Optional(Type.String()),
      licenceReviewPolicy: Type.Optional(Type.String()),
      band: Type.Enum(['strong', 'review']),
      snapshot: Type.Optional(Type.Object({ id: Type.String(), dataDate: Type.String() })),
    }),
    { description: 'Screening matches of the party (empty when screened with no match).' },
  ),
});

export const EndUseSchema = Type.Object({
  statement: Type.Optional(Type.String({ maxLength: 4000 })),
  informedByAuthority: Type.Optional(
    Type.Boolean({
      description:
        'EU Art. 5(1): informed by the competent authority of a possible use for internal repression or serious violations of human rights.',
    }),
  ),
  awareOfMisuse: Type.Optional(
    Type.Boolean({ description: 'EU Art. 5(2): aware from due diligence.' }),
  ),
  suspectsMisuse: Type.Optional(
    Type.Boolean({ description: 'EU Art. 5(3): grounds for suspecting.' }),
  ),
  militaryEndUse: Type.Optional(Type.Enum(['informed', 'aware', 'none'])),
});

export const ControlsCompareRequestSchema = Type.Object({
  jurisdictions: Type.Optional(
    Type.Array(Type.String({ minLength: 2, maxLength: 2 }), {
      examples: [['US', 'GB', 'EU', 'NO']],
    }),
  ),
  destination: Type.Object({
    country: Type.String({ minLength: 2, maxLength: 2 }),
    region: Type.Optional(Type.String({ maxLength: 200 })),
  }),
  items: Type.Array(ItemSchema, { minItems: 1, maxItems: 50 }),
  parties: Type.Optional(Type.Array(PartyScreeningSchema, { maxItems: 50 })),
  endUse: Type.Optional(EndUseSchema),
});
export type ControlsCompareRequest = Static<typeof ControlsCompareRequestSchema>;

export const ControlsCompareQuerySchema = Type.Object({
  destination: Type.String({ minLength: 2, maxLength: 2, description: 'ISO 3166-1 alpha-2.' }),
  region: Type.Optional(Type.String({ maxLength: 200 })),
  jurisdictions: Type.Optional(
    Type.String({
      description: 'Comma-separated: `US,GB,EU,NO`. All shipped policies when absent.',
    }),
  ),
  entries: Type.Optional(
    Type.String({ description: 'Comma-separated ratings of the item: `5A001.j`.' }),
  ),
  capabilities: Type.Optional(Type.String({ description: 'Comma-separated capability tags.' })),
  description: Type.Optional(Type.String({ maxLength: 4000 })),
});
export type ControlsCompareQuery = Static<typeof ControlsCompareQuerySchema>;

export const LicenceBasisSchema = Type.Object({
  rule: Type.String(),
  ruleKind: Type.Enum([
    'listed-items',
    'cyber-surveillance-catch-all',
    'military-end-use-catch-all',
    'monitoring-equipment-measures',
    'restricted-party',
    'country-group-embargo',
    'regional-measure',
    'sanctions-regimes',
    'subject-to-ear',
  ]),
  title: Type.String(),
  effect: Type.Enum([
    'licence-required',
    'prohibited',
    'notify-authority',
    'no-licence-required',
    'undetermined',
    'not-applicable',
    'information',
  ]),
  summary: Type.String({ description: "Cordon's explanation, never legal text." }),
  citations: Type.Array(CitedTextSchema),
  reviewPolicy: Type.Optional(CitedTextSchema),
  review: Type.Optional(
    Type.Enum(
      ['denial', 'presumption-of-denial', 'case-by-case', 'presumption-of-approval', 'unknown'],
      {
        description:
          'What the review policy means for this item (the Entity List entry applied item by item; EAR 746.8(b)).',
      },
    ),
  ),
  regime: Type.Optional(
    Type.Object(
      { id: Type.String(), instrument: Type.String(), provision: Type.String() },
      { description: 'The sanctions regime applied, with its instrument and article.' },
    ),
  ),
  item: Type.Optional(Type.Integer({ minimum: 0 })),
  party: Type.Optional(Type.Object({ role: Type.String(), name: Type.String() })),
  textStatus: TextStatusSchema,
});

export const LicenceDeterminationSchema = Type.Object(
  {
    jurisdiction: Type.String(),
    required: Type.Boolean({
      description:
        'The outward contract keeps this boolean: true when a licence is required, and also when the answer is undetermined (treat as required until the missing information is supplied); false only when every rule was checked and none requires one. `status` and `missing` tell the two true cases apart.',
    }),
    status: Type.Enum(['required', 'not-required', 'undetermined', 'prohibited']),
    basis: Type.Array(LicenceBasisSchema),
    missing: Type.Array(Type.Object({ field: Type.String(), question: Type.String() })),
    policies: Type.Array(
      Type.Object({ id: Type.String(), version: Type.Integer(), contentHash: Type.String() }),
    ),
  },
  { description: 'Whether a licence is required in one jurisdiction, and why, citing rules.' },
);
export type LicenceDeterminationJson = Static<typeof LicenceDeterminationSchema>;

export const ControlsCompareResponseSchema = Type.Object({
  items: Type.Array(ClassificationSchema),
  agreement: Type.Enum(['all-require', 'none-require', 'differ']),
  determinations: Type.Array(LicenceDeterminationSchema),
  differences: Type.Array(
    Type.Object({
      kind: Type.Enum(['outcome', 'rule']),
      ruleKind: Type.Optional(Type.String()),
      required: Type.Optional(Type.Array(Type.String())),
      notRequired: Type.Optional(Type.Array(Type.String())),
      undetermined: Type.Optional(Type.Array(Type.String())),
      requiring: Type.Optional(Type.Array(Type.String())),
      notTriggered: Type.Optional(Type.Array(Type.String())),
      absent: Type.Optional(Type.Array(Type.String())),
      message: Type.String(),
    }),
  ),
  catalogueVersion: Type.Array(DataFileVersionSchema),
});
export type ControlsCompareResponse = Static<typeof ControlsCompareResponseSchema>;

// GET /v1/controls/gaps
export const ControlsGapsQuerySchema = Type.Object({
  jurisdictions: Type.Optional(
    Type.String({ description: 'Comma-separated; all shipped policies when absent.' }),
  ),
});

export const SynchronisationGapsResponseSchema = Type.Object({
  jurisdictions: Type.Array(Type.String()),
  entries: Type.Array(
    Type.Object({
      entryId: Type.String(),
      title: Type.String(),
      status: entryStatus,
      regimes: Type.Array(RegimeSchema),
      controlledIn: Type.Array(Type.String()),
      notControlledIn: Type.Array(Type.String()),
      textStatus: TextStatusSchema,
      message: Type.String(),
    }),
  ),
  rules: Type.Array(
    Type.Object({
      ruleKind: Type.String(),
      presentIn: Type.Array(
        Type.Object({ jurisdiction: Type.String(), rules: Type.Array(Type.String()) }),
      ),
      absentIn: Type.Array(Type.String()),
      message: Type.String(),
    }),
  ),
});
export type SynchronisationGapsResponse = Static<typeof SynchronisationGapsResponseSchema>;
