// Readers for the evaluation files in bench/data/screening (see its README for provenance).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

export const dataDir = fileURLToPath(new URL('../data/screening/', import.meta.url));

const readCsv = (path: string): Record<string, string>[] =>
  parse<Record<string, string>>(readFileSync(path), {
    columns: true,
    skip_empty_lines: true,
    bom: true,
  });

export interface NamePair {
  readonly group: string;
  readonly schema: string;
  readonly name1: string;
  readonly name2: string;
  readonly isMatch: boolean;
  readonly quality: string;
}

/** The nomenklatura labelled pairs (826). */
export function readNomenklaturaCases(): NamePair[] {
  return readCsv(`${dataDir}nomenklatura_name_bench/cases.csv`).map((r) => ({
    group: r['case_group'] ?? '',
    schema: r['schema'] ?? '',
    name1: r['name1'] ?? '',
    name2: r['name2'] ?? '',
    isMatch: r['is_match'] === 'true',
    quality: r['quality'] ?? '',
  }));
}

/** The frozen logic-v2 scores (812 of the cases), keyed like `pairKey`. */
export function readLogicV2Scores(): Map<string, number> {
  const scores = new Map<string, number>();
  for (const r of readCsv(`${dataDir}nomenklatura_name_bench/logicv2-frozen.csv`)) {
    scores.set(
      pairKey(r['case_group'] ?? '', r['schema'] ?? '', r['name1'] ?? '', r['name2'] ?? ''),
      Number(r['score']),
    );
  }
  return scores;
}

export const pairKey = (group: string, schema: string, name1: string, name2: string): string =>
  [group, schema, name1, name2].join('\u0001');

export interface CrossScriptPair {
  readonly query: string;
  readonly expected: string;
  readonly minScore: number;
  readonly description: string;
}

/** The watchman cross-script pairs (lines starting with # are comments). */
export function readCrossScriptPairs(): CrossScriptPair[] {
  const text = readFileSync(`${dataDir}watchman_cross_script/cross_script_pairs.csv`, 'utf8');
  const lines = text.split('\n').filter((l) => l.trim() && !l.startsWith('#'));
  const rows: string[][] = parse(lines.join('\n'), { relax_column_count: true });
  return rows.map((r) => ({
    query: r[0] ?? '',
    expected: r[1] ?? '',
    minScore: Number(r[2]),
    description: r[3] ?? '',
  }));
}

/**
 * The `full_name` column of a yente negatives file; `keepEmpty` keeps empty names so that rows
 * line up with the committed split (bench/data/screening/splits).
 */
export function readNegatives(
  file: 'negatives_global.csv' | 'negatives_us.csv',
  keepEmpty = false,
): string[] {
  return readCsv(`${dataDir}yente_screening_fixtures/${file}`)
    .map((r) => r['full_name'] ?? '')
    .filter((n) => keepEmpty || n.length > 0);
}

/** Raw bytes of the 2021-07-07 OFAC SDN snapshot, for `parseListFiles`. */
export function readOfac2021Files(): { name: string; bytes: Uint8Array }[] {
  return ['sdn.csv', 'alt.csv', 'add.csv', 'sdn_comments.csv'].map((name) => ({
    name,
    bytes: new Uint8Array(readFileSync(`${dataDir}us_ofac_sdn_2021-07-07/${name}`)),
  }));
}
