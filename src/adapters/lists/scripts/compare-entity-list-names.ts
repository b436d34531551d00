/**
 * Compares the Entity List names this parser reads with the heuristic names of the shared
 * `bis_entity_list_full.json` (which leaves addresses inside some names), and prints the counts.
 *
 *   node bin/run-ts.js src/adapters/lists/scripts/compare-entity-list-names.ts [json] [xml]
 */
import fs from 'node:fs';
import { parseEntityListEcfr } from '../parse-entity-list-ecfr.ts';
import { readEntityListEntry } from '../read-entity-list-entry.ts';

const jsonPath = process.argv[2] ?? '../shared/data/regulation/bis_entity_list_full.json';
const xmlPath =
  process.argv[3] ?? 'data/lists/us_bis_entity_list/2026-07-23/ecfr_title-15_part-744.xml';

interface HeuristicEntry {
  readonly name: string;
  readonly entry_text: string;
}
const heuristic = (JSON.parse(fs.readFileSync(jsonPath, 'utf8')) as { entries: HeuristicEntry[] })
  .entries;
const parsed = parseEntityListEcfr({ name: xmlPath, text: fs.readFileSync(xmlPath, 'utf8') });
if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
const parents = parsed.value.records.filter((r) => r.parentEntityId === undefined);

const key = (text: string) => text.replace(/\s+/g, ' ').trim().slice(0, 200);
const byText = new Map(parents.map((p) => [key(p.entryText ?? ''), p]));
const comparable = (name: string) => name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** A name holds address text when a comma-separated part after the first has a digit, a street word or a country. */
const addressLike = (name: string): boolean => {
  const parts = name
    .split(',')
    .slice(1)
    .map((p) => p.trim());
  return parts.some((part) => {
    if (/^(Ltd|Co|Inc|LLC|Limited|Corp|S\.A|JSC|GmbH|Pvt|Pte|Sdn|Bhd)\b/i.test(part)) return false;
    const own = readEntityListEntry(part);
    return (
      own.addresses.length > 0 ||
      /\d/.test(part) ||
      /\b(Road|Rd|Street|St|Avenue|District|Province|City|China|Russia|Iran|Pakistan|Hong Kong|Building|Floor|Room)\b/.test(
        part,
      )
    );
  });
};

let matched = 0;
let theirsHaveAddress = 0;
let theirsHaveAddressMineNot = 0;
let mineHaveAddress = 0;
let disagreements = 0;
const examples: string[] = [];
for (const entry of heuristic) {
  const mine = byText.get(key(entry.entry_text));
  if (mine === undefined) continue;
  matched += 1;
  const myName = mine.names[0]?.value ?? '';
  const theirs = addressLike(entry.name);
  const ours = addressLike(myName);
  if (theirs) theirsHaveAddress += 1;
  if (ours) mineHaveAddress += 1;
  if (theirs && !ours) theirsHaveAddressMineNot += 1;
  if (comparable(myName) !== comparable(entry.name)) {
    disagreements += 1;
    if (examples.length < 40) examples.push(`  JSON: ${entry.name}\n  ours: ${myName}`);
  }
}
console.log(
  `JSON entries ${heuristic.length}; our rows ${parents.length} (+${parsed.value.records.length - parents.length} affiliates/subordinates); matched ${matched}`,
);
console.log(
  `(a) JSON name holds address-like text and ours does not: ${theirsHaveAddressMineNot} (JSON names with address-like text: ${theirsHaveAddress}; ours: ${mineHaveAddress})`,
);
console.log(`(b) names that differ (ignoring case and punctuation): ${disagreements}`);
if (process.argv.includes('--examples')) console.log(examples.join('\n\n'));
