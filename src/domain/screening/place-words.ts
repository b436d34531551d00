import { pinyin } from 'pinyin-pro';
import { countryNameVariants } from '../lists/country-codes.ts';
import { chinesePlaces } from './chinese-terms.ts';
import { continents, placeNameWords } from './word-frequency.ts';
import { latinPlaceVariants } from './xinjiang-tibet-places.ts';

let words: ReadonlySet<string> | undefined;

/**
 * One-word names of places, in Latin letters as Cordon reads them: every country's name and list
 * spelling of one word ("Russia", "Jordan"; `countryNameVariants`, ISO 3166-1) and nationality of
 * one word ("Russian"), the continents, China's provinces and large cities (`chinesePlaces`:
 * their pinyin, read from the characters by pinyin-pro, and their English where it is one word)
 * and the Latin names of Xinjiang's and
 * Tibet's prefectures and counties (the gazetteer in data/screening/places). In an organisation's
 * name such a word says where, not who: "Shenzhen Hikvision", "Hikvision Russia".
 */
export function placeWords(): ReadonlySet<string> {
  if (words) return words;
  const found = new Set<string>(continents);
  // A name written as one word ("El Salvador" and "Guinea-Bissau" are not).
  const oneWord = (name: string): string | undefined =>
    /^[\p{L}\p{M}'\u2019]+$/u.test(name.trim()) ? placeNameWords(name)[0] : undefined;
  // The other words of longer country names ("Bank" of "West Bank", "New", "Islands") are no
  // places of their own.
  for (const name of [...countryNameVariants.names, ...countryNameVariants.nationalities]) {
    const word = oneWord(name);
    if (word !== undefined) found.add(word);
  }
  for (const [chinese, english] of Object.entries(chinesePlaces)) {
    found.add(pinyin(chinese, { toneType: 'none', type: 'array' }).join('').toLowerCase());
    const word = english === null ? undefined : oneWord(english);
    if (word !== undefined) found.add(word);
  }
  for (const group of latinPlaceVariants) for (const variant of group) found.add(variant);
  words = found;
  return words;
}
