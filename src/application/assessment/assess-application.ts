import type { ItemClassification } from '../../domain/classification/classify-item.ts';
import {
  determineLicenceRequirement,
  type LicenceBasis,
  type LicenceDetermination,
  type PartyScreening,
} from '../../domain/classification/licence-requirement.ts';
import {
  assessHumanRights,
  recommend,
  type HumanRightsAssessment,
  type Recommendation,
} from '../../domain/human-rights/assess-transaction.ts';
import {
  dueDiligenceChecklist,
  type ChecklistEntry,
} from '../../domain/human-rights/due-diligence-checklist.ts';
import {
  indicatorProvenance,
  type IndicatorProvenance,
} from '../../domain/human-rights/country-indicators.ts';
import type { HumanRightsPolicy } from '../../domain/human-rights/human-rights-policy.ts';
import type { AssessedItem, Audience } from '../../domain/human-rights/risk-factors.ts';
import type { CountryCode } from '../../domain/policy/country-code.ts';
import type { JurisdictionCode } from '../../domain/policy/jurisdiction.ts';
import type { CitedText, TextStatus } from '../../domain/policy/text-provenance.ts';
import { cordonError, type CordonError } from '../../domain/shared/errors.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import { parseTransaction } from '../classification/parse-transaction.ts';
import type { HumanRightsPolicySource } from '../ports/human-rights-policy-source.ts';
import type { JurisdictionPolicySource } from '../ports/jurisdiction-policy-source.ts';
import type { LicensingReferenceSource } from '../ports/licensing-reference-source.ts';
import type { CurrentIndicators } from '../indicators/current-indicators.ts';
import type { PartyMatch, PartyScreener } from '../ports/party-screener.ts';
import type { PartnerDenialSource } from '../ports/partner-denial-source.ts';
import type { Clock } from '../ports/clock.ts';
import {
  screeningCoverage,
  type ScreeningCoverage,
} from '../../domain/human-rights/screening-coverage.ts';
import type { PartnerDenial } from '../../domain/human-rights/risk-factors.ts';
import {
  bindingListsOf,
  clearanceOf,
  destinationAssessmentOf,
  earFactsOf,
  partnerDenialsFor,
} from './assessment-facts.ts';
import {
  parseApplication,
  type Application,
  type ApplicationItem,
  type ApplicationParty,
} from './parse-application.ts';

/** What `assessApplication` needs. */
export interface AssessmentDeps {
  readonly screener: PartyScreener;
  readonly reference: LicensingReferenceSource;
  readonly policies: JurisdictionPolicySource;
  readonly humanRights: HumanRightsPolicySource;
  /** Imported country indicators (V-Dem...), read only when the policy uses some. */
  readonly indicators?: CurrentIndicators;
  /** The running code's version (package version + commit), recorded in the provenance. */
  readonly codeVersion: string;
  /** Partners' denials received through the exchange (the partner-denials factor); absent: none connected. */
  readonly partnerDenials?: PartnerDenialSource;
  /**
   * The deployment's freshness limit for binding lists (`CORDON_LIST_MAX_AGE_DAYS`, default
   * {@link defaultListMaxAgeDays}): a list older than this makes the recommendation at least refer.
   */
  readonly listMaxAgeDays?: number;
  /** Today's date for list ages; the system clock when absent. */
  readonly clock?: Clock;
}

/**
 * The default freshness limit of binding lists, in days. Screening lists change weekly; 90 days
 * leaves a quarter for an authority that imports monthly and still flags a list a year old.
 */
export const defaultListMaxAgeDays = 90;

export interface AssessmentRequest {
  /** The application as received (parsed JSON, not yet checked). */
  readonly application: unknown;
  /** Overrides the application's `jurisdiction`. */
  readonly jurisdiction?: string;
  /** Snapshot ids or a date: screen against the lists as they were (see `PartyScreener`). */
  readonly asOf?: string;
  /** Exporter self-assessment: officer-only factors left out, due-diligence checklist added. */
  readonly selfAssessment?: boolean;
  /** Assess under this policy instead of the current one (dry runs, `--policy-version`). */
  readonly policy?: HumanRightsPolicy;
  /** Assess under this version of the jurisdiction's human-rights policy. */
  readonly policyVersion?: number;
}

/** A cited text as the contract shows it. */
export interface TextJson {
  readonly text: string;
  readonly textStatus: TextStatus;
  readonly source: CitedText['source'];
}

/** The assessment contract (`../shared/spec/README.md`): plain JSON values only. */
export interface Assessment {
  readonly kind: 'assessment' | 'self-assessment';
  readonly jurisdiction: JurisdictionCode;
  readonly exporter: Application['exporter'];
  readonly destination: Application['destination'];
  readonly endUse: string;
  readonly parties: readonly (ApplicationParty & { readonly matches: readonly PartyMatch[] })[];
  readonly items: readonly (ApplicationItem & {
    readonly classification: readonly RegimeClassificationJson[];
  })[];
  readonly licence: Readonly<Record<string, LicenceJson>>;
  /** The binding lists of the jurisdiction, whether each was screened and how old it is. */
  readonly screeningCoverage: ScreeningCoverage;
  /** Partners' denials of essentially identical or similar transactions, with their provenance. */
  readonly partnerDenials: readonly PartnerDenial[];
  readonly humanRights: HumanRightsAssessment;
  readonly recommendation: Recommendation;
  /** Self-assessment only: the due-diligence steps, answered or missing. */
  readonly dueDiligence?: readonly ChecklistEntry[];
  readonly provenance: {
    readonly listSnapshots: readonly {
      readonly id: string;
      readonly source: string;
      readonly dataDate: string;
    }[];
    readonly policy: {
      readonly id: string;
      readonly version: number;
      readonly contentHash: string;
    };
    readonly licensingPolicies: LicenceDetermination['policies'];
    /**
     * The imported indicator datasets the policy read (id, version, content hash); present only
     * when the policy uses country indicators, empty when none of its sources is imported.
     */
    readonly indicators?: readonly IndicatorProvenance[];
    readonly codeVersion: string;
    readonly asOf?: string;
  };
}

export interface RegimeClassificationJson {
  readonly regime: string;
  readonly outcome: 'listed' | 'not-listed' | 'undetermined';
  readonly entries: readonly string[];
  readonly reasons: readonly string[];
  readonly candidates: readonly {
    readonly entryId: string;
    readonly status: string;
    readonly criteriaMet: readonly string[];
    readonly summary: string;
    readonly textStatus: TextStatus;
  }[];
}

export interface LicenceJson {
  readonly required: boolean;
  readonly status: 'required' | 'not-required' | 'undetermined' | 'prohibited';
  readonly basis: readonly {
    readonly rule: string;
    readonly title: string;
    readonly effect: LicenceBasis['effect'];
    readonly summary: string;
    readonly textStatus: TextStatus;
    readonly citations: readonly TextJson[];
    /** The sanctions regime's instrument and article, when the basis applies one. */
    readonly regime?: NonNullable<LicenceBasis['regime']>;
    /** What the review policy means for the item (Entity List, EAR 746.8(b)). */
    readonly review?: NonNullable<LicenceBasis['review']>;
    readonly item?: number;
    readonly party?: NonNullable<LicenceBasis['party']>;
  }[];
  readonly missing: LicenceDetermination['missing'];
}

const classificationJson = (c: ItemClassification): RegimeClassificationJson[] =>
  c.regimes.map((r) => ({
    regime: r.regime,
    outcome: r.outcome.kind,
    entries: r.outcome.kind === 'listed' ? r.outcome.entries : [],
    reasons: r.outcome.reasons,
    candidates: r.candidates
      .filter((x) => x.status !== 'ruled-out')
      .map((x) => ({
        entryId: x.entryId,
        status: x.status,
        criteriaMet: x.met.map((m) => m.criterion),
        summary: x.summary,
        textStatus: x.textStatus,
      })),
  }));

/** The licence determination as the contract has it: `required` stays a boolean (undetermined counts as required). */
export const licenceJson = (d: LicenceDetermination): LicenceJson => ({
  required: d.required !== false,
  status: d.basis.some((b) => b.effect === 'prohibited')
    ? 'prohibited'
    : d.required === 'undetermined'
      ? 'undetermined'
      : d.required
        ? 'required'
        : 'not-required',
  basis: d.basis
    .filter((b) => b.effect !== 'not-applicable')
    .map((b) => ({
      rule: b.rule,
      title: b.title,
      effect: b.effect,
      summary: b.summary,
      textStatus: b.textStatus,
      citations: b.citations.map((c) => ({
        text: c.text,
        textStatus: c.textStatus,
        source: c.source,
      })),
      ...(b.regime ? { regime: b.regime } : {}),
      ...(b.review ? { review: b.review } : {}),
      ...(b.item !== undefined ? { item: b.item } : {}),
      ...(b.party ? { party: b.party } : {}),
    })),
  missing: d.missing,
});

/**
 * Assesses an application: checks it (every bad field named), screens its parties, classifies its
 * items, determines the licence requirement of the jurisdiction, computes the human-rights risk
 * factors under the jurisdiction's human-rights policy and recommends an outcome with criteria and
 * provisos. The result records the list snapshots, the policy version and the code version used,
 * so the same request with `asOf` reproduces it.
 */
export async function assessApplication(
  request: AssessmentRequest,
  deps: AssessmentDeps,
): Promise<Result<Assessment, CordonError>> {
  const [reference, policies, hrPolicies, hrReference] = await Promise.all([
    deps.reference.licensingReference(),
    deps.policies.currentPolicies(),
    deps.humanRights.humanRightsPolicies(),
    deps.humanRights.humanRightsReference(),
  ]);
  const parsed = parseApplication(request.application, {
    redFlagIds: hrReference.redFlags.map((f) => f.id),
    ...(request.jurisdiction !== undefined ? { jurisdiction: request.jurisdiction } : {}),
  });
  if (!parsed.ok) return parsed;
  const app = parsed.value;
  const jurisdiction = app.jurisdiction as JurisdictionCode;

  let policy = request.policy ?? hrPolicies.current.get(jurisdiction);
  if (request.policy === undefined && request.policyVersion !== undefined) {
    policy = hrPolicies.all.find(
      (p) => p.jurisdiction === jurisdiction && p.version === request.policyVersion,
    );
    if (!policy)
      return err(
        cordonError(
          'CORDON_NOT_FOUND',
          `No version ${request.policyVersion} of the human-rights policy of ${jurisdiction}.`,
        ),
      );
  }
  if (!policy || !policies.has(jurisdiction)) {
    return err(
      cordonError('CORDON_VALIDATION_FAILED', 'The application cannot be assessed as given.', [
        {
          field: request.jurisdiction !== undefined ? '--jurisdiction' : 'jurisdiction',
          problem: `Cordon has no policy for ${jurisdiction}; it ships ${[...hrPolicies.current.keys()].join(', ')}`,
        },
      ]),
    );
  }

  // Classify first: a bad item is a validation error, found before any screening work.
  const classified = parseTransaction(
    {
      jurisdictions: [jurisdiction],
      destination: app.destination,
      items: app.items,
      parties: app.parties.map((p) => ({ ...p, hits: [] })),
      endUse: { statement: app.endUse, ...app.endUseFacts },
    },
    reference.catalogue,
    policies,
  );
  if (!classified.ok) return classified;

  const screened = await deps.screener.screenParties(
    app.parties.map((p) => ({
      name: p.name,
      ...(p.country !== undefined ? { country: p.country } : {}),
      ...(p.type !== undefined ? { type: p.type } : {}),
    })),
    request.asOf !== undefined ? { asOf: request.asOf } : {},
  );
  if (!screened.ok) return screened;
  const matchesOf = (i: number) => screened.value.parties[i]?.matches ?? [];

  const parties: PartyScreening[] = app.parties.map((p, i) => ({
    role: p.role,
    name: p.name,
    ...(p.country !== undefined ? { country: p.country as CountryCode } : {}),
    ...(p.type !== undefined ? { type: p.type } : {}),
    ...(p.stateLinked !== undefined ? { stateLinked: p.stateLinked } : {}),
    hits: matchesOf(i).map((m) => ({
      ...clearanceOf(p, m),
      source: m.source,
      entityId: m.entityId,
      name: m.name,
      programmes: m.programmes,
      band: m.band,
      snapshot: m.snapshot,
      ...(m.subList !== undefined ? { subList: m.subList } : {}),
      ...(m.licenceRequirement !== undefined ? { licenceRequirement: m.licenceRequirement } : {}),
      ...(m.licenceReviewPolicy !== undefined
        ? { licenceReviewPolicy: m.licenceReviewPolicy }
        : {}),
    })),
  }));
  const query = {
    ...classified.value.query,
    items: classified.value.query.items.map((item, i) => ({
      ...item,
      ear: earFactsOf(app.items[i]),
    })),
    parties,
    exporter: { country: app.exporter.country as CountryCode },
    sanctionsLicences: app.sanctionsLicences,
  };
  const determination = determineLicenceRequirement(reference, policies, jurisdiction, query);
  // The policies were checked when loaded: a failure here is a broken deployment.
  if (!determination.ok) return err(cordonError('CORDON_INTERNAL', determination.error.message));

  const items: AssessedItem[] = app.items.map((item, i) => ({
    description: item.description,
    capabilities: item.capabilities ?? [],
    classification: classified.value.classifications[i] as ItemClassification,
  }));
  const partnerDenials = deps.partnerDenials
    ? await partnerDenialsFor(deps.partnerDenials, app, classified.value.classifications)
    : [];
  const facts = {
    destination: query.destination,
    parties,
    items,
    endUse: app.endUse,
    redFlags: app.redFlags,
    partnerDenials,
    partnerDenialsConnected: deps.partnerDenials !== undefined,
  };
  const audience: Audience = request.selfAssessment ? 'exporter' : 'officer';
  const readsIndicators = policy.countryIndicators.length > 0;
  const indicators =
    readsIndicators && deps.indicators
      ? (await deps.indicators.currentDatasets()).filter((d) =>
          policy.countryIndicators.some((r) => r.source === d.dataset.source),
        )
      : [];
  const data = {
    measures: reference.measures,
    entityListHumanRightsListings: hrReference.entityListHumanRightsListings,
    indicators,
  };
  const humanRights = assessHumanRights(policy, data, facts, audience);
  const bindingLists = bindingListsOf(policies, jurisdiction);
  const today = (deps.clock ? deps.clock.now() : new Date()).toISOString().slice(0, 10);
  const coverage = screeningCoverage(
    bindingLists,
    screened.value.snapshots,
    request.asOf !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(request.asOf) ? request.asOf : today,
    deps.listMaxAgeDays ?? defaultListMaxAgeDays,
  );
  const recommendation = recommend(policy, humanRights, determination.value, facts, {
    endUse: app.endUseFacts,
    coverage,
    bindingLists,
    catalogue: reference.catalogue,
    ...destinationAssessmentOf(policy, query.destination, audience),
  });

  return ok({
    kind: request.selfAssessment ? 'self-assessment' : 'assessment',
    jurisdiction,
    exporter: app.exporter,
    destination: app.destination,
    endUse: app.endUse,
    parties: app.parties.map((p, i) => ({ ...p, matches: matchesOf(i) })),
    items: app.items.map((item, i) => ({
      ...item,
      classification: classificationJson(items[i]?.classification as ItemClassification),
    })),
    licence: { [jurisdiction]: licenceJson(determination.value) },
    screeningCoverage: coverage,
    partnerDenials: audience === 'officer' ? partnerDenials : [],
    humanRights,
    recommendation,
    ...(request.selfAssessment
      ? {
          dueDiligence: dueDiligenceChecklist(
            hrReference.dueDiligenceSteps,
            facts,
            app.dueDiligence,
            {
              everyItemRated: app.items.every(
                (i) => (i.controlEntries?.length ?? 0) > 0 || (i.capabilities?.length ?? 0) > 0,
              ),
            },
          ),
        }
      : {}),
    provenance: {
      listSnapshots: screened.value.snapshots,
      policy: { id: policy.id, version: policy.version, contentHash: policy.contentHash },
      licensingPolicies: determination.value.policies,
      ...(readsIndicators
        ? { indicators: indicators.map((d) => indicatorProvenance(d.dataset)) }
        : {}),
      codeVersion: deps.codeVersion,
      ...(request.asOf !== undefined ? { asOf: request.asOf } : {}),
    },
  });
}
