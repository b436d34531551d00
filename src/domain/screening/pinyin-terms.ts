import { pinyin } from 'pinyin-pro';
import { placeWords } from './place-words.ts';
import { administrativeTerms } from './xinjiang-tibet-places.ts';

// Chinese administrative terms written in pinyin inside a Latin name: "Wulumuqi Shi Gonganju"
// is 乌鲁木齐市公安局 spelt out, which lists write "Urumqi Municipal Public Security Bureau".
// The terms and their English are those of `administrativeTerms` (data/screening/places,
// CC-CEDICT citations); their pinyin is read from the characters by pinyin-pro, the library
// that reads Chinese-script names, never typed in by hand.

interface PinyinTerms {
  /** Joined toneless pinyin of a term ("gonganju") -> the term's first English rendering. */
  readonly english: ReadonlyMap<string, string>;
  /** Joined pinyin of the terms of one syllable ("shi" 市, "xian" 县): read only after a place. */
  readonly oneSyllable: ReadonlySet<string>;
  /** Every leading part of a joined pinyin ("g", "go", ... "gonganju"), to stop runs early. */
  readonly prefixes: ReadonlySet<string>;
}

let built: PinyinTerms | undefined;

const joinedPinyin = (chinese: string): string[] =>
  pinyin(chinese, { toneType: 'none', type: 'array' }).map((s) => s.toLowerCase());

function pinyinTerms(): PinyinTerms {
  if (built) return built;
  const english = new Map<string, string>();
  const oneSyllable = new Set<string>();
  const prefixes = new Set<string>();
  // In the table's order: where two terms sound alike (市 city, 师 division: "shi"), the first
  // one, the commoner in names of state organs, is read.
  for (const [term, renderings] of Object.entries(administrativeTerms)) {
    const syllables = joinedPinyin(term);
    const key = syllables.join('');
    const rendering = renderings[0];
    if (rendering === undefined || key.length === 0 || english.has(key)) continue;
    english.set(key, rendering);
    if (syllables.length === 1) oneSyllable.add(key);
    for (let end = 1; end <= key.length; end += 1) prefixes.add(key.slice(0, end));
  }
  built = { english, oneSyllable, prefixes };
  return built;
}

/**
 * The tokens of a Latin name with the Chinese administrative terms it spells in pinyin read in
 * English, or undefined when it spells none. A term may be written joined or in syllables
 * ("gonganju", "gong an ju"; apostrophes are already gone). A term of one syllable (shi 市,
 * xian 县, qu 区, zhou 州) is read only right after a place name (`placeWords`), since "shi" or
 * "xian" alone is as likely a family name or a word of another language.
 *
 * @example
 * readPinyinTerms(['wulumuqi', 'shi', 'gonganju'])
 * // ['wulumuqi', 'city', 'public', 'security', 'bureau']
 */
export function readPinyinTerms(tokens: readonly string[]): string[] | undefined {
  const { english, oneSyllable, prefixes } = pinyinTerms();
  const places = placeWords();
  const read: string[] = [];
  let found = false;
  for (let i = 0; i < tokens.length;) {
    // The longest run of tokens from i that spells a term.
    let joined = '';
    let end = -1;
    let rendering: string | undefined;
    for (let j = i; j < tokens.length; j += 1) {
      joined += tokens[j] ?? '';
      if (!prefixes.has(joined)) break;
      const term = english.get(joined);
      if (term !== undefined && (!oneSyllable.has(joined) || places.has(tokens[i - 1] ?? ''))) {
        end = j + 1;
        rendering = term;
      }
    }
    if (rendering === undefined) {
      read.push(tokens[i] ?? '');
      i += 1;
      continue;
    }
    read.push(...rendering.split(' '));
    found = true;
    i = end;
  }
  return found ? read : undefined;
}
