import { regimes, type Regime } from '../classification/control-entry.ts';
import { err, ok, type Result } from '../shared/result.ts';
import { parseCountryCode, type CountryCode } from './country-code.ts';
import type { SanctionsAuthority } from './sanctions-regime.ts';
import type { DestinationMeasures, MeasureAuthority } from './destination-measures.ts';
import { isEuMemberState, parseJurisdictionCode, type JurisdictionCode } from './jurisdiction.ts';
import type { LegalTexts } from './legal-texts.ts';
import { policyTextResolver, type PolicyTextDocument } from './policy-text.ts';
import { weakestStatus, type CitedText, type TextStatus } from './text-provenance.ts';

/**
 * A jurisdiction's export-control policy as versioned data: the control list it applies, the
 * regimes it takes part in, and the rules that make a licence required (listed items, catch-alls,
 * sanctions measures, restricted-party lists, embargoed destinations). The rules' logic lives in
 * code (`licence-requirement.ts`); the policy says which rules apply, with what parameters, citing
 * which texts. The human-rights assessment extends the same file with sections of its own.
 */
export interface JurisdictionPolicy {
  /** `cordon.GB`: stable across versions. */
  readonly id: string;
  /** Increases by one with every change; a decision records the version it used. */
  readonly version: number;
  readonly jurisdiction: JurisdictionCode;
  readonly name: string;
  readonly authority: string;
  readonly effectiveFrom: string;
  /** `EU` for a member state: the EU block policy applies first, then this one's additions. */
  readonly memberOf?: 'EU';
  readonly controls: ControlPolicy;
  /** What in this policy is verified and what is not, in the policy author's words. */
  readonly verification: readonly CitedText[];
  /** The file it was read from and the SHA-256 of its bytes. */
  readonly file: string;
  readonly contentHash: string;
}

export interface ControlPolicy {
  /** The list whose entries make an item "listed" here; inherited from the block if absent. */
  readonly controlList?: Regime;
  readonly regimes: readonly AppliedRegime[];
  readonly rules: readonly PolicyRule[];
}

/** How a jurisdiction takes part in a regime. */
export type RegimeRole =
  | 'participating-state'
  | 'member-state'
  | 'own-list'
  | 'implements'
  | 'aligned'
  | 'not-a-participant';

export interface AppliedRegime {
  /** A regime Cordon holds a list of, or another arrangement (`mtcr`, `australia-group`). */
  readonly regime: string;
  readonly role: RegimeRole;
  readonly note: CitedText;
}

/** The kinds of licence rule Cordon knows how to apply. */
export type PolicyRuleKind = PolicyRule['kind'];

export type PolicyRule =
  | ListedItemsRule
  | CyberSurveillanceCatchAllRule
  | MilitaryEndUseCatchAllRule
  | MonitoringMeasuresRule
  | RestrictedPartyRule
  | CountryGroupEmbargoRule
  | RegionalMeasureRule
  | SanctionsRegimesRule
  | SubjectToEarRule;

interface RuleBase {
  /** Unique within the (composed) policy: `eu-art5-cyber-surveillance`. */
  readonly id: string;
  readonly title: string;
  /** The texts the rule rests on (verbatim from the shipped data, or labelled paraphrase/seed). */
  readonly citations: readonly CitedText[];
  /** The weakest status of the citations. */
  readonly textStatus: TextStatus;
}

/**
 * Items on the jurisdiction's control list need a licence. `scope` says for which destinations:
 * `all-destinations` (UK, Norway...), `outside-customs-union` (EU: Art. 3(1) for exports leaving
 * the Union; intra-EU transfers only for Annex IV items), `us-reasons-for-control` (the CCL:
 * depends on each ECCN's reasons for control and the Commerce Country Chart).
 */
export interface ListedItemsRule extends RuleBase {
  readonly kind: 'listed-items';
  readonly regime: Regime;
  readonly scope: 'all-destinations' | 'outside-customs-union' | 'us-reasons-for-control';
  /** Destinations that need no licence under this rule. */
  readonly exemptDestinations: readonly CountryCode[];
  /** Destinations where the answer depends on something the data does not hold. */
  readonly uncertainDestinations: readonly {
    readonly countries: readonly CountryCode[];
    readonly note: CitedText;
  }[];
}

/** EU Art. 5: non-listed cyber-surveillance items when the exporter is informed, aware or suspects. */
export interface CyberSurveillanceCatchAllRule extends RuleBase {
  readonly kind: 'cyber-surveillance-catch-all';
  readonly informed: CitedText;
  readonly aware: CitedText;
  readonly suspects?: CitedText;
  /**
   * Whether national law requires a licence when the exporter merely has grounds for suspecting
   * (Art. 5(3)): `applies`, `not-adopted`, or `unknown` when the shipped data does not say.
   */
  readonly suspicionRule: 'applies' | 'not-adopted' | 'unknown';
}

/** EU Art. 4(1)(b)-style control of non-listed items for a military end use in an embargoed country. */
export interface MilitaryEndUseCatchAllRule extends RuleBase {
  readonly kind: 'military-end-use-catch-all';
  readonly embargoAuthorities: readonly MeasureAuthority[];
}

/** Sanctions measures on monitoring and interception equipment (EU Iran/Venezuela, UK regimes). */
export interface MonitoringMeasuresRule extends RuleBase {
  readonly kind: 'monitoring-equipment-measures';
  readonly authority: MeasureAuthority;
  /** `binding`: the jurisdiction's own law; `aligned-unverified`: it is said to align (unverified). */
  readonly adoption: 'binding' | 'aligned-unverified';
}

/** A restricted-party list that requires a licence or prohibits dealing with a listed party. */
export interface RestrictedPartyRule extends RuleBase {
  readonly kind: 'restricted-party';
  /** List source ids (`us-bis-entity-list`); a hit from another source on one of `subLists` counts too. */
  readonly listSources: readonly string[];
  /** Sub-list names inside bundled sources (the Consolidated Screening List's `Entity List`). */
  readonly subLists: readonly string[];
  readonly effect: 'licence-required' | 'prohibited';
  /** Show the hit's own licence review policy (the Entity List's column) with the basis. */
  readonly useListedReviewPolicy: boolean;
}

/** Destinations in some EAR country groups (E:1, E:2) need a licence for (nearly) everything. */
export interface CountryGroupEmbargoRule extends RuleBase {
  readonly kind: 'country-group-embargo';
  readonly countryGroups: readonly string[];
  readonly effect: 'licence-required' | 'prohibited';
}

/** Measures on a region of a country (Crimea, ...): the destination's region decides. */
export interface RegionalMeasureRule extends RuleBase {
  readonly kind: 'regional-measure';
  readonly country: CountryCode;
  readonly regions: readonly string[];
  readonly effect: 'licence-required' | 'prohibited';
}

/**
 * The sanctions and embargo regimes of `data/regulation/sanctions_regimes.json` this jurisdiction
 * applies. Only its own authority's regimes may be named (a UK policy cannot apply EU law).
 */
export interface SanctionsRegimesRule extends RuleBase {
  readonly kind: 'sanctions-regimes';
  readonly regimes: readonly string[];
}

/**
 * The EAR reach items abroad (15 CFR 734.3): before applying EAR rules to a foreign exporter,
 * decide item by item whether the item is subject to the EAR at all.
 */
export interface SubjectToEarRule extends RuleBase {
  readonly kind: 'subject-to-ear';
}

/** The sanctions authority whose law a jurisdiction applies: the EU's for member states. */
export function ownSanctionsAuthority(
  jurisdiction: JurisdictionCode,
): SanctionsAuthority | undefined {
  if (jurisdiction === 'EU' || isEuMemberState(jurisdiction)) return 'eu';
  const own: Readonly<Record<string, SanctionsAuthority>> = {
    US: 'us',
    GB: 'uk',
    NO: 'no',
    CA: 'ca',
    AU: 'au',
  };
  return own[jurisdiction];
}

// ---------------------------------------------------------------------------------------------
// The document as stored (JSON), before its references are resolved.

type RuleDocumentBase = {
  readonly id: string;
  readonly title: string;
  readonly citations: readonly PolicyTextDocument[];
};

export type PolicyRuleDocument =
  | (RuleDocumentBase & {
      readonly kind: 'listed-items';
      readonly regime: string;
      readonly scope: ListedItemsRule['scope'];
      readonly exemptDestinations?: readonly string[];
      readonly uncertainDestinations?: readonly {
        readonly countries: readonly string[];
        readonly note: PolicyTextDocument;
      }[];
    })
  | (RuleDocumentBase & {
      readonly kind: 'cyber-surveillance-catch-all';
      readonly informed: PolicyTextDocument;
      readonly aware: PolicyTextDocument;
      readonly suspects?: PolicyTextDocument;
      readonly suspicionRule: CyberSurveillanceCatchAllRule['suspicionRule'];
    })
  | (RuleDocumentBase & {
      readonly kind: 'military-end-use-catch-all';
      readonly embargoAuthorities: readonly string[];
    })
  | (RuleDocumentBase & {
      readonly kind: 'monitoring-equipment-measures';
      readonly authority: string;
      readonly adoption: MonitoringMeasuresRule['adoption'];
    })
  | (RuleDocumentBase & {
      readonly kind: 'restricted-party';
      readonly listSources: readonly string[];
      readonly subLists?: readonly string[];
      readonly effect: RestrictedPartyRule['effect'];
      readonly useListedReviewPolicy?: boolean;
    })
  | (RuleDocumentBase & {
      readonly kind: 'country-group-embargo';
      readonly countryGroups: readonly string[];
      readonly effect: CountryGroupEmbargoRule['effect'];
    })
  | (RuleDocumentBase & {
      readonly kind: 'regional-measure';
      readonly country: string;
      readonly regions: readonly string[];
      readonly effect: RegionalMeasureRule['effect'];
    })
  | (RuleDocumentBase & {
      readonly kind: 'sanctions-regimes';
      readonly regimes: readonly string[];
    })
  | (RuleDocumentBase & { readonly kind: 'subject-to-ear' });

/** A policy file's content, structurally valid (the JSON Schema checked it), not yet resolved. */
export interface PolicyDocument {
  readonly id: string;
  readonly version: number;
  readonly jurisdiction: string;
  readonly name: string;
  readonly authority: string;
  readonly effectiveFrom: string;
  readonly memberOf?: 'EU';
  readonly controls: {
    readonly controlList?: string;
    readonly regimes: readonly {
      readonly regime: string;
      readonly role: RegimeRole;
      readonly note: PolicyTextDocument;
    }[];
    readonly rules: readonly PolicyRuleDocument[];
  };
  readonly verification: readonly PolicyTextDocument[];
}

/** A problem in a policy file, at a JSON pointer. */
export interface PolicyProblem {
  readonly file: string;
  readonly path: string;
  readonly message: string;
}

/** What policy references are resolved against. */
export interface PolicyContext {
  readonly texts: LegalTexts;
  readonly measures: DestinationMeasures;
  /** The list sources Cordon knows (`us-bis-entity-list`, ...), to catch typos. */
  readonly listSources: readonly string[];
}

const controlRegimes: readonly string[] = regimes;
const authorities: readonly string[] = ['un', 'eu', 'uk'];

/**
 * Checks a policy document against the shipped data and resolves its references: every cited
 * text id exists, every country code and country group is known, rule ids are unique, exactly one
 * listed-items rule exists (or is inherited), and a `memberOf: EU` policy belongs to a member
 * state. Every problem is reported with its JSON pointer.
 */
export function resolveJurisdictionPolicy(
  doc: PolicyDocument,
  context: PolicyContext,
  where: { readonly file: string; readonly contentHash: string },
): Result<JurisdictionPolicy, readonly PolicyProblem[]> {
  const problems: PolicyProblem[] = [];
  const problem = (path: string, message: string) =>
    problems.push({ file: where.file, path, message });

  const jurisdiction = parseJurisdictionCode(doc.jurisdiction);
  if (!jurisdiction.ok) problem('/jurisdiction', jurisdiction.error);
  if (doc.memberOf === 'EU' && jurisdiction.ok && !isEuMemberState(jurisdiction.value)) {
    problem('/memberOf', `${doc.jurisdiction} is not an EU member state`);
  }
  if (!Number.isInteger(doc.version) || doc.version < 1) {
    problem('/version', 'must be a whole number from 1');
  }

  const text = policyTextResolver(context.texts, where.file, problem);
  const country = (raw: string, path: string): CountryCode[] => {
    const c = parseCountryCode(raw);
    if (c.ok) return [c.value];
    problem(path, c.error);
    return [];
  };

  const controlList = doc.controls.controlList;
  if (controlList !== undefined && !controlRegimes.includes(controlList)) {
    problem(
      '/controls/controlList',
      `"${controlList}" is not a control list; use ${controlRegimes.join(', ')}`,
    );
  }
  if (controlList === undefined && doc.memberOf === undefined) {
    problem('/controls/controlList', 'is required unless the policy is memberOf a block');
  }

  const ids = new Set<string>();
  const rules: PolicyRule[] = doc.controls.rules.flatMap((r, i): PolicyRule[] => {
    const path = `/controls/rules/${i}`;
    if (ids.has(r.id)) problem(`${path}/id`, `duplicate rule id "${r.id}"`);
    ids.add(r.id);
    const citations = r.citations.map((c, j) => text(c, `${path}/citations/${j}`));
    const base = {
      id: r.id,
      title: r.title,
      citations,
      textStatus: weakestStatus(citations.map((c) => c.textStatus)),
    };
    switch (r.kind) {
      case 'listed-items': {
        if (!controlRegimes.includes(r.regime)) {
          problem(
            `${path}/regime`,
            `"${r.regime}" is not a control list; use ${controlRegimes.join(', ')}`,
          );
        }
        return [
          {
            ...base,
            kind: r.kind,
            regime: r.regime as Regime,
            scope: r.scope,
            exemptDestinations: (r.exemptDestinations ?? []).flatMap((c, j) =>
              country(c, `${path}/exemptDestinations/${j}`),
            ),
            uncertainDestinations: (r.uncertainDestinations ?? []).map((u, j) => ({
              countries: u.countries.flatMap((c, k) =>
                country(c, `${path}/uncertainDestinations/${j}/countries/${k}`),
              ),
              note: text(u.note, `${path}/uncertainDestinations/${j}/note`),
            })),
          },
        ];
      }
      case 'cyber-surveillance-catch-all':
        return [
          {
            ...base,
            kind: r.kind,
            informed: text(r.informed, `${path}/informed`),
            aware: text(r.aware, `${path}/aware`),
            ...(r.suspects ? { suspects: text(r.suspects, `${path}/suspects`) } : {}),
            suspicionRule: r.suspicionRule,
          },
        ];
      case 'military-end-use-catch-all':
        r.embargoAuthorities.forEach((a, j) => {
          if (!authorities.includes(a))
            problem(`${path}/embargoAuthorities/${j}`, `"${a}" is not un, eu or uk`);
        });
        return [
          {
            ...base,
            kind: r.kind,
            embargoAuthorities: r.embargoAuthorities.filter((a): a is MeasureAuthority =>
              authorities.includes(a),
            ),
          },
        ];
      case 'monitoring-equipment-measures':
        if (!authorities.includes(r.authority))
          problem(`${path}/authority`, `"${r.authority}" is not un, eu or uk`);
        return [
          {
            ...base,
            kind: r.kind,
            authority: r.authority as MeasureAuthority,
            adoption: r.adoption,
          },
        ];
      case 'restricted-party':
        r.listSources.forEach((s, j) => {
          if (!context.listSources.includes(s)) {
            problem(
              `${path}/listSources/${j}`,
              `"${s}" is not a list source Cordon knows (${context.listSources.join(', ')})`,
            );
          }
        });
        return [
          {
            ...base,
            kind: r.kind,
            listSources: r.listSources,
            subLists: r.subLists ?? [],
            effect: r.effect,
            useListedReviewPolicy: r.useListedReviewPolicy ?? false,
          },
        ];
      case 'country-group-embargo':
        r.countryGroups.forEach((g, j) => {
          if (!context.measures.countryGroups.some((x) => x.id === g)) {
            problem(
              `${path}/countryGroups/${j}`,
              `no EAR country group "${g}" in the shipped data`,
            );
          }
        });
        return [{ ...base, kind: r.kind, countryGroups: r.countryGroups, effect: r.effect }];
      case 'regional-measure':
        return country(r.country, `${path}/country`).map((c) => ({
          ...base,
          kind: r.kind,
          country: c,
          regions: r.regions,
          effect: r.effect,
        }));
      case 'sanctions-regimes': {
        const own = jurisdiction.ok ? ownSanctionsAuthority(jurisdiction.value) : undefined;
        r.regimes.forEach((id, j) => {
          const regime = context.measures.sanctionsRegimes.find((x) => x.id === id);
          if (!regime)
            problem(`${path}/regimes/${j}`, `no sanctions regime "${id}" in the shipped data`);
          else if (regime.authority !== own)
            problem(
              `${path}/regimes/${j}`,
              `"${id}" is ${regime.authority.toUpperCase()} law: ${doc.jurisdiction} applies only its own (${own?.toUpperCase() ?? 'none'}); another state's measures are evidence, not a legal basis`,
            );
        });
        return [{ ...base, kind: r.kind, regimes: r.regimes }];
      }
      case 'subject-to-ear':
        return [{ ...base, kind: r.kind }];
    }
  });
  const listed = rules.filter((r) => r.kind === 'listed-items');
  if (listed.length > 1) problem('/controls/rules', 'has more than one listed-items rule');
  if (listed.length === 0 && doc.memberOf === undefined) {
    problem('/controls/rules', 'needs a listed-items rule (only a block member may inherit it)');
  }

  const regimesApplied = doc.controls.regimes.map((r, i) => ({
    regime: r.regime,
    role: r.role,
    note: text(r.note, `/controls/regimes/${i}/note`),
  }));
  const verification = doc.verification.map((v, i) => text(v, `/verification/${i}`));

  if (problems.length > 0 || !jurisdiction.ok) return err(problems);
  return ok({
    id: doc.id,
    version: doc.version,
    jurisdiction: jurisdiction.value,
    name: doc.name,
    authority: doc.authority,
    effectiveFrom: doc.effectiveFrom,
    ...(doc.memberOf ? { memberOf: doc.memberOf } : {}),
    controls: {
      ...(controlList !== undefined ? { controlList: controlList as Regime } : {}),
      regimes: regimesApplied,
      rules,
    },
    verification,
    file: where.file,
    contentHash: where.contentHash,
  });
}

/**
 * The policy that actually applies in a jurisdiction: for an EU member state, the EU block's
 * rules and control list, then the state's own additions (a rule with the same id replaces the
 * block's). Other policies apply as they are.
 */
export function effectivePolicy(
  policy: JurisdictionPolicy,
  block: JurisdictionPolicy | undefined,
): Result<EffectivePolicy, string> {
  if (!policy.memberOf) {
    if (!policy.controls.controlList) return err(`${policy.id} names no control list`);
    return ok({
      policy,
      controlList: policy.controls.controlList,
      rules: policy.controls.rules,
      layers: [policy],
    });
  }
  if (!block || block.jurisdiction !== policy.memberOf) {
    return err(`${policy.id} is a member of ${policy.memberOf}, whose policy is not loaded`);
  }
  const own = new Set(policy.controls.rules.map((r) => r.id));
  const controlList = policy.controls.controlList ?? block.controls.controlList;
  if (!controlList) return err(`neither ${policy.id} nor ${block.id} names a control list`);
  return ok({
    policy,
    controlList,
    rules: [...block.controls.rules.filter((r) => !own.has(r.id)), ...policy.controls.rules],
    layers: [block, policy],
  });
}

/** A policy with its block's rules merged in: what licence determination applies. */
export interface EffectivePolicy {
  readonly policy: JurisdictionPolicy;
  readonly controlList: Regime;
  readonly rules: readonly PolicyRule[];
  /** The policies that contributed, block first: each is recorded with its version. */
  readonly layers: readonly JurisdictionPolicy[];
}
