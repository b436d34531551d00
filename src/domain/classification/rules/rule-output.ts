import type { CountryCode } from '../../policy/country-code.ts';
import type { EffectivePolicy, PolicyRule } from '../../policy/jurisdiction-policy.ts';
import { weakestStatus, type CitedText } from '../../policy/text-provenance.ts';
import type { OpenQuestion, RegimeOutcome } from '../classify-item.ts';
import { ear99, normaliseEntryId } from '../control-catalogue.ts';
import type {
  BasisEffect,
  LicensableItem,
  LicenceBasis,
  LicenceQuery,
  MissingInformation,
  PartyRole,
  PartyScreening,
  PartyType,
  ReviewOutcome,
} from '../licence-query.ts';

/** Party types that are the state or act for it. */
export const governmentTypes: ReadonlySet<PartyType> = new Set([
  'police',
  'intelligence',
  'military',
  'government-security',
  'government-other',
]);

/** Builds a basis from a rule, with the weakest status of all its texts. */
export function basisOf(
  rule: PolicyRule,
  effect: BasisEffect,
  summary: string,
  extra: {
    readonly citations?: readonly CitedText[];
    readonly reviewPolicy?: CitedText;
    readonly item?: number;
    readonly party?: PartyScreening;
    readonly review?: ReviewOutcome;
    readonly regime?: LicenceBasis['regime'];
  } = {},
): LicenceBasis {
  const citations = [...rule.citations, ...(extra.citations ?? [])];
  const all = extra.reviewPolicy ? [...citations, extra.reviewPolicy] : citations;
  return {
    rule: rule.id,
    ruleKind: rule.kind,
    title: rule.title,
    effect,
    summary,
    citations,
    ...(extra.reviewPolicy ? { reviewPolicy: extra.reviewPolicy } : {}),
    ...(extra.item !== undefined ? { item: extra.item } : {}),
    ...(extra.party ? { party: { role: extra.party.role, name: extra.party.name } } : {}),
    ...(extra.review ? { review: extra.review } : {}),
    ...(extra.regime ? { regime: extra.regime } : {}),
    textStatus: all.length > 0 ? weakestStatus(all.map((c) => c.textStatus)) : 'paraphrase',
  };
}

export const outcomeIn = (
  item: LicensableItem,
  list: EffectivePolicy['controlList'],
): RegimeOutcome | undefined => item.classification.regimes.find((r) => r.regime === list)?.outcome;

export const questionsAsMissing = (
  item: number,
  questions: readonly OpenQuestion[],
): MissingInformation[] =>
  questions.map((q) => ({
    field:
      q.fact === 'capabilities'
        ? `items[${item}].capabilities`
        : `items[${item}].answers.${q.fact}`,
    question: q.question,
  }));

/** Countries the goods go to or through: the destination and the receiving parties' countries. */
export function receivingCountries(query: LicenceQuery): readonly CountryCode[] {
  const receiving: ReadonlySet<PartyRole> = new Set([
    'end-user',
    'consignee',
    'intermediate-consignee',
  ]);
  const countries = [query.destination.country];
  for (const p of query.parties ?? []) {
    if (p.country && receiving.has(p.role) && !countries.includes(p.country))
      countries.push(p.country);
  }
  return countries;
}

/**
 * Whether a party is the state or acts for it: a government type, or a party stated to be
 * state-linked (a state-owned telecom operator). `undefined` when it may be and nobody said.
 */
export function isStateParty(party: PartyScreening): boolean | undefined {
  if (party.type !== undefined && governmentTypes.has(party.type)) return true;
  if (party.stateLinked !== undefined) return party.stateLinked;
  return party.type === 'telecom-operator' || party.type === undefined || party.type === 'unknown'
    ? undefined
    : false;
}

/** An ECCN as the exporter or the classification gives it: `5A992.c`, `6A003.b.4`. */
const eccnPattern = /^[0-9][A-E][0-9]{3}\b/;

/** The ECCNs an item has on the US list: its listed US entries and the exporter's ECCN ratings. */
export function usEccnsOf(item: LicensableItem): {
  readonly eccns: readonly string[];
  readonly ear99: boolean;
} {
  const us = outcomeIn(item, 'us');
  const listed = us?.kind === 'listed' ? us.entries : [];
  const rated = item.classification.exporterRating.map((r) => r.trim());
  const eccns = [
    ...new Set([...listed, ...rated].filter((e) => eccnPattern.test(e)).map(canonicalEccn)),
  ];
  return { eccns, ear99: rated.some((r) => normaliseEntryId(r) === ear99) };
}

/** An ECCN written the CCL's way: `5A992.c`, whatever the case it was given in. */
export const canonicalEccn = (eccn: string): string =>
  eccn.slice(0, 5).toUpperCase() + eccn.slice(5).toLowerCase();
