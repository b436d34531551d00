import { crossLanguageGroups, nicknameGroups, nicknamePairs } from './given-name-groups.ts';

/**
 * Given names that denote the same name: English hypocorisms (Bob for Robert, Ted for Theodore)
 * and the same name across languages and transliterations (John, Juan, Ivan, Yahya; Muhammad,
 * Mohammed). Lists and customers use them interchangeably, and no string metric sees that "Bob"
 * is "Robert".
 *
 * Provenance: generated from data/screening/given-names/ (see its README.md). Hypocorisms come
 * from carltonnorthern/nicknames (Apache-2.0): a nickname that belongs to one full name only joins
 * that name's group; a nickname shared by several names ("al", "ben", "bill", "ted") is equivalent
 * to each of them, never making them equivalent to one another. Cross-language groups each cite
 * the published page that lists their forms. Nothing here comes from the evaluation data.
 */
const groupsByName = new Map<string, Set<string>>();

function relate(a: string, b: string): void {
  const set = groupsByName.get(a) ?? new Set<string>();
  set.add(b);
  groupsByName.set(a, set);
}

for (const group of [...nicknameGroups, ...crossLanguageGroups, ...nicknamePairs]) {
  const names = group.split(' ');
  for (const a of names) for (const b of names) if (a !== b) relate(a, b);
}

/**
 * True when two different tokens are forms of one given name ("bob"/"robert", "juan"/"john").
 * Symmetric, and not transitive across a shared nickname: "ted" is Edward and Theodore, but
 * Edward is not Theodore.
 *
 * @example
 * sameGivenName('ted', 'theodore') // true
 * sameGivenName('edward', 'theodore') // false
 * sameGivenName('tom', 'tim') // false
 */
export function sameGivenName(a: string, b: string): boolean {
  return a !== b && (groupsByName.get(a)?.has(b) ?? false);
}

/** Every other form of a given name ("ted" -> edward, teddy, theodore ...); empty if unknown. */
export function sameGivenNameCandidates(name: string): readonly string[] {
  return [...(groupsByName.get(name) ?? [])];
}
