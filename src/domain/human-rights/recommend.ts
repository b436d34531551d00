import type { ControlCatalogue } from '../classification/control-catalogue.ts';
import type {
  EndUseKnowledge,
  LicenceBasis,
  LicenceDetermination,
  PartyScreening,
  ScreeningHit,
} from '../classification/licence-query.ts';
import { hitMatches, whoMayClear } from '../classification/rules/restricted-party.ts';
import type { CitedText, SourceRef, TextStatus } from '../policy/text-provenance.ts';
import type { HumanRightsAssessment } from './assess-transaction.ts';
import {
  outcomeOrder,
  riskRank,
  type CountryAssessment,
  type HumanRightsPolicy,
  type Outcome,
  type ProvisoId,
} from './human-rights-policy.ts';
import { evaluateLegalTests, type LegalTestResult } from './legal-tests.ts';
import { itemSeverity, type HumanRightsFacts } from './risk-factors.ts';
import type { BindingList, ScreeningCoverage } from './screening-coverage.ts';

/** A criterion the recommendation cites: a legal test, a presumption or a licence rule. */
export interface RecommendationCriterion {
  readonly id: string;
  readonly title: string;
  /**
   * `met` / `not-met` / `unknown`: a legal test evaluated on its own facts; `applies`: a rule,
   * presumption or procedural requirement that applies.
   */
  readonly status: 'met' | 'not-met' | 'unknown' | 'applies';
  /** Cordon's reason, in its own words. */
  readonly reason: string;
  /** The facts the criterion turned on. */
  readonly facts?: readonly string[];
  readonly text: CitedText;
  readonly textStatus: TextStatus;
  readonly source: SourceRef;
}

export interface Proviso {
  readonly id: ProvisoId;
  readonly text: CitedText;
  readonly textStatus: TextStatus;
}

/** Something that raises the recommendation to at least an outcome, whatever the risk says. */
export interface RecommendationFloor {
  readonly atLeast: Outcome;
  /** The criterion (rule, test, party match, list coverage) that sets it. */
  readonly criterion: string;
  readonly reason: string;
}

/** A party match and what it means for this jurisdiction. */
export interface PartyMatchFinding {
  readonly party: string;
  readonly role: string;
  readonly source: string;
  readonly entityId: string;
  readonly listedName: string;
  readonly band: 'strong' | 'review';
  /** `binding`: this jurisdiction's own law names the list; `evidence`: another state's list. */
  readonly standing: 'binding' | 'evidence';
  readonly status: 'to-clear' | 'cleared';
  readonly whoMayClear: string;
  readonly clearedBy?: string;
  readonly clearedBecause?: string;
  readonly snapshot?: { readonly id: string; readonly dataDate: string };
}

/** Spec: `recommendation` (`floors` and `partyMatches` are Cordon's additions). */
export interface Recommendation {
  readonly outcome: Outcome;
  readonly summary: string;
  readonly criteria: readonly RecommendationCriterion[];
  readonly provisos: readonly Proviso[];
  /** What set the outcome above what the risk alone gives. */
  readonly floors: readonly RecommendationFloor[];
  readonly partyMatches: readonly PartyMatchFinding[];
}

/** What the recommendation reads besides the risk and the licence determination. */
export interface RecommendationContext {
  readonly endUse?: EndUseKnowledge;
  readonly coverage?: ScreeningCoverage;
  /** The lists this jurisdiction's own law makes binding. */
  readonly bindingLists?: readonly BindingList[];
  readonly destinationAssessment?: CountryAssessment;
  readonly catalogue?: ControlCatalogue;
}

/** Cordon's own procedural rules, cited as such: never legal text. */
const cordonRule = (text: string): CitedText => ({
  text,
  textStatus: 'paraphrase',
  source: { title: "Cordon's recommendation rules (not legal text)", date: '2026-12-06' },
});

const criterion = (
  id: string,
  title: string,
  status: RecommendationCriterion['status'],
  reason: string,
  text: CitedText,
  facts?: readonly string[],
): RecommendationCriterion => ({
  id,
  title,
  status,
  reason,
  ...(facts && facts.length > 0 ? { facts } : {}),
  text,
  textStatus: text.textStatus,
  source: text.source,
});

const rank = (o: Outcome): number => outcomeOrder.indexOf(o);
const isBinding = (lists: readonly BindingList[], hit: ScreeningHit): boolean =>
  lists.some((l) => hitMatches({ listSources: [l.source], subLists: l.subLists }, hit));

/** Every match of every party, as binding law or as evidence, cleared or to clear. */
export function partyMatchFindings(
  parties: readonly PartyScreening[],
  bindingLists: readonly BindingList[],
): readonly PartyMatchFinding[] {
  return parties.flatMap((p) =>
    p.hits.map((h): PartyMatchFinding => ({
      party: p.name,
      role: p.role,
      source: h.source,
      entityId: h.entityId,
      listedName: h.name,
      band: h.band,
      standing: isBinding(bindingLists, h) ? 'binding' : 'evidence',
      status: h.cleared ? 'cleared' : 'to-clear',
      whoMayClear,
      ...(h.cleared
        ? {
            clearedBy: h.cleared.by,
            clearedBecause: `${h.cleared.reason}${h.cleared.date ? ` (${h.cleared.date})` : ''}`,
          }
        : {}),
      ...(h.snapshot ? { snapshot: h.snapshot } : {}),
    })),
  );
}

/** The instrument and article a basis rests on, for the summary. */
const legalBasisOf = (b: LicenceBasis): string =>
  b.regime ? `${b.regime.instrument}, ${b.regime.provision}` : b.title;

/** Bases whose undetermined state blocks a decision: a sanctions measure, a party, EAR jurisdiction. */
const blockingKinds = new Set(['sanctions-regimes', 'restricted-party', 'subject-to-ear']);

/**
 * Turns the licence determination, the legal tests and the human-rights risk into a
 * recommendation. The policy maps the risk level to an outcome; floors then raise it, never lower
 * it: a prohibition (sanctions, a blocking list) makes it `prohibited`, naming the instrument and
 * article; a review policy of denial (EAR 746.8(b), an Entity List entry) or a met test that
 * leads to refusal makes it at least `refuse`; a party match not yet cleared (on any list, this
 * state's or another's), an undetermined sanctions or party rule, or a binding list that was not
 * screened or is stale make it at least `refer`. No licence required at high risk is a referral
 * only where the authority has a human-rights catch-all (EU Art. 5); elsewhere it stays
 * `no-licence-required`, saying that the risk was noted.
 *
 * @example
 * // 6A003.b.4 thermal camera to a Russian company, EU policy, low risk:
 * // { outcome: 'prohibited', summary: 'Prohibited: Council Regulation (EU) No 833/2014, Art. 2(1) ...' }
 */
export function recommend(
  policy: HumanRightsPolicy,
  assessment: HumanRightsAssessment,
  licence: LicenceDetermination,
  facts: Pick<HumanRightsFacts, 'items' | 'parties'>,
  context: RecommendationContext = {},
): Recommendation {
  const risk = assessment.risk;
  const bindingLists = context.bindingLists ?? [];
  const tests = evaluateLegalTests(policy.legalTests, {
    risk,
    licence,
    parties: facts.parties,
    items: facts.items,
    endUse: context.endUse ?? {},
    ...(context.destinationAssessment
      ? { destinationAssessment: context.destinationAssessment }
      : {}),
    ...(context.coverage ? { coverage: context.coverage } : {}),
    ...(context.catalogue ? { catalogue: context.catalogue } : {}),
  });
  const floors: RecommendationFloor[] = [];
  const extraCriteria: RecommendationCriterion[] = [];

  const prohibiting = licence.basis.filter((b) => b.effect === 'prohibited');
  for (const b of prohibiting)
    floors.push({
      atLeast: 'prohibited',
      criterion: b.rule,
      // A regime's summary already opens with its instrument and article.
      reason: b.regime ? b.summary : `${b.title}: ${b.summary}`,
    });
  const denying = licence.basis.filter(
    (b) =>
      (b.effect === 'licence-required' || b.effect === 'notify-authority') &&
      (b.review === 'denial' || b.review === 'presumption-of-denial'),
  );
  for (const b of denying)
    floors.push({
      atLeast: 'refuse',
      criterion: b.rule,
      reason: `${legalBasisOf(b)}: reviewed under a ${b.review === 'denial' ? 'policy' : 'presumption'} of denial`,
    });
  // A test that leads to refusal or referral decides a licence application: where no licence is
  // required there is nothing to refuse (the catch-all, where the law has one, is handled below).
  if (licence.required !== false)
    for (const t of tests.filter((t) => t.status === 'met' && t.outcome !== undefined))
      floors.push({
        atLeast: t.outcome ?? 'refer',
        criterion: t.id,
        reason: `${t.title}: ${t.reason}`,
      });
  const blocking = licence.basis.filter(
    (b) => b.effect === 'undetermined' && blockingKinds.has(b.ruleKind),
  );
  for (const b of blocking)
    floors.push({ atLeast: 'refer', criterion: b.rule, reason: `undetermined: ${b.summary}` });

  const matches = partyMatchFindings(facts.parties, bindingLists);
  for (const m of matches.filter((m) => m.status === 'to-clear' && m.band === 'strong')) {
    const reason = `party match to be cleared: ${m.role} "${m.party}" matches "${m.listedName}" (${m.source} ${m.entityId})${m.standing === 'evidence' ? `, another state's list: evidence for the officer, not a legal basis in ${licence.jurisdiction}` : ''}; who may clear it: ${m.whoMayClear}`;
    floors.push({ atLeast: 'refer', criterion: 'party-match-to-clear', reason });
    extraCriteria.push(
      criterion(
        'party-match-to-clear',
        'Party match to be cleared',
        'applies',
        reason,
        cordonRule(
          'An uncleared strong or exact match of a party to a restricted list blocks approval: the outcome is at least refer until a person clears the match, recording who and why.',
        ),
        [
          `${m.listedName}: ${m.source} ${m.entityId}${m.snapshot ? ` (list of ${m.snapshot.dataDate})` : ''}`,
        ],
      ),
    );
  }
  for (const l of context.coverage?.lists ?? []) {
    if (l.status === 'screened') continue;
    const reason =
      l.status === 'not-screened'
        ? `${l.title} (${l.source}) binds ${licence.jurisdiction} but was not screened (not imported): "no match" on it means nothing`
        : `${l.title} (${l.source}) was screened as of ${l.snapshot?.dataDate ?? '?'}, ${l.ageDays ?? '?'} days before ${context.coverage?.asOf ?? 'today'}, older than the limit of ${context.coverage?.maxAgeDays ?? '?'} days`;
    floors.push({ atLeast: 'refer', criterion: `list-${l.status}`, reason });
    extraCriteria.push(
      criterion(
        `list-${l.status}`,
        l.status === 'not-screened' ? 'Binding list not screened' : 'Binding list out of date',
        'applies',
        reason,
        cordonRule(
          'A recommendation resting on a binding list that was not screened, or is older than the deployment allows (CORDON_LIST_MAX_AGE_DAYS), is at least refer.',
        ),
      ),
    );
  }

  const presumptions = assessment.presumptions.flatMap((p) =>
    p.citations
      .slice(0, 1)
      .map((c) =>
        criterion(
          p.id,
          p.title,
          'applies',
          `${p.kind === 'presumption-of-denial' ? 'Presumption of denial' : 'Policy risk floor'}: risk at least ${p.riskAtLeast}.`,
          c,
        ),
      ),
  );
  const requiring = licence.basis.filter(
    (b) => b.effect === 'licence-required' || b.effect === 'notify-authority',
  );
  const rules = [...prohibiting, ...requiring]
    .filter((b) => b.regime === undefined)
    .flatMap((b) =>
      b.citations.slice(0, 1).map((c) => criterion(b.rule, b.title, 'applies', b.summary, c)),
    );
  // Each sanctions article is a test of its own: met (prohibits or requires a licence here),
  // unknown (its goods or scope could not be settled), not met (it covers the destination but
  // not these goods).
  const sanctionsStatus = (b: LicenceBasis): RecommendationCriterion['status'] | undefined =>
    b.effect === 'prohibited' || b.effect === 'licence-required'
      ? 'met'
      : b.effect === 'undetermined'
        ? 'unknown'
        : b.effect === 'not-applicable'
          ? 'not-met'
          : undefined;
  const sanctions = licence.basis.flatMap((b) => {
    const status = b.regime ? sanctionsStatus(b) : undefined;
    const text = b.citations[0];
    return b.regime && status && text
      ? [
          criterion(
            b.regime.id,
            `${b.regime.instrument}, ${b.regime.provision}${b.item !== undefined ? ` (item ${b.item + 1})` : ''}`,
            status,
            b.summary,
            text,
          ),
        ]
      : [];
  });
  const testCriteria = tests.map((t: LegalTestResult) =>
    criterion(t.id, t.title, t.status, t.reason, t.text, t.facts),
  );
  const criteria = [...sanctions, ...rules, ...extraCriteria, ...presumptions, ...testCriteria];

  // What the risk alone gives.
  let base: Outcome;
  let why: string;
  if (licence.required === false) {
    if (riskRank(risk) >= riskRank('high') && policy.humanRightsCatchAll.available) {
      base = 'refer';
      why = `no rule requires a licence, but the human-rights risk is ${risk}: the authority may make a licence required through its human-rights catch-all`;
    } else if (riskRank(risk) >= riskRank('high')) {
      base = 'no-licence-required';
      why = `no rule requires a licence in ${licence.jurisdiction}, and its law has no human-rights catch-all for non-listed items: the ${risk} human-rights risk is noted for the exporter's due diligence, but gives no legal basis to require a licence`;
    } else {
      base = 'no-licence-required';
      why = `no licence is required in ${licence.jurisdiction}, and the human-rights risk is ${risk}`;
    }
  } else {
    base = policy.recommendations[risk];
    why = `${licence.required === 'undetermined' ? 'a licence may be required (undetermined until the missing information is given)' : 'a licence is required'} in ${licence.jurisdiction}, and the human-rights risk is ${risk}${assessment.presumptions.length > 0 ? ` (${assessment.presumptions.map((p) => p.id).join(', ')})` : ''}`;
  }
  const top = floors.reduce<RecommendationFloor | undefined>(
    (best, f) => (best === undefined || rank(f.atLeast) > rank(best.atLeast) ? f : best),
    undefined,
  );
  const outcome = top && rank(top.atLeast) > rank(base) ? top.atLeast : base;
  const raisedBy = floors.filter((f) => f.atLeast === outcome && rank(outcome) > rank(base));
  const summary =
    outcome === 'prohibited'
      ? `Prohibited: ${[...new Set(prohibiting.map(legalBasisOf))].join('; ')}. Never approvable; derogations, if any, are asked in the missing information.`
      : raisedBy.length > 0
        ? `${outcomeLabel[outcome]}: ${raisedBy.map((f) => f.reason).join('; ')}. Without these: ${why}.`
        : `${outcomeLabel[outcome]}: ${why}.`;

  const surveillance =
    assessment.factors.some((f) => f.id === 'item-capability' && f.severity >= 0.5) ||
    facts.items.some((i) => itemSeverity(i).severity >= 0.5);
  const provisos = ((): Proviso[] => {
    if (outcome !== 'approve-with-provisos' && outcome !== 'refer') return [];
    const chosen = policy.provisos.filter(
      (p) => riskRank(risk) >= riskRank(p.from) && (!p.surveillanceItemsOnly || surveillance),
    );
    const intermediaries = facts.parties.some((p) => p.role === 'intermediate-consignee');
    const reExport = policy.provisos.find((p) => p.id === 'no-re-export');
    if (intermediaries && reExport && !chosen.includes(reExport)) chosen.push(reExport);
    return chosen.map((p) => ({ id: p.id, text: p.text, textStatus: p.text.textStatus }));
  })();
  return { outcome, summary, criteria, provisos, floors, partyMatches: matches };
}

const outcomeLabel: Readonly<Record<Outcome, string>> = {
  'no-licence-required': 'No licence required',
  approve: 'Approve',
  'approve-with-provisos': 'Approve with provisos',
  refer: 'Refer',
  refuse: 'Refuse',
  prohibited: 'Prohibited',
};
