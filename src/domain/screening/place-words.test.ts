import { describe, expect, it } from 'vitest';
import { placeWords } from './place-words.ts';

describe(placeWords.name, () => {
  it("holds countries, nationalities, continents, China's provinces and cities, and Xinjiang's places", () => {
    for (const word of ['russia', 'iran', 'jordan', 'russian', 'asia', 'zhejiang', 'shenzhen'])
      expect(placeWords().has(word), word).toBe(true);
    for (const word of ['kashgar', 'kashi', 'urumqi', 'tibet'])
      expect(placeWords().has(word)).toBe(true);
  });

  it('leaves out the other words of longer country names, and names that are no place', () => {
    // "West Bank", "New Zealand", "Northern Mariana Islands".
    for (const word of ['bank', 'new', 'islands', 'mariana', 'hikvision', 'technology'])
      expect(placeWords().has(word), word).toBe(false);
  });
});
