import { Type, type Static, type TSchema } from 'typebox';
import { Check, Errors } from 'typebox/schema';
import type { PolicyDocument, PolicyProblem } from '../../domain/policy/jurisdiction-policy.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';

/**
 * The JSON Schema of a jurisdiction policy file (`data/policies/<J>/policy-v<N>.json`), written
 * with TypeBox so that the schema, the static type and the validator are one thing. The committed
 * `data/policies/schema/jurisdiction-policy.schema.json` is rendered from it
 * ({@link renderPolicyJsonSchema}); a test keeps the two in step.
 */

const isoDate = Type.String({
  pattern: '^\\d{4}-\\d{2}-\\d{2}$',
  description: 'An ISO date, YYYY-MM-DD.',
});
const countryCode = Type.String({
  pattern: '^[A-Z]{2}$',
  description: 'ISO 3166-1 alpha-2, upper case.',
});
const ruleId = Type.String({
  pattern: '^[a-z0-9][a-z0-9-]*$',
  description: 'Unique in the (composed) policy.',
});

const TextRef = Type.Object(
  {
    ref: Type.String({
      minLength: 1,
      description: 'The id of a text of the shipped regulation data, e.g. `eu-2021/821:art-5(1)`.',
    }),
  },
  { additionalProperties: false, description: 'A legal text cited from data/regulation.' },
);

const OwnText = Type.Object(
  {
    text: Type.String({ minLength: 1 }),
    textStatus: Type.Union([Type.Literal('paraphrase'), Type.Literal('seed-unverified')], {
      description: 'A policy file never carries verbatim law of its own: cite it with `ref`.',
    }),
    source: Type.Object(
      { title: Type.String({ minLength: 1 }), date: isoDate, url: Type.Optional(Type.String()) },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false, description: "The policy author's own words, with their status." },
);

const Text = Type.Union([TextRef, OwnText]);

const ruleBase = {
  id: ruleId,
  title: Type.String({ minLength: 1 }),
  citations: Type.Array(Text),
};

const effect = Type.Union([Type.Literal('licence-required'), Type.Literal('prohibited')]);
const authority = Type.Union([Type.Literal('un'), Type.Literal('eu'), Type.Literal('uk')]);
const regime = Type.Union([
  Type.Literal('wassenaar'),
  Type.Literal('eu'),
  Type.Literal('uk'),
  Type.Literal('us'),
]);

export const ListedItemsRuleSchema = Type.Object(
  {
    ...ruleBase,
    kind: Type.Literal('listed-items'),
    regime,
    scope: Type.Union([
      Type.Literal('all-destinations'),
      Type.Literal('outside-customs-union'),
      Type.Literal('us-reasons-for-control'),
    ]),
    exemptDestinations: Type.Optional(Type.Array(countryCode)),
    uncertainDestinations: Type.Optional(
      Type.Array(
        Type.Object(
          { countries: Type.Array(countryCode), note: Text },
          { additionalProperties: false },
        ),
      ),
    ),
  },
  { additionalProperties: false },
);

export const CyberSurveillanceRuleSchema = Type.Object(
  {
    ...ruleBase,
    kind: Type.Literal('cyber-surveillance-catch-all'),
    informed: Text,
    aware: Text,
    suspects: Type.Optional(Text),
    suspicionRule: Type.Union([
      Type.Literal('applies'),
      Type.Literal('not-adopted'),
      Type.Literal('unknown'),
    ]),
  },
  { additionalProperties: false },
);

export const MilitaryEndUseRuleSchema = Type.Object(
  {
    ...ruleBase,
    kind: Type.Literal('military-end-use-catch-all'),
    embargoAuthorities: Type.Array(authority),
  },
  { additionalProperties: false },
);

export const MonitoringMeasuresRuleSchema = Type.Object(
  {
    ...ruleBase,
    kind: Type.Literal('monitoring-equipment-measures'),
    authority,
    adoption: Type.Union([Type.Literal('binding'), Type.Literal('aligned-unverified')]),
  },
  { additionalProperties: false },
);

export const RestrictedPartyRuleSchema = Type.Object(
  {
    ...ruleBase,
    kind: Type.Literal('restricted-party'),
    listSources: Type.Array(Type.String({ minLength: 1 }), { minItems: 1 }),
    subLists: Type.Optional(Type.Array(Type.String({ minLength: 1 }))),
    effect,
    useListedReviewPolicy: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const CountryGroupEmbargoRuleSchema = Type.Object(
  {
    ...ruleBase,
    kind: Type.Literal('country-group-embargo'),
    countryGroups: Type.Array(Type.String({ pattern: '^[A-E]:\\d$' }), { minItems: 1 }),
    effect,
  },
  { additionalProperties: false },
);

export const RegionalMeasureRuleSchema = Type.Object(
  {
    ...ruleBase,
    kind: Type.Literal('regional-measure'),
    country: countryCode,
    regions: Type.Array(Type.String({ minLength: 1 }), { minItems: 1 }),
    effect,
  },
  { additionalProperties: false },
);

export const SanctionsRegimesRuleSchema = Type.Object(
  {
    ...ruleBase,
    kind: Type.Literal('sanctions-regimes'),
    regimes: Type.Array(
      Type.String({
        minLength: 1,
        description:
          "Ids of data/regulation/sanctions_regimes.json, of this jurisdiction's own authority only.",
      }),
      { minItems: 1 },
    ),
  },
  { additionalProperties: false },
);

export const SubjectToEarRuleSchema = Type.Object(
  { ...ruleBase, kind: Type.Literal('subject-to-ear') },
  { additionalProperties: false },
);

const ruleSchemas = {
  'listed-items': ListedItemsRuleSchema,
  'cyber-surveillance-catch-all': CyberSurveillanceRuleSchema,
  'military-end-use-catch-all': MilitaryEndUseRuleSchema,
  'monitoring-equipment-measures': MonitoringMeasuresRuleSchema,
  'restricted-party': RestrictedPartyRuleSchema,
  'country-group-embargo': CountryGroupEmbargoRuleSchema,
  'regional-measure': RegionalMeasureRuleSchema,
  'sanctions-regimes': SanctionsRegimesRuleSchema,
  'subject-to-ear': SubjectToEarRuleSchema,
} as const;

const Rule = Type.Union([
  ListedItemsRuleSchema,
  CyberSurveillanceRuleSchema,
  MilitaryEndUseRuleSchema,
  MonitoringMeasuresRuleSchema,
  RestrictedPartyRuleSchema,
  CountryGroupEmbargoRuleSchema,
  RegionalMeasureRuleSchema,
  SanctionsRegimesRuleSchema,
  SubjectToEarRuleSchema,
]);

/** The document with a given schema for its rules: the real union, or a loose one to check by kind. */
const policyDocument = <Rules extends TSchema>(rules: Rules) =>
  Type.Object(
    {
      $schema: Type.Optional(Type.String()),
      id: Type.String({
        pattern: '^[a-z0-9]+(\\.[A-Za-z0-9-]+)+$',
        description: 'Stable across versions, e.g. `cordon.GB`.',
      }),
      version: Type.Integer({ minimum: 1, description: 'Increases by one with every change.' }),
      jurisdiction: Type.String({
        pattern: '^([A-Z]{2})$',
        description: 'ISO 3166-1 alpha-2, or EU.',
      }),
      name: Type.String({ minLength: 1 }),
      authority: Type.String({ minLength: 1 }),
      effectiveFrom: isoDate,
      memberOf: Type.Optional(
        Type.Literal('EU', {
          description: 'A member state of the EU block: its rules apply first.',
        }),
      ),
      controls: Type.Object(
        {
          controlList: Type.Optional(regime),
          regimes: Type.Array(
            Type.Object(
              {
                regime: Type.String({ minLength: 1 }),
                role: Type.Union([
                  Type.Literal('participating-state'),
                  Type.Literal('member-state'),
                  Type.Literal('own-list'),
                  Type.Literal('implements'),
                  Type.Literal('aligned'),
                  Type.Literal('not-a-participant'),
                ]),
                note: Text,
              },
              { additionalProperties: false },
            ),
          ),
          rules: Type.Array(rules),
        },
        {
          additionalProperties: false,
          description: 'Which regimes apply and the licence rules (issue 5).',
        },
      ),
      verification: Type.Array(Text, {
        description: 'What in this policy is verified and what is not, each with its status.',
      }),
      humanRights: Type.Optional(
        Type.Object(
          {},
          {
            additionalProperties: true,
            description:
              'Reserved for the human-rights assessment: legalTests, riskFactors (weights), thresholds, presumptionsOfDenial, redFlags, countryAssessments. Defined by that module.',
          },
        ),
      ),
    },
    {
      $id: 'https://cordon.example/schema/jurisdiction-policy.schema.json',
      title: 'Cordon jurisdiction policy',
      description:
        "A jurisdiction's export-control policy as versioned data (see data/policies/README.md).",
      additionalProperties: false,
    },
  );

export const JurisdictionPolicyFileSchema = policyDocument(Rule);

/** The envelope: everything but the rules, which are checked one by one against their kind. */
const PolicyEnvelopeSchema = policyDocument(
  Type.Object({ kind: Type.String() }, { additionalProperties: true }),
);

export type JurisdictionPolicyFile = Static<typeof JurisdictionPolicyFileSchema>;

/** The schema's static type must be acceptable where the domain expects a PolicyDocument. */
export const asPolicyDocument = (file: JurisdictionPolicyFile): PolicyDocument => file;

/** The JSON Schema as committed in data/policies/schema/, pretty-printed with a final newline. */
export const renderPolicyJsonSchema = (): string =>
  `${JSON.stringify({ $schema: 'https://json-schema.org/draft/2020-12/schema', ...JurisdictionPolicyFileSchema }, null, 2)}\n`;

interface SchemaError {
  readonly keyword: string;
  readonly schemaPath: string;
  readonly instancePath: string;
  readonly message: string;
  readonly params: Readonly<Record<string, unknown>>;
}

/**
 * Validates a parsed policy file against the schema and returns it typed, or every problem with
 * its JSON pointer. A rule is checked against the schema of its own `kind`, and a text against the
 * form it takes (`ref` or own text), so messages say what is wrong rather than "matches no branch".
 */
export function validatePolicyFile(
  file: string,
  value: unknown,
): Result<PolicyDocument, readonly PolicyProblem[]> {
  if (Check(JurisdictionPolicyFileSchema, value)) return ok(asPolicyDocument(value));
  // TypeBox stops reporting inside a failed union, so rules are checked one by one, each against
  // the schema of its own kind; the rest of the document against the envelope.
  const problems: PolicyProblem[] = [];
  const report = (errors: readonly SchemaError[], prefix = '') => {
    for (const e of reduceUnionErrors(errors)) {
      problems.push({ file, path: `${prefix}${e.instancePath}` || '/', message: describe(e) });
    }
  };
  report(Errors(PolicyEnvelopeSchema, value)[1]);
  if (Check(PolicyEnvelopeSchema, value)) {
    value.controls.rules.forEach((rule, i) => {
      const at = `/controls/rules/${i}`;
      const schema = (ruleSchemas as Readonly<Record<string, TSchema>>)[rule.kind];
      if (!schema) {
        problems.push({
          file,
          path: `${at}/kind`,
          message: `"${rule.kind}" is not a rule kind; use one of ${Object.keys(ruleSchemas).join(', ')}`,
        });
      } else report(Errors(schema, rule)[1], at);
    });
  }
  if (problems.length === 0) report(Errors(JurisdictionPolicyFileSchema, value)[1]);
  return err(dedupe(problems));
}

const dedupe = (problems: readonly PolicyProblem[]): PolicyProblem[] => {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.path}|${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
};

function describe(e: SchemaError): string {
  switch (e.keyword) {
    case 'required':
      return `missing ${JSON.stringify(e.params['requiredProperties'] ?? e.params['missingProperty'] ?? e.params)}`;
    case 'additionalProperties':
      return `unknown field(s) ${JSON.stringify(e.params['additionalProperties'])}`;
    default:
      return e.message;
  }
}

/**
 * TypeBox reports a failed union as the errors of every branch (and sometimes "must match a
 * schema in anyOf"). For each union keep the errors of the branch that came closest: the one whose
 * errors lie deepest (a bad value inside the right shape) rather than at the union's own level (a
 * missing or unknown field: the wrong shape). A union of literals becomes "must be one of", and
 * rules whose `kind` matches no branch get "kind must be one of". Nested unions are reduced the
 * same way inside the chosen branch.
 */
function reduceUnionErrors(errors: readonly SchemaError[], from = 0): readonly SchemaError[] {
  const kept: SchemaError[] = [];
  const unions = new Map<string, SchemaError[]>();
  for (const e of errors) {
    const at = e.schemaPath.indexOf('/anyOf/', from);
    if (at < 0) {
      // The union's own summary error: the branches say more.
      if (
        e.keyword === 'anyOf' &&
        errors.some((x) => x !== e && x.schemaPath.startsWith(`${e.schemaPath}/anyOf/`))
      )
        continue;
      kept.push(e);
      continue;
    }
    const prefix = e.schemaPath.slice(0, at);
    unions.set(prefix, [...(unions.get(prefix) ?? []), e]);
  }
  for (const [prefix, group] of unions) {
    const branches = new Map<string, SchemaError[]>();
    for (const e of group) {
      const index = e.schemaPath.slice(prefix.length + '/anyOf/'.length).split('/')[0] ?? '';
      branches.set(index, [...(branches.get(index) ?? []), e]);
    }
    const all = [...branches.values()];
    const level = Math.min(...group.map((e) => e.instancePath.length));
    const unionPath = group.find((e) => e.instancePath.length === level)?.instancePath ?? '';
    const constants = all.every(
      (b) => b.length === 1 && b[0]?.keyword === 'const' && b[0].instancePath === unionPath,
    );
    if (constants) {
      const values = all.map((b) => JSON.stringify(b[0]?.params['allowedValue']));
      kept.push({
        keyword: 'enum',
        schemaPath: prefix,
        instancePath: unionPath,
        params: {},
        message: `must be one of ${values.join(', ')}`,
      });
      continue;
    }
    const kindMismatch = (b: readonly SchemaError[]) =>
      b.some((e) => e.keyword === 'const' && e.instancePath === `${unionPath}/kind`);
    if (all.every(kindMismatch)) {
      const kinds = all.flatMap((b) =>
        b
          .filter((e) => e.instancePath === `${unionPath}/kind`)
          .map((e) => String(e.params['allowedValue'])),
      );
      kept.push({
        keyword: 'kind',
        schemaPath: prefix,
        instancePath: unionPath,
        params: {},
        message: `"kind" must be one of ${[...new Set(kinds)].join(', ')}`,
      });
      continue;
    }
    const score = (b: readonly SchemaError[]) =>
      (kindMismatch(b) ? 1000 : 0) +
      b
        .filter((e) => e.keyword !== 'boolean')
        .reduce((n, e) => n + (e.instancePath === unionPath ? 10 : 1), 0);
    const best =
      all.reduce<SchemaError[] | undefined>(
        (a, b) => (a === undefined || score(b) < score(a) ? b : a),
        undefined,
      ) ?? [];
    const nextFrom = prefix.length + '/anyOf/'.length;
    kept.push(...reduceUnionErrors(best, nextFrom));
  }
  return kept.filter((e) => e.keyword !== 'boolean');
}
