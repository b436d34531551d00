import { describe, expect, it } from 'vitest';
import { compareNames } from './compare-names.ts';
import { normaliseName } from './normalise-name.ts';
import { maxWadeGilesReadings, readWadeGiles } from './wade-giles.ts';
import { tablePinyinSyllables, wadeGilesReadings } from './wade-giles-table.ts';

/** The readings of a name as it reaches transliteration, each joined with spaces. */
const read = (name: string): string[] =>
  readWadeGiles(normaliseName(name).tokens).map((tokens) => tokens.join(' '));

describe(readWadeGiles.name, () => {
  it("reads Hsi Chin-p'ing as xi jinping among its readings, the apostrophe being lost", () => {
    expect(read("Hsi Chin-p'ing")).toContain('xi jin ping');
    expect(read('Hsi Chin-ping')).toContain('xi jin ping');
  });

  it('reads Mao Tse-tung as mao zedong, most literal first', () => {
    expect(read('Mao Tse-tung')[0]).toBe('mao ze dong');
  });

  it('keeps a given name written as one word as one token', () => {
    expect(read('Mao Tsetung')[0]).toBe('mao zedong');
  });

  it('gives syllables split by a lost hyphen that the aligner pairs with the joined pinyin', () => {
    for (const [name, listed] of [
      ['Mao Tse-tung', 'Mao Zedong'],
      ['Tsai Ing-wen', 'Cai Yingwen'],
      ['Ching-kuo Chiang', 'Jiang Jingguo'],
    ] as const) {
      const best = Math.max(...read(name).map((reading) => compareNames(reading, listed).score));
      expect(best, name).toBeGreaterThanOrEqual(0.95);
    }
  });

  it('reads Chiang Chieh-shih as jiang jieshi', () => {
    expect(read('Chiang Chieh-shih')[0]).toBe('jiang jie shi');
  });

  it('leaves Chiang Kai-shek alone: Kai-shek is a Cantonese spelling, not Wade-Giles', () => {
    expect(read('Chiang Kai-shek')).toEqual([]);
  });

  it('reads Chou En-lai as zhou enlai though each syllable is also pinyin', () => {
    expect(read('Chou En-lai')).toEqual(['zhou en lai']);
  });

  it('reads Tsai Ing-wen as cai yingwen, with the Taiwanese y-less ing', () => {
    expect(read('Tsai Ing-wen')).toContain('cai ying wen');
  });

  it("reads Teng Hsiao-p'ing as deng xiaoping", () => {
    expect(read('Teng Hsiao-ping')).toContain('deng xiao ping');
  });

  it('reads a ü folded to u (Hsü) as pinyin xu', () => {
    expect(read("Hsü Hsiang-ch'ien")).toContain('xu xiang qian');
  });

  it('reads nothing in names of other languages', () => {
    for (const name of [
      'John Smith',
      'Maria Garcia',
      'Kim Jong Un',
      'Ahmad Hassan',
      'Lee Kim',
      'Sato Ken',
      'Ho Chi Minh',
    ])
      expect(read(name), name).toEqual([]);
  });

  it('reads nothing in a pinyin name, which shows no Wade-Giles', () => {
    expect(read('Xi Jinping')).toEqual([]);
    expect(read('Li Peng')).toEqual([]);
  });

  it('gives a short name of Wade-Giles syllables a harmless reading', () => {
    expect(read('Chang Ho')).toEqual(['zhang he', 'chang he']);
  });

  it('never returns the name as written', () => {
    expect(read('Hu Yao-pang')).not.toContain('hu yao pang');
  });

  it('caps the readings, the literal one first', () => {
    const readings = read('Chang Chu-chuan');
    expect(readings).toHaveLength(maxWadeGilesReadings);
    expect(readings[0]).toBe('zhang zhu zhuan');
  });

  it('reads nothing in a name of more than six words', () => {
    expect(readWadeGiles(['hsi', 'hsi', 'hsi', 'hsi', 'hsi', 'hsi', 'hsi'])).toEqual([]);
  });

  it('reads every syllable of its table as pinyin syllables the table knows', () => {
    const pinyin = new Set(tablePinyinSyllables);
    for (const row of wadeGilesReadings) {
      const [, ...readings] = row.split(' ');
      expect(readings.length, row).toBeGreaterThan(0);
      for (const reading of readings) expect(pinyin.has(reading), row).toBe(true);
    }
  });
});
