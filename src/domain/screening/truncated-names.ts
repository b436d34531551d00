import type { Alignment } from './align-tokens.ts';

/**
 * Names cut short by the field that carried them. Payment and trade messages give a name a field
 * of fixed length and cut what does not fit: a SWIFT MT party field is lines of 35 characters
 * (format `4*35x`), and ISO 20022 names are `Max35Text`, `Max70Text` or `Max140Text`. A name
 * exactly that long whose last word is the start of the other name's word ("... BELKASSEM DR"
 * for "... BELKASSEM DRISSI") was most likely cut there, so that word is read as the start of
 * the other, not as another word.
 */

/** The field lengths at which a name is read as possibly cut (see the module comment). */
export const fieldLengths: readonly number[] = [35, 70, 105, 140];

/** Similarity of a cut last word to a word it is the start of ("dr" / "drissi"). */
export const truncatedWordSimilarity = 0.9;

/** The fewest letters a cut word must keep to be read as the start of another. */
const minimumKept = 2;

/**
 * True when a name, as written (surrounding spaces aside), is exactly as long as one of the
 * `fieldLengths`, counted in characters (code points) as the message formats count them.
 *
 * @example
 * cutAtFieldLength('NOUREDDINE BEN ALI BEN BELKASSEM DR') // true (35 characters)
 * cutAtFieldLength('Noureddine Ben Ali') // false
 */
export function cutAtFieldLength(original: string): boolean {
  // Most names are far shorter than a field: no need to count code points.
  if (original.length < (fieldLengths[0] ?? 0)) return false;
  return fieldLengths.includes(writtenLength(original));
}

/** The length of a name as written (surrounding spaces aside), in characters (code points). */
export function writtenLength(original: string): number {
  let length = 0;
  for (const _ of original.trim()) length += 1;
  return length;
}

/**
 * True when a name's last own word (legal forms and honorifics aside) is the last word it was
 * written with, so that a cut at the field's length fell inside it: in "CHINA NATL AERO TECH IMP
 * & EXP CORP" the field cut nothing of "exp", which a legal form follows.
 */
export function endsWithOwnWord(original: string, tokens: readonly string[]): boolean {
  const key = writtenKey(original);
  const last = tokens[tokens.length - 1];
  return last !== undefined && key.slice(key.lastIndexOf(' ') + 1) === last;
}

/** True when `cut` may be `whole` cut short: a proper start of it, of at least two letters. */
export function startsCut(cut: string, whole: string): boolean {
  return cut.length >= minimumKept && whole.length > cut.length && whole.startsWith(cut);
}

/**
 * Wraps a token similarity so that the last token of a side cut at a field length counts as
 * `truncatedWordSimilarity` against any longer token of the other side that it starts
 * ("dr" / "drissi"), when the letters alone say less.
 */
export function withCutLastWords(
  similarity: (i: number, j: number) => number,
  query: readonly string[],
  listed: readonly string[],
  queryCut: boolean,
  listedCut: boolean,
): (i: number, j: number) => number {
  if (!queryCut && !listedCut) return similarity;
  return (i, j) => {
    const sim = similarity(i, j);
    if (sim >= truncatedWordSimilarity) return sim;
    const q = query[i] ?? '';
    const l = listed[j] ?? '';
    if (queryCut && i === query.length - 1 && startsCut(q, l)) return truncatedWordSimilarity;
    if (listedCut && j === listed.length - 1 && startsCut(l, q)) return truncatedWordSimilarity;
    return sim;
  };
}

/**
 * Marks the pairs that `withCutLastWords` made (kind `truncated`), so that the explanation can
 * say the word was read as cut short; the alignment is otherwise unchanged.
 */
export function markCutWords(
  alignment: Alignment,
  query: readonly string[],
  listed: readonly string[],
  queryCut: boolean,
  listedCut: boolean,
): Alignment {
  if (!queryCut && !listedCut) return alignment;
  const pairs = alignment.pairs.map((pair) => {
    if (pair.kind !== 'fuzzy' || pair.similarity !== truncatedWordSimilarity) return pair;
    const q = query[pair.queryStart] ?? '';
    const l = listed[pair.listedStart] ?? '';
    const cut =
      (queryCut && pair.queryStart === query.length - 1 && startsCut(q, l)) ||
      (listedCut && pair.listedStart === listed.length - 1 && startsCut(l, q));
    return cut ? { ...pair, kind: 'truncated' as const } : pair;
  });
  return pairs.some((pair, k) => pair !== alignment.pairs[k]) ? { ...alignment, pairs } : alignment;
}

/**
 * A name as written, for comparing beginnings: compatibility forms folded, lower case, every run
 * of characters other than letters and digits one space. Unlike the normalised words it keeps
 * legal forms and the written order ("LAST, First" is not turned round), as the field cut them.
 *
 * @example
 * writtenKey('Guangzhou Hongyu Technology Co., Lt') // 'guangzhou hongyu technology co lt'
 */
export const writtenKey = (original: string): string =>
  original
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
