import type { PartyType } from '../classification/licence-requirement.ts';
import { parseCountryCode, type CountryCode } from '../policy/country-code.ts';
import { parseJurisdictionCode, type JurisdictionCode } from '../policy/jurisdiction.ts';
import type { PolicyProblem } from '../policy/jurisdiction-policy.ts';
import { policyTextResolver, type PolicyTextDocument } from '../policy/policy-text.ts';
import type { LegalTexts } from '../policy/legal-texts.ts';
import type { CitedText } from '../policy/text-provenance.ts';
import { err, ok, type Result } from '../shared/result.ts';
import type { CountryIndicatorRule } from './country-indicators.ts';
import type { LegalTestKind } from './legal-test-kinds.ts';

/** How serious the risk of misuse for serious human-rights violations is judged to be. */
export type RiskLevel = 'low' | 'medium' | 'high' | 'unacceptable';
export const riskLevels: readonly RiskLevel[] = ['low', 'medium', 'high', 'unacceptable'];
export const riskRank = (level: RiskLevel): number => riskLevels.indexOf(level);

/** The recommendation an assessment ends with (spec: `recommendation.outcome`). */
export type Outcome =
  'no-licence-required' | 'approve' | 'approve-with-provisos' | 'refer' | 'refuse' | 'prohibited';

/** Outcomes from the most to the least permissive: a floor raises an outcome, never lowers it. */
export const outcomeOrder: readonly Outcome[] = [
  'no-licence-required',
  'approve',
  'approve-with-provisos',
  'refer',
  'refuse',
  'prohibited',
];

/** What a licensing officer is advised to do at each risk level when a licence is required. */
export type LicensingOutcome = Exclude<Outcome, 'no-licence-required' | 'prohibited'>;

/** The kinds of risk factor Cordon computes; each has a weight in the policy. */
export type FactorKind =
  | 'destination'
  | 'end-user'
  | 'screening'
  | 'item-capability'
  | 'end-use'
  | 'red-flags'
  | 'partner-denials';

export const factorKinds: readonly FactorKind[] = [
  'destination',
  'end-user',
  'screening',
  'item-capability',
  'end-use',
  'red-flags',
  'partner-denials',
];

/** Conditions on a licence that reduce the risk: what `approve-with-provisos` proposes. */
export type ProvisoId = 'end-use-certificate' | 'no-re-export' | 'post-shipment-verification';
export const provisoIds: readonly ProvisoId[] = [
  'end-use-certificate',
  'no-re-export',
  'post-shipment-verification',
];

/** How a factor kind weighs, and the text that makes it relevant at all. */
export interface FactorSetting {
  /** Share of the risk score this factor can contribute at full severity, in [0, 1]. */
  readonly weight: number;
  readonly basis: CitedText;
}

/** A legal or policy test the authority applies, and what it leads to when met. */
export interface PolicyLegalTest {
  readonly id: string;
  /** What decides it: each kind is evaluated on its own conditions (see `legal-test-kinds.ts`). */
  readonly kind: LegalTestKind;
  readonly title: string;
  readonly text: CitedText;
  /** `clear risk`, `substantial risk`, `overriding risk`, `special caution`... as the text names it. */
  readonly threshold: string;
  /** Risk kinds only: the risk level at which the test is met. */
  readonly metAt?: RiskLevel;
  /** `human-rights-risk` only: from this level up (below `metAt`) the officer decides: `unknown`. */
  readonly unknownFrom?: RiskLevel;
  /** What a met test leads to, when it leads to a recommendation (refuse, refer). */
  readonly outcome?: LicensingOutcome;
}

/**
 * When a presumption of denial applies. Every condition given must hold (an empty object never
 * matches): e.g. a surveillance item for a police end user in a destination assessed `high`.
 */
export interface PresumptionCondition {
  /** A strong screening hit on a human-rights listing (Entity List HR rows, GLOMAG, CYBER...). */
  readonly humanRightsListing?: boolean;
  /** At least one item has surveillance capabilities or is a (possible) cyber-surveillance item. */
  readonly surveillanceItem?: boolean;
  readonly capabilities?: readonly string[];
  /** The end user (or, if none is named, any receiving party) is one of these types. */
  readonly endUserTypes?: readonly PartyType[];
  readonly destinationRiskAtLeast?: RiskLevel;
  /** The destination is under an arms embargo of one of the policy's embargo authorities. */
  readonly armsEmbargo?: boolean;
  /** The end-use statement or observed red flags describe targeting of people (CS-06 and the like). */
  readonly endUseTargetsPeople?: boolean;
}

export interface PresumptionOfDenial {
  readonly id: string;
  /** `presumption-of-denial` only where the law says so (US); otherwise a policy `risk-floor`. */
  readonly kind: 'presumption-of-denial' | 'risk-floor';
  readonly title: string;
  readonly when: PresumptionCondition;
  /** The least risk level an application meeting the condition is assessed at. */
  readonly riskAtLeast: RiskLevel;
  readonly citations: readonly CitedText[];
}

/** A red flag the authority recognises, with how much it weighs within the red-flags factor. */
export interface RecognisedRedFlag {
  readonly id: string;
  readonly severity: number;
  readonly text: CitedText;
}

/** Words in an end-use statement that point to a red flag (`protesters` -> CS-06). */
export interface EndUseIndicator {
  readonly id: string;
  readonly terms: readonly string[];
  readonly redFlag: string;
  readonly severity: number;
  /** True when the statement describes targeting people (journalists, dissidents...). */
  readonly targetsPeople: boolean;
}

/** A sanctions programme whose listing is itself evidence of human-rights abuse (GLOMAG, CYBER). */
export interface HumanRightsProgramme {
  /** Matched against a hit's programmes, case-insensitively, as a prefix (`CYBER` matches `CYBER2`). */
  readonly programme: string;
  readonly severity: number;
  readonly text: CitedText;
}

/**
 * The authority's own assessment of a country or a region of it, maintained by the authority
 * with sources and dates. `officerOnly` assessments are withheld from exporters' self-assessment.
 */
export interface CountryAssessment {
  readonly country: CountryCode;
  /** Free-text region names it applies to (`Xinjiang`, `XUAR`); absent for the whole country. */
  readonly regions: readonly string[];
  readonly risk: RiskLevel;
  readonly summary: CitedText;
  readonly sources: readonly CitedText[];
  readonly date: string;
  readonly officerOnly: boolean;
}

export interface ProvisoSetting {
  readonly id: ProvisoId;
  readonly text: CitedText;
  /** Proposed from this risk level up (when a licence may be granted at all). */
  readonly from: RiskLevel;
  /** Only for items with surveillance capabilities. */
  readonly surveillanceItemsOnly: boolean;
}

/**
 * A jurisdiction's human-rights policy as versioned data (`data/policies/<J>/human-rights-v<N>.json`):
 * the legal tests, the weights of the risk factors, the thresholds mapping the risk score to a
 * level and each level to a recommendation, the presumptions of denial, the red flags it
 * recognises and its country assessments. The factor logic is code (`risk-factors.ts`); the
 * policy sets its parameters and cites its texts.
 */
export interface HumanRightsPolicy {
  /** `cordon.GB.human-rights`: stable across versions. */
  readonly id: string;
  readonly version: number;
  readonly jurisdiction: JurisdictionCode;
  readonly name: string;
  readonly authority: string;
  readonly effectiveFrom: string;
  readonly legalTests: readonly PolicyLegalTest[];
  readonly factors: Readonly<Record<FactorKind, FactorSetting>>;
  /** Factors an exporter's self-assessment leaves out (partner denials are confidential). */
  readonly officerOnlyFactors: readonly FactorKind[];
  /**
   * How much the context (destination, end user, end use...) counts for an item without
   * surveillance capability: the context score is multiplied by max(this, the item's severity).
   */
  readonly itemRelevanceFloor: number;
  /** Risk score thresholds: at or above `high` and below `unacceptable` is `high`, and so on. */
  readonly thresholds: {
    readonly medium: number;
    readonly high: number;
    readonly unacceptable: number;
  };
  readonly recommendations: Readonly<Record<RiskLevel, LicensingOutcome>>;
  readonly endUserTypeSeverity: Readonly<Record<PartyType, number>>;
  readonly countryRiskSeverity: Readonly<Record<RiskLevel, number>>;
  readonly embargoAuthorities: readonly string[];
  readonly presumptionsOfDenial: readonly PresumptionOfDenial[];
  readonly redFlags: readonly RecognisedRedFlag[];
  readonly endUseIndicators: readonly EndUseIndicator[];
  readonly humanRightsProgrammes: readonly HumanRightsProgramme[];
  readonly countryAssessments: readonly CountryAssessment[];
  /** Transshipment hubs: an undisclosed end user behind a party there is a diversion risk. */
  readonly transshipmentHubs: readonly CountryCode[];
  /**
   * Imported country indicators (V-Dem, Freedom House...) the destination factor reads; empty
   * when the policy uses none. A missing dataset or value never raises the risk.
   */
  readonly countryIndicators: readonly CountryIndicatorRule[];
  readonly provisos: readonly ProvisoSetting[];
  /**
   * Whether the authority can make a licence required for a non-listed item on human-rights
   * grounds (EU Art. 5(1): yes; the UK: no catch-all of that kind).
   */
  readonly humanRightsCatchAll: { readonly available: boolean; readonly text?: CitedText };
  /** The file it was read from and the SHA-256 of its bytes. */
  readonly file: string;
  readonly contentHash: string;
}

// ---------------------------------------------------------------------------------------------
// The document as stored (JSON), before its references are resolved.

export interface HumanRightsPolicyDocument {
  readonly id: string;
  readonly version: number;
  readonly jurisdiction: string;
  readonly name: string;
  readonly authority: string;
  readonly effectiveFrom: string;
  readonly legalTests: readonly {
    readonly id: string;
    readonly kind?: LegalTestKind;
    readonly title: string;
    readonly text: PolicyTextDocument;
    readonly threshold: string;
    readonly metAt?: RiskLevel;
    readonly unknownFrom?: RiskLevel;
    readonly outcome?: LicensingOutcome;
  }[];
  readonly humanRightsCatchAll?: { readonly available: boolean; readonly text: PolicyTextDocument };
  readonly factors: Readonly<
    Record<FactorKind, { readonly weight: number; readonly basis: PolicyTextDocument }>
  >;
  readonly officerOnlyFactors: readonly FactorKind[];
  readonly itemRelevanceFloor: number;
  readonly thresholds: {
    readonly medium: number;
    readonly high: number;
    readonly unacceptable: number;
  };
  readonly recommendations: Readonly<Record<RiskLevel, LicensingOutcome>>;
  readonly endUserTypeSeverity: Readonly<Record<PartyType, number>>;
  readonly countryRiskSeverity: Readonly<Record<RiskLevel, number>>;
  readonly embargoAuthorities: readonly string[];
  readonly presumptionsOfDenial: readonly {
    readonly id: string;
    readonly kind?: 'presumption-of-denial' | 'risk-floor';
    readonly title: string;
    readonly when: PresumptionCondition;
    readonly riskAtLeast: RiskLevel;
    readonly citations: readonly PolicyTextDocument[];
  }[];
  readonly redFlags: readonly {
    readonly id: string;
    readonly severity: number;
    readonly text?: PolicyTextDocument;
  }[];
  readonly endUseIndicators: readonly EndUseIndicator[];
  readonly humanRightsProgrammes: readonly {
    readonly programme: string;
    readonly severity: number;
    readonly text: PolicyTextDocument;
  }[];
  readonly countryAssessments: readonly {
    readonly country: string;
    readonly regions?: readonly string[];
    readonly risk: RiskLevel;
    readonly summary: PolicyTextDocument;
    readonly sources: readonly PolicyTextDocument[];
    readonly date: string;
    readonly officerOnly?: boolean;
  }[];
  readonly transshipmentHubs: readonly string[];
  readonly countryIndicators?: readonly {
    readonly id: string;
    readonly source: string;
    readonly indicator: string;
    readonly higherIs: 'better' | 'worse';
    readonly riskAt: {
      readonly medium: number;
      readonly high: number;
      readonly unacceptable: number;
    };
    readonly basis: PolicyTextDocument;
  }[];
  readonly provisos: readonly {
    readonly id: ProvisoId;
    readonly text: PolicyTextDocument;
    readonly from: RiskLevel;
    readonly surveillanceItemsOnly?: boolean;
  }[];
}

/** What a human-rights policy's references are resolved against. */
export interface HumanRightsPolicyContext {
  readonly texts: LegalTexts;
  /** Red flag ids of the shipped due-diligence data (`KYC-01`, `CS-06`...). */
  readonly redFlagIds: readonly string[];
}

/**
 * Checks a human-rights policy document against the shipped data and resolves its references:
 * every cited text and red flag exists, country codes are known, thresholds increase, weights lie
 * in [0, 1] and ids are unique. Every problem is reported with its JSON pointer.
 */
export function resolveHumanRightsPolicy(
  doc: HumanRightsPolicyDocument,
  context: HumanRightsPolicyContext,
  where: { readonly file: string; readonly contentHash: string },
): Result<HumanRightsPolicy, readonly PolicyProblem[]> {
  const problems: PolicyProblem[] = [];
  const problem = (path: string, message: string) =>
    problems.push({ file: where.file, path, message });

  const text = policyTextResolver(context.texts, where.file, problem);
  const country = (raw: string, path: string): CountryCode | undefined => {
    const c = parseCountryCode(raw);
    if (c.ok) return c.value;
    problem(path, c.error);
    return undefined;
  };
  const unique = (ids: readonly string[], path: string) => {
    const seen = new Set<string>();
    ids.forEach((id, i) => {
      if (seen.has(id)) problem(`${path}/${i}/id`, `duplicate id "${id}"`);
      seen.add(id);
    });
  };

  const jurisdiction = parseJurisdictionCode(doc.jurisdiction);
  if (!jurisdiction.ok) problem('/jurisdiction', jurisdiction.error);
  if (!Number.isInteger(doc.version) || doc.version < 1)
    problem('/version', 'must be a whole number from 1');
  const { medium, high, unacceptable } = doc.thresholds;
  if (!(medium < high && high < unacceptable))
    problem(
      '/thresholds',
      `must increase: medium ${medium} < high ${high} < unacceptable ${unacceptable}`,
    );

  const factors = Object.fromEntries(
    factorKinds.map((kind) => {
      const f = doc.factors[kind];
      return [kind, { weight: f.weight, basis: text(f.basis, `/factors/${kind}/basis`) }];
    }),
  ) as Record<FactorKind, FactorSetting>;

  unique(
    doc.legalTests.map((t) => t.id),
    '/legalTests',
  );
  const legalTests = doc.legalTests.map((t, i): PolicyLegalTest => {
    const kind = t.kind ?? 'risk-level';
    if ((kind === 'risk-level' || kind === 'human-rights-risk') && t.metAt === undefined)
      problem(`/legalTests/${i}/metAt`, `a ${kind} test needs the risk level at which it is met`);
    return {
      id: t.id,
      kind,
      title: t.title,
      text: text(t.text, `/legalTests/${i}/text`),
      threshold: t.threshold,
      ...(t.metAt !== undefined ? { metAt: t.metAt } : {}),
      ...(t.unknownFrom !== undefined ? { unknownFrom: t.unknownFrom } : {}),
      ...(t.outcome !== undefined ? { outcome: t.outcome } : {}),
    };
  });
  unique(
    doc.presumptionsOfDenial.map((p) => p.id),
    '/presumptionsOfDenial',
  );
  const presumptionsOfDenial = doc.presumptionsOfDenial.map((p, i) => {
    if (Object.keys(p.when).length === 0)
      problem(`/presumptionsOfDenial/${i}/when`, 'names no condition (it would never apply)');
    return {
      id: p.id,
      kind: p.kind ?? 'presumption-of-denial',
      title: p.title,
      when: p.when,
      riskAtLeast: p.riskAtLeast,
      citations: p.citations.map((c, j) => text(c, `/presumptionsOfDenial/${i}/citations/${j}`)),
    };
  });
  unique(
    doc.redFlags.map((f) => f.id),
    '/redFlags',
  );
  const redFlags = doc.redFlags.map((f, i) => {
    const path = `/redFlags/${i}`;
    if (!context.redFlagIds.includes(f.id) && f.text === undefined)
      problem(`${path}/id`, `no red flag "${f.id}" in the shipped data; give its text`);
    return {
      id: f.id,
      severity: f.severity,
      text: f.text ? text(f.text, `${path}/text`) : text({ ref: `red-flag:${f.id}` }, path),
    };
  });
  doc.endUseIndicators.forEach((e, i) => {
    if (!redFlags.some((f) => f.id === e.redFlag))
      problem(
        `/endUseIndicators/${i}/redFlag`,
        `"${e.redFlag}" is not among the policy's redFlags`,
      );
  });
  unique(
    doc.endUseIndicators.map((e) => e.id),
    '/endUseIndicators',
  );
  const countryAssessments = doc.countryAssessments.flatMap((a, i): CountryAssessment[] => {
    const path = `/countryAssessments/${i}`;
    const c = country(a.country, `${path}/country`);
    const sources = a.sources.map((s, j) => text(s, `${path}/sources/${j}`));
    if (sources.length === 0) problem(`${path}/sources`, 'an assessment needs at least one source');
    const summary = text(a.summary, `${path}/summary`);
    return c === undefined
      ? []
      : [
          {
            country: c,
            regions: a.regions ?? [],
            risk: a.risk,
            summary,
            sources,
            date: a.date,
            officerOnly: a.officerOnly ?? false,
          },
        ];
  });
  const transshipmentHubs = doc.transshipmentHubs.flatMap((h, i) => {
    const c = country(h, `/transshipmentHubs/${i}`);
    return c ? [c] : [];
  });

  const indicatorRules = doc.countryIndicators ?? [];
  unique(
    indicatorRules.map((r) => r.id),
    '/countryIndicators',
  );
  const countryIndicators = indicatorRules.map((r, i): CountryIndicatorRule => {
    const { medium, high, unacceptable } = r.riskAt;
    const ordered =
      r.higherIs === 'better'
        ? medium > high && high > unacceptable
        : medium < high && high < unacceptable;
    if (!ordered)
      problem(
        `/countryIndicators/${i}/riskAt`,
        `must run from medium to unacceptable in the direction of worse (${r.higherIs === 'better' ? 'decreasing' : 'increasing'}): ${medium}, ${high}, ${unacceptable}`,
      );
    return { ...r, basis: text(r.basis, `/countryIndicators/${i}/basis`) };
  });

  const humanRightsCatchAll = doc.humanRightsCatchAll
    ? {
        available: doc.humanRightsCatchAll.available,
        text: text(doc.humanRightsCatchAll.text, '/humanRightsCatchAll/text'),
      }
    : { available: true };

  if (problems.length > 0 || !jurisdiction.ok) return err(problems);
  return ok({
    humanRightsCatchAll,
    id: doc.id,
    version: doc.version,
    jurisdiction: jurisdiction.value,
    name: doc.name,
    authority: doc.authority,
    effectiveFrom: doc.effectiveFrom,
    legalTests,
    factors,
    officerOnlyFactors: doc.officerOnlyFactors,
    itemRelevanceFloor: doc.itemRelevanceFloor,
    thresholds: doc.thresholds,
    recommendations: doc.recommendations,
    endUserTypeSeverity: doc.endUserTypeSeverity,
    countryRiskSeverity: doc.countryRiskSeverity,
    embargoAuthorities: doc.embargoAuthorities,
    presumptionsOfDenial,
    redFlags,
    endUseIndicators: doc.endUseIndicators,
    humanRightsProgrammes: doc.humanRightsProgrammes.map((p, i) => ({
      programme: p.programme,
      severity: p.severity,
      text: text(p.text, `/humanRightsProgrammes/${i}/text`),
    })),
    countryAssessments,
    transshipmentHubs,
    countryIndicators,
    provisos: doc.provisos.map((p, i) => ({
      id: p.id,
      from: p.from,
      surveillanceItemsOnly: p.surveillanceItemsOnly ?? false,
      text: text(p.text, `/provisos/${i}/text`),
    })),
    file: where.file,
    contentHash: where.contentHash,
  });
}

/** One difference between two versions of a human-rights policy, at a JSON path. */
export interface PolicyChange {
  readonly path: string;
  readonly kind: 'added' | 'removed' | 'changed';
  readonly before?: unknown;
  readonly after?: unknown;
}

/**
 * The differences between two policy documents, leaf by leaf (arrays of objects with an `id` or
 * `country` are compared by that key, so reordering is not a change).
 *
 * @example
 * diffPolicyDocuments(v1, v2) // [{ path: '/factors/destination/weight', kind: 'changed', before: 0.3, after: 0.4 }]
 */
export function diffPolicyDocuments(before: unknown, after: unknown, path = ''): PolicyChange[] {
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  if (Array.isArray(before) && Array.isArray(after)) {
    const keyOf = (v: unknown): string | undefined => {
      if (typeof v !== 'object' || v === null) return undefined;
      const o = v as Record<string, unknown>;
      const k =
        o['id'] ??
        (typeof o['country'] === 'string'
          ? `${o['country']}${o['regions'] ? `:${JSON.stringify(o['regions'])}` : ''}`
          : undefined);
      return typeof k === 'string' ? k : undefined;
    };
    if (before.every((v) => keyOf(v)) && after.every((v) => keyOf(v))) {
      const a = new Map(before.map((v) => [keyOf(v) ?? '', v as unknown]));
      const b = new Map(after.map((v) => [keyOf(v) ?? '', v as unknown]));
      const changes: PolicyChange[] = [];
      for (const [k, v] of a) {
        if (!b.has(k)) changes.push({ path: `${path}[${k}]`, kind: 'removed', before: v });
        else changes.push(...diffPolicyDocuments(v, b.get(k), `${path}[${k}]`));
      }
      for (const [k, v] of b)
        if (!a.has(k)) changes.push({ path: `${path}[${k}]`, kind: 'added', after: v });
      return changes;
    }
    return [{ path, kind: 'changed', before, after }];
  }
  const isObject = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  if (isObject(before) && isObject(after)) {
    const changes: PolicyChange[] = [];
    for (const k of new Set([...Object.keys(before), ...Object.keys(after)])) {
      if (k === '$schema') continue;
      const p = `${path}/${k}`;
      if (!(k in after)) changes.push({ path: p, kind: 'removed', before: before[k] });
      else if (!(k in before)) changes.push({ path: p, kind: 'added', after: after[k] });
      else changes.push(...diffPolicyDocuments(before[k], after[k], p));
    }
    return changes;
  }
  return [{ path, kind: 'changed', before, after }];
}
