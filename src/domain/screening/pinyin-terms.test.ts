import { describe, expect, it } from 'vitest';
import { readPinyinTerms } from './pinyin-terms.ts';

const read = (name: string): string | undefined => readPinyinTerms(name.split(' '))?.join(' ');

describe(readPinyinTerms.name, () => {
  it('reads administrative terms written in pinyin, joined or in syllables, in English', () => {
    expect(read('wulumuqi shi gonganju')).toBe('wulumuqi city public security bureau');
    expect(read('gong an ju')).toBe('public security bureau');
    expect(read('kashi diqu kanshousuo')).toBe('kashi prefecture detention center');
    expect(read('xinjiang weiwuer zizhiqu gonganting')).toBe(
      'xinjiang uyghur autonomous region public security department',
    );
    expect(read('yili hasake zizhizhou')).toBe('yili kazakh autonomous prefecture');
  });

  it('reads the longest term a run of words spells', () => {
    // 生产建设兵团, not 兵团 alone; 公安分局, not 公安局 after 分.
    expect(read('shengchan jianshe bingtuan')).toBe('production and construction corps');
    expect(read('gonganfenju')).toBe('public security sub bureau');
  });

  it('reads a term of one syllable only right after a place name', () => {
    expect(read('beijing shi')).toBe('beijing city');
    expect(read('hotan xian')).toBe('hotan county');
    // A family name, or "xian" of another language, is left alone.
    expect(read('shi wei')).toBeUndefined();
    expect(read('xian trading')).toBeUndefined();
    expect(read('acme shi')).toBeUndefined();
  });

  it('leaves names that spell no term alone', () => {
    expect(read('acme trading company')).toBeUndefined();
    // Part of a word is not a term: "gongan" is in no table of its own, "anju" is no term.
    expect(read('gongan anju')).toBeUndefined();
  });
});
