// Recall of listed names (issue 16): every listed name screened as written must come back as its
// own entry, strong and on top; each kind of perturbation of a fixed sample must keep its own
// entry in the top three at review or above; a listed organisation's name plus a qualifier must
// come back at review or above.
import type { ListedParty } from '../../src/domain/lists/listed-party.ts';
import type { ScreeningIndex } from '../../src/domain/screening/screening-index.ts';
import { screenName, type ScreeningMatch } from '../../src/domain/screening/screen-name.ts';
import {
  perturb,
  perturbationKinds,
  perturbationTarget,
  seededRandom,
  type PerturbationKind,
} from './perturbations.ts';

const isOwn = (match: ScreeningMatch, party: ListedParty): boolean =>
  match.entityId === party.entityId || match.alsoListed.some((a) => a.entityId === party.entityId);

const round = (x: number): number => Math.round(x * 10_000) / 10_000;

/** One listed name that did not come back as it should, for the report. */
export interface RecallMiss {
  readonly name: string;
  readonly entityId: string;
  readonly why: string;
  readonly got: readonly string[];
}

/**
 * Every name and alias of every entry, screened as written: its own entry must be strong and at
 * the top score; a listing that ties with it must have the very same name (an identical-name
 * match). Each distinct name is screened once, for all the entries that carry it.
 */
export function selfRecall(
  index: ScreeningIndex,
  parties: readonly ListedParty[],
): { names: number; entries: number; recall: number; misses: RecallMiss[] } {
  const byName = new Map<string, ListedParty[]>();
  for (const party of parties) {
    const seen = new Set<string>();
    for (const name of party.names) {
      const value = name.value.trim();
      if (!value || seen.has(value)) continue;
      seen.add(value);
      const list = byName.get(value) ?? [];
      list.push(party);
      byName.set(value, list);
    }
  }
  let checks = 0;
  let passed = 0;
  const misses: RecallMiss[] = [];
  for (const [value, owners] of byName) {
    const result = screenName(index, { name: value }, { limit: 10 });
    const top = result.matches[0]?.score ?? 0;
    const tiedOthers = result.matches.filter(
      (m) =>
        m.score === top &&
        !owners.some((p) => isOwn(m, p)) &&
        !m.explanation.adjustments.some((a) => a.kind === 'exact-name'),
    );
    for (const party of owners) {
      checks += 1;
      const own = result.matches.find((m) => isOwn(m, party));
      const why = !own
        ? 'not returned'
        : own.band !== 'strong'
          ? `returned ${own.band} ${String(own.score)}`
          : own.score < top
            ? `below the top score ${String(top)}`
            : tiedOthers.length > 0
              ? `tied with another name: ${tiedOthers[0]?.matchedName ?? ''}`
              : undefined;
      if (why === undefined) passed += 1;
      else if (misses.length < 50)
        misses.push({
          name: value,
          entityId: party.entityId,
          why,
          got: result.matches.slice(0, 3).map((m) => `${m.matchedName} ${String(m.score)}`),
        });
    }
  }
  return {
    names: byName.size,
    entries: checks,
    recall: round(checks > 0 ? passed / checks : 1),
    misses,
  };
}

/** Per kind: how many sampled names it applied to, how many kept their own entry in the top 3. */
export interface PerturbedRecall {
  readonly kind: PerturbationKind;
  /** The recall the kind must reach; absent for a kind only reported (see `perturbationTarget`). */
  readonly target?: number;
  readonly applicable: number;
  readonly found: number;
  readonly recall: number;
  readonly misses: readonly RecallMiss[];
}

/**
 * Each sampled name perturbed once per kind: the own entry must be among the three best listings
 * (a listing tied with the third counts) at review or above.
 */
export function perturbedRecall(
  index: ScreeningIndex,
  sample: readonly { party: ListedParty; value: string }[],
  seed: number,
  kinds: readonly PerturbationKind[] = perturbationKinds,
): PerturbedRecall[] {
  return kinds.map((kind) => {
    // Each kind has its own generator, so that measuring one kind perturbs as measuring all does.
    const random = seededRandom(seed + perturbationKinds.indexOf(kind));
    let applicable = 0;
    let found = 0;
    const misses: RecallMiss[] = [];
    for (const { party, value } of sample) {
      const perturbed = perturb(value, kind, party, random);
      if (perturbed === undefined) continue;
      applicable += 1;
      const result = screenName(index, { name: perturbed }, { limit: 10 });
      const third = result.matches[2]?.score ?? 0;
      const own = result.matches.find((m) => isOwn(m, party));
      if (own && own.score >= third) found += 1;
      else if (misses.length < 15)
        misses.push({
          name: perturbed,
          entityId: party.entityId,
          why: own ? `ranked below the top 3 at ${String(own.score)}` : 'not returned',
          got: result.matches.slice(0, 3).map((m) => `${m.matchedName} ${String(m.score)}`),
        });
    }
    const target = perturbationTarget(kind);
    return {
      kind,
      ...(target !== undefined ? { target } : {}),
      applicable,
      found,
      recall: round(applicable > 0 ? found / applicable : 1),
      misses,
    };
  });
}

/** Recall of queries that must find their own entry anywhere in the results, at review or above. */
export interface AnywhereRecall {
  readonly names: number;
  readonly found: number;
  readonly recall: number;
  readonly misses: readonly RecallMiss[];
}

/** Screens each query and counts those whose own entry comes back at review or above. */
function recallAnywhere(
  index: ScreeningIndex,
  queries: Iterable<{ readonly party: ListedParty; readonly name: string }>,
): AnywhereRecall {
  let names = 0;
  let found = 0;
  const misses: RecallMiss[] = [];
  for (const { party, name } of queries) {
    names += 1;
    const result = screenName(index, { name }, { limit: 100 });
    if (result.matches.some((m) => isOwn(m, party))) found += 1;
    else if (misses.length < 15)
      misses.push({
        name,
        entityId: party.entityId,
        why: 'not returned',
        got: result.matches.slice(0, 3).map((m) => `${m.matchedName} ${String(m.score)}`),
      });
  }
  return { names, found, recall: round(names > 0 ? found / names : 1), misses };
}

/**
 * Listed organisations' names with a qualifier appended ("Branch Office", "of the Russian
 * Federation" ...): the own entry must come back at review or above, anywhere in the results.
 */
export function containmentRecall(
  index: ScreeningIndex,
  sample: readonly { party: ListedParty; value: string }[],
  seed: number,
): AnywhereRecall {
  const random = seededRandom(seed);
  return recallAnywhere(
    index,
    (function* () {
      for (const { party, value } of sample) {
        const qualified = perturb(value, 'appended-qualifier', party, random);
        if (qualified !== undefined) yield { party, name: qualified };
      }
    })(),
  );
}

/**
 * Every listed organisation's name that ends in a parenthesis ("Enerquip Ltd. (UAE)", "ARITP (All
 * Russian Institute for Technical Physics)"), screened without it: the own entry must come back
 * at review or above, anywhere in the results (a parenthesis that tells affiliates apart may rank
 * another listing first).
 */
export function trailingParenthesisRecall(
  index: ScreeningIndex,
  parties: readonly ListedParty[],
): AnywhereRecall {
  return recallAnywhere(
    index,
    (function* () {
      for (const party of parties) {
        if (party.kind === 'person') continue;
        for (const { value } of party.names) {
          if (!/\([^()]*\)\s*$/u.test(value)) continue;
          const left = value.replace(/\s*\([^()]*\)\s*$/u, '').trim();
          if (left !== '') yield { party, name: left };
        }
      }
    })(),
  );
}
