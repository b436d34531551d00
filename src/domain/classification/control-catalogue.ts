import type { DataFileVersion } from '../policy/data-version.ts';
import { err, ok, type Result } from '../shared/result.ts';
import type { Fact } from './classification-facts.ts';
import { regimes, type ControlEntry, type Definition, type Regime } from './control-entry.ts';

/**
 * The control entries Cordon knows, per regime, with the definitions they use and the questions
 * (facts) that decide their criteria. It holds the surveillance-relevant subset of the lists that
 * the shipped data covers, not the whole Annex I or CCL: an item outside it is "not in the
 * catalogue", which is not the same as "not controlled".
 */
export interface ControlCatalogue {
  readonly entries: readonly ControlEntry[];
  readonly definitions: ReadonlyMap<string, Definition>;
  readonly facts: ReadonlyMap<string, Fact>;
  /** The data files the catalogue was built from, with their hashes. */
  readonly version: readonly DataFileVersion[];
}

/** Why a lookup by id found nothing. */
export type EntryLookupError =
  | { readonly kind: 'malformed-id'; readonly id: string; readonly message: string }
  | { readonly kind: 'unknown-regime'; readonly id: string; readonly message: string }
  | {
      readonly kind: 'not-in-catalogue';
      readonly id: string;
      readonly message: string;
      /** Entries whose number is close (same category and group), to suggest. */
      readonly suggestions: readonly string[];
    };

/** What a lookup found: the entry in each regime that lists it, and the sub-paragraph asked for. */
export interface EntryLookup {
  readonly id: string;
  readonly entries: readonly ControlEntry[];
  /** For `5A001.f.1` or `5A004.b`: the criterion of the entry the id names. */
  readonly criterion?: string;
}

const regimeAliases: Readonly<Record<string, Regime>> = {
  wassenaar: 'wassenaar',
  wa: 'wassenaar',
  eu: 'eu',
  uk: 'uk',
  gb: 'uk',
  us: 'us',
  ccl: 'us',
  ear: 'us',
};

/** `EAR99`: subject to the EAR but on no ECCN of the Commerce Control List. */
export const ear99 = 'EAR99';

/**
 * The shapes of control numbers Cordon accepts: `5A001.j`, Wassenaar's `5.A.1.j`, `EAR99`, and
 * Cordon's ids for groups and catch-alls (`US-CC-BIOMETRIC`, `EU-ART5-NONLISTED`).
 */
const listNumber = /^\d[A-E]\d{3}(\.[a-z0-9]+)*$/i;
const wassenaarNumber = /^\d\.[A-E]\.\d{1,3}(\.[a-z0-9]+)*$/i;
const cordonId = /^(US|EU|UK|WA)-[A-Z0-9-]+$/i;
/** Military list entries: the EU Common Military List (ML1 to ML22) and UK national PL entries. */
const militaryNumber = /^(ML\d{1,2}(\.[a-z0-9]+)*|PL\d{4}[a-z]?)$/i;

/** Normalises a number for comparison: `5a001.J` and `5A001.j` are the same entry. */
export const normaliseEntryId = (id: string): string => id.trim().toUpperCase();

/** True when `id` has the shape of a control number or a Cordon entry id. */
export const isWellFormedEntryId = (id: string): boolean => {
  const s = id.trim();
  return (
    listNumber.test(s) ||
    wassenaarNumber.test(s) ||
    cordonId.test(s) ||
    militaryNumber.test(s) ||
    normaliseEntryId(s) === ear99
  );
};

/**
 * Finds an entry by id, case-insensitively, in every regime that lists it; a regime prefix
 * (`eu:5A001.j`, `wassenaar:5.A.1.j`) narrows to one regime; a sub-paragraph (`5A001.f.1`,
 * `5a004.b`) resolves to its entry and names the criterion; group members resolve to their group
 * (`3A981` to `US-CC-BIOMETRIC`).
 *
 * @example
 * findControlEntry(catalogue, '5a001.J') // ok({ id: '5A001.j', entries: [wassenaar, eu, uk, us] })
 * findControlEntry(catalogue, 'us:5A001.f.1') // ok({ id: '5A001.f', criterion: 'f.1', entries: [us] })
 */
export function findControlEntry(
  catalogue: ControlCatalogue,
  rawId: string,
): Result<EntryLookup, EntryLookupError> {
  const trimmed = rawId.trim();
  const colon = trimmed.indexOf(':');
  let regime: Regime | undefined;
  let id = trimmed;
  if (colon > 0) {
    const prefix = trimmed.slice(0, colon).toLowerCase();
    regime = regimeAliases[prefix];
    if (!regime) {
      return err({
        kind: 'unknown-regime',
        id: rawId,
        message: `"${prefix}" is not a regime; use one of ${regimes.join(', ')}`,
      });
    }
    id = trimmed.slice(colon + 1).trim();
  }
  if (!isWellFormedEntryId(id) || normaliseEntryId(id) === ear99) {
    return err({
      kind: 'malformed-id',
      id: rawId,
      message:
        normaliseEntryId(id) === ear99
          ? 'EAR99 is not a control entry: it designates items subject to the EAR but on no ECCN'
          : `"${rawId}" is not a control entry id (expected e.g. 5A001.j, 5.A.1.j or eu:5A001.j)`,
    });
  }
  const pool = regime ? catalogue.entries.filter((e) => e.regime === regime) : catalogue.entries;
  const wanted = normaliseEntryId(id);
  const exact = pool.filter(
    (e) => normaliseEntryId(e.id) === wanted || normaliseEntryId(e.ref) === wanted,
  );
  if (exact.length > 0) return ok({ id: exact[0]?.id ?? id, entries: exact });

  // A sub-paragraph of an entry (5A001.f.1) or a member of a group (3A981).
  for (const entry of pool) {
    for (const base of [entry.id, entry.ref]) {
      const prefix = `${normaliseEntryId(base)}.`;
      if (!wanted.startsWith(prefix)) continue;
      const rest = wanted.slice(prefix.length);
      const criterion = criterionIdMatching(entry, rest);
      if (criterion) {
        const entries = pool.filter((e) => e.id === entry.id);
        return ok({ id: entry.id, entries, criterion });
      }
    }
    const member = criterionIdMatching(entry, wanted);
    if (entry.kind === 'group' && member) {
      return ok({
        id: entry.id,
        entries: pool.filter((e) => e.id === entry.id),
        criterion: member,
      });
    }
  }
  const head = wanted.slice(0, 5);
  const suggestions = [
    ...new Set(pool.filter((e) => normaliseEntryId(e.id).startsWith(head)).map((e) => e.id)),
  ];
  return err({
    kind: 'not-in-catalogue',
    id: rawId,
    message:
      `${id} is not in Cordon's catalogue` +
      (regime ? ` for ${regime}` : '') +
      ' (it holds the surveillance-relevant entries of the shipped data, not the whole lists)' +
      (suggestions.length > 0 ? `; related entries: ${suggestions.join(', ')}` : ''),
    suggestions,
  });
}

/** The id of a criterion of `entry` that `rest` names (`F.1` for `f.1`, `B` for `b`). */
function criterionIdMatching(entry: ControlEntry, rest: string): string | undefined {
  const want = rest.toUpperCase();
  const ids: string[] = [];
  const walk = (node: ControlEntry['criteria']): void => {
    if (!node) return;
    ids.push(node.id);
    if (node.kind !== 'leaf') node.children.forEach(walk);
  };
  walk(entry.criteria);
  const lastSegment = entry.id.split('.').pop()?.toUpperCase() ?? '';
  return ids.find((c) => {
    const up = c.toUpperCase();
    return up === want || up === `${lastSegment}.${want}`;
  });
}

/** One search hit: the entry, how well it matched, and the words that matched. */
export interface EntrySearchHit {
  readonly entry: ControlEntry;
  readonly score: number;
  readonly matchedTerms: readonly string[];
}

const stopwords = new Set(
  'the and for with from that this have has are was were will into over under than then them they their its our your not any all can such also other which when where what who how per via use used using based item items equipment system systems software technology specially designed modified following'.split(
    ' ',
  ),
);

/** Lower-case word stems of a text, short words and very common words left out. */
export function searchTerms(text: string): readonly string[] {
  return [
    ...new Set(
      text
        .toLowerCase()
        .split(/[^a-z0-9]+/)
        .filter((w) => w.length >= 3 && !stopwords.has(w))
        .map(stem),
    ),
  ];
}

const stem = (w: string): string =>
  w.length > 5 && w.endsWith('ing')
    ? w.slice(0, -3)
    : w.length > 4 && w.endsWith('ies')
      ? `${w.slice(0, -3)}y`
      : w.length > 4 && w.endsWith('s') && !w.endsWith('ss')
        ? w.slice(0, -1)
        : w;

/** Every text of an entry that search looks at. */
function entryText(entry: ControlEntry, catalogue: ControlCatalogue): string {
  const texts: string[] = [entry.id, entry.ref, entry.title.text, ...entry.surveillanceTags];
  const walk = (node: ControlEntry['criteria']): void => {
    if (!node) return;
    if (node.text) texts.push(node.text.text);
    if (node.kind === 'leaf') {
      for (const fact of node.facts) texts.push(catalogue.facts.get(fact)?.question ?? '');
    } else node.children.forEach(walk);
  };
  walk(entry.criteria);
  for (const x of entry.exclusions) texts.push(x.text.text);
  texts.push(...entry.definitions);
  return texts.join(' ').replace(/_/g, ' ');
}

// An entry's search terms never change (catalogues and entries are immutable values): work them
// out once per entry, not on every search (a classification searches the whole catalogue).
const termsByCatalogue = new WeakMap<
  ControlCatalogue,
  WeakMap<ControlEntry, ReadonlySet<string>>
>();

function entryTerms(entry: ControlEntry, catalogue: ControlCatalogue): ReadonlySet<string> {
  let byEntry = termsByCatalogue.get(catalogue);
  if (byEntry === undefined) {
    byEntry = new WeakMap();
    termsByCatalogue.set(catalogue, byEntry);
  }
  let terms = byEntry.get(entry);
  if (terms === undefined) {
    terms = new Set(searchTerms(entryText(entry, catalogue)));
    byEntry.set(entry, terms);
  }
  return terms;
}

/**
 * Searches entries by free text: every query word that occurs in an entry's number, title,
 * criteria, questions, tags or definitions counts once; hits come best first, one per entry and
 * regime. An empty or all-stopword query finds nothing.
 *
 * @example
 * searchControlEntries(catalogue, 'IMSI catcher') // [eu:5A001.f, us:5A001.f, ...]
 */
export function searchControlEntries(
  catalogue: ControlCatalogue,
  query: string,
  options: { readonly regime?: Regime; readonly limit?: number } = {},
): readonly EntrySearchHit[] {
  const terms = searchTerms(query);
  const idQuery = normaliseEntryId(query);
  if (terms.length === 0 && idQuery === '') return [];
  const hits: EntrySearchHit[] = [];
  for (const entry of catalogue.entries) {
    if (options.regime && entry.regime !== options.regime) continue;
    const haystack = entryTerms(entry, catalogue);
    const matched = terms.filter((t) => haystack.has(t));
    const idHit =
      normaliseEntryId(entry.id).startsWith(idQuery) || normaliseEntryId(entry.ref) === idQuery;
    const score =
      matched.length / Math.max(terms.length, 1) + (idHit && idQuery.length >= 2 ? 1 : 0);
    if (score > 0) hits.push({ entry, score, matchedTerms: matched });
  }
  return hits
    .sort(
      (a, b) =>
        b.score - a.score ||
        a.entry.id.localeCompare(b.entry.id) ||
        regimes.indexOf(a.entry.regime) - regimes.indexOf(b.entry.regime),
    )
    .slice(0, options.limit ?? 50);
}

/** The entry with this id in this regime, if the regime lists it. */
export const entryIn = (
  catalogue: ControlCatalogue,
  regime: Regime,
  id: string,
): ControlEntry | undefined => catalogue.entries.find((e) => e.regime === regime && e.id === id);
