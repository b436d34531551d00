import { editDistance } from './token-similarity.ts';

/**
 * Legal forms of organisations (Ltd, LLC, ООО, АО, GmbH, S.A., Zrt, 有限公司 ...) and their
 * translations. Screening takes them out of the name before comparing it, because "Gazprom JSC"
 * and "OAO Gazprom" are the same company and "Siemens AG" is not "Volkswagen AG"; but it keeps
 * them as a weak signal: the same family on both sides adds a little, incompatible ones take a
 * little away (see `compareLegalForms`).
 */
export type LegalFamily =
  | 'limited'
  | 'limited-liability'
  | 'joint-stock'
  | 'corporation'
  | 'partnership'
  | 'free-zone'
  | 'state-enterprise'
  | 'cooperative'
  | 'establishment'
  | 'sole-trader';

/** A legal form found in a name: the words as written (normalised) and their family. */
export interface LegalForm {
  readonly text: string;
  readonly family: LegalFamily;
}

// Phrases are matched on normalised tokens (lower case, punctuation split: "S.A." is "s a").
const table: Readonly<Record<LegalFamily, readonly string[]>> = {
  limited: [
    'ltd',
    'limited',
    'co ltd',
    'co limited',
    'company limited',
    'corp ltd',
    'corporation limited',
    'pty ltd',
    'pty limited',
    'pte ltd',
    'pvt ltd',
    'private limited',
    'private limited company',
    'pt',
    'sdn bhd',
    'sendirian berhad',
  ],
  'limited-liability': [
    'llc',
    'l l c',
    'limited liability company',
    'limited liability partnership',
    'ooo',
    'ооо',
    'общество с ограниченной ответственностью',
    'товарищество с ограниченной ответственностью',
    'obshchestvo s ogranichennoy otvetstvennostyu',
    'obshchestvo s ogranichennoi otvetstvennostiu',
    'tov',
    'тов',
    'too',
    'тоо',
    'gmbh',
    'mbh',
    'srl',
    's r l',
    'societatea cu raspundere limitata',
    'sarl',
    's a r l',
    'sro',
    's r o',
    'spol s r o',
    'sp zoo',
    'sp z o o',
    'spolka z o o',
    'bv',
    'b v',
    'kft',
    'doo',
    'd o o',
    'eood',
    'ood',
    'sl',
    's l',
    'ltda',
    'limitada',
    'yugen kaisha',
  ],
  'joint-stock': [
    'jsc',
    'ojsc',
    'cjsc',
    'pjsc',
    'ao',
    'ао',
    'zao',
    'зао',
    'oao',
    'оао',
    'pao',
    'пао',
    'nao',
    'нао',
    'joint stock company',
    'open joint stock company',
    'closed joint stock company',
    'public joint stock company',
    'joint stock',
    'aktsionernoe obshchestvo',
    'aktsionernoye obshchestvo',
    'otkrytoe aktsionernoe obshchestvo',
    'otkrytoye aktsionernoye obshchestvo',
    'zakrytoe aktsionernoe obshchestvo',
    'zakrytoye aktsionernoye obshchestvo',
    'publichnoe aktsionernoe obshchestvo',
    'publichnoye aktsionernoye obshchestvo',
    'акционерное общество',
    'открытое акционерное общество',
    'закрытое акционерное общество',
    'публичное акционерное общество',
    'непубличное акционерное общество',
    'ag',
    'aktiengesellschaft',
    'sa',
    's a',
    'sae',
    's a e',
    'saoc',
    'saog',
    'spa',
    's p a',
    'nv',
    'n v',
    'plc',
    'p l c',
    'public limited company',
    'public company limited',
    'as',
    'a s',
    'asa',
    'ab',
    'oy',
    'oyj',
    'ad',
    'a d',
    'zrt',
    'nyrt',
    'rt',
    'tbk',
    'kabushiki kaisha',
    'kk',
    'bhd',
    'berhad',
    'company limited by shares',
    'sas',
    's a s',
    'se',
  ],
  corporation: [
    'corp',
    'corporation',
    'inc',
    'incorporated',
    'co',
    'company',
    'cia',
    'compania',
    'cie',
    'compagnie',
  ],
  partnership: ['lp', 'l p', 'llp', 'l l p', 'kg', 'ohg', 'gbr', 'partnership'],
  'free-zone': ['fze', 'fzco', 'fzc', 'fz llc', 'fzllc'],
  'state-enterprise': [
    'fgup',
    'фгуп',
    'gup',
    'гуп',
    'mup',
    'муп',
    'federal state unitary enterprise',
    'state unitary enterprise',
    'федеральное государственное унитарное предприятие',
    'государственное унитарное предприятие',
    'federalnoe gosudarstvennoe unitarnoe predpriyatie',
  ],
  cooperative: ['coop', 'cooperative', 'co operative'],
  establishment: ['est', 'establishment'],
  'sole-trader': ['ip', 'ип', 'individual entrepreneur'],
};

/** Short forms that are also ordinary words or name parts: only taken at a name's start or end. */
const edgeOnly: ReadonlySet<string> = new Set([
  'as',
  'ad',
  'ab',
  'se',
  'rt',
  'sa',
  'ag',
  'kk',
  'co',
  'pt',
  'sl',
  'bv',
  'nv',
  'oy',
  'kg',
  'lp',
  'ao',
  'ао',
  'ip',
  'ип',
  'est',
  'tov',
  'тов',
  'too',
  'тоо',
  'cia',
  'cie',
  'gup',
  'mup',
  'doo',
  'ood',
  'joint stock',
]);

interface Entry {
  readonly tokens: readonly string[];
  readonly family: LegalFamily;
  readonly text: string;
}

const byFirstToken = new Map<string, Entry[]>();
for (const [family, phrases] of Object.entries(table) as [LegalFamily, readonly string[]][]) {
  for (const phrase of phrases) {
    const tokens = phrase.split(' ');
    // Letters written apart ("S.A.R.L.") reach the splitter joined when there are three or more
    // of them (see `joinAcronyms` in normalise-name.ts): "s a r l" is also "sarl".
    const spelt = tokens.length >= 3 && tokens.every((t) => t.length === 1);
    for (const variant of spelt ? [tokens, [tokens.join('')]] : [tokens]) {
      const first = variant[0] ?? '';
      const list = byFirstToken.get(first) ?? [];
      if (!list.some((e) => e.tokens.join(' ') === variant.join(' ')))
        list.push({ tokens: variant, family, text: phrase });
      byFirstToken.set(first, list);
    }
  }
}
for (const list of byFirstToken.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);

const legalFormWords: ReadonlySet<string> = new Set(
  [...byFirstToken.values()].flat().flatMap((entry) => entry.tokens),
);

/**
 * One-word legal forms of two to five letters ("ag", "gmbh", "llc", "ooo"), for telling a legal
 * form glued to the name ("SiemensAG") apart from the name.
 */
export const shortLegalForms: ReadonlySet<string> = new Set(
  [...byFirstToken.values()]
    .flat()
    .filter((entry) => entry.tokens.length === 1)
    .map((entry) => entry.tokens[0] ?? '')
    .filter((word) => word.length >= 2 && word.length <= 5 && /^[a-z]+$/.test(word)),
);

/** True when a token is a word of some legal form ("co", "ood", "joint", "gmbh"). */
export const isLegalFormWord = (token: string): boolean => legalFormWords.has(token);

/** Legal-form words this long are recognised with one typo ("Copmany", "Aktiengeselschaft"). */
const fuzzyLength = 7;

/** Each long legal-form word under itself and each way of deleting one of its letters. */
const legalWordsByDeletion = new Map<string, string[]>();
for (const entry of [...byFirstToken.values()].flat())
  for (const word of entry.tokens) {
    if (word.length < fuzzyLength) continue;
    for (let i = -1; i < word.length; i += 1) {
      const key = i < 0 ? word : word.slice(0, i) + word.slice(i + 1);
      const words = legalWordsByDeletion.get(key) ?? [];
      if (!words.includes(word)) words.push(word);
      legalWordsByDeletion.set(key, words);
    }
  }

/** True when a token is a legal-form phrase's word, or a one-edit typo of a long one. */
const sameLegalWord = (token: string, word: string): boolean =>
  token === word ||
  (word.length >= fuzzyLength &&
    Math.abs(word.length - token.length) <= 1 &&
    editDistance(token, word) <= 1);

/**
 * The legal-form word a token is a one-edit typo of (a letter added, dropped, changed, or two
 * swapped: "copmany" -> "company"), or the token itself. Words shorter than seven letters are
 * taken as written: "Compaq" is not a typo of "company".
 */
function legalWord(token: string): string {
  if (token.length < fuzzyLength - 1 || byFirstToken.has(token)) return token;
  const known = legalWordsMet.get(token);
  if (known !== undefined) return known;
  let found = token;
  for (let i = -1; i < token.length && found === token; i += 1) {
    const key = i < 0 ? token : token.slice(0, i) + token.slice(i + 1);
    for (const word of legalWordsByDeletion.get(key) ?? [])
      if (Math.abs(word.length - token.length) <= 1 && editDistance(token, word) <= 1) {
        found = word;
        break;
      }
  }
  if (legalWordsMet.size >= 50_000) legalWordsMet.clear();
  legalWordsMet.set(token, found);
  return found;
}

// The answers of `legalWord` for the tokens met lately: names repeat their words.
const legalWordsMet = new Map<string, string>();

/** The result of taking the legal forms out of a tokenised name. */
export interface LegalFormSplit {
  /** The tokens that remain: the name proper. */
  readonly tokens: readonly string[];
  readonly legalForms: readonly LegalForm[];
  /** True when the whole name was legal forms ("CORP", "LLC"): the tokens are then kept. */
  readonly onlyLegalForms: boolean;
}

/**
 * Takes legal forms out of a tokenised name, longest phrase first, anywhere in the name ("OAO
 * Gazprom", "Gazprom JSC", "Tactical Missiles Corporation Joint Stock Company"); ambiguous short
 * forms (AS, AD, SA, CO ...) only at the start or the end. A name that is nothing but legal forms
 * keeps its tokens, so that "CORP" stays "corp" (and scores as the uninformative name it is).
 *
 * @example
 * splitLegalForms(['hangzhou', 'hikvision', 'digital', 'technology', 'co', 'ltd'])
 * // { tokens: ['hangzhou', 'hikvision', 'digital', 'technology'],
 * //   legalForms: [{ text: 'co ltd', family: 'limited' }], onlyLegalForms: false }
 */
export function splitLegalForms(written: readonly string[]): LegalFormSplit {
  const tokens = written.map(legalWord);
  const kept: string[] = [];
  const legalForms: LegalForm[] = [];
  let i = 0;
  while (i < tokens.length) {
    const candidates = byFirstToken.get(tokens[i] ?? '');
    let taken = 0;
    if (candidates) {
      for (const entry of candidates) {
        const end = i + entry.tokens.length;
        if (end > tokens.length) continue;
        let same = true;
        for (let k = 1; k < entry.tokens.length; k += 1) {
          if (!sameLegalWord(tokens[i + k] ?? '', entry.tokens[k] ?? '')) {
            same = false;
            break;
          }
        }
        if (!same) continue;
        const atEdge = i === 0 || end === tokens.length;
        if (edgeOnly.has(entry.text) && (!atEdge || tokens.length < 2)) continue;
        legalForms.push({ text: entry.text, family: entry.family });
        taken = entry.tokens.length;
        break;
      }
    }
    if (taken > 0) {
      i += taken;
    } else {
      kept.push(written[i] ?? '');
      i += 1;
    }
  }
  if (kept.length === 0)
    return { tokens: written, legalForms: [], onlyLegalForms: written.length > 0 };
  return { tokens: kept, legalForms, onlyLegalForms: false };
}

/** How legal forms on the two sides bear on a match (a weak signal, never decisive). */
export type LegalFormAgreement = 'same-family' | 'compatible' | 'different' | 'absent';

const compatibleFamilies: readonly (readonly LegalFamily[])[] = [
  ['limited', 'limited-liability', 'corporation', 'joint-stock'],
  ['partnership', 'limited-liability'],
  ['free-zone', 'limited-liability', 'limited', 'establishment'],
];

/**
 * Compares the legal forms of two names: `absent` when either side has none (most queries),
 * `same-family` (JSC and OAO), `compatible` (Ltd and Inc: often used loosely for the same company),
 * else `different` (an LLC is not a joint-stock company).
 */
export function compareLegalForms(
  a: readonly LegalForm[],
  b: readonly LegalForm[],
): LegalFormAgreement {
  if (a.length === 0 || b.length === 0) return 'absent';
  const familiesA = new Set(a.map((f) => f.family));
  if (b.some((f) => familiesA.has(f.family))) return 'same-family';
  for (const group of compatibleFamilies) {
    if (a.some((f) => group.includes(f.family)) && b.some((f) => group.includes(f.family)))
      return 'compatible';
  }
  return 'different';
}
