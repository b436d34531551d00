import { pinyin } from 'pinyin-pro';
import { givenNameReadings, kanjiOnReadings, surnameReadings } from './japanese-name-readings.ts';

/**
 * Japanese readings (Hepburn, long vowels unmarked) of Japanese personal names written in kanji.
 * Kanji are otherwise read as Mandarin (山田 -> "shan tian"), which no list writes; with these
 * tables 山田太郎 also reads "yamada taro".
 *
 * Provenance: generated from data/screening/japanese-names/ (see its README.md): the ~2,000
 * commonest surnames by population and ~5,400 popular given names, each with a reading that
 * ENAMDICT (EDRDG, CC BY-SA 4.0) attests for that spelling, and the first on-reading of each
 * school or name kanji from KANJIDIC2 (EDRDG, CC BY-SA 4.0). Nothing here comes from the
 * evaluation data.
 */
const table = (entries: readonly string[]): ReadonlyMap<string, string> => {
  const map = new Map<string, string>();
  for (const entry of entries) {
    const [kanji = '', reading = ''] = entry.split(' ');
    if (!map.has(kanji)) map.set(kanji, reading);
  }
  return map;
};

const surnames = table(surnameReadings);
const givenNames = table(givenNameReadings);
const onReadings = table(kanjiOnReadings);
const longestSurname = 4;
const longestGivenName = 4;
/** An unknown given name is read kanji by kanji only when it is this short (1 or 2 kanji). */
const longestFallbackGivenName = 2;

/** An unknown given name read kanji by kanji: the on-reading, else the toneless pinyin. */
function fallbackReading(chars: readonly string[]): string {
  return chars
    .map((char) => onReadings.get(char) ?? pinyin(char, { toneType: 'none', type: 'string' }))
    .join('')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

/**
 * The Japanese reading of a kanji personal name whose family name is a known surname. The given
 * name is read from the table when it is there; otherwise, when it has one or two kanji, kanji by
 * kanji, each by its first on-reading (or its pinyin when the kanji has none in the table), so
 * 山田晋三 reads "yamada shinsan": right surname, approximate given name. A split where both parts are known
 * wins over a longer surname with an unknown given name.
 *
 * @example
 * readJapaneseName('山田太郎') // 'yamada taro'
 * readJapaneseName('习近平') // undefined (习 is no Japanese surname)
 */
export function readJapaneseName(name: string): string | undefined {
  const chars = Array.from(name);
  const splits: number[] = [];
  for (let length = Math.min(longestSurname, chars.length - 1); length >= 1; length -= 1) {
    if (chars.length - length <= longestGivenName && surnames.has(chars.slice(0, length).join('')))
      splits.push(length);
  }
  for (const length of splits) {
    const given = givenNames.get(chars.slice(length).join(''));
    if (given !== undefined) return `${surnames.get(chars.slice(0, length).join(''))} ${given}`;
  }
  const length = splits.find((l) => chars.length - l <= longestFallbackGivenName);
  if (length === undefined) return undefined;
  const given = fallbackReading(chars.slice(length));
  return given.length > 0 ? `${surnames.get(chars.slice(0, length).join(''))} ${given}` : undefined;
}
