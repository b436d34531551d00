import { Type, type TSchema } from 'typebox';
import { Check, Errors } from 'typebox/schema';
import { partyTypes } from '../../domain/classification/licence-query.ts';
import {
  factorKinds,
  riskLevels,
  type HumanRightsPolicyDocument,
} from '../../domain/human-rights/human-rights-policy.ts';
import { legalTestKinds } from '../../domain/human-rights/legal-test-kinds.ts';
import type { PolicyProblem } from '../../domain/policy/jurisdiction-policy.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';

/**
 * The JSON Schema of a human-rights policy file (`data/policies/<J>/human-rights-v<N>.json`),
 * written with TypeBox so that schema and validator are one thing. The committed
 * `data/policies/schema/human-rights-policy.schema.json` is rendered from it
 * ({@link renderHumanRightsPolicyJsonSchema}); a test keeps the two in step.
 */

const isoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD.' });
const id = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9.:-]*$' });
const share = Type.Number({ minimum: 0, maximum: 1 });
const literals = <T extends string>(values: readonly T[], options: { description?: string } = {}) =>
  Type.Union(
    values.map((v) => Type.Literal(v)),
    options,
  );

const riskLevel = literals(riskLevels);
const licensingOutcome = literals(['approve', 'approve-with-provisos', 'refer', 'refuse']);

const Text = Type.Union([
  Type.Object(
    { ref: Type.String({ minLength: 1, description: 'A text id of data/regulation.' }) },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      text: Type.String({ minLength: 1 }),
      textStatus: literals(['paraphrase', 'seed-unverified']),
      source: Type.Object(
        { title: Type.String({ minLength: 1 }), date: isoDate, url: Type.Optional(Type.String()) },
        { additionalProperties: false },
      ),
    },
    {
      additionalProperties: false,
      description: 'The author’s own words: never verbatim law (cite that with `ref`).',
    },
  ),
]);

const strict = <T extends Record<string, TSchema>>(properties: T, description?: string) =>
  Type.Object(properties, {
    additionalProperties: false,
    ...(description ? { description } : {}),
  });

export const HumanRightsPolicyFileSchema = strict(
  {
    $schema: Type.Optional(Type.String()),
    id: Type.String({ pattern: '^cordon\\.[A-Z]{2}\\.human-rights$' }),
    version: Type.Integer({ minimum: 1 }),
    jurisdiction: Type.String({ pattern: '^[A-Z]{2}$' }),
    name: Type.String({ minLength: 1 }),
    authority: Type.String({ minLength: 1 }),
    effectiveFrom: isoDate,
    legalTests: Type.Array(
      strict({
        id,
        kind: Type.Optional(
          literals(legalTestKinds, {
            description:
              'What decides the test (each is evaluated on its own conditions; see src/domain/human-rights/legal-tests.ts). Absent: `risk-level`, the version-1 behaviour kept so old decisions reproduce.',
          }),
        ),
        title: Type.String({ minLength: 1 }),
        text: Text,
        threshold: Type.String({ minLength: 1 }),
        metAt: Type.Optional(riskLevel),
        unknownFrom: Type.Optional(riskLevel),
        outcome: Type.Optional(licensingOutcome),
      }),
    ),
    humanRightsCatchAll: Type.Optional(
      strict(
        { available: Type.Boolean(), text: Text },
        'Whether the authority can make a licence required for a non-listed item on human-rights grounds (EU Art. 5 yes; the UK has no such catch-all). Absent: available.',
      ),
    ),
    factors: strict(
      Object.fromEntries(
        factorKinds.map((k) => [k, strict({ weight: share, basis: Text })]),
      ) as unknown as Record<(typeof factorKinds)[number], TSchema>,
      'The weight of each risk factor and the text that makes it relevant.',
    ),
    officerOnlyFactors: Type.Array(literals(factorKinds)),
    itemRelevanceFloor: share,
    thresholds: strict({ medium: share, high: share, unacceptable: share }),
    recommendations: strict({
      low: licensingOutcome,
      medium: licensingOutcome,
      high: licensingOutcome,
      unacceptable: licensingOutcome,
    }),
    endUserTypeSeverity: strict(
      Object.fromEntries(partyTypes.map((t) => [t, share])) as unknown as Record<
        (typeof partyTypes)[number],
        TSchema
      >,
    ),
    countryRiskSeverity: strict({ low: share, medium: share, high: share, unacceptable: share }),
    embargoAuthorities: Type.Array(literals(['un', 'eu', 'uk'])),
    presumptionsOfDenial: Type.Array(
      strict({
        id,
        kind: Type.Optional(
          literals(['presumption-of-denial', 'risk-floor'], {
            description:
              '`presumption-of-denial` only where the law says so (US); `risk-floor` for a policy rule that sets a least risk level. Absent: presumption-of-denial (version 1).',
          }),
        ),
        title: Type.String({ minLength: 1 }),
        when: strict({
          humanRightsListing: Type.Optional(Type.Boolean()),
          surveillanceItem: Type.Optional(Type.Boolean()),
          capabilities: Type.Optional(Type.Array(Type.String())),
          endUserTypes: Type.Optional(Type.Array(literals(partyTypes))),
          destinationRiskAtLeast: Type.Optional(riskLevel),
          armsEmbargo: Type.Optional(Type.Boolean()),
          endUseTargetsPeople: Type.Optional(Type.Boolean()),
        }),
        riskAtLeast: riskLevel,
        citations: Type.Array(Text, { minItems: 1 }),
      }),
    ),
    redFlags: Type.Array(strict({ id, severity: share, text: Type.Optional(Text) })),
    endUseIndicators: Type.Array(
      strict({
        id,
        terms: Type.Array(Type.String({ minLength: 2 }), { minItems: 1 }),
        redFlag: id,
        severity: share,
        targetsPeople: Type.Boolean(),
      }),
    ),
    humanRightsProgrammes: Type.Array(
      strict({ programme: Type.String({ minLength: 1 }), severity: share, text: Text }),
    ),
    countryAssessments: Type.Array(
      strict({
        country: Type.String({ pattern: '^[A-Z]{2}$' }),
        regions: Type.Optional(Type.Array(Type.String({ minLength: 1 }))),
        risk: riskLevel,
        summary: Text,
        sources: Type.Array(Text),
        date: isoDate,
        officerOnly: Type.Optional(Type.Boolean()),
      }),
    ),
    transshipmentHubs: Type.Array(Type.String({ pattern: '^[A-Z]{2}$' })),
    countryIndicators: Type.Optional(
      Type.Array(
        strict({
          id,
          source: Type.String({
            pattern: '^[a-z][a-z0-9_]*$',
            description: 'A dataset id of data/regulation/human_rights_datasets_licensing.json.',
          }),
          indicator: Type.String({ minLength: 1, description: 'The column, e.g. v2x_clphy.' }),
          higherIs: literals(['better', 'worse']),
          riskAt: strict({
            medium: Type.Number(),
            high: Type.Number(),
            unacceptable: Type.Number(),
          }),
          basis: Text,
        }),
        {
          description:
            'Imported country indicators (cordon indicators import) the destination factor reads.',
        },
      ),
    ),
    provisos: Type.Array(
      strict({
        id: literals(['end-use-certificate', 'no-re-export', 'post-shipment-verification']),
        text: Text,
        from: riskLevel,
        surveillanceItemsOnly: Type.Optional(Type.Boolean()),
      }),
    ),
  },
  "A jurisdiction's human-rights assessment policy as versioned data (see data/policies/README.md).",
);

/** The JSON Schema as committed in data/policies/schema/, pretty-printed with a final newline. */
export const renderHumanRightsPolicyJsonSchema = (): string =>
  `${JSON.stringify(
    {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: 'https://cordon.example/schema/human-rights-policy.schema.json',
      title: 'Cordon human-rights policy',
      ...HumanRightsPolicyFileSchema,
    },
    null,
    2,
  )}\n`;

/** Validates a parsed human-rights policy file; every problem comes back with its JSON pointer. */
export function validateHumanRightsPolicyFile(
  file: string,
  value: unknown,
): Result<HumanRightsPolicyDocument, readonly PolicyProblem[]> {
  if (Check(HumanRightsPolicyFileSchema, value)) return ok(value as HumanRightsPolicyDocument);
  const seen = new Set<string>();
  const problems: PolicyProblem[] = [];
  for (const e of Errors(HumanRightsPolicyFileSchema, value)[1]) {
    if (e.keyword === 'anyOf' || e.keyword === 'boolean') continue;
    const message =
      e.keyword === 'additionalProperties'
        ? `unknown field(s) ${JSON.stringify(e.params['additionalProperties'])}`
        : e.keyword === 'required'
          ? `missing ${JSON.stringify(e.params['requiredProperties'])}`
          : e.message;
    const key = `${e.instancePath}|${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push({ file, path: e.instancePath || '/', message });
  }
  if (problems.length === 0)
    problems.push({ file, path: '/', message: 'does not match the schema' });
  return err(problems);
}
