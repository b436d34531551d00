import { describe, expect, it } from 'vitest';
import { countryCodeOf, countryCodes, countryNameOf } from './country-codes.ts';

describe(countryCodeOf.name, () => {
  it('knows every ISO 3166-1 alpha-2 code by its code, its alpha-3 code and its English name', () => {
    expect(countryCodes).toHaveLength(250);
    for (const code of countryCodes) {
      expect(countryCodeOf(code)).toBe(code);
      expect(countryCodeOf(countryNameOf(code) ?? '')).toBe(code);
    }
    expect(countryCodeOf('CHN')).toBe('CN');
    expect(countryCodeOf('GBR')).toBe('GB');
  });

  it.each([
    ['China', 'CN'],
    ["CHINA, PEOPLE'S REPUBLIC OF", 'CN'],
    ["People's Republic of China", 'CN'],
    ['Russia', 'RU'],
    ['RUSSIA', 'RU'],
    ['Russian Federation', 'RU'],
    ['Iran', 'IR'],
    ['Iran, Islamic Republic of', 'IR'],
    ['Burma', 'MM'],
    ['Korea, North', 'KP'],
    ["Democratic People's Republic of Korea", 'KP'],
    ['Korea, South', 'KR'],
    ['SOUTH KOREA', 'KR'],
    ['Hong Kong', 'HK'],
    ['Macau', 'MO'],
    ['Taiwan', 'TW'],
    ['Syria', 'SY'],
    ['Vietnam', 'VN'],
    ['Turkey', 'TR'],
    ['Türkiye', 'TR'],
    ["Côte d'Ivoire", 'CI'],
    ['Cote d Ivoire', 'CI'],
    ['Congo, Democratic Republic of the', 'CD'],
    ['Congo, Republic of the', 'CG'],
    ['Bahamas, The', 'BS'],
    ['The Gambia', 'GM'],
    ['Man, Isle of', 'IM'],
    ['Virgin Islands, British', 'VG'],
    ['St. Kitts & Nevis', 'KN'],
    ['Macedonia, The Former Yugoslav Republic of', 'MK'],
    ['North Macedonia, The Republic of', 'MK'],
    ['U.A.E.', 'AE'],
    ['UAE', 'AE'],
    ['United Kingdom', 'GB'],
    ['CRIMEA REGION OF UKRAINE', 'UA'],
    ['Region: Crimea', 'UA'],
    ['West Bank', 'PS'],
    ['Kosovo', 'XK'],
    ['Pakistan (location as at May 2008)', 'PK'],
    ['Pakistani', 'PK'],
    ['Palestinian', 'PS'],
  ])('reads %j as %s', (text, code) => {
    expect(countryCodeOf(text)).toBe(code);
  });

  it('does not take lower-case words for codes, or places for countries', () => {
    expect(countryCodeOf('co')).toBeUndefined();
    expect(countryCodeOf('in')).toBeUndefined();
    expect(countryCodeOf('Ltd')).toBeUndefined();
    expect(countryCodeOf('Beijing')).toBeUndefined();
    expect(countryCodeOf('')).toBeUndefined();
    expect(countryCodeOf('Yugoslavia')).toBeUndefined();
  });
});

describe(countryNameOf.name, () => {
  it('names a code in English', () => {
    expect(countryNameOf('KP')).toBe("Korea, Democratic People's Republic of");
    expect(countryNameOf('ZZ')).toBeUndefined();
  });
});
