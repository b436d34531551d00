import type { InterceptionFunctionId } from '../policy/destination-measures.ts';
import {
  capabilityKnowledge,
  factInterceptionFunctions,
  type CapabilityTag,
} from './classification-facts.ts';
import type { ControlCatalogue } from './control-catalogue.ts';
import type { Regime } from './control-entry.ts';
import type {
  FactValue,
  Candidate,
  OpenQuestion,
  RegimeOutcome,
  RegimeClassification,
  CyberSurveillanceAssessment,
  InterceptionAssessment,
} from './classify-item.ts';
import type { Rating } from './classification-input.ts';
import { mergeQuestions } from './evaluate-criteria.ts';

/** The outcome per regime, and the cyber-surveillance and interception assessments of an item. */
export function regimeOutcome(
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
  // A rating outside the catalogue is the exporter's claim, taken only on the lists whose
  // numbering it belongs to: a US-only ECCN (5A992.c) is "not listed in this regime" elsewhere.
  const outside = context.ratings.filter(
    (r) =>
      r.kind === 'outside' &&
      (r.scope === undefined ||
        r.scope.kind === 'common' ||
        (r.scope.kind === 'us-only' && regime === 'us') ||
        (r.scope.kind === 'national' && r.scope.list === regime)),
  );
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
  const military = context.ratings.filter((r) => r.scope?.kind === 'military');
  if (military.length > 0) {
    return {
      kind: 'undetermined',
      missing: [
        {
          fact: 'controlEntries',
          question: `The item is rated ${military.map((r) => r.raw).join(', ')}, a military list entry: Cordon applies the dual-use lists only; check the military list (a licence is required for military goods).`,
          entries: military.map((r) => r.raw),
        },
      ],
      reasons: military.map((r) => `${r.raw}: ${r.scope && 'why' in r.scope ? r.scope.why : ''}`),
    };
  }
  const elsewhere = context.ratings.filter(
    (r) => r.kind === 'outside' && r.scope !== undefined && r.scope.kind !== 'common',
  );
  const reasons: string[] = candidates.map((c) => c.summary);
  const rated99 = context.ratings.some((r) => r.kind === 'ear99');
  const knowsWhatItDoes =
    context.capabilities.length > 0 || context.answered || rated99 || elsewhere.length > 0;
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
  for (const r of elsewhere) {
    if (r.scope && 'why' in r.scope)
      reasons.push(`not listed in this regime (${regime}): ${r.scope.why}`);
    if (/^[0-9][A-E]992/i.test(r.raw.trim()))
      reasons.push(
        `${r.raw} is how the US classifies mass-market encryption items released from 5A002/5D002 by the Cryptography Note (Note 3 to Category 5 Part 2); the same Note releases them from this list when its conditions are met (generally available to the public, cryptography not easily changed, installable without substantial supplier support)`,
      );
  }
  reasons.push(
    "Cordon's catalogue holds the surveillance-relevant entries of the shipped data: an item it does not list may still be controlled by another entry of the full list",
  );
  return { kind: 'not-listed', reasons };
}

export function assessCyberSurveillance(
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

export function assessInterception(
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
