import { cutBeginning } from './cut-names.ts';
import { parenthesesOf } from './further-readings.ts';
import { writtenLength } from './truncated-names.ts';
import type { ScoreAdjustment } from './explanation.ts';
import { compareLegalForms, isLegalFormWord, type LegalFormAgreement } from './legal-forms.ts';
import { placeWords } from './place-words.ts';
import type { PreparedName } from './prepare-name.ts';
import {
  defaultScoringParameters,
  nonExactCeiling,
  type FormComparison,
  type ScoreThresholds,
} from './score-names.ts';
import {
  exactKey,
  indexWeighting,
  normaliseIdentifier,
  type IndexedName,
  type IndexedParty,
  type ScreeningIndex,
} from './screening-index.ts';
import type { ScreeningQuery } from './screen-name.ts';
import { genericOrganisationWords, particles, wordBits, wordsBits } from './word-frequency.ts';

/** The final score of one candidate name, and every step that led to it from the name score. */
export interface AdjustedScore {
  readonly score: number;
  readonly adjustments: readonly ScoreAdjustment[];
  readonly legal: LegalFormAgreement;
}

/**
 * Information (in bits, see `wordBits`) that a listed name must carry for containment to count:
 * a random ordinary name contains all the words of such a name far less often than once in a
 * million. Two common given names ("Maria Garcia", 13 bits) fall short; "Federal Security
 * Service" (about 25 bits) or any name with one word seen in no ordinary name do not.
 */
export const containmentBits = 22;

/**
 * The same when every extra word of the query is a qualifier (a word at most `qualifierWeight`
 * heavy: common in ordinary names, generic, geographic, a particle: "Branch Office", "of the
 * Russian Federation", "Holding"; a word of a legal form: "OOD", "Co."; or a place's name, see
 * `placeWords`: "Shenzhen", "Russia"): the listed name then
 * needs only the information of one word that no ordinary name contains ("GRU", "Mytel").
 */
export const qualifiedContainmentBits = 12;

/** The weight at most of a qualifier word (see `qualifiedContainmentBits`). */
export const qualifierWeight = 0.5;

/**
 * A word that says what kind of organisation rather than which: a generic word of organisation
 * names (`genericOrganisationWords`, singular or plural: "Technologies"), or a word of a legal
 * form.
 */
function isGenericOrganisationWord(word: string): boolean {
  if (genericOrganisationWords.has(word) || isLegalFormWord(word)) return true;
  const singular = word.endsWith('ies')
    ? `${word.slice(0, -3)}y`
    : word.endsWith('s')
      ? word.slice(0, -1)
      : undefined;
  return singular !== undefined && genericOrganisationWords.has(singular);
}

/** A generic word of organisation names, or a place's name (`placeWords`): what kind, or where. */
export const isOrganisationQualifier = (word: string): boolean =>
  isGenericOrganisationWord(word) || placeWords().has(word);

/** Credit each listed word needs for the listed name to count as contained in the query. */
const containmentCredit = 0.9;

/**
 * When the query contains every word of the listed name (each matched with credit of at least
 * 0.9, acronyms and initials aside), or every word but generic ones (`isGenericOrganisationWord`,
 * places aside: `left`), and adds words of its own (`extra`): the information of the listed
 * name's distinct words it contains, in bits; undefined otherwise.
 */
export function containment(
  index: ScreeningIndex,
  comparison: FormComparison,
):
  | { readonly bits: number; readonly extra: readonly string[]; readonly left: readonly string[] }
  | undefined {
  const { alignment, listedTokens, queryTokens, space } = comparison;
  const covered = new Uint8Array(listedTokens.length);
  const usedQuery = new Uint8Array(queryTokens.length);
  for (const pair of alignment.pairs) {
    // Acronyms, initials and words cut short say too little to count as containing a word.
    if (
      pair.kind === 'unmatched' ||
      pair.kind === 'acronym' ||
      pair.kind === 'initial' ||
      pair.kind === 'truncated'
    )
      continue;
    if (pair.credit < containmentCredit) continue;
    for (let k = 0; k < pair.listedLength; k += 1) covered[pair.listedStart + k] = 1;
    for (let k = 0; k < pair.queryLength; k += 1) usedQuery[pair.queryStart + k] = 1;
  }
  // A generic word of the listed name may be missing from the query ("Technology" of "Dahua
  // Technology" in "Zhejiang Dahua"): lists and customers name the line of business or not.
  const left: string[] = [];
  for (let i = 0; i < listedTokens.length; i += 1) {
    if (covered[i] === 1) continue;
    const token = listedTokens[i] ?? '';
    // A place ("China" of "Bank of China") tells affiliates apart: it is never left out.
    if (!isGenericOrganisationWord(token) || placeWords().has(token)) return undefined;
    left.push(token);
  }
  if (left.length === listedTokens.length) return undefined;
  const extra = queryTokens.filter((_, i) => usedQuery[i] === 0);
  if (extra.length === 0) return undefined;
  let bits = 0;
  listedTokens.forEach((token, i) => {
    // Each distinct word once ("MARKEL MARKEL" is not twice as informative); a word left out
    // tells nothing.
    if (
      covered[i] === 1 &&
      listedTokens.indexOf(token) === i &&
      !(space === 'latin' && particles.has(token))
    )
      bits += wordBits(index.frequencies, token, space);
  });
  return { bits, extra, left };
}

/**
 * Bonuses, penalties, caps and floors for one candidate, each recorded as an adjustment:
 * legal forms, entity kind, country and identifiers; the caps on low-information queries (a
 * lone given name, a short acronym, only a legal form, a weak alias); the containment floor
 * (the query holds a distinctive listed organisation's name plus qualifiers: at least review);
 * and the
 * ceiling that keeps 1.00 for the listed name itself. A name identical to the listed one
 * (`comparison.exact`) is never capped: it is strong unless country, kind or identifiers
 * speak against it.
 *
 * @example
 * // 'Federal Security Service of the Russian Federation' vs 'FEDERAL SECURITY SERVICE':
 * // name score 0.72, containment floor +0.08 -> 0.80 review, extra: russian, federation
 */
export function adjustScore(
  index: ScreeningIndex,
  query: ScreeningQuery,
  prepared: PreparedName,
  party: IndexedParty,
  name: IndexedName,
  comparison: FormComparison,
  thresholds: ScoreThresholds,
): AdjustedScore {
  const tally: Tally = { score: comparison.score, adjustments: [] };
  const exact = comparison.exact;
  if (exact)
    tally.adjustments.push({
      kind: 'exact-name',
      delta: 0,
      detail:
        'the query is this listed name, word for word (case, punctuation and legal form aside)',
    });
  if (comparison.reversal)
    tally.adjustments.push({
      kind: 'patronymic-reversal',
      delta: -defaultScoringParameters.reversalPenalty,
      detail: 'father and son on opposite sides of bin/ibn',
    });

  const legal = compareLegalForms(prepared.legalForms, name.prepared.legalForms);
  if (legal === 'same-family')
    add(tally, { kind: 'legal-form', delta: 0.02, detail: 'same legal form family' });
  if (legal === 'different')
    add(tally, { kind: 'legal-form', delta: -0.05, detail: 'incompatible legal forms' });

  const listedKind = party.kind;
  if (query.kind !== undefined && listedKind !== 'unknown') {
    const compatible =
      (query.kind === 'person' && listedKind === 'person') ||
      (query.kind === 'organisation' && listedKind !== 'person');
    add(
      tally,
      compatible
        ? {
            kind: 'entity-kind',
            delta: 0.02,
            detail: `both ${query.kind === 'person' ? 'people' : 'organisations'}`,
          }
        : {
            kind: 'entity-kind',
            delta: -0.15,
            detail: `query is a ${query.kind}, listed party a ${listedKind}`,
          },
    );
  }

  if (query.country !== undefined && party.countries.length > 0) {
    const country = query.country.toUpperCase();
    add(
      tally,
      party.countries.includes(country)
        ? { kind: 'country', delta: 0.03, detail: `listed in ${country}` }
        : {
            kind: 'country',
            delta: -0.05,
            detail: `listed in ${party.countries.join(', ')}, not ${country}`,
          },
    );
  }

  if (query.identifiers && query.identifiers.length > 0 && party.identifiers.length > 0) {
    const values = new Set(query.identifiers.map((i) => normaliseIdentifier(i.value)));
    const same = party.identifiers.find((i) => values.has(i.value));
    if (same)
      add(tally, { kind: 'identifier', delta: 0.15, detail: `${same.type} ${same.value} matches` });
    else {
      const types = new Set(
        query.identifiers.map((i) => i.type?.toLowerCase()).filter((t) => t !== undefined),
      );
      const conflicting = party.identifiers.find((i) => types.has(i.type.toLowerCase()));
      if (conflicting)
        add(tally, {
          kind: 'identifier',
          delta: -0.1,
          detail: `${conflicting.type} differs from the listed one`,
        });
    }
  }

  if (!exact) {
    // Organisations are named with qualifiers ("Branch Office", "of the Russian Federation");
    // a person's extra names are weighed by the name score itself. Consonant skeletons are too
    // lossy to say that one name contains another.
    const held =
      listedKind === 'person' || comparison.space !== 'latin'
        ? undefined
        : containment(index, comparison);
    const weighting = indexWeighting(index);
    // With generic words of the listed name left out, every extra word must say what kind of
    // body or where ("Zhejiang Dahua", "Megvii Holdings"); a given name ("Mariana Storm") is
    // light, but no such word.
    const qualifier = (word: string): boolean =>
      isOrganisationQualifier(word) ||
      (held?.left.length === 0 && weighting.weight(word, comparison.space) <= qualifierWeight);
    const enough = !held
      ? undefined
      : held.extra.every(qualifier)
        ? qualifiedContainmentBits
        : held.left.length === 0
          ? containmentBits
          : undefined;
    if (held && enough !== undefined && held.bits >= enough && tally.score < thresholds.review)
      add(tally, {
        kind: 'containment',
        delta: thresholds.review - tally.score,
        detail: `the query contains every ${held.left.length > 0 ? 'distinctive ' : ''}word of the listed name (${held.bits.toFixed(0)} bits of information); extra: ${held.extra.join(', ')}${held.left.length > 0 ? `; generic words of the listed name not in the query: ${held.left.join(', ')}` : ''}`,
      });
    // The listed name is the query plus a parenthesis: a place, an expansion, a note ("Enerquip
    // Ltd. (UAE)", "ARITP (All Russian Institute for Technical Physics)").
    if (name.withoutParentheses !== undefined && name.withoutParentheses === exactKey(prepared)) {
      const bits = wordsBits(index.frequencies, prepared.normalised.tokens);
      if (bits >= qualifiedContainmentBits && tally.score < thresholds.review)
        add(tally, {
          kind: 'containment',
          delta: thresholds.review - tally.score,
          detail: `the listed name is the query with ${parenthesesOf(name.value).join(' ')} added (${bits.toFixed(0)} bits of information in the query)`,
        });
    }
    // A name cut at a field length that is the beginning of the listed name, word for word.
    const cutBits = cutBeginning(index, prepared, name.value);
    if (
      cutBits !== undefined &&
      cutBits >= qualifiedContainmentBits &&
      tally.score < thresholds.review
    )
      add(tally, {
        kind: 'cut-at-field-length',
        delta: thresholds.review - tally.score,
        detail: `the query is ${String(writtenLength(prepared.normalised.original))} characters long, a length at which message fields cut names, and the listed name begins with it as written (${cutBits.toFixed(0)} bits of information before the cut word)`,
      });
    lowInformationCaps(index, prepared, party, name, comparison, thresholds, tally);
    capAt(
      tally,
      nonExactCeiling,
      'not-identical',
      '1.00 is kept for a name identical to the listed one',
    );
  }
  return {
    score: Math.min(1, Math.max(0, tally.score)),
    adjustments: tally.adjustments,
    legal,
  };
}

/** The score as adjustments change it, and the adjustments so far. */
interface Tally {
  score: number;
  readonly adjustments: ScoreAdjustment[];
}

function add(tally: Tally, adjustment: ScoreAdjustment): void {
  tally.adjustments.push(adjustment);
  tally.score += adjustment.delta;
}

/** Caps the score at `cap`, recording what the cap took off. */
function capAt(tally: Tally, cap: number, kind: ScoreAdjustment['kind'], detail: string): void {
  if (tally.score > cap) tally.adjustments.push({ kind, delta: cap - tally.score, detail });
  tally.score = Math.min(tally.score, cap);
}

/** Common given names, as the lists use them ("Maria", "Mohammed"): counted per listed person. */
function isGivenName(index: ScreeningIndex, token: string): boolean {
  const id = index.latin.vocabulary.get(token);
  if (id === undefined) return false;
  const df = index.latin.documentFrequency[id] ?? 0;
  const given = index.givenNameCount[id] ?? 0;
  return given >= 3 && given * 2 >= df;
}

/**
 * Caps for queries that carry too little to be an alert on their own: a lone common given name,
 * only common given names against an organisation, a short acronym matched through initials,
 * only a legal form, or a match through an alias the list itself calls weak.
 */
function lowInformationCaps(
  index: ScreeningIndex,
  prepared: PreparedName,
  party: IndexedParty,
  name: IndexedName,
  comparison: FormComparison,
  thresholds: ScoreThresholds,
  tally: Tally,
): void {
  const listedKind = party.kind;
  const queryTokens = comparison.queryTokens;
  let allGivenNames = comparison.space === 'latin';
  for (const token of queryTokens) if (allGivenNames) allGivenNames = isGivenName(index, token);
  if (listedKind !== 'person' && listedKind !== 'unknown' && allGivenNames)
    capAt(
      tally,
      thresholds.review - 0.01,
      'given-name-only',
      'the query is only common given names, the listed party an organisation',
    );
  if (
    queryTokens.length === 1 &&
    comparison.space === 'latin' &&
    isGivenName(index, queryTokens[0] ?? '')
  )
    capAt(
      tally,
      thresholds.review - 0.01,
      'low-information',
      'a one-word query that is a common given name',
    );
  // A name that is only a short acronym is spelt by the initials of countless others: a listed
  // "SAM" or "JSC NGT" by a query's ("Susan Amanda Mathews"), and a query "AO AST" (its legal
  // form set aside) by a listed name's ("Aleksey Sambuyevich TSYDENOV"). A match through those
  // initials is worth a look at most, never an alert.
  if (comparison.alignment.pairs.some((p) => p.kind === 'acronym')) {
    const listedAcronym =
      comparison.listedTokens.length === 1 ? comparison.listedTokens[0] : undefined;
    const queryAcronym = queryTokens.length === 1 ? queryTokens[0] : undefined;
    if (listedAcronym !== undefined && listedAcronym.length <= 4)
      capAt(
        tally,
        thresholds.review - 0.01,
        'low-information',
        `the listed name is only the ${String(listedAcronym.length)}-letter acronym "${listedAcronym}"`,
      );
    else if (queryAcronym !== undefined && queryAcronym.length <= 4)
      capAt(
        tally,
        thresholds.review - 0.01,
        'low-information',
        `the query is only the ${String(queryAcronym.length)}-letter acronym "${queryAcronym}", spelt by the listed name's initials`,
      );
  }
  if (prepared.problems.some((p) => p.kind === 'only-legal-form'))
    capAt(tally, thresholds.review - 0.01, 'low-information', 'the query is only a legal form');
  if (name.type === 'weak-aka')
    capAt(
      tally,
      thresholds.strong - 0.01,
      'weak-alias',
      'a low-quality a.k.a. is never a strong match unless it is the query word for word',
    );
}
