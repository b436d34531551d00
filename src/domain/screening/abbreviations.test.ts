import { describe, expect, it } from 'vitest';
import { abbreviatedWords, abbreviates, sameWordAbbreviated } from './abbreviations.ts';
import { compareNames } from './compare-names.ts';

describe(abbreviates.name, () => {
  it('reads truncations and contractions that keep the first letter, as ISO 4 forms them', () => {
    for (const [short, word] of [
      ['inst', 'institute'],
      ['tech', 'technology'],
      ['univ', 'university'],
      ['acad', 'academy'],
      ['natl', 'national'],
      ['intl', 'international'],
      ['dept', 'department'],
      ['govt', 'government'],
      ['mfg', 'manufacturing'],
    ])
      expect(abbreviates(short ?? '', word ?? ''), `${short} / ${word}`).toBe(true);
  });

  it('reads nothing else as an abbreviation', () => {
    expect(abbreviates('nta', 'national')).toBe(false); // neither its start nor ending in its last letter
    expect(abbreviates('atl', 'national')).toBe(false); // not its first letter
    expect(abbreviates('te', 'technology')).toBe(false); // two letters say too little
    expect(abbreviates('technolog', 'technology')).toBe(false); // one letter left out: a typo
    expect(abbreviates('tceh', 'technology')).toBe(false);
  });
});

describe(abbreviatedWords.name, () => {
  it('finds only generic words of organisation names, never a distinctive one', () => {
    expect(abbreviatedWords('tech')).toEqual(['technology']);
    expect(abbreviatedWords('univ')).toEqual(['university']);
    expect(abbreviatedWords('hikv')).toEqual([]);
    // A generic word is itself, not an abbreviation of another.
    expect(abbreviatedWords('bank')).toEqual([]);
    expect(sameWordAbbreviated('inst', 'institute')).toBe(true);
    expect(sameWordAbbreviated('institute', 'inst')).toBe(true);
    expect(sameWordAbbreviated('hikv', 'hikvision')).toBe(false);
  });
});

describe('comparing names with abbreviated words', () => {
  it('matches a name whose generic words are abbreviated to the name written out', () => {
    const result = compareNames('Zorvatek Inst of Tech', 'Zorvatek Institute of Technology');
    expect(result.band).toBe('review');
    expect(result.score).toBeGreaterThan(0.85);
    expect(compareNames('Zorvatek Inst of Tech', 'Zorvatek Optics of Lasers').band).toBeUndefined();
    expect(result.explanation.alignment).toContainEqual(
      expect.objectContaining({ query: 'inst', listed: 'institute', similarity: 0.9 }),
    );
    // The distinctive word must still be the listed one.
    expect(
      compareNames('Zorv Inst of Tech', 'Zorvatek Institute of Technology').score,
    ).toBeLessThan(result.score);
  });
});
