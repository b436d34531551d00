import type { InterceptionFunctionId } from '../policy/destination-measures.ts';
import type { CitedText, TextStatus } from '../policy/text-provenance.ts';
import type { FieldProblem } from '../shared/errors.ts';
import { ok, type Result } from '../shared/result.ts';
import { capabilityKnowledge, type Answer, type CapabilityTag } from './classification-facts.ts';
import { searchControlEntries, type ControlCatalogue } from './control-catalogue.ts';
import {
  criterionLeaves,
  regimes,
  type ControlEntry,
  type Definition,
  type Regime,
} from './control-entry.ts';
import { checkInput, computeFacts } from './classification-input.ts';
import {
  dedupeReasons,
  evaluateCandidate,
  mergeQuestions,
  statusRank,
} from './evaluate-criteria.ts';
import { regimeOutcome, assessCyberSurveillance, assessInterception } from './regime-outcome.ts';

/** An item as the exporter describes it; raw values, checked by {@link classifyItem}. */
export interface ItemToClassify {
  readonly description: string;
  /** The exporter's own rating (`5A001.j`, `4D004`, `EAR99`), if any. */
  readonly controlEntries?: readonly string[];
  /** Capability tags of the outward contract (`ip-network-surveillance`, `none`, ...). */
  readonly capabilities?: readonly string[];
  /** Answers to the assistant's questions, by fact id: `yes`, `no` or `unknown`. */
  readonly answers?: Readonly<Record<string, string>>;
}

/** Where a fact's value came from. Only an answer confirms; the rest is evidence to confirm. */
export type Evidence =
  | { readonly kind: 'answer' }
  | { readonly kind: 'capability'; readonly tag: CapabilityTag }
  | { readonly kind: 'description'; readonly phrase: string }
  | { readonly kind: 'none' };

export interface FactValue {
  readonly fact: string;
  readonly value: Answer;
  readonly evidence: Evidence;
}

/** A question still open, and the entries its answer would decide. */
export interface OpenQuestion {
  readonly fact: string;
  readonly question: string;
  readonly entries: readonly string[];
}

/**
 * - `meets-criteria`: the answers meet the criteria and no exclusion applies;
 * - `likely`: the criteria are met only on evidence from tags or the description, to be confirmed;
 * - `possible`: some criteria are still unknown (see the questions);
 * - `excluded`: a note takes the item out of the entry;
 * - `ruled-out`: the answers show a criterion is not met.
 */
export type CandidateStatus = 'meets-criteria' | 'likely' | 'possible' | 'excluded' | 'ruled-out';

/** Why an entry became a candidate. */
export type CandidateReason =
  | { readonly kind: 'exporter-rating'; readonly rating: string }
  | { readonly kind: 'capability'; readonly tag: CapabilityTag }
  | { readonly kind: 'fact'; readonly fact: string }
  | { readonly kind: 'text-match'; readonly terms: readonly string[] };

export interface CriterionFinding {
  readonly criterion: string;
  readonly text: CitedText;
  readonly value: Answer;
  readonly facts: readonly FactValue[];
}

export interface ExclusionFinding {
  readonly id: string;
  readonly appliesTo: readonly string[];
  readonly text: CitedText;
  /** `applies` on an answer, `likely-applies` on evidence, `may-apply` while unknown. */
  readonly status: 'applies' | 'likely-applies' | 'may-apply' | 'does-not-apply';
  readonly facts: readonly FactValue[];
}

/** One entry of one regime proposed for the item, with its reasons. */
export interface Candidate {
  readonly key: string;
  readonly entryId: string;
  readonly regime: Regime;
  readonly ref: string;
  readonly title: CitedText;
  readonly status: CandidateStatus;
  readonly becauseOf: readonly CandidateReason[];
  readonly met: readonly CriterionFinding[];
  readonly unknown: readonly CriterionFinding[];
  readonly notMet: readonly CriterionFinding[];
  readonly exclusions: readonly ExclusionFinding[];
  readonly definitions: readonly Definition[];
  readonly questions: readonly OpenQuestion[];
  /** A one-line explanation of the status. */
  readonly summary: string;
  readonly textStatus: TextStatus;
}

/** The classification of the item under one regime. "Not listed" is never a default. */
export type RegimeOutcome =
  | {
      readonly kind: 'listed';
      readonly entries: readonly string[];
      /** True when answers (not only tags or the description) meet at least one entry. */
      readonly confirmed: boolean;
      readonly reasons: readonly string[];
    }
  | { readonly kind: 'not-listed'; readonly reasons: readonly string[] }
  | {
      readonly kind: 'undetermined';
      readonly missing: readonly OpenQuestion[];
      readonly reasons: readonly string[];
    };

export interface RegimeClassification {
  readonly regime: Regime;
  readonly outcome: RegimeOutcome;
  readonly candidates: readonly Candidate[];
}

export type ClassificationFlag =
  | { readonly kind: 'rating-contradicted'; readonly rating: string; readonly message: string }
  | { readonly kind: 'rating-outside-catalogue'; readonly rating: string; readonly message: string }
  | { readonly kind: 'proposed-control'; readonly entry: string; readonly message: string };

/**
 * Whether the item may be a "cyber-surveillance item" (EU Art. 2(20)) that Article 5 can catch
 * when it is not listed.
 */
export interface CyberSurveillanceAssessment {
  readonly status: 'listed' | 'non-listed' | 'possibly-non-listed' | 'no' | 'unknown';
  readonly reasons: readonly string[];
  readonly question?: OpenQuestion;
}

/** Which interception and monitoring functions (UK Schedule 3 / EU Annex II) the item performs. */
export interface InterceptionAssessment {
  readonly status: 'yes' | 'possible' | 'no' | 'unknown';
  readonly functions: readonly {
    readonly id: InterceptionFunctionId;
    readonly strength: 'yes' | 'possible';
    readonly because: readonly string[];
  }[];
}

export interface ItemClassification {
  readonly description: string;
  readonly regimes: readonly RegimeClassification[];
  /** Every open question, once, with the entries it decides. */
  readonly questions: readonly OpenQuestion[];
  readonly flags: readonly ClassificationFlag[];
  /** The facts that have a value, and where it came from. */
  readonly facts: readonly FactValue[];
  readonly cyberSurveillance: CyberSurveillanceAssessment;
  readonly interception: InterceptionAssessment;
  /** The exporter's ratings as given (`EAR99` included). */
  readonly exporterRating: readonly string[];
}

/** The item could not be classified as given: every problem, naming its field. */
export interface ClassificationInputError {
  readonly kind: 'invalid-item';
  readonly problems: readonly FieldProblem[];
}

/**
 * Proposes candidate control entries per regime for an item, with the criteria met, the criteria
 * still unknown (as questions) and the exclusions that may apply. Evidence comes from the
 * exporter's answers (which confirm), capability tags and the description (which only suggest).
 * An exporter rating the answers contradict is flagged; missing information gives "undetermined"
 * with what is missing, never "not listed".
 *
 * @example
 * classifyItem(catalogue, { description: 'IMSI catcher', capabilities: ['location-tracking'] })
 * // eu: listed (likely) 5A001.f, met f.2 on the description's "IMSI"; question f.2 to confirm
 */
export function classifyItem(
  catalogue: ControlCatalogue,
  item: ItemToClassify,
): Result<ItemClassification, ClassificationInputError> {
  const checked = checkInput(catalogue, item);
  if (!checked.ok) return checked;
  const { capabilities, answers, ratings } = checked.value;

  const factValues = computeFacts(catalogue, item.description, capabilities, answers);
  const valueOf = (fact: string): FactValue =>
    factValues.get(fact) ?? { fact, value: 'unknown', evidence: { kind: 'none' } };

  // Candidate entry ids, with the reasons they became candidates.
  const reasons = new Map<string, CandidateReason[]>();
  const propose = (id: string, reason: CandidateReason) => {
    const list = reasons.get(id) ?? [];
    list.push(reason);
    reasons.set(id, list);
  };
  for (const r of ratings)
    if (r.entryId) propose(r.entryId, { kind: 'exporter-rating', rating: r.raw });
  for (const tag of capabilities) {
    for (const id of capabilityKnowledge[tag].entries) propose(id, { kind: 'capability', tag });
  }
  for (const entry of catalogue.entries) {
    const used = new Set(criterionLeaves(entry.criteria).flatMap((l) => l.facts));
    for (const fact of used) {
      if (valueOf(fact).value === 'yes') propose(entry.id, { kind: 'fact', fact });
    }
  }
  // Free-text matching only when nothing else points anywhere: word overlap is weak evidence, and
  // on top of tags and answers it would only add noise (every entry mentions "extraction").
  if (reasons.size === 0) {
    for (const hit of searchControlEntries(catalogue, item.description)) {
      if (hit.entry.status === 'in-force' && hit.matchedTerms.length >= 2) {
        propose(hit.entry.id, { kind: 'text-match', terms: hit.matchedTerms });
      }
    }
  }

  const flags: ClassificationFlag[] = [];
  const regimeResults: RegimeClassification[] = regimes.map((regime) => {
    const candidates: Candidate[] = [];
    for (const [id, because] of reasons) {
      const entry = catalogue.entries.find((e) => e.regime === regime && e.id === id);
      if (!entry || entry.status !== 'in-force') continue;
      candidates.push(evaluateCandidate(catalogue, entry, dedupeReasons(because), valueOf));
    }
    candidates.sort(
      (a, b) => statusRank[a.status] - statusRank[b.status] || a.entryId.localeCompare(b.entryId),
    );
    return {
      regime,
      candidates,
      outcome: regimeOutcome(regime, candidates, {
        capabilities,
        answered: answers.size > 0,
        ratings,
        describedFacts: [...factValues.values()].some((f) => f.value === 'yes'),
        proposed: [...reasons.keys()].filter((id) =>
          catalogue.entries.some((e) => e.id === id && e.status === 'in-force'),
        ),
      }),
    };
  });

  // Ratings the answers contradict, and ratings outside the catalogue.
  for (const r of ratings) {
    if (r.kind === 'ear99') {
      const listed = regimeResults.filter((x) => x.outcome.kind === 'listed');
      if (listed.length > 0) {
        const entries = [
          ...new Set(listed.flatMap((x) => (x.outcome.kind === 'listed' ? x.outcome.entries : []))),
        ];
        flags.push({
          kind: 'rating-contradicted',
          rating: r.raw,
          message: `rated ${r.raw} (on no list entry), but the evidence meets ${entries.join(', ')} (${listed
            .map((x) => x.regime)
            .join(', ')})`,
        });
      }
    } else if (r.kind === 'outside') {
      flags.push({
        kind: 'rating-outside-catalogue',
        rating: r.raw,
        message: `${r.raw} is not in Cordon's catalogue (surveillance-relevant entries only): Cordon cannot check this rating and takes it as the exporter's own claim`,
      });
    } else if (r.entryId) {
      const all = regimeResults.flatMap((x) => x.candidates.filter((c) => c.entryId === r.entryId));
      const contradiction = all.find((c) => c.status === 'ruled-out' || c.status === 'excluded');
      if (contradiction && all.every((c) => c.status === 'ruled-out' || c.status === 'excluded')) {
        flags.push({
          kind: 'rating-contradicted',
          rating: r.raw,
          message: `rated ${r.raw}, but ${contradiction.summary}`,
        });
      } else if (r.criterion) {
        const notMet = all.flatMap((c) => c.notMet).find((f) => f.criterion === r.criterion);
        if (notMet) {
          flags.push({
            kind: 'rating-contradicted',
            rating: r.raw,
            message: `rated ${r.raw}, but the answers show criterion ${r.criterion} is not met`,
          });
        }
      }
    }
  }
  for (const tag of capabilities) {
    for (const id of capabilityKnowledge[tag].entries) {
      const entry = catalogue.entries.find((e) => e.id === id && e.status === 'proposed');
      if (entry && !flags.some((f) => f.kind === 'proposed-control' && f.entry === id)) {
        flags.push({
          kind: 'proposed-control',
          entry: id,
          message: `${entry.title.text}: a proposed control, not law; shown so the exporter can prepare`,
        });
      }
    }
  }

  const eu = regimeResults.find((r) => r.regime === 'eu');
  const cyberSurveillance = assessCyberSurveillance(catalogue, eu, capabilities, valueOf);
  const questions = mergeQuestions([
    ...regimeResults.flatMap((r) => [
      ...r.candidates.flatMap((c) => c.questions),
      ...(r.outcome.kind === 'undetermined' ? r.outcome.missing : []),
    ]),
    ...(cyberSurveillance.question && cyberSurveillance.status === 'possibly-non-listed'
      ? [cyberSurveillance.question]
      : []),
  ]);
  return ok({
    description: item.description,
    regimes: regimeResults,
    questions,
    flags,
    facts: [...factValues.values()].filter((f) => f.evidence.kind !== 'none'),
    cyberSurveillance,
    interception: assessInterception(capabilities, factValues),
    exporterRating: ratings.map((r) => r.raw),
  });
}

/**
 * The questions that decide one entry, in tree order, with the criterion each belongs to: the
 * guided questionnaire for `cordon classify --entry 5A001.j`.
 */
export function entryQuestionnaire(
  catalogue: ControlCatalogue,
  entry: ControlEntry,
): readonly {
  readonly criterion: string;
  readonly text: CitedText;
  readonly questions: readonly OpenQuestion[];
}[] {
  const toQuestion = (fact: string): OpenQuestion => ({
    fact,
    question: catalogue.facts.get(fact)?.question ?? fact,
    entries: [entry.id],
  });
  return [
    ...criterionLeaves(entry.criteria).map((leaf) => ({
      criterion: leaf.id,
      text: leaf.text,
      questions: leaf.facts.map(toQuestion),
    })),
    ...entry.exclusions.map((x) => ({
      criterion: `exclusion ${x.id}`,
      text: x.text,
      questions: x.facts.map(toQuestion),
    })),
  ];
}
