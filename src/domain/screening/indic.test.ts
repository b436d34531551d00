import { describe, expect, it } from 'vitest';
import { isParallelIndic, romaniseIndic } from './indic.ts';
import { transliterate } from './transliterate.ts';

describe(romaniseIndic.name, () => {
  it('reads names in Devanagari as Indian names are spelt in Latin letters', () => {
    expect(romaniseIndic('अखिलेश कुमार')).toBe('akhilesh kumar');
    expect(romaniseIndic('राजेश कुमार')).toBe('rajesh kumar');
    expect(romaniseIndic('नरेन्द्र मोदी')).toBe('narendra modi');
    expect(romaniseIndic('इब्राहिम')).toBe('ibrahim');
  });

  it('gives every consonant the vowel a unless a vowel sign or a virama follows', () => {
    expect(romaniseIndic('कमल')).toBe('kamal');
    expect(romaniseIndic('गुप्ता')).toBe('gupta');
    // The virama takes the vowel away: शर्मा is sh-a-r-m-a.
    expect(romaniseIndic('शर्मा')).toBe('sharma');
  });

  it("drops the a of a word's last consonant in the scripts of northern India, unless it closes a conjunct", () => {
    expect(romaniseIndic('अतुल')).toBe('atul');
    expect(romaniseIndic('मिश्र')).toBe('mishra');
    expect(romaniseIndic('रविन्द्र')).toBe('ravindra');
    // A word of one syllable keeps it.
    expect(romaniseIndic('न')).toBe('na');
    // The Dravidian scripts write a vowelless final consonant with a virama: their a stays.
    expect(romaniseIndic('రామ')).toBe('rama');
  });

  it("drops the a inside a Hindi word between a vowelled syllable and a consonant with its vowel (Ohala's rule)", () => {
    expect(romaniseIndic('सरला')).toBe('sarla');
    expect(romaniseIndic('कासकर')).toBe('kaskar');
    expect(romaniseIndic('हरमोहन')).toBe('harmohan');
    expect(romaniseIndic('अमरनाथ')).toBe('amarnath');
  });

  it('writes the anusvara n, or m before p, b and m, and reads nukta letters composed or not', () => {
    expect(romaniseIndic('संजीव')).toBe('sanjiv');
    expect(romaniseIndic('चंपा')).toBe('champa');
    expect(romaniseIndic('गांधी')).toBe('gandhi');
    expect(romaniseIndic('क\u093Cादिर')).toBe('qadir');
    expect(romaniseIndic('\u095Bहीर')).toBe('zahir');
  });

  it('reads the other scripts of the parallel layout by the same table', () => {
    expect(romaniseIndic('ਹਰਮੋਹਨ ਸਿੰਘ')).toBe('harmohan singh'); // Gurmukhi
    expect(romaniseIndic('ગાંધી')).toBe('gandhi'); // Gujarati
    expect(romaniseIndic('রবীন্দ্রনাথ ঠাকুর')).toBe('rabindranath thakur'); // Bengali
    expect(romaniseIndic('கருணாநிதி')).toBe('karunaniti'); // Tamil
    expect(romaniseIndic('ಕರ್ನಾಟಕ')).toBe('karnataka'); // Kannada
    expect(romaniseIndic('മലയാളം')).toBe('malayalam'); // Malayalam
    expect(romaniseIndic('ଓଡ଼ିଆ')).toBe('oria'); // Oriya
  });

  it('keeps spaces, punctuation and digits, and reads a danda as a space', () => {
    expect(romaniseIndic('मु. राम')).toBe('mu. ram');
    expect(romaniseIndic('राम।श्याम')).toBe('ram shyam');
    expect(romaniseIndic('१२३')).toBe('123');
  });

  it('reads nothing of a script outside the parallel layout, so that the caller falls back', () => {
    expect(romaniseIndic('ශ්‍රී')).toBeUndefined(); // Sinhala
    expect(isParallelIndic(0x0915)).toBe(true);
    expect(isParallelIndic(0x0d9a)).toBe(false);
  });
});

describe('transliterate with Indic scripts', () => {
  it('gives a name in an Indic script of India its Hunterian reading, with its vowels, not a consonantal form', () => {
    expect(transliterate(['हरमोहन', 'सिंह']).forms).toEqual([
      {
        scheme: 'hunterian',
        tokens: ['harmohan', 'sinh'],
        consonantal: false,
        skeleton: expect.any(Array) as unknown,
      },
    ]);
  });

  it('keeps any-ascii and consonant skeletons for the Brahmic scripts outside the layout', () => {
    const [form] = transliterate(['ශ්‍රී']).forms;
    expect(form).toMatchObject({ scheme: 'any-ascii', consonantal: true });
  });
});
