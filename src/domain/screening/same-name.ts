// Whether two prepared names are one name as written, or the same words in another order.
import { compareLegalForms } from './legal-forms.ts';
import type { PreparedName } from './prepare-name.ts';

/**
 * True when two names have the same own words, in any order, as written after normalisation
 * (legal forms aside): "Technologies Security" and "SECURITY TECHNOLOGIES LLC".
 */
export function sameOwnWords(query: PreparedName, listed: PreparedName): boolean {
  return sameWords(query.normalised.tokens, listed.normalised.tokens);
}

/**
 * True when one name's own words are, in any order, those of a name the other embeds (one side
 * of "A/K/A", of a slash, or the name without an acronym in parentheses; see
 * further-readings.ts): "National University of Defense Technology" and "NUDT" for "National
 * University of Defense Technology (NUDT)".
 */
export function sameWordsAsEmbedded(query: PreparedName, listed: PreparedName): boolean {
  return (
    embedsWords(listed, query.normalised.tokens) || embedsWords(query, listed.normalised.tokens)
  );
}

function embedsWords(name: PreparedName, tokens: readonly string[]): boolean {
  for (const form of name.forms)
    if (form.scheme === 'alternative' && !form.consonantal && sameWords(tokens, form.tokens))
      return true;
  return false;
}

/** The same multiset of words: each word as often on both sides. */
function sameWords(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || a.length !== b.length) return false;
  // Names are short: counting each word on both sides is cheap.
  for (const token of a) {
    let inA = 0;
    let inB = 0;
    for (const other of a) if (other === token) inA += 1;
    for (const other of b) if (other === token) inB += 1;
    if (inA !== inB) return false;
  }
  return true;
}

/**
 * True when two names are the same name: the same own words in the same order, as written,
 * after normalisation (case, punctuation, diacritics, honorifics and "LAST, First" set aside),
 * and legal forms that agree (none on either side, or of one family: "CO., LTD." and "Co. Ltd").
 * "HUAWEI TECHNOLOGIES CO., LTD." and "Huawei Technologies Co., Ltd." are one name; "Lia S.A."
 * and "LIA COMPANY" are not (the legal form is part of who a one-word name denotes), nor is
 * "Huawei Technologies" without its legal form (it still scores as near as a name can).
 */
export function identicalNames(query: PreparedName, listed: PreparedName): boolean {
  const a = query.normalised.tokens;
  const b = listed.normalised.tokens;
  if (a.length === 0 || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  if (query.legalForms.length === 0 && listed.legalForms.length === 0) return true;
  return compareLegalForms(query.legalForms, listed.legalForms) === 'same-family';
}
