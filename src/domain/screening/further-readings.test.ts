import { describe, expect, it } from 'vitest';
import { embeddedNames, type NameWords } from './further-readings.ts';
import { normaliseName } from './normalise-name.ts';

// Every word counts as distinctive except the generic ones named here, so that the tests show the
// rules of the slash, not the word frequencies.
const generic = new Set([
  'information',
  'technologies',
  'export',
  'trading',
  'general',
  'holdings',
  'spain',
  'hong',
  'kong',
]);
const words: NameWords = {
  ownWords: (text) => normaliseName(text).tokens,
  distinctive: (word) => !generic.has(word),
};
const embedded = (name: string): readonly string[] => embeddedNames(name, words);

describe(embeddedNames.name, () => {
  it('reads each side of an alias marker as a name of its own', () => {
    expect(embedded('FUYI SUN A/K/A FRANK SUN')).toEqual(['FUYI SUN', 'FRANK SUN']);
    expect(embedded('SIBERIAN AIRLINES D/B/A S7 AIRLINES')).toEqual([
      'SIBERIAN AIRLINES',
      'S7 AIRLINES',
    ]);
    expect(embedded('Acme Widgets Ltd f.k.a. Zenith Widgets Ltd')).toEqual([
      'Acme Widgets Ltd',
      'Zenith Widgets Ltd',
    ]);
    expect(embedded('Jane Roe also known as Jane Doe')).toEqual(['Jane Roe', 'Jane Doe']);
  });

  it('reads a slash between two words as words that alternate within the name', () => {
    expect(embedded('7TH OF TIR INDUSTRIES OF ISFAHAN/ESFAHAN')).toEqual([
      '7TH OF TIR INDUSTRIES OF ISFAHAN',
      '7TH OF TIR INDUSTRIES OF ESFAHAN',
    ]);
    // One own word on the right once the legal form is aside: words, not two names.
    expect(embedded('CHINA NATIONAL PRECISION MACHINERY IMPORT/EXPORT CORPORATION')).toEqual([
      'CHINA NATIONAL PRECISION MACHINERY IMPORT CORPORATION',
      'CHINA NATIONAL PRECISION MACHINERY EXPORT CORPORATION',
    ]);
  });

  it('reads two sides that each name a body as two names as well', () => {
    expect(embedded('MAKHTAB AL-KHIDAMAT/AL KIFAH')).toEqual(
      expect.arrayContaining(['MAKHTAB AL-KHIDAMAT', 'AL KIFAH']),
    );
    expect(embedded("Al-Qa'ida/Islamic Army")).toEqual(
      expect.arrayContaining(["Al-Qa'ida", 'Islamic Army']),
    );
    expect(embedded("NEW PEOPLE'S ARMY / COMMUNIST PARTY OF THE PHILIPPINES")).toEqual(
      expect.arrayContaining(["NEW PEOPLE'S ARMY", 'COMMUNIST PARTY OF THE PHILIPPINES']),
    );
    // Two generic halves name no body: the slash is read within the name only.
    expect(embedded('General Trading/Information Technologies')).not.toContain(
      'Information Technologies',
    );
  });

  it('leaves abbreviations, numbers and one-word pairs alone', () => {
    for (const name of [
      'Bowne Global Solutions Denmark, A/S',
      'M/S Asia Pacific Trade Hub PVT. LTD.',
      'Cloudminds Inc., C/O Maples Corporate Services Limited',
      'GOLDEN SUN I/E DALIAN CO., LTD.',
      'Department 140/14',
      'LRM/A',
      // Two words and nothing else: not the one-word names "EDO" and "ELEMED".
      'EDO/ELEMED',
      'Hikvision',
      'Dakota Trading Company',
    ])
      expect(embedded(name), name).toEqual([]);
  });

  it('reads an acronym or alias in parentheses as a name, and the name without it', () => {
    expect(embedded('National University of Defense Technology (NUDT)')).toEqual([
      'National University of Defense Technology',
      'NUDT',
    ]);
    // Within the name the acronym names the body before it: only the name without it is read.
    expect(
      embedded('China Aerospace Science and Technology Corporation (CASC) 8th Academy'),
    ).toEqual(['China Aerospace Science and Technology Corporation 8th Academy']);
    expect(embedded('Zorvatek Optics LLC (formerly Kelmaro Optics LLC)')).toEqual([
      'Zorvatek Optics LLC',
      'Kelmaro Optics LLC',
    ]);
  });

  it('never leaves out a parenthesis that says which body is meant', () => {
    for (const name of [
      'Bank of China (Hong Kong) Limited',
      'BANK OF CHINA (HONG KONG) LIMITED',
      'Bowne Global Solutions (SPAIN), S.L.',
      'CCB International (HOLDINGS) Limited',
      'Guangzhou Hongyu Technology Co., Ltd. (a subordinate institute of CETC-7)',
      // One parenthesis of each kind: the name is read only as written.
      'Zorvatek (NUDT) Optics (Spain)',
    ])
      expect(embedded(name), name).toEqual([]);
  });
});
