import { describe, expect, it } from 'vitest';
import { compareNames } from './compare-names.ts';
import { cutAtFieldLength, startsCut, withCutLastWords, writtenLength } from './truncated-names.ts';

// Names made up for these tests: a SWIFT MT line holds 35 characters.
const listedPerson = 'Abdelkarim Ben Salah Ben Youssef Haddad'; // 39 characters
const cutPerson = listedPerson.slice(0, 35); // '... Youssef Ha'

describe(cutAtFieldLength.name, () => {
  it('is true for a name exactly as long as a field that cuts names, and for no other length', () => {
    expect(writtenLength(cutPerson)).toBe(35);
    expect(cutAtFieldLength(cutPerson)).toBe(true);
    expect(cutAtFieldLength(`  ${cutPerson} `)).toBe(true);
    expect(cutAtFieldLength(cutPerson.slice(0, 34))).toBe(false);
    expect(cutAtFieldLength(listedPerson)).toBe(false);
    expect(cutAtFieldLength('x'.repeat(70))).toBe(true);
    expect(cutAtFieldLength('x'.repeat(140))).toBe(true);
    expect(cutAtFieldLength('x'.repeat(141))).toBe(false);
  });

  it('counts characters, not UTF-16 code units', () => {
    // 34 letters and one outside the Basic Multilingual Plane (two code units).
    expect(cutAtFieldLength(`${'a'.repeat(34)}\u{20000}`)).toBe(true);
    expect(cutAtFieldLength(`${'a'.repeat(33)}\u{20000}`)).toBe(false);
  });
});

describe(withCutLastWords.name, () => {
  const letters = (): number => 0.3;
  it('reads the last word of a cut side as the start of a longer word of the other side', () => {
    const similarity = withCutLastWords(
      letters,
      ['youssef', 'ha'],
      ['youssef', 'haddad'],
      true,
      false,
    );
    expect(similarity(1, 1)).toBe(0.9);
    // Only the last word was cut; only a word it starts; never a word shorter than two letters.
    expect(similarity(0, 1)).toBe(0.3);
    expect(withCutLastWords(letters, ['h'], ['haddad'], true, false)(0, 0)).toBe(0.3);
    expect(withCutLastWords(letters, ['ha'], ['haddad'], false, false)(0, 0)).toBe(0.3);
    expect(withCutLastWords(letters, ['haddad'], ['ha'], false, true)(0, 0)).toBe(0.9);
  });

  it('starts a word only with its first letters', () => {
    expect(startsCut('ha', 'haddad')).toBe(true);
    expect(startsCut('ad', 'haddad')).toBe(false);
    expect(startsCut('haddad', 'haddad')).toBe(false);
  });
});

describe('comparing a name cut at a field length', () => {
  it('matches the listed name it was cut from, and says why', () => {
    const whole = compareNames(listedPerson, listedPerson);
    expect(whole.score).toBe(1);
    const cut = compareNames(cutPerson, listedPerson);
    expect(cut.band).toBe('strong');
    expect(cut.explanation.alignment).toContainEqual(
      expect.objectContaining({ query: 'ha', listed: 'haddad', kind: 'truncated' }),
    );
    expect(cut.explanation.summary).toContain(
      "'ha' read as the start of 'haddad': the query is 35 characters long",
    );
    // Either side may be the cut one.
    expect(compareNames(listedPerson, cutPerson).band).toBe('strong');
  });

  it('does not read a name of another length as cut', () => {
    const longer = listedPerson.slice(0, 36); // '... Youssef Had', 36 characters
    const notCut = compareNames(longer, listedPerson);
    expect(notCut.explanation.alignment.some((line) => line.kind === 'truncated')).toBe(false);
    expect(notCut.explanation.alignment).toContainEqual(
      expect.objectContaining({ query: 'had', listed: 'haddad', kind: 'fuzzy' }),
    );
  });
});
