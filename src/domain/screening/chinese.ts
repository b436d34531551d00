import { pinyin } from 'pinyin-pro';
import {
  chineseGenericTerms,
  chineseLegalForms,
  chinesePlaces,
  chineseTradeNames,
  compoundSurnames,
} from './chinese-terms.ts';
import { administrativeTerms, placeReadings } from './xinjiang-tibet-places.ts';

/** How a Chinese-script name reads in Latin letters. */
export interface ChineseReading {
  /** Pinyin, syllables joined per word: 习近平 -> "xi jinping", 海康威视 -> "haikangweishi". */
  readonly pinyin: string;
  /**
   * The English reading of an organisation name, when the dictionaries recognised a part of it:
   * 杭州海康威视数字技术股份有限公司 -> "hangzhou hikvision digital technology".
   */
  readonly translated?: string;
  /** The segments, for the explanation: `杭州/place 海康威视/trade-name ...`. */
  readonly segments: readonly ChineseSegment[];
  /** Legal forms found (in English: "company limited by shares"), left out of the readings. */
  readonly legalForms: readonly string[];
  readonly personal: boolean;
}

export interface ChineseSegment {
  readonly text: string;
  readonly kind: 'place' | 'trade-name' | 'generic' | 'legal-form' | 'name';
  readonly pinyin: string;
  readonly english?: string;
}

const isHan = (char: string): boolean => {
  const code = char.codePointAt(0) ?? 0;
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0x20000 && code <= 0x3134f)
  );
};

const maxWordLength = 8;

type DictionaryHit = { kind: Exclude<ChineseSegment['kind'], 'name'>; english: string | null };

/** The entry of `table` for `word`, never one inherited from Object.prototype ("constructor"). */
const own = <T>(table: Readonly<Record<string, T>>, word: string): T | undefined =>
  Object.hasOwn(table, word) ? table[word] : undefined;

function lookup(word: string): DictionaryHit | undefined {
  const legal = own(chineseLegalForms, word);
  if (legal !== undefined) return { kind: 'legal-form', english: legal };
  const trade = own(chineseTradeNames, word);
  if (trade !== undefined) return { kind: 'trade-name', english: trade };
  // Xinjiang and Tibet places by the name lists use (乌鲁木齐 Urumqi, not the pinyin Wulumuqi).
  const gazetteer = own(placeReadings, word);
  if (gazetteer !== undefined) return { kind: 'place', english: gazetteer[0] ?? null };
  if (Object.hasOwn(chinesePlaces, word))
    return { kind: 'place', english: chinesePlaces[word] ?? null };
  const generic = own(chineseGenericTerms, word) ?? own(administrativeTerms, word)?.[0];
  if (generic !== undefined) return { kind: 'generic', english: generic };
  return undefined;
}

const fold = (syllable: string): string =>
  syllable.normalize('NFD').replace(/[\u0300-\u036f]/g, '');

/**
 * Reads a run of Chinese characters: segments it by longest match against the dictionaries of
 * places, trade names, generic terms and legal forms; what is left is read as pinyin with its
 * syllables joined per word. A short name made only of unknown characters is read as a personal
 * name: family name (one character, or a compound such as 欧阳) and given name, with the family
 * name's own reading (单 shan, 曾 zeng).
 *
 * @example
 * readChinese('习近平').pinyin // 'xi jinping'
 * readChinese('杭州海康威视数字技术股份有限公司').translated
 * // 'hangzhou hikvision digital technology' (legalForms: ['company limited by shares'])
 */
export function readChinese(text: string): ChineseReading {
  // Words split on anything that is not a Han character (spaces, the middle dot of foreign names).
  const words: string[] = [];
  let current = '';
  for (const char of text) {
    if (isHan(char)) current += char;
    else if (current) {
      words.push(current);
      current = '';
    }
  }
  if (current) words.push(current);
  const hanText = words.join('');
  const syllables = hanText ? pinyin(hanText, { toneType: 'none', type: 'array' }) : [];
  const chars = Array.from(hanText);
  const readingOf = (start: number, end: number): string =>
    syllables
      .slice(start, end)
      .map(fold)
      .join('')
      .replace(/[^a-z]/g, '');

  const onlyUnknown = (word: string): boolean => {
    for (let i = 0; i < word.length; i += 1) {
      for (let len = Math.min(maxWordLength, word.length - i); len >= 2; len -= 1) {
        if (lookup(word.slice(i, i + len))) return false;
      }
    }
    return true;
  };

  // A personal name: one word of 2-4 unknown characters, or a foreign name in parts (贝拉克·奥巴马).
  const personal =
    (words.length === 1 && chars.length >= 2 && chars.length <= 4 && onlyUnknown(hanText)) ||
    (words.length > 1 && words.every((w) => w.length <= 6 && onlyUnknown(w)));
  if (personal) {
    const segments: ChineseSegment[] = [];
    if (words.length === 1) {
      const surnameLength = compoundSurnames.has(hanText.slice(0, 2)) && chars.length >= 3 ? 2 : 1;
      const surnameReading = pinyin(hanText, {
        toneType: 'none',
        type: 'array',
        mode: 'surname',
        surname: 'head',
      });
      const family = surnameReading.slice(0, surnameLength).map(fold).join('');
      const given = surnameReading.slice(surnameLength).map(fold).join('');
      segments.push({ text: chars.slice(0, surnameLength).join(''), kind: 'name', pinyin: family });
      segments.push({ text: chars.slice(surnameLength).join(''), kind: 'name', pinyin: given });
    } else {
      let offset = 0;
      for (const word of words) {
        const length = Array.from(word).length;
        segments.push({ text: word, kind: 'name', pinyin: readingOf(offset, offset + length) });
        offset += length;
      }
    }
    return {
      pinyin: segments.map((s) => s.pinyin).join(' '),
      segments,
      legalForms: [],
      personal: true,
    };
  }

  const segments: ChineseSegment[] = [];
  let offset = 0;
  for (const word of words) {
    const wordChars = Array.from(word);
    let free = '';
    let freeStart = offset;
    const flushFree = (end: number): void => {
      if (free) segments.push({ text: free, kind: 'name', pinyin: readingOf(freeStart, end) });
      free = '';
    };
    let i = 0;
    while (i < wordChars.length) {
      let hit: { word: string; entry: DictionaryHit } | undefined;
      for (let len = Math.min(maxWordLength, wordChars.length - i); len >= 1; len -= 1) {
        const candidate = wordChars.slice(i, i + len).join('');
        const entry = lookup(candidate);
        if (entry) {
          hit = { word: candidate, entry };
          break;
        }
      }
      if (hit) {
        flushFree(offset + i);
        const length = Array.from(hit.word).length;
        segments.push({
          text: hit.word,
          kind: hit.entry.kind,
          pinyin: readingOf(offset + i, offset + i + length),
          ...(hit.entry.english !== null ? { english: hit.entry.english } : {}),
        });
        i += length;
        freeStart = offset + i;
      } else {
        if (!free) freeStart = offset + i;
        free += wordChars[i] ?? '';
        i += 1;
      }
    }
    flushFree(offset + wordChars.length);
    offset += wordChars.length;
  }
  const proper = segments.filter((s) => s.kind !== 'legal-form');
  const legalForms = segments.filter((s) => s.kind === 'legal-form').map((s) => s.english ?? '');
  const pinyinText = proper.map((s) => s.pinyin).join(' ');
  const translated = proper.map((s) => s.english ?? s.pinyin).join(' ');
  return {
    pinyin: pinyinText,
    ...(translated !== pinyinText ? { translated } : {}),
    segments,
    legalForms,
    personal: false,
  };
}
