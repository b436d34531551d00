import type { Answer } from './classification-facts.ts';
import type { ControlCatalogue } from './control-catalogue.ts';
import {
  criterionLeaves,
  type ControlEntry,
  type CriterionNode,
  type Exclusion,
} from './control-entry.ts';
import type {
  FactValue,
  Candidate,
  CandidateReason,
  CandidateStatus,
  CriterionFinding,
  ExclusionFinding,
  OpenQuestion,
} from './classify-item.ts';

/** Evaluates a candidate entry's criteria and exclusions against the facts (three-valued logic). */
export const dedupeReasons = (reasons: readonly CandidateReason[]): readonly CandidateReason[] => {
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

export function evaluateCandidate(
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

export function mergeQuestions(questions: readonly OpenQuestion[]): readonly OpenQuestion[] {
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

export const statusRank: Record<CandidateStatus, number> = {
  'meets-criteria': 0,
  likely: 1,
  possible: 2,
  excluded: 3,
  'ruled-out': 4,
};
