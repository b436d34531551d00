/**
 * Romanisation of Cyrillic names under the standards that list writers actually use, so that a
 * Cyrillic query meets a listed Latin spelling whichever convention the list followed:
 *
 * - `bgn-pcgn`: US and UK government usage (OFAC, HMT): Позитив Текнолоджиз -> pozitiv teknolodzhiz,
 *   Евгений -> yevgeniy;
 * - `iso9`: ISO 9 with its diacritics folded, which is also what South Slavic Latin spellings fold
 *   to (Вучић -> vucic);
 * - `passport`: ICAO Doc 9303 as in Russian passports since 2014 (Юлия -> iuliia);
 * - `popular`: the common English press spelling (Дмитрий -> dmitry, Юрий -> yury);
 * - `french`: French usage with its "-ine" endings (Путин -> poutine, Шостакович -> chostakovitch);
 * - `german`: German usage (Владимир -> wladimir, Горбачёв -> gorbatschow);
 * - `ukrainian`: the Ukrainian national system (2010), applied to any name without letters that
 *   only Russian has, since Ukrainian spelling is not always detectable from the letters
 *   (Володимир Зеленський -> volodymyr zelenskyy).
 *
 * Input is lower case; output is lower-case ASCII.
 */
export type CyrillicStandard =
  'bgn-pcgn' | 'iso9' | 'passport' | 'popular' | 'french' | 'german' | 'ukrainian';

export const cyrillicStandards: readonly CyrillicStandard[] = [
  'bgn-pcgn',
  'iso9',
  'passport',
  'popular',
  'french',
  'german',
  'ukrainian',
];

// Letters that every standard writes alike, including the non-Russian letters (Ukrainian,
// Belarusian, Serbian, Macedonian, Kazakh, Mongolian) in their usual ASCII folding.
const common: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  з: 'z',
  и: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  ъ: '',
  ь: '',
  э: 'e',
  і: 'i',
  ґ: 'g',
  ђ: 'dj',
  ј: 'j',
  љ: 'lj',
  њ: 'nj',
  ћ: 'c',
  џ: 'dz',
  ѓ: 'gj',
  ќ: 'kj',
  ѕ: 'dz',
  ә: 'a',
  ғ: 'g',
  қ: 'k',
  ң: 'ng',
  ө: 'o',
  ұ: 'u',
  ү: 'u',
  һ: 'h',
  ў: 'u',
};

const tables: Record<CyrillicStandard, Record<string, string>> = {
  'bgn-pcgn': {
    ...common,
    е: 'e',
    ё: 'e',
    ж: 'zh',
    й: 'y',
    х: 'kh',
    ц: 'ts',
    ч: 'ch',
    ш: 'sh',
    щ: 'shch',
    ы: 'y',
    ю: 'yu',
    я: 'ya',
    ї: 'yi',
    є: 'ye',
    ў: 'w',
  },
  iso9: {
    ...common,
    е: 'e',
    ё: 'e',
    ж: 'z',
    й: 'j',
    х: 'h',
    ц: 'c',
    ч: 'c',
    ш: 's',
    щ: 's',
    ы: 'y',
    ю: 'u',
    я: 'a',
    ї: 'i',
    є: 'e',
  },
  passport: {
    ...common,
    е: 'e',
    ё: 'e',
    ж: 'zh',
    й: 'i',
    х: 'kh',
    ц: 'ts',
    ч: 'ch',
    ш: 'sh',
    щ: 'shch',
    ъ: 'ie',
    ы: 'y',
    ю: 'iu',
    я: 'ia',
    ї: 'i',
    є: 'ie',
  },
  popular: {
    ...common,
    е: 'e',
    ё: 'yo',
    ж: 'zh',
    й: 'y',
    х: 'kh',
    ц: 'ts',
    ч: 'ch',
    ш: 'sh',
    щ: 'shch',
    ы: 'y',
    ю: 'yu',
    я: 'ya',
    ї: 'yi',
    є: 'ye',
  },
  french: {
    ...common,
    е: 'e',
    ё: 'io',
    ж: 'j',
    й: 'i',
    у: 'ou',
    х: 'kh',
    ц: 'ts',
    ч: 'tch',
    ш: 'ch',
    щ: 'chtch',
    ы: 'y',
    ю: 'iou',
    я: 'ia',
    ї: 'i',
    є: 'ie',
  },
  ukrainian: {
    ...common,
    г: 'h',
    е: 'e',
    ё: 'io',
    ж: 'zh',
    и: 'y',
    й: 'i',
    х: 'kh',
    ц: 'ts',
    ч: 'ch',
    ш: 'sh',
    щ: 'shch',
    ы: 'y',
    ю: 'iu',
    я: 'ia',
    ї: 'i',
    є: 'ie',
  },
  german: {
    ...common,
    в: 'w',
    е: 'e',
    ё: 'jo',
    ж: 'sch',
    з: 's',
    й: 'j',
    х: 'ch',
    ц: 'z',
    ч: 'tsch',
    ш: 'sch',
    щ: 'schtsch',
    ы: 'y',
    ю: 'ju',
    я: 'ja',
    ї: 'ji',
    є: 'je',
  },
};

const vowels = new Set(['а', 'е', 'ё', 'и', 'о', 'у', 'ы', 'э', 'ю', 'я', 'і', 'ї', 'є']);
const softeners = new Set(['й', 'ъ', 'ь']);
const isCyrillicLetter = (char: string | undefined): boolean =>
  char !== undefined && char >= '\u0400' && char <= '\u052f';

/** Ukrainian and Belarusian write г for /h/; Ukrainian и is /y/. */
function language(text: string): 'ukrainian' | 'belarusian' | 'other' {
  if (/[ўы]/.test(text) && /і/.test(text)) return 'belarusian';
  if (/[ієїґ]/.test(text)) return 'ukrainian';
  return 'other';
}

/**
 * Romanises lower-case Cyrillic text under one standard, with the context rules that matter for
 * names: BGN/PCGN and popular `ye` for е/ё after a vowel or at the start of a word, popular `y`
 * for the endings -ий/-ый, French `-ine` for a final -ин, French and German `ss` between vowels.
 *
 * @example
 * romaniseCyrillic('дмитрий медведев', 'popular') // 'dmitry medvedev'
 * romaniseCyrillic('путин', 'french') // 'poutine'
 */
export function romaniseCyrillic(text: string, standard: CyrillicStandard): string {
  const table = tables[standard];
  const lang = language(text);
  const chars = Array.from(text);
  let out = '';
  for (let i = 0; i < chars.length; i += 1) {
    const char = chars[i] ?? '';
    const previous = chars[i - 1];
    const next = chars[i + 1];
    const afterNext = chars[i + 2];
    const wordStart = !isCyrillicLetter(previous);
    const wordEnd = !isCyrillicLetter(next);
    const mapped = table[char];
    if (mapped === undefined) {
      out += char;
      continue;
    }
    if ((char === 'е' || char === 'ё') && (standard === 'bgn-pcgn' || standard === 'popular')) {
      const iotated =
        wordStart || (previous !== undefined && (vowels.has(previous) || softeners.has(previous)));
      if (iotated && !(standard === 'popular' && !wordStart && previous === 'и')) {
        out += char === 'е' ? 'ye' : 'yo';
        continue;
      }
    }
    if ((char === 'е' || char === 'ё') && standard === 'german' && wordStart) {
      out += 'je';
      continue;
    }
    if (standard === 'ukrainian') {
      const initial: Record<string, string> = { є: 'ye', ї: 'yi', й: 'y', ю: 'yu', я: 'ya' };
      const atStart = initial[char];
      if (wordStart && atStart !== undefined) {
        out += atStart;
        continue;
      }
      if (char === 'й' && previous === 'и') {
        out += 'y';
        continue;
      }
      out += mapped;
      continue;
    }
    if (char === 'г' && (lang === 'ukrainian' || lang === 'belarusian') && standard !== 'iso9') {
      out += 'h';
      continue;
    }
    if (char === 'и' && lang === 'ukrainian') {
      out += 'y';
      continue;
    }
    if (
      standard === 'popular' &&
      (char === 'и' || char === 'ы') &&
      next === 'й' &&
      isCyrillicLetter(previous) &&
      !isCyrillicLetter(afterNext)
    ) {
      out += 'y';
      i += 1;
      continue;
    }
    if (standard === 'french') {
      if (char === 'и' && next === 'н' && !isCyrillicLetter(afterNext) && !wordStart) {
        out += 'ine';
        i += 1;
        continue;
      }
      if (char === 'и' && next === 'й' && !isCyrillicLetter(afterNext)) {
        out += 'i';
        i += 1;
        continue;
      }
      if (char === 'г' && (next === 'е' || next === 'и' || next === 'ы')) {
        out += 'gu';
        continue;
      }
    }
    if (
      (standard === 'french' || standard === 'german') &&
      char === 'с' &&
      previous !== undefined &&
      next !== undefined &&
      vowels.has(previous) &&
      vowels.has(next)
    ) {
      out += 'ss';
      continue;
    }
    if (standard === 'french' && char === 'у' && wordEnd && previous === 'о') {
      out += 'u';
      continue;
    }
    out += mapped;
  }
  return out;
}
