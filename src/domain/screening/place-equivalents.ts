import { isSeriesMarker } from './score-names.ts';
import { shippedWordFrequencies } from './shipped-word-frequencies.ts';
import { wordWeight } from './word-frequency.ts';
import { administrativeTerms, latinPlaceVariants } from './xinjiang-tibet-places.ts';

/**
 * A place's spelling is used for equivalence only when it is not a common word of ordinary
 * names: "ali" (阿里, Ngari) is first of all a given name. (Administrative terms are common words
 * by nature and are always used.)
 */
const minimumWeight = 0.75;

let groups: Map<string, number> | undefined;
let members: string[][] = [];

/**
 * Groups of one-word spellings of one thing: the Latin names of a Xinjiang or Tibet place
 * (Kashgar, Kashi, Qeshqer) from the gazetteer, and the one-word English renderings of one
 * Chinese administrative term (city, municipal, municipality for 市), both from
 * data/screening/places (CC-CEDICT, GeoNames, GB/T 2260).
 */
function equivalenceGroups(): Map<string, number> {
  if (!groups) {
    const frequencies = shippedWordFrequencies();
    const usable = (token: string): boolean =>
      token.length >= 3 && wordWeight(frequencies, token, 'latin', isSeriesMarker) >= minimumWeight;
    const termGroups = Object.values(administrativeTerms).map((renderings) =>
      renderings.filter((r) => !r.includes(' ')),
    );
    const built = new Map<string, number>();
    const lists: string[][] = [];
    const candidates = [
      ...latinPlaceVariants.map((group) => group.filter(usable)),
      ...termGroups.map((group) => group.filter((token) => token.length >= 3)),
    ];
    for (const tokens of candidates) {
      if (tokens.length < 2) continue;
      // Terms may share a rendering ("district" for 地区 and 区): their groups are merged.
      const existing = tokens.map((t) => built.get(t)).find((g) => g !== undefined);
      const id = existing ?? lists.length;
      if (existing === undefined) lists.push([]);
      for (const token of tokens) {
        if (built.get(token) === id) continue;
        built.set(token, id);
        lists[id]?.push(token);
      }
    }
    groups = built;
    members = lists;
  }
  return groups;
}

/**
 * True when two different tokens spell one place or one administrative term
 * ("kashi"/"kashgar", "municipal"/"city").
 *
 * @example
 * samePlaceOrTerm('urumqi', 'wulumuqi') // true
 */
export function samePlaceOrTerm(a: string, b: string): boolean {
  const all = equivalenceGroups();
  const group = all.get(a);
  return group !== undefined && a !== b && group === all.get(b);
}

/** Every other spelling of a place or term ("kashi" -> kashgar, qeshqer ...); empty if none. */
export function samePlaceOrTermCandidates(token: string): readonly string[] {
  const group = equivalenceGroups().get(token);
  if (group === undefined) return [];
  return (members[group] ?? []).filter((t) => t !== token);
}
