#!/usr/bin/env node
// Derives syllables.csv, the Wade-Giles syllable table Cordon ships, from the conversion table of
// the pypinyin package (pypinyin/style/wadegiles.py, MIT) named in README.md. Run by hand when the
// source changes; `npm run generate` then turns the CSV file into
// src/domain/screening/wade-giles-table.ts.
//
//   node data/screening/wade-giles/derive.mjs <python-pinyin clone>/pypinyin/style/wadegiles.py
import fs from 'node:fs';
import path from 'node:path';

const [source] = process.argv.slice(2);
if (!source) throw new Error('usage: derive.mjs <path to pypinyin/style/wadegiles.py>');
const out = path.dirname(new URL(import.meta.url).pathname);
const text = fs.readFileSync(source, 'utf8');

// The whole-syllable table: `_convert_table = [ ['pinyin', 'wade-giles'], ... ]`. The file's
// other tables (initials, finals, exceptions) compose syllables from parts and are not used.
const block = /^_convert_table = \[\n([\s\S]*?)^\]/m.exec(text);
if (!block) throw new Error('no _convert_table in the source');
const row = /^\s*\['((?:[^'\\]|\\.)*)', '((?:[^'\\]|\\.)*)'\],\s*$/;
const rows = [];
for (const line of block[1].split('\n')) {
  if (line.trim() === '') continue;
  const match = row.exec(line);
  if (!match) throw new Error(`unexpected line in _convert_table: ${line}`);
  rows.push([match[1].replace(/\\'/g, "'"), match[2].replace(/\\'/g, "'")]);
}

// Two misprints in the source, put right (README.md, "What is verbatim").
const corrections = new Map([
  ["tie t'oeh", "t'ieh"],
  ['chua ch`ua', "ch'ua"],
]);

// Spellings the source leaves out that Wade-Giles names use (README.md, "What is derived").
const variants = [
  ['si', 'szu'],
  ['yi', 'yi'],
  ['yin', 'in'],
  ['ying', 'ing'],
];

const seen = new Set();
const lines = ['wade_giles,pinyin,source'];
const add = (pinyin, wadeGiles, origin) => {
  const key = `${wadeGiles} ${pinyin}`;
  if (seen.has(key)) return;
  if (!/^[a-zü'ê]+$/.test(wadeGiles) || !/^[a-zü]+$/.test(pinyin))
    throw new Error(`unexpected letters in ${pinyin} / ${wadeGiles}`);
  seen.add(key);
  lines.push(`${wadeGiles},${pinyin},${origin}`);
};
let dropped = 0;
for (const [pinyin, wadeGiles] of rows) {
  // `lvan`, `lve`, `lvn`, `nve` spell the pinyin ü with v: the same syllables as the ü rows.
  if (pinyin.includes('v')) {
    if (!rows.some(([p, w]) => p === pinyin.replace(/v/g, 'ü') && w === wadeGiles))
      throw new Error(`no ü row for ${pinyin}`);
    dropped += 1;
    continue;
  }
  const corrected = corrections.get(`${pinyin} ${wadeGiles}`);
  add(pinyin, corrected ?? wadeGiles, corrected ? 'pypinyin-corrected' : 'pypinyin');
}
for (const [pinyin, wadeGiles] of variants) add(pinyin, wadeGiles, 'variant');
fs.writeFileSync(path.join(out, 'syllables.csv'), `${lines.join('\n')}\n`);
console.log(
  `${rows.length} source rows, ${dropped} v-spellings dropped, ${lines.length - 1} rows written`,
);
