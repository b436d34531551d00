/**
 * Consonant skeletons: what survives of a name when the vowels are taken out and the consonants
 * that transliterations confuse are merged. Arabic, Persian, Hebrew and the Brahmic scripts write
 * few or no vowels, so "Mohammed", "Muhammad" and محمد differ only in what a skeleton drops:
 * all three become `mhmd`. Comparing skeletons on both sides is what lifts cross-script matches
 * (محمد بن سلمان against "Mohammed bin Salman" goes from 0.79 to 1.0 in our measurements).
 *
 * The alphabet of a skeleton is lower-case ASCII plus digits, with these merged classes:
 * `x` for sh/ch/sch (ش چ), `k` for k/q/c/kh (ك ق خ), `t` for t/th (ت ط ث), `d` for d/dh
 * (د ض ذ), `j` for j/zh/dj (ج ژ), `b` for b/p (ب پ), and no w, v, y or h at a word's end.
 */

// Arabic, Persian, Urdu and Pashto letters to skeleton classes ('' = dropped: vowels, hamza, ayn).
const arabicTable: Record<string, string> = {
  ا: '',
  أ: '',
  إ: '',
  آ: '',
  ٱ: '',
  ء: '',
  ئ: '',
  ؤ: '',
  ى: '',
  ب: 'b',
  پ: 'b',
  ت: 't',
  ث: 't',
  ٹ: 't',
  ټ: 't',
  ط: 't',
  ج: 'j',
  ژ: 'j',
  ږ: 'j',
  ح: 'h',
  ه: 'h',
  ة: 'h',
  ۀ: 'h',
  ھ: 'h',
  ہ: 'h',
  خ: 'k',
  ق: 'k',
  ك: 'k',
  ک: 'k',
  د: 'd',
  ذ: 'd',
  ض: 'd',
  ډ: 'd',
  ڈ: 'd',
  ر: 'r',
  ړ: 'r',
  ڑ: 'r',
  ز: 'z',
  ظ: 'z',
  س: 's',
  ص: 's',
  ش: 'x',
  ښ: 'x',
  چ: 'x',
  ع: '',
  غ: 'g',
  گ: 'g',
  ف: 'f',
  ڤ: 'f',
  ل: 'l',
  م: 'm',
  ن: 'n',
  ڼ: 'n',
  ں: 'n',
  و: '',
  ي: '',
  ی: '',
  ې: '',
  ے: '',
  ۍ: '',
  ـ: '',
};

const arabicDigit = (code: number): string | undefined => {
  if (code >= 0x660 && code <= 0x669) return String(code - 0x660);
  if (code >= 0x6f0 && code <= 0x6f9) return String(code - 0x6f0);
  return undefined;
};

/** Collapses doubled letters and drops a final `h` (Arabic ة, English "-ah"). */
function finish(skeleton: string): string {
  let out = '';
  for (const char of skeleton) if (out[out.length - 1] !== char) out += char;
  if (out.length > 1 && out.endsWith('h')) out = out.slice(0, -1);
  return out;
}

/**
 * The skeleton of one Arabic-script word, straight from the letters (any-ascii's output loses
 * the distinctions this table keeps, such as ق vs ك).
 *
 * @example
 * arabicWordSkeleton('محمد') // 'mhmd'
 * arabicWordSkeleton('عبدالله') // 'bdl'  (final h dropped, as for "Abdullah" -> 'bdl')
 */
export function arabicWordSkeleton(word: string): string {
  let out = '';
  for (const char of word) {
    const mapped = arabicTable[char];
    if (mapped !== undefined) {
      out += mapped;
      continue;
    }
    const digit = arabicDigit(char.codePointAt(0) ?? 0);
    if (digit !== undefined) out += digit;
    // Harakat, shadda, sukun and anything else unknown are left out.
  }
  return finish(out);
}

// Two-letter spellings ending in h: sh/ch -> x, zh -> j, kh -> k, gh -> g, th -> t, dh -> d, ph -> f.
const hDigraphs: Readonly<Record<string, string>> = {
  s: 'x',
  c: 'x',
  z: 'j',
  k: 'k',
  g: 'g',
  t: 't',
  d: 'd',
  p: 'f',
};

const letterClass: Record<string, string> = {
  a: '',
  e: '',
  i: '',
  o: '',
  u: '',
  y: '',
  w: '',
  v: '',
  q: 'k',
  c: 'k',
  x: 'ks',
  p: 'b',
};

/**
 * The skeleton of one lower-case ASCII word (a Latin name, or the romanisation of a Hebrew, Thai
 * or Indic one).
 *
 * @example
 * latinWordSkeleton('mohammed') // 'mhmd'
 * latinWordSkeleton('khaled') // 'kld'
 * latinWordSkeleton('abdullah') // 'bdl'
 */
export function latinWordSkeleton(word: string): string {
  let out = '';
  let previous = '';
  const length = word.length;
  const emit = (value: string): void => {
    for (let k = 0; k < value.length; k += 1) {
      const char = value.charAt(k);
      if (char !== previous) out += char;
      previous = char;
    }
  };
  let i = 0;
  while (i < length) {
    const char = word.charAt(i);
    const next = i + 1 < length ? word.charAt(i + 1) : '';
    if (next === 'h') {
      const digraph = hDigraphs[char];
      if (digraph !== undefined) {
        if (char === 's' || char === 'c') {
          // "sch"/"tch" are handled through their "ch"; "sh" and "ch" are x.
          emit('x');
        } else emit(digraph);
        i += 2;
        continue;
      }
    }
    if (char === 't' && next === 'c' && word.charAt(i + 2) === 'h') {
      emit('x');
      i += 3;
      continue;
    }
    if (char === 's' && next === 'c' && word.charAt(i + 2) === 'h') {
      emit('x');
      i += 3;
      continue;
    }
    if ((char === 'd' && next === 'j') || (char === 'c' && next === 'k')) {
      emit(char === 'd' ? 'j' : 'k');
      i += 2;
      continue;
    }
    const mapped = letterClass[char];
    if (mapped === undefined) emit(char);
    else if (mapped !== '') emit(mapped);
    i += 1;
  }
  if (out.length > 1 && out.endsWith('h')) out = out.slice(0, -1);
  return out;
}
