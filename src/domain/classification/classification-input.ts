import type { FieldProblem } from '../shared/errors.ts';
import type { Regime } from './control-entry.ts';
import { err, ok, type Result } from '../shared/result.ts';
import {
  capabilityKnowledge,
  capabilityTags,
  contradictoryFacts,
  type Answer,
  type CapabilityTag,
} from './classification-facts.ts';
import {
  ear99,
  findControlEntry,
  isWellFormedEntryId,
  normaliseEntryId,
  type ControlCatalogue,
} from './control-catalogue.ts';
import { criterionLeaves } from './control-entry.ts';
import type { ItemToClassify, FactValue, ClassificationInputError } from './classify-item.ts';

/** Checks an item as given (every problem at once) and computes the facts its evidence supports. */
const answerValues: readonly string[] = ['yes', 'no', 'unknown'];
export interface Rating {
  readonly raw: string;
  readonly kind: 'entry' | 'ear99' | 'outside';
  readonly entryId?: string;
  readonly criterion?: string;
  /** For a rating outside the catalogue: the lists whose numbering it belongs to. */
  readonly scope?: RatingScope;
}

/**
 * Which lists a rating outside Cordon's catalogue can belong to, from its numbering alone:
 * - `us-only`: a CCL number with no Wassenaar counterpart: the "9xx" ECCNs (5A992, 5D992, 3A991:
 *   unilateral US controls, mostly anti-terrorism only), the US-only "980" ECCNs (5A980) and the
 *   600 and 500 series (0A5xx, 9A610): on the US list and no other;
 * - `military`: a military list entry (EU ML, UK PL 5xxx), outside every dual-use list;
 * - `national`: a national entry of one list (UK PL 9xxx);
 * - `common`: the Wassenaar numbering the EU, UK and US dual-use lists share (5A001, 4A005).
 */
export type RatingScope =
  | { readonly kind: 'us-only'; readonly why: string }
  | { readonly kind: 'military'; readonly why: string }
  | { readonly kind: 'national'; readonly list: Regime; readonly why: string }
  | { readonly kind: 'common' };

/** The scope of a rating outside the catalogue (see {@link RatingScope}). */
export function ratingScope(raw: string): RatingScope {
  const id = raw.trim().replace(/^[a-z]+:/i, '');
  if (/^ML\d/i.test(id) || /^PL5\d/i.test(id))
    return { kind: 'military', why: `${id} is a military list entry` };
  if (/^PL9\d/i.test(id))
    return { kind: 'national', list: 'uk', why: `${id} is a UK national control entry` };
  const eccn = /^[0-9][A-E]([0-9]{3})/.exec(id.toUpperCase());
  if (eccn?.[1] !== undefined) {
    const n = Number(eccn[1]);
    if (n >= 900 && n <= 999)
      return {
        kind: 'us-only',
        why: `${id} is a Commerce Control List number in the 9xx range, a unilateral US control with no counterpart on the Wassenaar, EU or UK lists`,
      };
    if (n >= 500 && n <= 699)
      return {
        kind: 'us-only',
        why: `${id} is in the US 500 or 600 series (items moved from the US Munitions List), on no other dual-use list`,
      };
  }
  return { kind: 'common' };
}

export function checkInput(
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
    } else if (found.error.kind === 'not-in-catalogue')
      ratings.push({ raw, kind: 'outside', scope: ratingScope(raw) });
    else problems.push({ field: `controlEntries[${i}]`, problem: found.error.message });
  });

  return problems.length > 0
    ? err({ kind: 'invalid-item', problems })
    : ok({ capabilities, answers, ratings });
}

export function computeFacts(
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
