import { describe, expect, it } from 'vitest';
import { scriptRuns } from './script-runs.ts';

describe(scriptRuns.name, () => {
  it('gives each script its font family, neutral characters joining the script around them', () => {
    expect(scriptRuns('end user: 乌鲁木齐 市 (CN)')).toEqual([
      { text: 'end user: ', family: 'latin', rtl: false },
      { text: '乌鲁木齐 市', family: 'cjk', rtl: false },
      { text: ' (CN)', family: 'latin', rtl: false },
    ]);
    expect(scriptRuns('서울 and ООО')).toEqual([
      { text: '서울', family: 'hangul', rtl: false },
      { text: ' and ООО', family: 'latin', rtl: false },
    ]);
  });

  it('keeps a right-to-left name as one run that the shaper reverses, its digits left to right', () => {
    expect(scriptRuns('to شركة المراقبة (AE)')).toEqual([
      { text: 'to ', family: 'latin', rtl: false },
      { text: 'شركة المراقبة', family: 'arabic', rtl: true },
      { text: ' (AE)', family: 'latin', rtl: false },
    ]);
    // Drawn left to right: the last word first, the number in its own order.
    expect(scriptRuns('شركة 12 المراقبة')).toEqual([
      { text: ' المراقبة', family: 'arabic', rtl: true },
      { text: '12', family: 'arabic', rtl: false },
      { text: 'شركة ', family: 'arabic', rtl: true },
    ]);
  });

  it('sets a character its script’s font lacks in the Latin font, in its right-to-left place', () => {
    const hebrewLacksQuote = (family: string, cp: number) => !(family === 'hebrew' && cp === 0x22);
    expect(scriptRuns('בע"מ (1)', hebrewLacksQuote)).toEqual([
      { text: 'מ', family: 'hebrew', rtl: true },
      { text: '"', family: 'latin', rtl: false },
      { text: 'בע', family: 'hebrew', rtl: true },
      { text: ' (1)', family: 'latin', rtl: false },
    ]);
  });

  it('sets a character its font lacks in the first font that has it', () => {
    // Say the Latin font lacks the circled digit and the CJK font has it.
    const onlyCjkHasIt = (family: string, cp: number) => cp !== 0x2460 || family === 'cjk';
    expect(scriptRuns('no. ① here', onlyCjkHasIt)).toEqual([
      { text: 'no. ', family: 'latin', rtl: false },
      { text: '①', family: 'cjk', rtl: false },
      { text: ' here', family: 'latin', rtl: false },
    ]);
  });
});
