import { Type, type Static } from 'typebox';

const Score = Type.Number({ minimum: 0, maximum: 1 });
/** A word weight learnt from the lists (inverse frequency): not bounded by 1. */
const Weight = Type.Number({ minimum: 0 });
const Band = Type.Union([Type.Literal('strong'), Type.Literal('review')]);
const CountryCode = Type.String({
  pattern: '^[A-Za-z]{2}$',
  description: 'ISO 3166-1 alpha-2, e.g. CN.',
  examples: ['CN'],
});
const PartyKind = Type.Union([Type.Literal('person'), Type.Literal('organisation')]);

/** The longest name accepted; longer names are refused, names over 300 characters are cut. */
export const maxNameLength = 10_000;

export const ThresholdsSchema = Type.Object(
  { review: Score, strong: Score },
  { description: "The deployment's thresholds: matches below `review` are never returned." },
);

const nameProblemFields = {
  kind: Type.Union(
    [
      Type.Literal('empty'),
      Type.Literal('truncated'),
      Type.Literal('too-many-tokens'),
      Type.Literal('control-characters-removed'),
      Type.Literal('only-legal-form'),
      Type.Literal('mixed-scripts'),
      Type.Literal('look-alikes-folded'),
      Type.Literal('bidi-controls-applied'),
    ],
    {
      description:
        "What was odd about the name; the name was still screened as far as it could be. `look-alikes-folded`: letters of another script that imitate the name's own were read as the letters they imitate (a signal, see `words`); `bidi-controls-applied`: bidirectional overrides were applied as a reader sees them (see `steps`).",
    },
  ),
  originalLength: Type.Optional(Type.Integer()),
  keptLength: Type.Optional(Type.Integer()),
  tokens: Type.Optional(Type.Integer()),
  kept: Type.Optional(Type.Integer()),
  count: Type.Optional(Type.Integer()),
  legalForm: Type.Optional(Type.String()),
  scripts: Type.Optional(Type.Array(Type.String())),
  words: Type.Optional(
    Type.Array(
      Type.Object({
        original: Type.String(),
        folded: Type.String(),
        scripts: Type.Array(Type.String()),
        into: Type.String(),
        letters: Type.Array(
          Type.Object({ letter: Type.String(), script: Type.String(), replacement: Type.String() }),
        ),
      }),
      { description: 'For `look-alikes-folded`: each word as written and as read.' },
    ),
  ),
  steps: Type.Optional(
    Type.Array(
      Type.Object({
        kind: Type.String({ description: 'override-reversed, override-kept or controls-removed' }),
        text: Type.Optional(Type.String()),
        count: Type.Optional(Type.Integer()),
      }),
      { description: 'For `bidi-controls-applied`: what was done.' },
    ),
  ),
};

export const NameProblemSchema = Type.Object(nameProblemFields);

const ComparedForm = Type.Object({
  scheme: Type.String({
    description:
      'How the reading was made: as-written, alternative (a name the written name embeds: with A/K/A or a slash, or as an acronym in parentheses, which is also left out), bgn-pcgn, iso9, pinyin, wade-giles, pinyin-terms (Chinese administrative terms spelt in pinyin, read in English), hunterian (a name in an Indic script of India, read by the Hunterian system), translated ...',
  }),
  text: Type.String(),
});

const NameDescription = Type.Object({
  original: Type.String(),
  normalised: Type.String(),
  scripts: Type.Array(Type.String()),
  legalForms: Type.Array(Type.String()),
  honorifics: Type.Array(Type.String()),
  forms: Type.Array(ComparedForm, { description: 'Every reading (transliteration) of the name.' }),
  segments: Type.Optional(
    Type.Array(Type.String(), { description: 'How a Chinese name was segmented.' }),
  ),
});

export const ExplanationSchema = Type.Object(
  {
    summary: Type.String({
      examples: [
        "1.00 strong: 'hangzhou hikvision digital technology' (translated from Chinese) vs 'hangzhou hikvision digital technology'; matched hangzhou, hikvision, digital, technology",
      ],
    }),
    query: NameDescription,
    listed: NameDescription,
    compared: Type.Object({
      query: ComparedForm,
      listed: ComparedForm,
      space: Type.Union([Type.Literal('latin'), Type.Literal('skeleton')]),
    }),
    alignment: Type.Array(
      Type.Object({
        query: Type.Union([Type.String(), Type.Null()]),
        listed: Type.Union([Type.String(), Type.Null()]),
        kind: Type.String({
          description:
            'exact, fuzzy, initial, joined, acronym, truncated (a last word cut at a message field length) or unmatched',
        }),
        similarity: Score,
        credit: Score,
        weight: Score,
      }),
    ),
    coverage: Type.Object({ query: Score, listed: Score }),
    distinctiveness: Type.Optional(
      Type.Object(
        { query: Weight, listed: Weight, minimum: Weight },
        {
          description:
            "How distinctive each side's matched words are: the weight, learnt from the lists, of its rarest matched word; a side below `minimum` had its coverage scaled by value / minimum. Absent for a pairwise comparison.",
        },
      ),
    ),
    nameScore: Score,
    legalForms: Type.String({ description: 'same-family, compatible, different or absent' }),
    adjustments: Type.Array(
      Type.Object({ kind: Type.String(), delta: Type.Number(), detail: Type.String() }),
    ),
    score: Score,
  },
  {
    description:
      'How the query and the listed name were compared: normalisation, every transliteration, the forms compared, the token alignment with each similarity and weight, and each bonus, penalty or cap.',
  },
);

export const ScreeningMatchSchema = Type.Object({
  entityId: Type.String({ examples: ['us-ofac-nonsdn:30946'] }),
  source: Type.String({ examples: ['us-ofac-nonsdn'] }),
  name: Type.String({ description: "The party's primary listed name." }),
  matchedName: Type.String({ description: 'The listed name or alias that matched.' }),
  matchedNameType: Type.String({ description: 'primary, aka, fka, nka or weak-aka' }),
  score: Score,
  band: Band,
  explanation: ExplanationSchema,
  listedKind: Type.String({ description: 'person, organisation, vessel, aircraft or unknown' }),
  programmes: Type.Array(Type.String()),
  countries: Type.Array(Type.String()),
  subList: Type.Optional(Type.String()),
  alsoListed: Type.Array(
    Type.Object({
      entityId: Type.String(),
      source: Type.String(),
      subList: Type.Optional(Type.String()),
    }),
    { description: 'The same listing in other sources (an SDN entry repeated in the CSL).' },
  ),
});

export const ScreeningQuerySchema = Type.Object({
  name: Type.String({ maxLength: maxNameLength }),
  country: Type.Optional(Type.String()),
  kind: Type.Optional(PartyKind),
  identifiers: Type.Optional(
    Type.Array(Type.Object({ type: Type.Optional(Type.String()), value: Type.String() })),
  ),
});

export const ScreenRequestSchema = Type.Object(
  {
    name: Type.String({
      minLength: 1,
      maxLength: maxNameLength,
      description: 'A person or organisation, in any script.',
      examples: ['杭州海康威视数字技术股份有限公司'],
    }),
    country: Type.Optional(CountryCode),
    kind: Type.Optional(PartyKind),
    identifiers: Type.Optional(
      Type.Array(
        Type.Object({
          type: Type.Optional(Type.String({ maxLength: 100 })),
          value: Type.String({ minLength: 1, maxLength: 200 }),
        }),
        { maxItems: 20, description: 'Passport, registration or tax numbers, LEI, IMO ...' },
      ),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 10 })),
  },
  { additionalProperties: false },
);
export type ScreenRequest = Static<typeof ScreenRequestSchema>;

export const ScreenResponseSchema = Type.Object(
  {
    query: ScreeningQuerySchema,
    snapshot: Type.Array(Type.String(), {
      description: 'The ids of the list snapshots screened against, one per source.',
    }),
    matches: Type.Array(ScreeningMatchSchema, {
      description: 'Best first; nothing below the review threshold.',
    }),
    problems: Type.Array(NameProblemSchema),
    thresholds: ThresholdsSchema,
  },
  {
    description:
      'The screening contract: `{ query, snapshot, matches }`, plus problems and thresholds.',
  },
);

export const BatchScreenRequestSchema = Type.Object(
  {
    names: Type.Array(
      Type.Object({
        name: Type.String({ maxLength: maxNameLength }),
        country: Type.Optional(Type.String({ maxLength: 100 })),
        kind: Type.Optional(Type.String({ maxLength: 100 })),
        reference: Type.Optional(
          Type.String({ maxLength: 200, description: 'Your own key for the row, echoed back.' }),
        ),
      }),
      {
        minItems: 1,
        maxItems: 1000,
        description:
          'Up to 1,000 names. Each row is checked on its own: a bad row is reported as rejected and the others are screened.',
      },
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 10 })),
  },
  { additionalProperties: false },
);
export type BatchScreenRequest = Static<typeof BatchScreenRequestSchema>;
export type ScreenResponse = Static<typeof ScreenResponseSchema>;
export type ScreeningMatch = Static<typeof ScreeningMatchSchema>;

export const BatchScreenResponseSchema = Type.Object({
  snapshot: Type.Array(Type.String()),
  thresholds: ThresholdsSchema,
  results: Type.Array(
    Type.Object({
      kind: Type.Union([Type.Literal('screened'), Type.Literal('rejected')]),
      row: Type.Integer({ description: 'Position of the row in the request, from 0.' }),
      reference: Type.Optional(Type.String()),
      query: Type.Optional(ScreeningQuerySchema),
      matches: Type.Optional(Type.Array(ScreeningMatchSchema)),
      problems: Type.Optional(Type.Array(NameProblemSchema)),
      reasons: Type.Optional(
        Type.Array(Type.String(), { description: 'Why a rejected row was not screened.' }),
      ),
    }),
  ),
  summary: Type.Object({
    rows: Type.Integer(),
    screened: Type.Integer(),
    rejected: Type.Integer(),
    withMatches: Type.Integer(),
    withStrongMatches: Type.Integer(),
  }),
});
export type BatchScreenResponse = Static<typeof BatchScreenResponseSchema>;

export const CompareRequestSchema = Type.Object(
  {
    a: Type.String({ maxLength: maxNameLength, examples: ['Позитив Текнолоджиз'] }),
    b: Type.String({ maxLength: maxNameLength, examples: ['Pozitiv Teknolodzhiz'] }),
  },
  { additionalProperties: false },
);
export type CompareRequest = Static<typeof CompareRequestSchema>;

export const CompareResponseSchema = Type.Object({
  a: Type.String(),
  b: Type.String(),
  score: Score,
  band: Type.Union([Band, Type.Null()], { description: 'null below the review threshold.' }),
  explanation: ExplanationSchema,
  problems: Type.Array(
    Type.Object({
      ...nameProblemFields,
      side: Type.Union([Type.Literal('a'), Type.Literal('b')], {
        description: 'Which name the problem is about.',
      }),
    }),
  ),
});

export const CslSearchQuerySchema = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 1000, description: 'The name searched for.' }),
  fuzzy_name: Type.Optional(
    Type.Boolean({
      default: false,
      description: 'true: similar names too, each with a score; false: every word must match.',
    }),
  ),
  sources: Type.Optional(
    Type.String({
      maxLength: 200,
      description:
        'Comma-separated source abbreviations: SDN, EL, DPL, UVL, MEU, ISN, DTC, SSI, FSE, PLC, MBS, CMIC, CAP.',
      examples: ['SDN,EL'],
    }),
  ),
  countries: Type.Optional(
    Type.String({ maxLength: 400, description: 'Comma-separated ISO alpha-2 codes.' }),
  ),
  size: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 10 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 99, default: 0 })),
});
export type CslSearchQuery = Static<typeof CslSearchQuerySchema>;

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

export const CslResultSchema = Type.Object({
  id: Type.String(),
  source: Type.String({ examples: ['Entity List (EL) - Bureau of Industry and Security'] }),
  entity_number: Nullable(Type.String()),
  type: Nullable(Type.String()),
  programs: Type.Array(Type.String()),
  name: Type.String(),
  title: Nullable(Type.String()),
  addresses: Type.Array(
    Type.Object({
      address: Nullable(Type.String()),
      city: Nullable(Type.String()),
      state: Nullable(Type.String()),
      postal_code: Nullable(Type.String()),
      country: Nullable(Type.String()),
    }),
  ),
  federal_register_notice: Nullable(Type.String()),
  start_date: Nullable(Type.String()),
  end_date: Nullable(Type.String()),
  standard_order: Nullable(Type.String()),
  license_requirement: Nullable(Type.String()),
  license_policy: Nullable(Type.String()),
  call_sign: Nullable(Type.String()),
  vessel_type: Nullable(Type.String()),
  gross_tonnage: Nullable(Type.String()),
  gross_registered_tonnage: Nullable(Type.String()),
  vessel_flag: Nullable(Type.String()),
  vessel_owner: Nullable(Type.String()),
  remarks: Nullable(Type.String()),
  source_list_url: Nullable(Type.String()),
  source_information_url: Nullable(Type.String()),
  alt_names: Type.Array(Type.String()),
  citizenships: Type.Array(Type.String()),
  dates_of_birth: Type.Array(Type.String()),
  nationalities: Type.Array(Type.String()),
  places_of_birth: Type.Array(Type.String()),
  ids: Type.Array(
    Type.Object({
      type: Type.String(),
      number: Type.String(),
      country: Nullable(Type.String()),
    }),
  ),
  score: Type.Number({
    description: 'Similarity of the best-matching name, 0-100 (Cordon score x 100).',
  }),
  matched_name: Type.String({ description: 'The listed name or alias that matched (Cordon).' }),
  band: Band,
  explanation: Type.String({ description: "Cordon's one-line explanation of the match." }),
});

export const CslSearchResponseSchema = Type.Object(
  {
    total: Type.Integer(),
    search_performed_at: Type.String({ format: 'date-time' }),
    sources_used: Type.Array(
      Type.Object({
        source: Type.String(),
        source_last_updated: Nullable(Type.String()),
        last_imported: Nullable(Type.String()),
        snapshot: Type.String({ description: 'The Cordon list snapshot id.' }),
      }),
    ),
    results: Type.Array(CslResultSchema),
  },
  {
    description:
      'Shaped like the response of the trade.gov Consolidated Screening List search API, so that its clients can point at Cordon.',
  },
);
export type CslSearchResponse = Static<typeof CslSearchResponseSchema>;
