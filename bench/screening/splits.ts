// The tuning / held-out split of every evaluation set (see make-splits.ts and bench/README.md).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { scriptOf } from '../../src/domain/screening/scripts.ts';
import { dataDir } from './datasets.ts';

/** The seed of every split; changing it is a new split, and every tuned figure is void. */
export const splitSeed = 'cordon-screening-eval-2026-12-06';

export type Half = 'tuning' | 'held-out';

/** One evaluation set's split: `assignment[i]` is `t` (tuning) or `h` (held-out) for row i. */
export interface SplitSet {
  readonly name: string;
  readonly file: string;
  readonly seed: string;
  readonly method: string;
  readonly rows: number;
  readonly tuning: number;
  readonly heldOut: number;
  readonly assignment: string;
}

const splitsDir = fileURLToPath(new URL('../data/screening/splits/', import.meta.url));
export const splitFile = (name: string): string => `${splitsDir}${name}.json`;

const keyed = (key: string): string =>
  createHash('sha256').update(`${splitSeed}\u0000${key}`).digest('hex');

/**
 * Assigns rows to halves: within each stratum, rows ordered by their keyed hash alternate
 * tuning, held-out, tuning ... (duplicate rows are told apart by their occurrence number).
 */
function assign(rows: readonly { key: string; stratum: string }[]): string {
  const out: string[] = new Array<string>(rows.length).fill('t');
  const strata = new Map<string, { index: number; hash: string }[]>();
  const seen = new Map<string, number>();
  rows.forEach((row, index) => {
    const occurrence = seen.get(row.key) ?? 0;
    seen.set(row.key, occurrence + 1);
    const list = strata.get(row.stratum) ?? [];
    list.push({ index, hash: keyed(`${row.key}\u0000${String(occurrence)}`) });
    strata.set(row.stratum, list);
  });
  for (const list of strata.values()) {
    list.sort((a, b) => (a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : a.index - b.index));
    list.forEach((entry, k) => {
      out[entry.index] = k % 2 === 0 ? 't' : 'h';
    });
  }
  return out.join('');
}

const csvRows = (path: string): Record<string, string>[] =>
  parse<Record<string, string>>(readFileSync(path), {
    columns: true,
    skip_empty_lines: true,
    bom: true,
  });

function set(name: string, file: string, method: string, assignment: string): SplitSet {
  const heldOut = assignment.split('h').length - 1;
  return {
    name,
    file,
    seed: splitSeed,
    method,
    rows: assignment.length,
    tuning: assignment.length - heldOut,
    heldOut,
    assignment,
  };
}

/** Computes the split of every evaluation set from the data files and the seed. */
export function splitRows(): SplitSet[] {
  const cases = csvRows(`${dataDir}nomenklatura_name_bench/cases.csv`);
  const crossLines = readFileSync(`${dataDir}watchman_cross_script/cross_script_pairs.csv`, 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'));
  const negatives = (file: string): SplitSet => {
    const rows = csvRows(`${dataDir}yente_screening_fixtures/${file}`);
    return set(
      file.replace('.csv', ''),
      `yente_screening_fixtures/${file}`,
      'per row, stratified by the script of full_name (Latin or not)',
      assign(
        rows.map((r) => ({
          key: r['full_name'] ?? '',
          stratum: /^[\p{Script=Latin}\s\p{P}]*$/u.test(r['full_name'] ?? '') ? 'latin' : 'other',
        })),
      ),
    );
  };
  return [
    set(
      'nomenklatura-cases',
      'nomenklatura_name_bench/cases.csv',
      'per row, stratified by case_group and is_match',
      assign(
        cases.map((r) => ({
          key: [r['case_group'], r['schema'], r['name1'], r['name2']].join('\u0001'),
          stratum: `${r['case_group'] ?? ''}/${r['is_match'] ?? ''}`,
        })),
      ),
    ),
    set(
      'watchman-cross-script',
      'watchman_cross_script/cross_script_pairs.csv',
      'per pair, stratified by the script of the query',
      assign(
        crossLines.map((line) => ({
          key: line,
          stratum: scriptOf(line.codePointAt(0) ?? 0),
        })),
      ),
    ),
    negatives('negatives_global.csv'),
    negatives('negatives_us.csv'),
  ];
}

/** The committed split of one set (read from bench/data/screening/splits). */
export function readSplit(name: string): SplitSet {
  return JSON.parse(readFileSync(splitFile(name), 'utf8')) as SplitSet;
}

/** The rows of `items` in `half` according to the committed split `name`. */
export function inHalf<T>(name: string, items: readonly T[], half: Half): T[] {
  const split = readSplit(name);
  if (split.rows !== items.length)
    throw new Error(
      `split ${name} has ${String(split.rows)} rows, the data ${String(items.length)}`,
    );
  const mark = half === 'tuning' ? 't' : 'h';
  return items.filter((_, i) => split.assignment[i] === mark);
}
