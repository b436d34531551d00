import { describe, expect, it } from 'vitest';
import { readChinese } from './chinese.ts';
import { arabicWordSkeleton, latinWordSkeleton } from './consonant-skeleton.ts';
import { romaniseCyrillic } from './cyrillic.ts';
import { romaniseHangul } from './hangul.ts';
import { prepareName } from './prepare-name.ts';
import { skeletonSimilarity } from './token-similarity.ts';
import { transliterate } from './transliterate.ts';

/** The readings of a name as "scheme: tokens". */
const readings = (name: string): string[] =>
  prepareName(name).forms.map((f) => `${f.scheme}: ${f.tokens.join(' ')}`);

describe(transliterate.name, () => {
  it('gives Latin input one form, as written', () => {
    expect(transliterate(['hikvision']).forms).toEqual([
      { scheme: 'as-written', tokens: ['hikvision'], consonantal: false, skeleton: ['hksn'] },
    ]);
  });

  describe('Chinese', () => {
    it('reads a Chinese personal name as pinyin, family name apart, given name syllables joined', () => {
      expect(readings('习近平')).toEqual(['pinyin: xi jinping']);
      expect(readings('欧阳修')).toEqual(['pinyin: ouyang xiu']); // a two-character family name
    });

    it('reads polyphones right: a family name its own way (单 shan, 曾 zeng), 行 in 银行 as hang, 重 in 重庆 as chong', () => {
      expect(readings('单雄信')).toEqual(['pinyin: shan xiongxin']);
      expect(readings('曾国藩')).toEqual(['pinyin: zeng guofan']);
      expect(readChinese('中国银行').pinyin).toBe('zhongguo yinhang');
      expect(readChinese('重庆').pinyin).toBe('chongqing');
      expect(readChinese('长安汽车').pinyin).toBe('changan qiche');
    });

    it('segments an organisation name into place, trade name, generic terms and legal form, and translates what it knows', () => {
      const reading = readChinese('杭州海康威视数字技术股份有限公司');
      expect(reading.segments.map((s) => `${s.text}/${s.kind}`)).toEqual([
        '杭州/place',
        '海康威视/trade-name',
        '数字技术/generic',
        '股份有限公司/legal-form',
      ]);
      expect(reading.pinyin).toBe('hangzhou haikangweishi shuzijishu');
      expect(reading.translated).toBe('hangzhou hikvision digital technology');
      expect(reading.legalForms).toEqual(['company limited by shares']);
    });

    it('keeps the Chinese legal forms (有限公司, 股份有限公司, 公司) as legal forms of the name', () => {
      expect(prepareName('杭州海康威视数字技术股份有限公司').legalForms).toEqual([
        { text: 'company limited by shares', family: 'joint-stock' },
      ]);
      expect(prepareName('华为技术有限公司').legalForms).toEqual([
        { text: 'company limited', family: 'limited' },
      ]);
      expect(prepareName('中国电子科技集团公司').legalForms).toEqual([
        { text: 'company', family: 'corporation' },
      ]);
    });

    it('translates the generic terms of Chinese company names (科技, 集团, 公安局, 银行)', () => {
      expect(readChinese('中国电子科技集团公司').translated).toBe(
        'china electronic technology group',
      );
      expect(readChinese('新疆维吾尔自治区公安厅').translated).toContain(
        'public security department',
      );
      expect(readChinese('中国银行').translated).toBe('china bank');
    });
  });

  describe('Cyrillic', () => {
    it('romanises Позитив Текнолоджиз under every standard, BGN/PCGN first', () => {
      expect(readings('Позитив Текнолоджиз')).toEqual([
        'bgn-pcgn: pozitiv teknolodzhiz',
        'iso9: pozitiv teknolodziz',
        'french: pozitiv teknolodjiz',
        'german: positiw teknolodschis',
        'ukrainian: pozytyv teknolodzhyz',
      ]);
    });

    it.each([
      ['Евгений', 'bgn-pcgn', 'yevgeniy'],
      ['Юлия', 'passport', 'iuliia'],
      ['Дмитрий', 'popular', 'dmitry'],
      ['Путин', 'french', 'poutine'],
      ['Шостакович', 'french', 'chostakovitch'],
      ['Владимир', 'german', 'wladimir'],
      ['Горбачёв', 'german', 'gorbatschjow'],
      ['Вучић', 'iso9', 'vucic'],
      ['Зеленський', 'ukrainian', 'zelenskyy'],
    ] as const)('writes %s as %s does: %s', (name, standard, expected) => {
      expect(romaniseCyrillic(name.toLowerCase(), standard)).toBe(expected);
    });

    it('does not apply the Ukrainian system to a name with letters only Russian has', () => {
      expect(readings('Сергей Шойгу').some((r) => r.startsWith('ukrainian'))).toBe(true);
      expect(readings('Рыбаков').some((r) => r.startsWith('ukrainian'))).toBe(false);
    });
  });

  describe('Arabic and Persian', () => {
    it('reads Arabic script as a consonantal form compared on consonant skeletons', () => {
      const [form] = prepareName('قاسم سليماني').forms;
      expect(form?.consonantal).toBe(true);
      expect(form?.skeleton).toEqual(['ksm', 'slmn']);
    });

    it('gives an Arabic name and its Latin spellings the same skeleton', () => {
      const arabic = arabicWordSkeleton('محمد');
      expect(arabic).toBe('mhmd');
      for (const spelling of ['Muhammad', 'Mohammed', 'Mohamad'])
        expect(latinWordSkeleton(spelling.toLowerCase())).toBe(arabic);
      expect(latinWordSkeleton('soleimani')).toBe(arabicWordSkeleton('سليماني'));
    });

    it('scores unrelated skeletons low', () => {
      expect(skeletonSimilarity('mhmd', 'mhmd')).toBe(1);
      expect(skeletonSimilarity('mhmd', 'ksm')).toBeLessThan(0.5);
    });
  });

  describe('Hangul', () => {
    it('romanises under the Revised, McCune-Reischauer and North Korean conventions', () => {
      expect(romaniseHangul('김정은', 'revised')).toBe('kim jeongeun');
      expect(romaniseHangul('김정은', 'mccune')).toBe('kim jongun');
      expect(romaniseHangul('김정은', 'northern')).toBe('kim chongun');
      expect(readings('조선무역은행')).toContain('northern: chosonmuyokunhaeng');
    });
  });

  describe('Greek and Hebrew', () => {
    it('romanises Greek letter by letter', () => {
      expect(readings('Αλέξης Τσίπρας')).toEqual(['any-ascii: alexis tsipras']);
    });

    it('reads Hebrew as consonantal, compared on skeletons', () => {
      const [form] = prepareName('בנימין נתניהו').forms;
      expect(form?.consonantal).toBe(true);
      expect(form?.skeleton).toEqual(['nmn', 'ntn']);
    });
  });

  describe('mixed scripts', () => {
    it('combines the runs of a name written in several scripts and reports the mix', () => {
      const prepared = prepareName('ЗАО Hikvision Москва');
      expect(prepared.forms[0]?.tokens).toEqual(['hikvision', 'moskva']);
      expect(prepared.legalForms).toEqual([{ text: 'зао', family: 'joint-stock' }]);
      expect(prepared.problems).toContainEqual({
        kind: 'mixed-scripts',
        scripts: ['latin', 'cyrillic'],
      });
    });
  });
});
