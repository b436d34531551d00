#!/usr/bin/env node
// Derives nickname-groups.csv and nickname-pairs.csv from carltonnorthern/nicknames' names.csv
// (see README.md for the commit and the rule). Run by hand when the source changes;
// `npm run generate` then turns the CSV files into src/domain/screening/given-name-groups.ts.
//
//   node data/screening/given-names/derive.mjs <path to names.csv>
import fs from 'node:fs';
import path from 'node:path';

const source = process.argv[2];
if (!source) throw new Error('usage: derive.mjs <names.csv>');
const out = path.dirname(new URL(import.meta.url).pathname);

// Lower case, accents off; anything but a-z after that (spaces, apostrophes) is left out.
const clean = (name) =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim();
const valid = (name) => /^[a-z]{2,}$/.test(name);

const full = new Set(); // names that head a row (name1)
const partners = new Map(); // name -> every name it shares a row with
const pairs = new Set();
let skipped = 0;
const lines = fs.readFileSync(source, 'utf8').split('\n').slice(1);
for (const line of lines) {
  const [a, relationship, b] = line.split(',').map((v) => clean(v ?? ''));
  if (!a || !b) continue;
  if (relationship !== 'has_nickname' || !valid(a) || !valid(b) || a === b) {
    skipped += 1;
    continue;
  }
  full.add(a);
  for (const [x, y] of [
    [a, b],
    [b, a],
  ])
    partners.set(x, new Set([...(partners.get(x) ?? []), y]));
  pairs.add(a < b ? `${a} ${b}` : `${b} ${a}`);
}

// A nickname joins its full name's group only when it is unambiguous: it heads no row of its
// own and shares a row with that one full name only. Every other row stays a pair.
const groups = new Map();
for (const [name, with_] of partners) {
  if (full.has(name) || with_.size !== 1) continue;
  const [head] = with_;
  groups.set(head, [...(groups.get(head) ?? []), name]);
}
const grouped = new Set();
const groupRows = [...groups]
  .map(([head, members]) => [head, ...members.sort()])
  .sort((x, y) => (x[0] < y[0] ? -1 : 1));
for (const [head, ...members] of groupRows) for (const m of members) grouped.add(`${head < m ? `${head} ${m}` : `${m} ${head}`}`);
const pairRows = [...pairs].filter((p) => !grouped.has(p)).sort();

fs.writeFileSync(
  path.join(out, 'nickname-groups.csv'),
  ['names', ...groupRows.map((g) => g.join(' '))].join('\n') + '\n',
);
fs.writeFileSync(
  path.join(out, 'nickname-pairs.csv'),
  ['name,other', ...pairRows.map((p) => p.replace(' ', ','))].join('\n') + '\n',
);
console.log(
  `${lines.length} rows: ${groupRows.length} groups (${grouped.size} names joined), ` +
    `${pairRows.length} pairs, ${skipped} rows skipped`,
);
