/**
 * Similarity of two tokens of a name, in [0, 1]. This is the innermost loop of screening, so it
 * works on char codes with reused scratch buffers and allocates nothing per call.
 */

let matchedA = new Uint8Array(64);
let matchedB = new Uint8Array(64);
let row = new Int32Array(65);
let previousRow = new Int32Array(65);
let previousPreviousRow = new Int32Array(65);

function ensureCapacity(length: number): void {
  if (matchedA.length >= length + 1) return;
  const size = Math.max(length + 1, matchedA.length * 2);
  matchedA = new Uint8Array(size);
  matchedB = new Uint8Array(size);
  row = new Int32Array(size + 1);
  previousRow = new Int32Array(size + 1);
  previousPreviousRow = new Int32Array(size + 1);
}

/**
 * Jaro-Winkler similarity (prefix scale 0.1 over at most 4 characters).
 *
 * @example
 * jaroWinkler('martha', 'marhta') // 0.961
 */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  ensureCapacity(Math.max(la, lb));
  const window = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1);
  matchedA.fill(0, 0, la);
  matchedB.fill(0, 0, lb);
  let matches = 0;
  for (let i = 0; i < la; i += 1) {
    const code = a.charCodeAt(i);
    const start = Math.max(0, i - window);
    const end = Math.min(lb - 1, i + window);
    for (let j = start; j <= end; j += 1) {
      if (matchedB[j] === 0 && b.charCodeAt(j) === code) {
        matchedA[i] = 1;
        matchedB[j] = 1;
        matches += 1;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < la; i += 1) {
    if (matchedA[i] === 0) continue;
    while (matchedB[k] === 0) k += 1;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) transpositions += 1;
    k += 1;
  }
  const jaro = (matches / la + matches / lb + (matches - transpositions / 2) / matches) / 3;
  let prefix = 0;
  const maxPrefix = Math.min(4, la, lb);
  while (prefix < maxPrefix && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix += 1;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/**
 * Optimal-string-alignment edit distance (Levenshtein plus adjacent transpositions: "Jonh" is one
 * edit from "John").
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const la = a.length;
  const lb = b.length;
  if (la === 0) return lb;
  if (lb === 0) return la;
  ensureCapacity(Math.max(la, lb));
  for (let j = 0; j <= lb; j += 1) previousRow[j] = j;
  for (let i = 1; i <= la; i += 1) {
    row[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= lb; j += 1) {
      const cb = b.charCodeAt(j - 1);
      const cost = ca === cb ? 0 : 1;
      let best = Math.min(
        (previousRow[j] ?? 0) + 1,
        (row[j - 1] ?? 0) + 1,
        (previousRow[j - 1] ?? 0) + cost,
      );
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) {
        best = Math.min(best, (previousPreviousRow[j - 2] ?? 0) + 1);
      }
      row[j] = best;
    }
    const spare = previousPreviousRow;
    previousPreviousRow = previousRow;
    previousRow = row;
    row = spare;
  }
  return previousRow[lb] ?? 0;
}

const isDigit = (code: number): boolean => code >= 48 && code <= 57;

/**
 * Similarity of two name tokens: the mean of Jaro-Winkler (kind to shared prefixes and short
 * transpositions) and the edit-distance ratio (strict about length differences), so that
 * "scholze"/"scholz" scores high and "olaf"/"octavian" low. Tokens with digits must be equal:
 * "Trust 2004-1" is not "Trust 2004-2".
 *
 * @example
 * tokenSimilarity('scholze', 'scholz') // ~0.93
 * tokenSimilarity('olaf', 'octavian') // ~0.42
 */
export function tokenSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  if (isDigit(a.charCodeAt(0)) || isDigit(b.charCodeAt(0))) return 0;
  const jw = jaroWinkler(a, b);
  if (jw < 0.6) return jw * 0.8;
  const ratio = 1 - editDistance(a, b) / Math.max(a.length, b.length);
  return (jw + ratio) / 2;
}

/**
 * Similarity of two consonant skeletons: 1 when equal, 0.7 when one edit apart and both have at
 * least three consonants, else 0. Skeletons have already dropped what transliterations disagree
 * on (vowels, doubled letters, kh/k ...); what differs after that is a different name, and short
 * skeletons are too common to be matched fuzzily ("mhmd" is one edit from "hmd").
 *
 * @example
 * skeletonSimilarity('mhmd', 'mhmd') // 1
 * skeletonSimilarity('slmn', 'sltn') // 0.7
 * skeletonSimilarity('ks', 'kx') // 0
 */
export function skeletonSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length < 3 || b.length < 3 || Math.abs(a.length - b.length) > 1) return 0;
  return editDistance(a, b) <= 1 ? 0.7 : 0;
}

/**
 * A sound key of a Latin token for telling spellings of one name apart from different names:
 * vowels, y, h and a Slavic/German j dropped, letters that transliterations swap merged
 * (w/v, z/s, c/k/q, ph/f), doubled consonants collapsed. It follows the idea of the classic
 * phonetic codes (Soundex, Daitch-Mokotoff) on a smaller, order-keeping alphabet.
 *
 * @example
 * soundKey('selenskyj') === soundKey('zelenskyy') // 'slnsk'
 * soundKey('wolodymyr') === soundKey('volodymyr') // 'vldmr'
 */
export function soundKey(token: string): string {
  let key = '';
  let previous = '';
  for (let i = 0; i < token.length; i += 1) {
    let c = token[i] ?? '';
    const next = token[i + 1] ?? '';
    if (c === 'p' && next === 'h') {
      c = 'f';
      i += 1;
    } else if ('aeiouyhj'.includes(c)) {
      previous = '';
      continue;
    } else if (c === 'w') c = 'v';
    else if (c === 'z') c = 's';
    else if (c === 'c' || c === 'q') c = 'k';
    if (c === previous) continue;
    key += c;
    previous = c;
  }
  return key;
}

/** Similarity given to two tokens of at least four letters with one sound key of three or more. */
export const soundSimilarity = 0.9;

/**
 * Token similarity that also hears spellings: `tokenSimilarity`, raised to `soundSimilarity`
 * when both tokens have four letters or more and share a sound key of three consonants or more
 * ("Selenskyj"/"Zelenskyy", "Ladin"/"Laden"); short keys ("sm" of Osama) are too common to
 * trust.
 */
export function soundsAlike(a: string, b: string): boolean {
  if (a.length < 4 || b.length < 4) return false;
  const key = cachedSoundKey(a);
  return key.length >= 3 && key === cachedSoundKey(b);
}

// Sound keys of the tokens met lately: alignment asks for the same tokens again and again.
const soundKeys = new Map<string, string>();

function cachedSoundKey(token: string): string {
  let key = soundKeys.get(token);
  if (key === undefined) {
    key = soundKey(token);
    if (soundKeys.size >= 50_000) soundKeys.clear();
    soundKeys.set(token, key);
  }
  return key;
}
