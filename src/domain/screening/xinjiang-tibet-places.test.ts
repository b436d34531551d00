import { describe, expect, it } from 'vitest';
import {
  administrativeTerms,
  latinPlaceMultiWordVariants,
  latinPlaceVariants,
  placeReadings,
} from './xinjiang-tibet-places.ts';

// The prefecture-level divisions (MCA code list, 2024): Xinjiang's 4 prefecture-level cities,
// 5 prefectures and 5 autonomous prefectures; Tibet's 6 prefecture-level cities and 1 prefecture.
const xinjiangPrefectureLevel = {
  cities: ['乌鲁木齐', '克拉玛依', '吐鲁番', '哈密'],
  prefectures: ['阿克苏', '喀什', '和田', '塔城', '阿勒泰'],
  autonomousPrefectures: ['昌吉', '博尔塔拉', '巴音郭楞', '克孜勒苏', '伊犁'],
};
const tibetPrefectureLevel = ['拉萨', '日喀则', '昌都', '林芝', '山南', '那曲', '阿里'];

describe('xinjiang-tibet-places', () => {
  it('reads every place in lower-case ASCII words separated by single spaces', () => {
    for (const [place, readings] of Object.entries(placeReadings)) {
      expect(readings.length, place).toBeGreaterThan(0);
      for (const reading of readings) expect(reading, place).toMatch(/^[a-z]+( [a-z]+)*$/);
      expect(new Set(readings).size, place).toBe(readings.length);
    }
  });

  it('renders every administrative term in lower-case ASCII words', () => {
    expect(Object.keys(administrativeTerms).length).toBeGreaterThan(0);
    for (const [term, renderings] of Object.entries(administrativeTerms)) {
      expect(renderings.length, term).toBeGreaterThan(0);
      for (const rendering of renderings) expect(rendering, term).toMatch(/^[a-z]+( [a-z]+)*$/);
    }
  });

  it('groups one-word variants without empty groups or a token in two groups', () => {
    const seen = new Map<string, number>();
    latinPlaceVariants.forEach((group, index) => {
      expect(group.length).toBeGreaterThan(1);
      for (const token of group) {
        expect(token).toMatch(/^[a-z]+$/);
        expect(seen.get(token), `${token} is in groups ${seen.get(token)} and ${index}`).toBe(
          undefined,
        );
        seen.set(token, index);
      }
    });
    for (const group of latinPlaceMultiWordVariants) {
      expect(group.slice(1).every((name) => name.includes(' '))).toBe(true);
    }
  });

  it('has every prefecture-level division of Xinjiang (14) and Tibet (7)', () => {
    const xinjiang = Object.values(xinjiangPrefectureLevel).flat();
    expect(xinjiang).toHaveLength(14);
    expect(tibetPrefectureLevel).toHaveLength(7);
    for (const place of [...xinjiang, ...tibetPrefectureLevel]) {
      expect(placeReadings[place], place).toBeDefined();
    }
  });

  it.each([
    ['乌鲁木齐', ['urumqi', 'wulumuqi']],
    ['喀什', ['kashgar', 'kashi', 'qeshqer']],
    ['和田', ['hotan', 'khotan', 'hetian']],
    ['伊宁', ['ghulja', 'kulja', 'yining']],
    ['阿克苏', ['aksu', 'aqsu', 'akesu']],
    ['吐鲁番', ['turpan', 'turfan', 'tulufan']],
    ['克拉玛依', ['karamay', 'kelamayi']],
    ['哈密', ['hami', 'kumul', 'qumul']],
    ['伊犁', ['ili', 'yili']],
    ['图木舒克', ['tumxuk', 'tumushuke']],
    ['拉萨', ['lhasa', 'lasa']],
    ['日喀则', ['shigatse', 'xigaze', 'rikaze']],
    ['昌都', ['qamdo', 'chamdo', 'changdu']],
  ])('reads %s as %j among its readings', (place, expected) => {
    expect(placeReadings[place]).toEqual(expect.arrayContaining(expected));
  });

  it('equates the one-word names of a place', () => {
    const groupOf = (token: string) => latinPlaceVariants.find((group) => group.includes(token));
    expect(groupOf('kashgar')).toEqual(expect.arrayContaining(['kashi', 'qeshqer']));
    expect(groupOf('hotan')).toEqual(expect.arrayContaining(['khotan', 'hetian']));
    expect(groupOf('kumul')).toEqual(expect.arrayContaining(['qumul', 'hami']));
  });

  it('renders the administrative terms of the Urumqi public security bureau', () => {
    expect(administrativeTerms['市']).toEqual(['city', 'municipality', 'municipal']);
    expect(administrativeTerms['公安局']).toContain('public security bureau');
    expect(administrativeTerms['自治州']).toContain('autonomous prefecture');
    expect(administrativeTerms['维吾尔']).toEqual(expect.arrayContaining(['uyghur', 'uighur']));
  });
});
