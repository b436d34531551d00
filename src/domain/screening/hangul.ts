/**
 * Romanisation of Korean names written in Hangul. A Hangul syllable decomposes arithmetically
 * into its letters (jamo), so no dictionary is needed for the sounds; what varies between lists
 * is the convention, so each name is given in four of them:
 *
 * - `revised`: Revised Romanisation (South Korea since 2000): 박지성 -> bak ji seong;
 * - `mccune`: McCune-Reischauer vowels with RR consonants, the North Korean and older usage
 *   (김정은 -> kim jong un);
 * - `northern`: McCune-Reischauer consonants and vowels without diacritics, as US lists write
 *   North Korean names (경 -> kyong, 최 -> choe);
 * - `popular`: how Koreans usually spell their own names in passports and the press
 *   (정 -> jung, 성 -> sung).
 *
 * The family name (the first syllable of a one-word name, or a one-syllable first word) takes
 * its customary spelling from a table of common Korean surnames (김 Kim, 이 Lee, 박 Park).
 */
export type HangulConvention = 'revised' | 'mccune' | 'northern' | 'popular';

export const hangulConventions: readonly HangulConvention[] = [
  'revised',
  'mccune',
  'northern',
  'popular',
];

const initials = [
  'g',
  'kk',
  'n',
  'd',
  'tt',
  'r',
  'm',
  'b',
  'pp',
  's',
  'ss',
  '',
  'j',
  'jj',
  'ch',
  'k',
  't',
  'p',
  'h',
];
const medialsRevised = [
  'a',
  'ae',
  'ya',
  'yae',
  'eo',
  'e',
  'yeo',
  'ye',
  'o',
  'wa',
  'wae',
  'oe',
  'yo',
  'u',
  'wo',
  'we',
  'wi',
  'yu',
  'eu',
  'ui',
  'i',
];
const medialsMcCune = [
  'a',
  'ae',
  'ya',
  'yae',
  'o',
  'e',
  'yo',
  'ye',
  'o',
  'wa',
  'wae',
  'oe',
  'yo',
  'u',
  'wo',
  'we',
  'wi',
  'yu',
  'u',
  'ui',
  'i',
];
const finals = [
  '',
  'k',
  'k',
  'k',
  'n',
  'n',
  'n',
  't',
  'l',
  'k',
  'm',
  'l',
  'l',
  'l',
  'p',
  'l',
  'm',
  'p',
  'p',
  't',
  't',
  'ng',
  't',
  't',
  'k',
  't',
  'p',
  't',
];

/** Customary spellings of the commonest Korean family names (the first one is used). */
const surnames: Record<string, string> = {
  김: 'kim',
  이: 'lee',
  리: 'ri',
  박: 'park',
  최: 'choi',
  정: 'jung',
  강: 'kang',
  조: 'cho',
  윤: 'yoon',
  장: 'jang',
  임: 'lim',
  한: 'han',
  오: 'oh',
  서: 'seo',
  신: 'shin',
  권: 'kwon',
  황: 'hwang',
  안: 'ahn',
  송: 'song',
  류: 'ryu',
  유: 'yoo',
  홍: 'hong',
  전: 'jeon',
  고: 'ko',
  문: 'moon',
  양: 'yang',
  손: 'son',
  배: 'bae',
  백: 'baek',
  허: 'heo',
  남: 'nam',
  노: 'noh',
  하: 'ha',
  곽: 'kwak',
  성: 'sung',
  차: 'cha',
  주: 'joo',
  우: 'woo',
  구: 'koo',
  나: 'na',
  민: 'min',
  진: 'jin',
  지: 'ji',
  엄: 'um',
  채: 'chae',
  원: 'won',
  천: 'chun',
  방: 'bang',
  공: 'kong',
  현: 'hyun',
  함: 'ham',
  변: 'byun',
  염: 'yeom',
  여: 'yeo',
  추: 'choo',
  도: 'do',
  소: 'so',
  석: 'seok',
  선: 'sun',
  설: 'seol',
  마: 'ma',
  길: 'gil',
  연: 'yeon',
  위: 'wi',
  표: 'pyo',
  명: 'myung',
  기: 'ki',
  반: 'ban',
  왕: 'wang',
  금: 'keum',
  옥: 'ok',
  육: 'yook',
  인: 'in',
  맹: 'maeng',
  제: 'je',
  모: 'mo',
  탁: 'tak',
  국: 'kook',
  편: 'pyun',
  용: 'yong',
  예: 'ye',
  경: 'kyung',
  봉: 'bong',
};

/** North Korean (and McCune-Reischauer) spellings where they differ: 이 Ri, 박 Pak, 최 Choe. */
const northernSurnames: Record<string, string> = {
  이: 'ri',
  박: 'pak',
  최: 'choe',
  정: 'jong',
  조: 'jo',
  윤: 'yun',
  임: 'rim',
  오: 'o',
  서: 'so',
  신: 'sin',
  안: 'an',
  유: 'yu',
  전: 'jon',
  문: 'mun',
  양: 'ryang',
  배: 'pae',
  백: 'paek',
  허: 'ho',
  노: 'ro',
};

// McCune-Reischauer consonants without diacritics, as North Korean names appear on US lists
// ("KIM, Kyong Il", "CHOE", "Song Thaek").
const northernInitials = [
  'k',
  'kk',
  'n',
  't',
  'tt',
  'r',
  'm',
  'p',
  'pp',
  's',
  'ss',
  '',
  'ch',
  'tch',
  'ch',
  'kh',
  'th',
  'ph',
  'h',
];

const isSyllable = (code: number): boolean => code >= 0xac00 && code <= 0xd7a3;

function romaniseSyllable(code: number, convention: HangulConvention): string {
  const index = code - 0xac00;
  const initial =
    (convention === 'northern' ? northernInitials : initials)[Math.floor(index / 588)] ?? '';
  const medialIndex = Math.floor((index % 588) / 28);
  const final = finals[index % 28] ?? '';
  let medial = (convention === 'revised' ? medialsRevised : medialsMcCune)[medialIndex] ?? '';
  if (convention === 'popular') {
    medial = medialsRevised[medialIndex] ?? '';
    // 정 jung, 성 sung, 현 hyun, 선 sun: the press spelling of ㅓ before n/ng.
    if ((medial === 'eo' || medial === 'yeo') && (final === 'n' || final === 'ng')) {
      medial = medial === 'eo' ? 'u' : 'yu';
    }
  }
  return initial + medial + final;
}

/**
 * Romanises Hangul text under one convention. Each word stays one token ("jisung"; screening
 * also tries a token against two adjacent ones joined, so it meets "Ji Sung"), except that the
 * family name is split off a one-word personal name and takes its customary spelling.
 *
 * @example
 * romaniseHangul('김정은', 'mccune') // 'kim jongun'
 * romaniseHangul('박지성', 'popular') // 'park jisung'
 */
export function romaniseHangul(text: string, convention: HangulConvention): string {
  const words = text.split(/\s+/).filter((w) => w.length > 0);
  const allSyllables = words.every((w) =>
    Array.from(w).every((c) => isSyllable(c.codePointAt(0) ?? 0)),
  );
  const surnameOf = (char: string): string | undefined =>
    (convention === 'mccune' || convention === 'northern' ? northernSurnames[char] : undefined) ??
    surnames[char];
  const romanise = (chars: readonly string[]): string =>
    chars
      .map((c) => {
        const code = c.codePointAt(0) ?? 0;
        return isSyllable(code) ? romaniseSyllable(code, convention) : c;
      })
      .join('');
  const out: string[] = [];
  for (const word of words) {
    const chars = Array.from(word);
    const first = chars[0] ?? '';
    if (allSyllables && words.length === 1 && chars.length >= 2 && chars.length <= 4) {
      // One word of a personal name: family name, then the given name as one word.
      out.push(surnameOf(first) ?? romanise([first]), romanise(chars.slice(1)));
    } else if (allSyllables && words.length > 1 && chars.length === 1) {
      // A one-syllable word of a several-word name is the family name (first or last).
      out.push(surnameOf(first) ?? romanise(chars));
    } else {
      out.push(romanise(chars));
    }
  }
  return out.join(' ');
}
