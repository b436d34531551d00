import { describe, expect, it } from 'vitest';
import { readJapaneseName } from './japanese-names.ts';

describe(readJapaneseName.name, () => {
  it('reads a name whose surname and given name are both in the tables', () => {
    expect(readJapaneseName('山田太郎')).toBe('yamada taro');
    expect(readJapaneseName('佐藤健一')).toBe('sato kenichi');
    expect(readJapaneseName('鈴木一郎')).toBe('suzuki ichiro');
  });

  it('leaves long vowels unmarked and keeps the vowel of a morpheme that starts with u', () => {
    expect(readJapaneseName('伊藤洋子')).toBe('ito yoko');
    expect(readJapaneseName('太田浩')).toBe('ota hiroshi');
    expect(readJapaneseName('井上誠')).toBe('inoue makoto');
  });

  it('reads a known surname with an unknown short given name kanji by kanji (on-readings)', () => {
    expect(readJapaneseName('安倍晋三')).toBe('abe shinsan');
  });

  it('reads nothing without a known surname, or when the name is a surname alone', () => {
    expect(readJapaneseName('习近平')).toBeUndefined();
    expect(readJapaneseName('山田')).toBeUndefined();
  });
});
