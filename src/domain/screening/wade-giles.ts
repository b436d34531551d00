import { tablePinyinSyllables, wadeGilesReadings } from './wade-giles-table.ts';

/** At most this many readings of one name, the most literal first. */
export const maxWadeGilesReadings = 4;

// Chinese personal names have two to four syllables; a few more allow for a name with a
// transcribed organisation or place, and keep the work bounded for anything longer.
const maxTokens = 6;
const maxSyllablesPerToken = 3;
// The longest Wade-Giles syllables (chiang, hsiung, shuang) have six letters.
const maxTokenLength = 6 * maxSyllablesPerToken;

// Spellings that pinyin never has: the hs- and ts-/tz-/ss-/sz- initials, the -ih, -eh (-ieh,
// -üeh, -yeh), -erh, -ung, -uei and -ien finals, and ch before i + another letter (chin, chiang).
// Other Wade-Giles spellings outside pinyin (to, ho, jen, ing) are also English, Japanese or
// Korean syllables, so they count only as a whole token ("Chang Ho"), never inside a longer word
// ("Sato", "Kato").
const strongMarker = /hs|^t[sz]|^s[sz]|ih$|eh$|rh$|ung$|uei$|ien$|^chi[a-z]/;

const pinyinSyllables: ReadonlySet<string> = new Set(tablePinyinSyllables);
const vowels: ReadonlySet<number> = new Set(['a', 'e', 'i', 'o', 'u'].map((c) => c.charCodeAt(0)));

interface Syllable {
  readonly spelling: string;
  /** Pinyin readings, the literal one (no apostrophe or ü restored) first. */
  readonly readings: readonly string[];
  /** The spelling is not a pinyin syllable: a sign of Wade-Giles. */
  readonly notPinyin: boolean;
  readonly strong: boolean;
  /** Some reading differs from the spelling (chou -> zhou, ping -> bing). */
  readonly readsOtherwise: boolean;
}

// A trie over a-z: `next[node * 26 + letter]` is the child node (0: none; node 0 is the root),
// `syllableAt[node]` the syllable that ends there.
const next: number[] = [0];
const syllableAt: (Syllable | undefined)[] = [undefined];
for (const row of wadeGilesReadings) {
  const [spelling = '', ...readings] = row.split(' ');
  let node = 0;
  for (let i = 0; i < spelling.length; i += 1) {
    const slot = node * 26 + spelling.charCodeAt(i) - 97;
    let child = next[slot] ?? 0;
    if (child === 0) {
      child = syllableAt.length;
      syllableAt.push(undefined);
      next[slot] = child;
    }
    node = child;
  }
  syllableAt[node] = {
    spelling,
    readings,
    notPinyin: !pinyinSyllables.has(spelling),
    strong: strongMarker.test(spelling),
    readsOtherwise: readings.length > 1 || readings[0] !== spelling,
  };
}

// Scratch space of `segment` (one call at a time): count[i] is the fewest syllables spelling
// token[i..], end[i] where the first of them ends.
const count = new Uint8Array(maxTokenLength + 1);
const end = new Uint8Array(maxTokenLength + 1);
const unreachable = 255;

/** True when some run of syllables spells the whole token: a quick test, no allocation. */
function spellsSyllables(token: string): boolean {
  const n = token.length;
  // Bit i: token[..i] is spelt by a run of syllables.
  let reach = 1;
  for (let i = 0; i < n; i += 1) {
    if ((reach & (1 << i)) === 0) continue;
    let node = 0;
    for (let j = i; j < n; j += 1) {
      const letter = token.charCodeAt(j) - 97;
      if (letter < 0 || letter > 25) return false;
      node = next[node * 26 + letter] ?? 0;
      if (node === 0) break;
      if (syllableAt[node] !== undefined) reach |= 1 << (j + 1);
    }
    // Nothing reaches past i: no later position can start a syllable.
    if (reach >>> (i + 1) === 0) return false;
  }
  return (reach & (1 << n)) !== 0;
}

/**
 * The token as a run of Wade-Giles syllables, the fewest possible (ties: the longest first
 * syllable), or undefined when it is not one. In a run of several, every syllable after the first
 * starts with a consonant: Wade-Giles writes a hyphen or apostrophe before a vowel (Hsi-an), so
 * "aasen" is not a + a + sen.
 */
function segment(token: string): Syllable[] | undefined {
  const n = token.length;
  if (n === 0 || n > maxTokenLength || !spellsSyllables(token)) return undefined;
  count.fill(unreachable);
  count[n] = 0;
  for (let i = n - 1; i >= 0; i -= 1) {
    if (i > 0 && vowels.has(token.charCodeAt(i))) continue;
    let node = 0;
    for (let j = i; j < n; j += 1) {
      node = next[node * 26 + token.charCodeAt(j) - 97] ?? 0;
      if (node === 0) break;
      const rest = count[j + 1] ?? unreachable;
      if (syllableAt[node] !== undefined && rest < unreachable && rest + 1 <= (count[i] ?? 0)) {
        count[i] = rest + 1;
        end[i] = j + 1;
      }
    }
  }
  if ((count[0] ?? unreachable) > maxSyllablesPerToken) return undefined;
  const syllables: Syllable[] = [];
  for (let i = 0; i < n;) {
    const stop = end[i] ?? n;
    let node = 0;
    for (let j = i; j < stop; j += 1) node = next[node * 26 + token.charCodeAt(j) - 97] ?? 0;
    const syllable = syllableAt[node];
    if (syllable === undefined) return undefined;
    syllables.push(syllable);
    i = stop;
  }
  return syllables;
}

/** True when the name is plausibly Wade-Giles rather than pinyin or another language. */
function showsWadeGiles(parsed: readonly (readonly Syllable[])[]): boolean {
  let oneSyllableWords = true;
  let readsOtherwise = false;
  for (const syllables of parsed) {
    if (syllables.length > 1) oneSyllableWords = false;
    for (const s of syllables) {
      if (s.notPinyin && (s.strong || syllables.length === 1)) return true;
      if (s.readsOtherwise) readsOtherwise = true;
    }
  }
  // Three or more one-syllable words are a name whose given name was hyphenated ("Chou En-lai"):
  // read when a syllable reads otherwise in pinyin (chou -> zhou).
  return parsed.length >= 3 && oneSyllableWords && readsOtherwise;
}

/** The state of the search for readings (module-level functions: no closures per call). */
interface Search {
  readonly parsed: readonly (readonly Syllable[])[];
  readonly flat: readonly Syllable[];
  readonly spare: readonly number[];
  /** The place of each syllable's reading in its list. */
  readonly choice: number[];
  readonly asWritten: string;
  readonly keys: string[];
  readonly readings: string[][];
}

/** Adds the tokens of the current choice, unless they are the name as written or already in. */
function emit(search: Search): void {
  const out: string[] = [];
  let k = 0;
  for (const syllables of search.parsed) {
    let token = '';
    for (let s = 0; s < syllables.length; s += 1, k += 1)
      token += search.flat[k]?.readings[search.choice[k] ?? 0] ?? '';
    out.push(token);
  }
  const key = out.join(' ');
  if (key === search.asWritten || search.keys.includes(key)) return;
  search.keys.push(key);
  search.readings.push(out);
}

/** Every choice of readings from syllable k on whose places add up to `cost`, the last first. */
function choose(search: Search, k: number, cost: number): void {
  if (search.readings.length >= maxWadeGilesReadings) return;
  if (k === search.flat.length) {
    if (cost === 0) emit(search);
    return;
  }
  const options = search.flat[k]?.readings.length ?? 1;
  for (let r = 0; r < options && r <= cost; r += 1) {
    if (cost - r > (search.spare[k + 1] ?? 0)) continue;
    search.choice[k] = r;
    choose(search, k + 1, cost - r);
  }
  search.choice[k] = 0;
}

/**
 * Reads a name written in Wade-Giles as pinyin: up to `maxWadeGilesReadings` token lists (never
 * the name as written), the literal reading of a syllable whose apostrophe or ü was lost first
 * (`ping` -> bing, then ping), each token kept a token (the aligner pairs `ze dong` with
 * `zedong`). It reads only a name whose every token is one to three Wade-Giles syllables and that
 * shows Wade-Giles: a spelling pinyin never has (hs, ts, -ih, -ung ...), a non-pinyin syllable
 * standing as a word (ho, jen), or three or more one-syllable words one of which reads otherwise.
 *
 * @example
 * readWadeGiles(['mao', 'tse', 'tung'])[0] // ['mao', 'ze', 'dong']
 * readWadeGiles(['hsi', 'chin', 'ping']) // [xi jin bing], [xi jin ping], [xi qin bing], [xi qin ping]
 * readWadeGiles(['john', 'smith']) // [] (and [] for the pinyin ['xi', 'jinping'])
 */
export function readWadeGiles(tokens: readonly string[]): readonly (readonly string[])[] {
  if (tokens.length === 0 || tokens.length > maxTokens) return [];
  const parsed: Syllable[][] = [];
  for (const token of tokens) {
    const syllables = segment(token);
    if (syllables === undefined) return [];
    parsed.push(syllables);
  }
  if (!showsWadeGiles(parsed)) return [];

  const flat: Syllable[] = [];
  for (const syllables of parsed) flat.push(...syllables);
  // spare[k]: the most cost the syllables from k on can add (cost: a reading's place in its list).
  const spare: number[] = new Array<number>(flat.length + 1).fill(0);
  for (let k = flat.length - 1; k >= 0; k -= 1)
    spare[k] = (spare[k + 1] ?? 0) + (flat[k]?.readings.length ?? 1) - 1;
  const search: Search = {
    parsed,
    flat,
    spare,
    choice: new Array<number>(flat.length).fill(0),
    asWritten: tokens.join(' '),
    keys: [],
    readings: [],
  };
  const maxCost = spare[0] ?? 0;
  for (let cost = 0; cost <= maxCost && search.readings.length < maxWadeGilesReadings; cost += 1)
    choose(search, 0, cost);
  return search.readings;
}
