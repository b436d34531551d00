import type { CountryCode } from '../policy/country-code.ts';
import {
  armsEmbargoesOn,
  countryGroup,
  monitoringMeasuresOn,
  type DestinationMeasures,
  type InterceptionFunctionId,
} from '../policy/destination-measures.ts';
import { isEuMemberState, type JurisdictionCode } from '../policy/jurisdiction.ts';
import {
  effectivePolicy,
  type CountryGroupEmbargoRule,
  type CyberSurveillanceCatchAllRule,
  type EffectivePolicy,
  type JurisdictionPolicy,
  type ListedItemsRule,
  type MilitaryEndUseCatchAllRule,
  type MonitoringMeasuresRule,
  type PolicyRule,
  type PolicyRuleKind,
  type RegionalMeasureRule,
  type RestrictedPartyRule,
} from '../policy/jurisdiction-policy.ts';
import type { LegalTexts } from '../policy/legal-texts.ts';
import { weakestStatus, type CitedText, type TextStatus } from '../policy/text-provenance.ts';
import { err, ok, type Result } from '../shared/result.ts';
import type { ItemClassification, OpenQuestion, RegimeOutcome } from './classify-item.ts';
import { entryIn, type ControlCatalogue } from './control-catalogue.ts';

/** Roles of the parties to an export (spec: `parties[].role`). */
export type PartyRole =
  'end-user' | 'consignee' | 'intermediate-consignee' | 'purchaser' | 'third-party';

/** Types of party (spec: `parties[].type`). */
export type PartyType =
  | 'police'
  | 'intelligence'
  | 'military'
  | 'government-security'
  | 'government-other'
  | 'telecom-operator'
  | 'commercial'
  | 'academic'
  | 'individual'
  | 'unknown';

/** One restricted-list match of a party, as the screening engine reports it. */
export interface ScreeningHit {
  /** The list source (`us-bis-entity-list`, `us-csl`, `eu-fsf`, ...). */
  readonly source: string;
  readonly entityId: string;
  readonly name: string;
  readonly programmes: readonly string[];
  /** For bundled sources (the Consolidated Screening List): the list the row belongs to. */
  readonly subList?: string;
  /** Entity List: the licence requirement column, verbatim. */
  readonly licenceRequirement?: string;
  /** Entity List: the licence review policy column, verbatim. */
  readonly licenceReviewPolicy?: string;
  /** `strong`: a match; `review`: a possible match a person must clear. */
  readonly band: 'strong' | 'review';
  /** The list snapshot the hit came from, for provenance. */
  readonly snapshot?: { readonly id: string; readonly dataDate: string };
}

/**
 * A party of the transaction with its screening result. Defined here rather than taken from the
 * screening engine, so licence determination depends only on what it reads.
 */
export interface PartyScreening {
  readonly role: PartyRole;
  readonly name: string;
  readonly country?: CountryCode;
  readonly type?: PartyType;
  readonly hits: readonly ScreeningHit[];
}

/** What the exporter knows about the end use (EU Art. 4 and 5 turn on it). */
export interface EndUseKnowledge {
  readonly statement?: string;
  /**
   * The competent authority informed the exporter that the items are or may be intended for use
   * in connection with internal repression or serious violations of human rights or IHL (Art. 5(1)).
   */
  readonly informedByAuthority?: boolean;
  /** The exporter's due diligence found the items are intended for such use (Art. 5(2)). */
  readonly awareOfMisuse?: boolean;
  /** The exporter has grounds for suspecting such use (Art. 5(3)). */
  readonly suspectsMisuse?: boolean;
  /** What the exporter knows of a military end use: informed by the authority, aware, or none. */
  readonly militaryEndUse?: 'informed' | 'aware' | 'none';
}

/** One item to license: a label for messages, and its classification. */
export interface LicensableItem {
  readonly label: string;
  readonly classification: ItemClassification;
}

/** A transaction, as licence determination sees it. All codes are already validated. */
export interface LicenceQuery {
  readonly destination: { readonly country: CountryCode; readonly region?: string };
  readonly items: readonly LicensableItem[];
  /** The parties with their screening results; absent when not screened (end-user rules then stay open). */
  readonly parties?: readonly PartyScreening[];
  readonly endUse?: EndUseKnowledge;
}

/** The reference data licence determination reads. */
export interface LicensingReference {
  readonly catalogue: ControlCatalogue;
  readonly measures: DestinationMeasures;
  readonly texts: LegalTexts;
}

/**
 * - `licence-required`: a licence (authorisation) is needed before export;
 * - `prohibited`: a ban, with at most narrow licensing grounds;
 * - `notify-authority`: the exporter must notify the authority, which decides (EU Art. 5(2)); the
 *   export cannot proceed until it has, so it counts as requiring a licence;
 * - `no-licence-required`: the rule was checked and requires none;
 * - `undetermined`: the rule may apply; something is missing (see `missing`);
 * - `not-applicable`: the rule does not concern this item or destination;
 * - `information`: worth knowing, no effect on the answer.
 */
export type BasisEffect =
  | 'licence-required'
  | 'prohibited'
  | 'notify-authority'
  | 'no-licence-required'
  | 'undetermined'
  | 'not-applicable'
  | 'information';

/** One reason in a licence determination: a rule, what it does here, and the texts it rests on. */
export interface LicenceBasis {
  readonly rule: string;
  readonly ruleKind: PolicyRuleKind;
  readonly title: string;
  readonly effect: BasisEffect;
  /** Cordon's explanation, in its own words: never legal text. */
  readonly summary: string;
  readonly citations: readonly CitedText[];
  /** The review policy that will apply (the Entity List entry's own, a denial rule). */
  readonly reviewPolicy?: CitedText;
  /** The item (index in the query) or party the basis is about. */
  readonly item?: number;
  readonly party?: { readonly role: PartyRole; readonly name: string };
  /** The weakest status of the citations: `verbatim` only when every text is. */
  readonly textStatus: TextStatus;
}

/** Something licence determination needs and does not have, naming the input field. */
export interface MissingInformation {
  readonly field: string;
  readonly question: string;
}

/** `true`, `false`, or `undetermined` when a rule may apply and something is missing. */
export type LicenceRequired = boolean | 'undetermined';

export interface LicenceDetermination {
  readonly jurisdiction: JurisdictionCode;
  /** Every policy applied (the EU block and the member state), with its version and hash. */
  readonly policies: readonly {
    readonly id: string;
    readonly version: number;
    readonly contentHash: string;
  }[];
  readonly required: LicenceRequired;
  readonly basis: readonly LicenceBasis[];
  readonly missing: readonly MissingInformation[];
}

/** Why no determination could be made for a jurisdiction. */
export type DeterminationError =
  | { readonly kind: 'no-policy'; readonly jurisdiction: string; readonly message: string }
  | { readonly kind: 'policy-incomplete'; readonly jurisdiction: string; readonly message: string };

const requiring: ReadonlySet<BasisEffect> = new Set([
  'licence-required',
  'prohibited',
  'notify-authority',
]);

/**
 * The answer a set of bases gives: a licence is required when any basis requires one (or
 * prohibits, or makes the exporter notify); otherwise it is undetermined when any basis is;
 * otherwise it is not required.
 */
export function aggregateRequired(basis: readonly LicenceBasis[]): LicenceRequired {
  if (basis.some((b) => requiring.has(b.effect))) return true;
  if (basis.some((b) => b.effect === 'undetermined')) return 'undetermined';
  return false;
}

const governmentTypes: ReadonlySet<PartyType> = new Set([
  'police',
  'intelligence',
  'military',
  'government-security',
  'government-other',
]);

/**
 * Determines whether one jurisdiction requires a licence for the transaction, under its
 * (effective) policy: every rule of the policy is applied to every item, party and destination it
 * concerns, and each gives a basis citing its texts. Missing information makes a rule
 * `undetermined` and says what is missing; it never makes the answer "not required".
 *
 * @example
 * determineLicenceRequirement(reference, policies, 'US', { destination: { country: 'CN' },
 *   items: [printers], parties: [{ role: 'end-user', name: 'Aksu PSB', hits: [entityListHit] }] })
 * // { required: true, basis: [{ rule: 'us-entity-list', effect: 'licence-required',
 * //   reviewPolicy: 'Case-by-case review for ... presumption of denial for all other items' }, ...] }
 */
export function determineLicenceRequirement(
  reference: LicensingReference,
  policies: ReadonlyMap<JurisdictionCode, JurisdictionPolicy>,
  jurisdiction: JurisdictionCode,
  query: LicenceQuery,
): Result<LicenceDetermination, DeterminationError> {
  const policy = policies.get(jurisdiction);
  if (!policy) {
    return err({
      kind: 'no-policy',
      jurisdiction,
      message: `no policy for ${jurisdiction}; Cordon ships ${[...policies.keys()].join(', ')}`,
    });
  }
  const effective = effectivePolicy(
    policy,
    policy.memberOf ? policies.get(policy.memberOf) : undefined,
  );
  if (!effective.ok)
    return err({ kind: 'policy-incomplete', jurisdiction, message: effective.error });

  const basis: LicenceBasis[] = [];
  const missing: MissingInformation[] = [];
  for (const rule of effective.value.rules) {
    const out = applyRule(rule, effective.value, reference, query);
    basis.push(...out.basis);
    missing.push(...out.missing);
  }
  const seen = new Set<string>();
  return ok({
    jurisdiction,
    policies: effective.value.layers.map((p) => ({
      id: p.id,
      version: p.version,
      contentHash: p.contentHash,
    })),
    required: aggregateRequired(basis),
    basis,
    missing: missing.filter((m) => {
      const key = `${m.field}|${m.question}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    }),
  });
}

interface RuleOutput {
  readonly basis: readonly LicenceBasis[];
  readonly missing: readonly MissingInformation[];
}

function applyRule(
  rule: PolicyRule,
  policy: EffectivePolicy,
  reference: LicensingReference,
  query: LicenceQuery,
): RuleOutput {
  switch (rule.kind) {
    case 'listed-items':
      return listedItems(rule, policy, reference, query);
    case 'cyber-surveillance-catch-all':
      return cyberSurveillanceCatchAll(rule, policy, query);
    case 'military-end-use-catch-all':
      return militaryEndUse(rule, policy, reference, query);
    case 'monitoring-equipment-measures':
      return monitoringMeasures(rule, reference, query);
    case 'restricted-party':
      return restrictedParty(rule, reference, query);
    case 'country-group-embargo':
      return countryGroupEmbargo(rule, reference, query);
    case 'regional-measure':
      return regionalMeasure(rule, query);
  }
}

/** Builds a basis from a rule, with the weakest status of all its texts. */
function basisOf(
  rule: PolicyRule,
  effect: BasisEffect,
  summary: string,
  extra: {
    readonly citations?: readonly CitedText[];
    readonly reviewPolicy?: CitedText;
    readonly item?: number;
    readonly party?: PartyScreening;
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
    textStatus: all.length > 0 ? weakestStatus(all.map((c) => c.textStatus)) : 'paraphrase',
  };
}

const outcomeIn = (
  item: LicensableItem,
  list: EffectivePolicy['controlList'],
): RegimeOutcome | undefined => item.classification.regimes.find((r) => r.regime === list)?.outcome;

const questionsAsMissing = (
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
function receivingCountries(query: LicenceQuery): readonly CountryCode[] {
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

function listedItems(
  rule: ListedItemsRule,
  policy: EffectivePolicy,
  reference: LicensingReference,
  query: LicenceQuery,
): RuleOutput {
  const basis: LicenceBasis[] = [];
  const missing: MissingInformation[] = [];
  const dest = query.destination.country;
  query.items.forEach((item, i) => {
    const outcome = outcomeIn(item, rule.regime);
    if (!outcome) {
      basis.push(
        basisOf(
          rule,
          'undetermined',
          `${item.label}: not classified under the ${rule.regime} list`,
          { item: i },
        ),
      );
      return;
    }
    switch (outcome.kind) {
      case 'not-listed':
        basis.push(
          basisOf(
            rule,
            'no-licence-required',
            `${item.label} is not listed (${rule.regime} list): ${outcome.reasons.join('; ')}`,
            { item: i },
          ),
        );
        return;
      case 'undetermined':
        basis.push(
          basisOf(
            rule,
            'undetermined',
            `${item.label}: whether it is listed (${rule.regime} list) is undetermined: ${outcome.reasons.join('; ')}`,
            { item: i },
          ),
        );
        missing.push(...questionsAsMissing(i, outcome.missing));
        return;
      case 'listed':
        break;
    }
    const entries = outcome.entries.join(', ');
    const inferred = outcome.confirmed
      ? ''
      : ' (classification inferred from tags or the description, or the exporter rating: confirm it by answering the open questions)';
    if (!outcome.confirmed)
      missing.push(...questionsAsMissing(i, item.classification.questions.slice(0, 12)));
    if (rule.exemptDestinations.includes(dest)) {
      basis.push(
        basisOf(
          rule,
          'no-licence-required',
          `${item.label} (${entries}) needs no licence under this rule for ${dest}${inferred}`,
          { item: i },
        ),
      );
      return;
    }
    const uncertain = rule.uncertainDestinations.find((u) => u.countries.includes(dest));
    if (uncertain) {
      basis.push(
        basisOf(
          rule,
          'undetermined',
          `${item.label} (${entries}) to ${dest}: ${uncertain.note.text}`,
          {
            item: i,
            citations: [uncertain.note],
          },
        ),
      );
      missing.push({
        field: 'destination.country',
        question: `Does an exemption for ${dest} apply? ${uncertain.note.text}`,
      });
      return;
    }
    switch (rule.scope) {
      case 'all-destinations':
        basis.push(
          basisOf(
            rule,
            'licence-required',
            `${item.label} is listed as ${entries}${inferred}: a licence is required for export to any destination`,
            { item: i },
          ),
        );
        return;
      case 'outside-customs-union':
        if (isEuMemberState(dest)) {
          basis.push(
            basisOf(
              rule,
              'undetermined',
              `${item.label} (${entries}) to ${dest} is a transfer within the Union: authorisation is needed only for Annex IV items, and Annex IV is not in the shipped data`,
              { item: i },
            ),
          );
          missing.push({
            field: `items[${i}]`,
            question: `Is ${entries} in Annex IV of Regulation (EU) 2021/821 (intra-Union transfers)?`,
          });
        } else {
          basis.push(
            basisOf(
              rule,
              'licence-required',
              `${item.label} is listed in Annex I as ${entries}${inferred}: authorisation is required for export from the Union`,
              { item: i },
            ),
          );
        }
        return;
      case 'us-reasons-for-control': {
        const out = usReasons(rule, policy, reference, item, i, outcome.entries, dest, inferred);
        basis.push(...out.basis);
        missing.push(...out.missing);
        return;
      }
    }
  });
  return { basis, missing };
}

/**
 * The CCL licence requirement from the ECCNs' reasons for control. The shipped data gives the
 * reasons but not the Commerce Country Chart columns, so: SL needs a licence for every destination
 * (15 CFR 742.13); NS, RS, CC and EI need one outside Country Group A:1 (and Canada), and for A:1
 * destinations the column decides, which the data does not hold: undetermined.
 */
function usReasons(
  rule: ListedItemsRule,
  policy: EffectivePolicy,
  reference: LicensingReference,
  item: LicensableItem,
  index: number,
  entryIds: readonly string[],
  dest: CountryCode,
  inferred: string,
): RuleOutput {
  const basis: LicenceBasis[] = [];
  const missing: MissingInformation[] = [];
  const a1 = countryGroup(reference.measures, 'A:1');
  const inA1 = a1?.members.includes(dest) ?? false;
  const sl = reference.texts.get('hr:US-EAR-742.13');
  for (const id of entryIds) {
    const entry = entryIn(reference.catalogue, policy.controlList, id);
    if (!entry) {
      basis.push(
        basisOf(
          rule,
          'undetermined',
          `${item.label} is rated ${id} by the exporter; the reasons for control of an ECCN outside Cordon's catalogue are not in the shipped data`,
          { item: index },
        ),
      );
      missing.push({
        field: `items[${index}].controlEntries`,
        question: `What are the reasons for control of ${id}, and does the Commerce Country Chart mark ${dest} for them?`,
      });
      continue;
    }
    const reasons = entry.reasonsForControl;
    const candidate = item.classification.regimes
      .find((r) => r.regime === 'us')
      ?.candidates.find((c) => c.entryId === id);
    const slApplies =
      reasons.includes('SL') &&
      (entry.id !== '5A001.f' || (candidate?.met.some((m) => m.criterion === 'f.1') ?? false));
    const notes = entry.notes.filter((n) => /reason|licen[cs]e|SL|742/i.test(n.text));
    if (slApplies) {
      basis.push(
        basisOf(
          rule,
          'licence-required',
          `${item.label} (${id}) is controlled for surreptitious listening (SL)${inferred}: a licence is required for all destinations, Canada included (15 CFR 742.13)`,
          { item: index, citations: [...(sl ? [sl] : []), ...notes] },
        ),
      );
      continue;
    }
    const chartReasons = reasons.filter((r) => r !== 'AT' && r !== 'SL');
    if (chartReasons.length === 0) {
      basis.push(
        basisOf(
          rule,
          'information',
          `${item.label} (${id}) is controlled for ${reasons.join(', ') || 'no recorded reason'} only: see the embargo rules`,
          { item: index, citations: notes },
        ),
      );
      continue;
    }
    if (inA1 || dest === 'CA') {
      basis.push(
        basisOf(
          rule,
          'undetermined',
          `${item.label} (${id}, ${chartReasons.join('/')}) to ${dest}: whether a licence is required depends on the Commerce Country Chart column of ${id}, which the shipped data does not hold (${dest} is in Country Group A:1)`,
          { item: index, citations: notes },
        ),
      );
      missing.push({
        field: `items[${index}].controlEntries`,
        question: `Does the Commerce Country Chart (15 CFR 738 Supp. 1) mark ${dest} for the ${chartReasons.join('/')} column of ${id}? (Check 15 CFR 774 Supp. 1; license exceptions such as ENC or ACE may also apply.)`,
      });
      continue;
    }
    basis.push(
      basisOf(
        rule,
        'licence-required',
        `${item.label} is on the CCL as ${id} (${reasons.join(', ')})${inferred}: a licence is required for ${dest}, outside Country Group A:1, unless a License Exception (15 CFR 740) applies`,
        { item: index, citations: notes },
      ),
    );
  }
  return { basis, missing };
}

function cyberSurveillanceCatchAll(
  rule: CyberSurveillanceCatchAllRule,
  policy: EffectivePolicy,
  query: LicenceQuery,
): RuleOutput {
  const basis: LicenceBasis[] = [];
  const missing: MissingInformation[] = [];
  const endUse = query.endUse ?? {};
  if (isEuMemberState(query.destination.country)) {
    return {
      basis: [
        basisOf(
          rule,
          'not-applicable',
          `Article 5 concerns exports from the Union; ${query.destination.country} is a member state`,
        ),
      ],
      missing: [],
    };
  }
  query.items.forEach((item, i) => {
    const cs = item.classification.cyberSurveillance;
    const outcome = outcomeIn(item, policy.controlList);
    if (outcome?.kind === 'listed') {
      basis.push(
        basisOf(
          rule,
          'not-applicable',
          `${item.label} is listed: the listed-items rule governs it, not the catch-all`,
          { item: i },
        ),
      );
      return;
    }
    if (cs.status === 'no' && endUse.informedByAuthority !== true) {
      basis.push(
        basisOf(
          rule,
          'not-applicable',
          `${item.label} is not a cyber-surveillance item: ${cs.reasons.join('; ')}`,
          { item: i },
        ),
      );
      return;
    }
    const what =
      cs.status === 'non-listed'
        ? 'a non-listed cyber-surveillance item'
        : 'possibly a non-listed cyber-surveillance item';
    if (endUse.informedByAuthority === true) {
      basis.push(
        basisOf(
          rule,
          'licence-required',
          `${item.label}: the competent authority informed the exporter that the items are or may be intended for internal repression or serious violations of human rights or IHL: authorisation is required`,
          {
            item: i,
            citations: [rule.informed],
          },
        ),
      );
      return;
    }
    if (endUse.awareOfMisuse === true) {
      if (cs.status === 'unknown') {
        basis.push(
          basisOf(
            rule,
            'undetermined',
            `${item.label}: the exporter is aware of an intended misuse, but whether the item is a cyber-surveillance item is unknown`,
            { item: i, citations: [rule.aware] },
          ),
        );
        if (cs.question) missing.push(...questionsAsMissing(i, [cs.question]));
        return;
      }
      basis.push(
        basisOf(
          rule,
          'notify-authority',
          `${item.label} is ${what}, and the exporter is aware from its due diligence that it is intended for internal repression or serious violations of human rights: the exporter must notify the competent authority, which decides whether to require authorisation; the export cannot proceed until it has`,
          { item: i, citations: [rule.aware] },
        ),
      );
      if (cs.status === 'possibly-non-listed' && cs.question)
        missing.push(...questionsAsMissing(i, [cs.question]));
      return;
    }
    if (endUse.suspectsMisuse === true) {
      const citations = rule.suspects ? [rule.suspects] : [];
      switch (rule.suspicionRule) {
        case 'applies':
          basis.push(
            basisOf(
              rule,
              'licence-required',
              `${item.label} is ${what} and the exporter has grounds for suspecting misuse: national law requires authorisation`,
              { item: i, citations },
            ),
          );
          return;
        case 'not-adopted':
          basis.push(
            basisOf(
              rule,
              'information',
              `${item.label}: the exporter suspects misuse; this jurisdiction has no national suspicion rule (Art. 5(3)), but due diligence should continue`,
              { item: i, citations },
            ),
          );
          return;
        case 'unknown':
          basis.push(
            basisOf(
              rule,
              'undetermined',
              `${item.label} is ${what} and the exporter suspects misuse: whether national law makes that enough for an authorisation requirement (Art. 5(3)) is not in the shipped data`,
              { item: i, citations },
            ),
          );
          missing.push({
            field: 'jurisdiction',
            question:
              'Has this member state adopted national legislation under Art. 5(3) of Regulation (EU) 2021/821?',
          });
          return;
      }
    }
    const answered = endUse.informedByAuthority === false && endUse.awareOfMisuse === false;
    if (answered) {
      basis.push(
        basisOf(
          rule,
          'no-licence-required',
          `${item.label} is ${what}, but the exporter has not been informed by the authority and is not aware of an intended misuse: Article 5 requires no authorisation (due diligence continues)`,
          {
            item: i,
            citations: [rule.informed, rule.aware],
          },
        ),
      );
      return;
    }
    basis.push(
      basisOf(
        rule,
        'undetermined',
        `${item.label} is ${what}: Article 5 turns on whether the exporter has been informed by the competent authority or is aware of an intended use for internal repression or serious human-rights violations, which is not stated`,
        {
          item: i,
          citations: [rule.informed, rule.aware],
        },
      ),
    );
    if (endUse.informedByAuthority === undefined) {
      missing.push({
        field: 'endUse.informedByAuthority',
        question:
          'Has the competent authority informed the exporter that the items are or may be intended for use in connection with internal repression or serious violations of human rights or international humanitarian law?',
      });
    }
    if (endUse.awareOfMisuse === undefined) {
      missing.push({
        field: 'endUse.awareOfMisuse',
        question:
          'Is the exporter aware, from its due diligence, that the items are intended for such a use?',
      });
    }
  });
  return { basis, missing };
}

function militaryEndUse(
  rule: MilitaryEndUseCatchAllRule,
  policy: EffectivePolicy,
  reference: LicensingReference,
  query: LicenceQuery,
): RuleOutput {
  const embargoes = receivingCountries(query).flatMap((c) =>
    armsEmbargoesOn(reference.measures, c, rule.embargoAuthorities),
  );
  if (embargoes.length === 0) {
    return {
      basis: [
        basisOf(
          rule,
          'not-applicable',
          `no ${rule.embargoAuthorities.join('/').toUpperCase()} arms embargo on ${receivingCountries(query).join(', ')} in the shipped data`,
        ),
      ],
      missing: [],
    };
  }
  const embargoCitations: CitedText[] = embargoes.map((e) => ({
    text: `${e.authority.toUpperCase()} arms embargo on ${e.country} (${e.scope})`,
    textStatus: e.textStatus,
    source: e.source,
  }));
  const where = [
    ...new Set(embargoes.map((e) => `${e.country} (${e.authority.toUpperCase()}, ${e.scope})`)),
  ].join(', ');
  const military = (query.parties ?? []).some((p) => p.type === 'military');
  const basis: LicenceBasis[] = [];
  const missing: MissingInformation[] = [];
  query.items.forEach((item, i) => {
    if (outcomeIn(item, policy.controlList)?.kind === 'listed') {
      basis.push(
        basisOf(
          rule,
          'information',
          `${item.label} is listed; the arms embargo on ${where} weighs in the licensing decision`,
          { item: i, citations: embargoCitations },
        ),
      );
      return;
    }
    const known = query.endUse?.militaryEndUse;
    if (known === 'informed') {
      basis.push(
        basisOf(
          rule,
          'licence-required',
          `${item.label}: the exporter was informed of a military end use in a country under an arms embargo (${where}): authorisation is required`,
          { item: i, citations: embargoCitations },
        ),
      );
    } else if (known === 'aware') {
      basis.push(
        basisOf(
          rule,
          'notify-authority',
          `${item.label}: the exporter is aware of a military end use in a country under an arms embargo (${where}): it must notify the authority`,
          { item: i, citations: embargoCitations },
        ),
      );
    } else if (known === 'none') {
      basis.push(
        basisOf(
          rule,
          'no-licence-required',
          `${item.label}: no military end use is known; the arms embargo on ${where} does not by itself require authorisation of a non-listed item`,
          { item: i, citations: embargoCitations },
        ),
      );
    } else if (military) {
      basis.push(
        basisOf(
          rule,
          'undetermined',
          `${item.label} goes to a military party in a country under an arms embargo (${where}): authorisation is required if the exporter is informed of a military end use`,
          { item: i, citations: embargoCitations },
        ),
      );
      missing.push({
        field: 'endUse.militaryEndUse',
        question:
          'Has the exporter been informed (or is it aware) that the items are intended for a military end use?',
      });
    } else {
      basis.push(
        basisOf(
          rule,
          'information',
          `${item.label}: ${where} is under an arms embargo; a military end use would require authorisation`,
          { item: i, citations: embargoCitations },
        ),
      );
    }
  });
  return { basis, missing };
}

function monitoringMeasures(
  rule: MonitoringMeasuresRule,
  reference: LicensingReference,
  query: LicenceQuery,
): RuleOutput {
  const countries = receivingCountries(query);
  const measures = countries.flatMap((c) =>
    monitoringMeasuresOn(reference.measures, c, rule.authority),
  );
  if (measures.length === 0) {
    return {
      basis: [
        basisOf(
          rule,
          'not-applicable',
          `no ${rule.authority.toUpperCase()} monitoring-equipment measure on ${countries.join(', ')}`,
        ),
      ],
      missing: [],
    };
  }
  const basis: LicenceBasis[] = [];
  const missing: MissingInformation[] = [];
  const governmentParty = (query.parties ?? []).some(
    (p) =>
      (p.role === 'end-user' || p.role === 'consignee') &&
      p.type !== undefined &&
      governmentTypes.has(p.type),
  );
  for (const measure of measures) {
    const goods = reference.measures.interceptionGoodsLists.find((l) => l.id === measure.goodsList);
    const goodsNote: CitedText[] = goods
      ? []
      : [
          {
            text: `The goods list of this measure (${measure.goodsList}) is not in the shipped data; Cordon matches the item against the near-identical UK Schedule 3 / EU Venezuela Annex II functions.`,
            textStatus: 'seed-unverified',
            source: {
              title: 'Cordon: matching rule for monitoring-equipment measures',
              date: measure.licenceProvision.source.date,
            },
          },
        ];
    query.items.forEach((item, i) => {
      const ia = item.classification.interception;
      const functionText = (id: InterceptionFunctionId) =>
        (goods ?? reference.measures.interceptionGoodsLists[0])?.functions.find((f) => f.id === id)
          ?.text;
      const matched = ia.functions.map((f) => f.id);
      const matchedTexts = matched.flatMap((id) => {
        const t = functionText(id);
        return t ? [t] : [];
      });
      const citations = [
        measure.licenceProvision,
        ...(measure.denialProvision ? [measure.denialProvision] : []),
        ...goodsNote,
        ...matchedTexts,
      ];
      const label = `${item.label} to ${measure.country} (${measure.instrument})`;
      if (ia.status === 'no') {
        basis.push(
          basisOf(
            rule,
            'not-applicable',
            `${label}: the item performs no interception or monitoring function of the list`,
            { item: i, citations: [measure.licenceProvision] },
          ),
        );
        return;
      }
      if (ia.status === 'unknown' || ia.status === 'possible') {
        basis.push(
          basisOf(
            rule,
            'undetermined',
            `${label}: the item may perform monitoring functions (${matched.join(', ') || 'unknown'}) of the list: confirm`,
            { item: i, citations },
          ),
        );
        missing.push({
          field: `items[${i}].capabilities`,
          question: `Can the item perform any of the listed interception or monitoring functions (${matched.map((id) => functionText(id)?.text ?? id).join('; ') || 'deep packet inspection, network interception, IMSI interception, remote infection, ...'})?`,
        });
        return;
      }
      if (!measure.verified || rule.adoption === 'aligned-unverified') {
        basis.push(
          basisOf(
            rule,
            'undetermined',
            `${label}: a monitoring-equipment measure is recorded, but ${!measure.verified ? 'the shipped data has not verified it' : 'whether this jurisdiction applies it is unverified'}: check before exporting`,
            {
              item: i,
              citations,
            },
          ),
        );
        missing.push({
          field: 'jurisdiction',
          question: `Is ${measure.id} in force and applied by this jurisdiction?`,
        });
        return;
      }
      const denial = measure.denialProvision && governmentParty;
      basis.push(
        basisOf(
          rule,
          denial ? 'prohibited' : measure.effect,
          denial
            ? `${label}: the item performs monitoring functions (${matched.join(', ')}) and goes to a government or security body: prior authorisation is required and may not be granted where it would be used for monitoring or interception by the state`
            : measure.effect === 'prohibited'
              ? `${label}: the item performs interception or monitoring functions (${matched.join(', ')}): the export is prohibited unless licensed under the sanctions regime`
              : `${label}: the item performs monitoring functions (${matched.join(', ')}): prior authorisation is required`,
          {
            item: i,
            citations,
            ...(measure.denialProvision ? { reviewPolicy: measure.denialProvision } : {}),
          },
        ),
      );
    });
  }
  return { basis, missing };
}

/** A hit counts for a rule when its source, or its sub-list inside a bundled source, is the rule's. */
const hitMatches = (rule: RestrictedPartyRule, hit: ScreeningHit): boolean =>
  rule.listSources.includes(hit.source) ||
  (hit.subList !== undefined &&
    rule.subLists.some((s) => hit.subList?.toLowerCase().includes(s.toLowerCase())));

function restrictedParty(
  rule: RestrictedPartyRule,
  reference: LicensingReference,
  query: LicenceQuery,
): RuleOutput {
  if (query.parties === undefined || query.parties.length === 0) {
    return {
      basis: [
        basisOf(rule, 'undetermined', `no parties were given: ${rule.title} could not be checked`),
      ],
      missing: [
        {
          field: 'parties',
          question:
            'Who are the end user, consignee and other parties? Screen them against the restricted-party lists.',
        },
      ],
    };
  }
  const basis: LicenceBasis[] = [];
  const missing: MissingInformation[] = [];
  const listCitation = reference.texts.get('hr:US-EAR-744.11');
  for (const party of query.parties) {
    for (const hit of party.hits.filter((h) => hitMatches(rule, h))) {
      const listed: CitedText[] = [];
      const src = {
        title: `${hit.source}${hit.subList ? ` (${hit.subList})` : ''}, entry ${hit.entityId}`,
        date: hit.snapshot?.dataDate ?? 'unknown',
      };
      if (hit.licenceRequirement)
        listed.push({
          text: hit.licenceRequirement,
          textStatus: 'verbatim',
          source: src,
          statusNote: 'the list entry, as imported',
        });
      const reviewPolicy: CitedText | undefined =
        rule.useListedReviewPolicy && hit.licenceReviewPolicy
          ? {
              text: hit.licenceReviewPolicy,
              textStatus: 'verbatim',
              source: src,
              statusNote: 'the list entry, as imported',
            }
          : undefined;
      const citations = [
        ...listed,
        ...(rule.listSources.includes('us-bis-entity-list') && listCitation ? [listCitation] : []),
      ];
      if (hit.band === 'review') {
        basis.push(
          basisOf(
            rule,
            'undetermined',
            `${party.role} "${party.name}" possibly matches "${hit.name}" (${hit.source}): clear or confirm the match before exporting`,
            {
              party,
              citations,
              ...(reviewPolicy ? { reviewPolicy } : {}),
            },
          ),
        );
        missing.push({
          field: 'parties',
          question: `Is "${party.name}" the listed "${hit.name}" (${hit.entityId})?`,
        });
        continue;
      }
      const allItems =
        hit.licenceRequirement === undefined ||
        /all items subject to the EAR/i.test(hit.licenceRequirement);
      if (!allItems && rule.effect === 'licence-required') {
        basis.push(
          basisOf(
            rule,
            'undetermined',
            `${party.role} "${party.name}" is listed as "${hit.name}" with a licence requirement limited to some items ("${hit.licenceRequirement ?? ''}"): check whether the items fall within it`,
            {
              party,
              citations,
              ...(reviewPolicy ? { reviewPolicy } : {}),
            },
          ),
        );
        missing.push({
          field: 'parties',
          question: `Do the items fall within the listed licence requirement of "${hit.name}"?`,
        });
        continue;
      }
      basis.push(
        basisOf(
          rule,
          rule.effect,
          rule.effect === 'prohibited'
            ? `${party.role} "${party.name}" matches "${hit.name}" (${hit.source}): dealings are prohibited unless authorised`
            : `${party.role} "${party.name}" matches "${hit.name}" (${hit.source}): a licence is required for all items subject to the EAR, whatever their classification${reviewPolicy ? `; review policy: ${reviewPolicy.text}` : ''}`,
          { party, citations, ...(reviewPolicy ? { reviewPolicy } : {}) },
        ),
      );
    }
  }
  if (basis.length === 0) {
    basis.push(basisOf(rule, 'not-applicable', `no party matches ${rule.title}`));
  }
  return { basis, missing };
}

function countryGroupEmbargo(
  rule: CountryGroupEmbargoRule,
  reference: LicensingReference,
  query: LicenceQuery,
): RuleOutput {
  const hits = receivingCountries(query).flatMap((c) =>
    rule.countryGroups.flatMap((id) => {
      const g = countryGroup(reference.measures, id);
      return g?.members.includes(c) ? [{ country: c, group: g }] : [];
    }),
  );
  if (hits.length === 0) {
    return {
      basis: [
        basisOf(
          rule,
          'not-applicable',
          `${receivingCountries(query).join(', ')} not in Country Group ${rule.countryGroups.join(' or ')}`,
        ),
      ],
      missing: [],
    };
  }
  return {
    basis: hits.map(({ country, group }) =>
      basisOf(
        rule,
        rule.effect,
        `${country} is in Country Group ${group.id} (${group.name}; membership ${group.confidence} confidence): a licence is required for (nearly) all items subject to the EAR`,
        {
          citations: [
            {
              text: `${group.id}: ${group.members.join(', ')}`,
              textStatus: group.textStatus,
              source: group.source,
            },
          ],
        },
      ),
    ),
    missing: [],
  };
}

function regionalMeasure(rule: RegionalMeasureRule, query: LicenceQuery): RuleOutput {
  if (query.destination.country !== rule.country) {
    return {
      basis: [basisOf(rule, 'not-applicable', `the destination is not ${rule.country}`)],
      missing: [],
    };
  }
  const region = query.destination.region?.trim().toLowerCase();
  if (region === undefined || region === '') {
    return {
      basis: [
        basisOf(
          rule,
          'undetermined',
          `measures apply to parts of ${rule.country} (${rule.regions.join(', ')}): the destination region is not given`,
        ),
      ],
      missing: [
        {
          field: 'destination.region',
          question: `Is the destination in ${rule.regions.join(', ')}?`,
        },
      ],
    };
  }
  const matched = rule.regions.find((r) => region.includes(r.toLowerCase()));
  return {
    basis: [
      matched
        ? basisOf(
            rule,
            rule.effect,
            `the destination region (${query.destination.region ?? ''}) is under ${rule.title}`,
          )
        : basisOf(
            rule,
            'not-applicable',
            `the destination region (${query.destination.region ?? ''}) is not one of ${rule.regions.join(', ')}`,
          ),
    ],
    missing: [],
  };
}
