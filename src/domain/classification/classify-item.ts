import type { InterceptionFunctionId } from '../policy/destination-measures.ts';
import type { CitedText, TextStatus } from '../policy/text-provenance.ts';
import type { FieldProblem } from '../shared/errors.ts';
import { err, ok, type Result } from '../shared/result.ts';
import {
  capabilityKnowledge,
  capabilityTags,
  contradictoryFacts,
  factInterceptionFunctions,
  type Answer,
  type CapabilityTag,
} from './classification-facts.ts';
import {
  ear99,
  findControlEntry,
  isWellFormedEntryId,
  normaliseEntryId,
  searchControlEntries,
  type ControlCatalogue,
} from './control-catalogue.ts';
import {
  criterionLeaves,
  regimes,
  type ControlEntry,
  type CriterionNode,
  type Definition,
  type Exclusion,
  type Regime,
} from './control-entry.ts';

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

const answerValues: readonly string[] = ['yes', 'no', 'unknown'];

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

const statusRank: Record<CandidateStatus, number> = {
  'meets-criteria': 0,
  likely: 1,
  possible: 2,
  excluded: 3,
  'ruled-out': 4,
};

interface Rating {
  readonly raw: string;
  readonly kind: 'entry' | 'ear99' | 'outside';
  readonly entryId?: string;
  readonly criterion?: string;
}

function checkInput(
  catalogue: ControlCatalogue,
  item: ItemToClassify,
): Result<
  {
    capabilities: readonly CapabilityTag[];
    answers: ReadonlyMap<string, Answer>;
    ratings: readonly Rating[];
  },
  ClassificationInputError
> {
  const problems: FieldProblem[] = [];
  if (item.description.trim() === '') {
    problems.push({
      field: 'description',
      problem: 'is empty: describe what the item is and does',
    });
  }
  const capabilities: CapabilityTag[] = [];
  (item.capabilities ?? []).forEach((raw, i) => {
    const tag = raw.trim().toLowerCase();
    if ((capabilityTags as readonly string[]).includes(tag))
      capabilities.push(tag as CapabilityTag);
    else {
      problems.push({
        field: `capabilities[${i}]`,
        problem: `"${raw}" is not a capability tag; use one of ${capabilityTags.join(', ')}`,
      });
    }
  });
  if (capabilities.includes('none') && capabilities.length > 1) {
    problems.push({
      field: 'capabilities',
      problem: `"none" contradicts ${capabilities.filter((c) => c !== 'none').join(', ')}: give either "none" or the item's capabilities`,
    });
  }

  const answers = new Map<string, Answer>();
  const seen = new Map<string, string>();
  for (const [rawKey, rawValue] of Object.entries(item.answers ?? {})) {
    const key = rawKey.trim().toLowerCase();
    const fact = [...catalogue.facts.keys()].find((f) => f.toLowerCase() === key);
    const value = rawValue.trim().toLowerCase();
    if (!fact) {
      problems.push({
        field: `answers.${rawKey}`,
        problem:
          'is not a question Cordon asks (answer the fact ids listed with each open question)',
      });
      continue;
    }
    if (!answerValues.includes(value)) {
      problems.push({
        field: `answers.${rawKey}`,
        problem: `"${rawValue}" is not yes, no or unknown`,
      });
      continue;
    }
    const previous = seen.get(fact);
    if (previous !== undefined && answers.get(fact) !== value) {
      problems.push({
        field: `answers.${rawKey}`,
        problem: `contradicts answers.${previous}: the same question answered "${answers.get(fact) ?? ''}" and "${value}"`,
      });
      continue;
    }
    seen.set(fact, rawKey);
    answers.set(fact, value as Answer);
  }
  for (const {
    facts: [a, b],
    why,
  } of contradictoryFacts) {
    if (answers.get(a) === 'yes' && answers.get(b) === 'yes') {
      problems.push({ field: `answers.${b}`, problem: `contradicts answers.${a}: ${why}` });
    }
  }
  if (capabilities.includes('none')) {
    const surveillance = [...answers].filter(
      ([fact, v]) =>
        v === 'yes' &&
        catalogue.entries.some(
          (e) =>
            e.status !== 'proposed' &&
            criterionLeaves(e.criteria).some((l) => l.facts.includes(fact)),
        ),
    );
    for (const [fact] of surveillance) {
      problems.push({
        field: `answers.${fact}`,
        problem: `contradicts capabilities ["none"]: the item is said to have no surveillance capability, yet "${catalogue.facts.get(fact)?.question ?? fact}" is answered yes`,
      });
    }
  }

  const ratings: Rating[] = [];
  (item.controlEntries ?? []).forEach((raw, i) => {
    if (normaliseEntryId(raw) === ear99) {
      ratings.push({ raw, kind: 'ear99' });
      return;
    }
    if (!isWellFormedEntryId(raw.replace(/^[a-z]+:/i, ''))) {
      problems.push({
        field: `controlEntries[${i}]`,
        problem: `"${raw}" is not a control entry id (expected e.g. 5A001.j, 4D004, EAR99)`,
      });
      return;
    }
    const found = findControlEntry(catalogue, raw);
    if (found.ok) {
      ratings.push({
        raw,
        kind: 'entry',
        entryId: found.value.id,
        ...(found.value.criterion ? { criterion: found.value.criterion } : {}),
      });
    } else if (found.error.kind === 'not-in-catalogue') ratings.push({ raw, kind: 'outside' });
    else problems.push({ field: `controlEntries[${i}]`, problem: found.error.message });
  });

  return problems.length > 0
    ? err({ kind: 'invalid-item', problems })
    : ok({ capabilities, answers, ratings });
}

function computeFacts(
  catalogue: ControlCatalogue,
  description: string,
  capabilities: readonly CapabilityTag[],
  answers: ReadonlyMap<string, Answer>,
): ReadonlyMap<string, FactValue> {
  const values = new Map<string, FactValue>();
  for (const fact of catalogue.facts.values()) {
    const answer = answers.get(fact.id);
    if (answer !== undefined) {
      values.set(fact.id, { fact: fact.id, value: answer, evidence: { kind: 'answer' } });
      continue;
    }
    const tag = capabilities.find((t) => capabilityKnowledge[t].impliesFacts.includes(fact.id));
    if (tag) {
      values.set(fact.id, { fact: fact.id, value: 'yes', evidence: { kind: 'capability', tag } });
      continue;
    }
    const phrase = fact.suggestedBy
      .map((re) => re.exec(description)?.[0])
      .find((m) => m !== undefined);
    values.set(
      fact.id,
      phrase !== undefined
        ? { fact: fact.id, value: 'yes', evidence: { kind: 'description', phrase } }
        : { fact: fact.id, value: 'unknown', evidence: { kind: 'none' } },
    );
  }
  return values;
}

const dedupeReasons = (reasons: readonly CandidateReason[]): readonly CandidateReason[] => {
  const seen = new Set<string>();
  return reasons.filter((r) => {
    const key = JSON.stringify(r);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
};

/** Kleene three-valued logic over the criterion tree; `forcedNo` takes excluded criteria out. */
function evaluate(
  node: CriterionNode,
  valueOf: (fact: string) => FactValue,
  onlyAnswers: boolean,
  forcedNo: ReadonlySet<string>,
): Answer {
  if (forcedNo.has(node.id)) return 'no';
  if (node.kind === 'leaf') {
    const values = node.facts.map((f) => {
      const v = valueOf(f);
      return onlyAnswers && v.evidence.kind !== 'answer' ? 'unknown' : v.value;
    });
    return node.factMode === 'all' ? all(values) : any(values);
  }
  const values = node.children.map((c) => evaluate(c, valueOf, onlyAnswers, forcedNo));
  return node.kind === 'all-of' ? all(values) : any(values);
}

const all = (values: readonly Answer[]): Answer =>
  values.includes('no') ? 'no' : values.every((v) => v === 'yes') ? 'yes' : 'unknown';
const any = (values: readonly Answer[]): Answer =>
  values.includes('yes') ? 'yes' : values.every((v) => v === 'no') ? 'no' : 'unknown';

function evaluateCandidate(
  catalogue: ControlCatalogue,
  entry: ControlEntry,
  becauseOf: readonly CandidateReason[],
  valueOf: (fact: string) => FactValue,
): Candidate {
  const leaves = criterionLeaves(entry.criteria);
  const findings = leaves.map((leaf): CriterionFinding => ({
    criterion: leaf.id,
    text: leaf.text,
    value: evaluate(leaf, valueOf, false, new Set()),
    facts: leaf.facts.map(valueOf),
  }));
  const exclusions = entry.exclusions.map((x) => exclusionFinding(x, valueOf));
  const applying = exclusions.filter(
    (x) => x.status === 'applies' || x.status === 'likely-applies',
  );
  const wholeEntryExcluded = applying.find((x) => x.appliesTo.length === 0);
  const forcedNo = new Set(applying.flatMap((x) => x.appliesTo));

  const before = entry.criteria ? evaluate(entry.criteria, valueOf, false, new Set()) : 'unknown';
  const after = entry.criteria ? evaluate(entry.criteria, valueOf, false, forcedNo) : 'unknown';
  const confirmed = entry.criteria
    ? evaluate(entry.criteria, valueOf, true, forcedNo) === 'yes'
    : false;

  let status: CandidateStatus;
  let summary: string;
  const notMet = findings.filter((f) => f.value === 'no');
  const unknown = findings.filter((f) => f.value === 'unknown');
  if (wholeEntryExcluded && before !== 'no') {
    status = 'excluded';
    summary = `${entry.id} does not apply: ${wholeEntryExcluded.status === 'applies' ? 'the answers meet' : 'the evidence suggests'} its exclusion "${wholeEntryExcluded.text.text}"`;
  } else if (after === 'no' && before !== 'no') {
    status = 'excluded';
    summary = `${entry.id} does not apply: the criteria met are taken out by ${applying.map((x) => x.id).join(', ')}`;
  } else if (after === 'no') {
    status = 'ruled-out';
    summary = `${entry.id} is ruled out: ${notMet.map((f) => `${f.criterion} is not met`).join('; ')}`;
  } else if (after === 'yes') {
    status = confirmed ? 'meets-criteria' : 'likely';
    summary = confirmed
      ? `the answers meet the criteria of ${entry.id}`
      : `${entry.id} is likely: its criteria are met on evidence from ${evidenceKinds(findings)}, to be confirmed by answers`;
  } else {
    status = 'possible';
    summary = `${entry.id} is possible: ${unknown.length} criteria still unknown`;
  }

  const questions: OpenQuestion[] = [];
  const ask = (fact: FactValue) => {
    // Answered yes or no: settled. "unknown" (answered or not) and mere evidence stay open.
    if (fact.evidence.kind === 'answer' && fact.value !== 'unknown') return;
    const q = catalogue.facts.get(fact.fact);
    if (q) questions.push({ fact: fact.fact, question: q.question, entries: [entry.id] });
  };
  if (status !== 'ruled-out' && status !== 'excluded') {
    // Open criteria first, then unconfirmed evidence, then the exclusions that may apply.
    for (const f of findings) for (const v of f.facts) if (v.value === 'unknown') ask(v);
    for (const f of findings) for (const v of f.facts) if (v.value === 'yes') ask(v);
    for (const x of exclusions) if (x.status === 'may-apply') for (const v of x.facts) ask(v);
  } else if (status === 'excluded') {
    for (const x of applying) for (const v of x.facts) if (v.value === 'yes') ask(v);
  }

  return {
    key: entry.key,
    entryId: entry.id,
    regime: entry.regime,
    ref: entry.ref,
    title: entry.title,
    status,
    becauseOf,
    met: findings.filter((f) => f.value === 'yes'),
    unknown,
    notMet,
    exclusions,
    definitions: entry.definitions.flatMap((t) => {
      const d = catalogue.definitions.get(t);
      return d ? [d] : [];
    }),
    questions: mergeQuestions(questions),
    summary,
    textStatus: entry.textStatus,
  };
}

function exclusionFinding(x: Exclusion, valueOf: (fact: string) => FactValue): ExclusionFinding {
  const facts = x.facts.map(valueOf);
  const yes = facts.filter((f) => f.value === 'yes');
  const status: ExclusionFinding['status'] =
    yes.length > 0
      ? yes.some((f) => f.evidence.kind === 'answer')
        ? 'applies'
        : 'likely-applies'
      : facts.every((f) => f.value === 'no')
        ? 'does-not-apply'
        : 'may-apply';
  return { id: x.id, appliesTo: x.appliesTo, text: x.text, status, facts };
}

const evidenceKinds = (findings: readonly CriterionFinding[]): string => {
  const kinds = new Set<string>();
  for (const f of findings) {
    for (const v of f.facts) {
      if (v.value !== 'yes') continue;
      if (v.evidence.kind === 'capability') kinds.add(`the tag ${v.evidence.tag}`);
      if (v.evidence.kind === 'description') kinds.add(`the description ("${v.evidence.phrase}")`);
    }
  }
  return [...kinds].join(', ') || 'inference';
};

function mergeQuestions(questions: readonly OpenQuestion[]): readonly OpenQuestion[] {
  const byFact = new Map<string, OpenQuestion>();
  for (const q of questions) {
    const prev = byFact.get(q.fact);
    byFact.set(
      q.fact,
      prev ? { ...prev, entries: [...new Set([...prev.entries, ...q.entries])] } : q,
    );
  }
  return [...byFact.values()];
}

function regimeOutcome(
  regime: Regime,
  candidates: readonly Candidate[],
  context: {
    capabilities: readonly CapabilityTag[];
    answered: boolean;
    ratings: readonly Rating[];
    describedFacts: boolean;
    /** Entries proposed in any regime: some may be on other regimes' lists only. */
    proposed: readonly string[];
  },
): RegimeOutcome {
  const listed = candidates.filter((c) => c.status === 'meets-criteria' || c.status === 'likely');
  if (listed.length > 0) {
    return {
      kind: 'listed',
      entries: listed.map((c) => c.entryId),
      confirmed: listed.some((c) => c.status === 'meets-criteria'),
      reasons: listed.map((c) => c.summary),
    };
  }
  const possible = candidates.filter((c) => c.status === 'possible');
  if (possible.length > 0) {
    return {
      kind: 'undetermined',
      missing: mergeQuestions(possible.flatMap((c) => c.questions)),
      reasons: possible.map((c) => c.summary),
    };
  }
  const outside = context.ratings.filter((r) => r.kind === 'outside');
  if (outside.length > 0) {
    return {
      kind: 'listed',
      entries: outside.map((r) => r.raw),
      confirmed: false,
      reasons: outside.map(
        (r) =>
          `the exporter rates the item ${r.raw}, an entry outside Cordon's catalogue: taken as the exporter's claim, unchecked`,
      ),
    };
  }
  const reasons: string[] = candidates.map((c) => c.summary);
  const rated99 = context.ratings.some((r) => r.kind === 'ear99');
  const knowsWhatItDoes = context.capabilities.length > 0 || context.answered || rated99;
  if (!knowsWhatItDoes && !context.describedFacts) {
    return {
      kind: 'undetermined',
      missing: [
        {
          fact: 'capabilities',
          question:
            'What can the item do? Give its capability tags (e.g. communications-interception, video-analytics) or "none", or answer the questions of an entry you think applies.',
          entries: [],
        },
      ],
      reasons: [
        'the description matches no catalogue entry and nothing else says what the item can do: Cordon will not call it "not listed" on that alone',
      ],
    };
  }
  if (context.capabilities.includes('none')) {
    reasons.push('the item has no surveillance capability (capabilities: none)');
  } else if (context.capabilities.length > 0) {
    reasons.push(
      `no catalogue entry of the ${regime} list covers its capabilities (${context.capabilities.join(', ')})`,
    );
  }
  if (candidates.length === 0 && context.proposed.length > 0) {
    reasons.push(
      `the entries proposed for it (${context.proposed.join(', ')}) are not on the ${regime} list`,
    );
  } else if (candidates.length === 0) {
    reasons.push('the description matches no catalogue entry or criterion');
  }
  if (rated99)
    reasons.push('the exporter rates it EAR99 (on no ECCN of the Commerce Control List)');
  reasons.push(
    "Cordon's catalogue holds the surveillance-relevant entries of the shipped data: an item it does not list may still be controlled by another entry of the full list",
  );
  return { kind: 'not-listed', reasons };
}

function assessCyberSurveillance(
  catalogue: ControlCatalogue,
  eu: RegimeClassification | undefined,
  capabilities: readonly CapabilityTag[],
  valueOf: (fact: string) => FactValue,
): CyberSurveillanceAssessment {
  const fact = 'covert-surveillance-of-persons';
  const question: OpenQuestion = {
    fact,
    question: catalogue.facts.get(fact)?.question ?? fact,
    entries: ['EU-ART5-NONLISTED'],
  };
  const listedCyber =
    eu?.outcome.kind === 'listed'
      ? eu.candidates.filter(
          (c) =>
            (c.status === 'meets-criteria' || c.status === 'likely') &&
            catalogue.entries.some((e) => e.key === c.key && e.cyberSurveillance),
        )
      : [];
  if (listedCyber.length > 0) {
    return {
      status: 'listed',
      reasons: [
        `listed in Annex I as a cyber-surveillance entry (${listedCyber.map((c) => c.entryId).join(', ')}): Article 5 is not needed`,
      ],
    };
  }
  const v = valueOf(fact);
  if (v.evidence.kind === 'answer' && v.value === 'yes') {
    return {
      status: 'non-listed',
      reasons: [
        'the answers say it is specially designed to enable covert surveillance of natural persons (Art. 2(20))',
      ],
    };
  }
  if (v.evidence.kind === 'answer' && v.value === 'no') {
    return {
      status: 'no',
      reasons: [
        'the answers say it is not specially designed for covert surveillance of natural persons (Art. 2(20))',
      ],
    };
  }
  if (capabilities.includes('none')) {
    return {
      status: 'no',
      reasons: ['the item has no surveillance capability (capabilities: none)'],
    };
  }
  const tags = capabilities.filter((t) => capabilityKnowledge[t].cyberSurveillance !== 'no');
  if (tags.length > 0 || v.value === 'yes') {
    return {
      status: 'possibly-non-listed',
      reasons: [
        ...(tags.length > 0
          ? [
              `its capabilities (${tags.join(', ')}) may make it a cyber-surveillance item (Art. 2(20))`,
            ]
          : []),
        ...(v.evidence.kind === 'description'
          ? [`the description mentions "${v.evidence.phrase}"`]
          : []),
      ],
      question,
    };
  }
  return {
    status: 'unknown',
    reasons: ['nothing says whether it enables covert surveillance of persons'],
    question,
  };
}

function assessInterception(
  capabilities: readonly CapabilityTag[],
  facts: ReadonlyMap<string, FactValue>,
): InterceptionAssessment {
  const found = new Map<
    InterceptionFunctionId,
    { strength: 'yes' | 'possible'; because: string[] }
  >();
  const note = (id: InterceptionFunctionId, strength: 'yes' | 'possible', because: string) => {
    const prev = found.get(id);
    if (!prev) found.set(id, { strength, because: [because] });
    else {
      prev.because.push(because);
      if (strength === 'yes') prev.strength = 'yes';
    }
  };
  for (const tag of capabilities) {
    for (const f of capabilityKnowledge[tag].interceptionFunctions)
      note(f.id, f.strength, `tag ${tag}`);
  }
  for (const [fact, ids] of Object.entries(factInterceptionFunctions)) {
    const v = facts.get(fact);
    if (v?.value !== 'yes') continue;
    for (const id of ids) {
      note(id, v.evidence.kind === 'answer' ? 'yes' : 'possible', `${fact} (${v.evidence.kind})`);
    }
  }
  const functions = [...found].map(([id, f]) => ({ id, strength: f.strength, because: f.because }));
  functions.sort((a, b) => a.id.localeCompare(b.id));
  const status: InterceptionAssessment['status'] = functions.some((f) => f.strength === 'yes')
    ? 'yes'
    : functions.length > 0
      ? 'possible'
      : capabilities.length > 0
        ? 'no'
        : 'unknown';
  return { status, functions };
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
