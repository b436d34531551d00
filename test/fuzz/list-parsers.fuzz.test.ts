import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseListFiles, type ListFile } from '../../src/adapters/lists/parse-list-files.ts';
import type { ListSourceId } from '../../src/domain/lists/list-source.ts';
import { fuzzParameters, mutationOf, perInputBudgetMs } from './fuzz-runs.ts';

const root = path.resolve(import.meta.dirname, '../..');
// The first lines of each real file: the format intact, small enough for 100,000 inputs a parser.
const load = (file: string): ListFile => {
  const lines = fs.readFileSync(path.join(root, file), 'utf8').split('\n');
  const kept = file.endsWith('.xml') ? lines : lines.slice(0, 40);
  return { name: path.basename(file), bytes: new TextEncoder().encode(kept.join('\n')) };
};

/** One real sample per official format: each parser behind `parseListFiles`. */
const samples: Record<ListSourceId, readonly ListFile[]> = {
  'us-ofac-sdn': ['sdn.csv', 'alt.csv', 'add.csv', 'sdn_comments.csv'].map((n) =>
    load(`test/fixtures/lists/ofac-sdn-2021-sample/${n}`),
  ),
  'us-ofac-nonsdn': ['cons_prim.csv', 'cons_alt.csv', 'cons_add.csv', 'cons_comments.csv'].map(
    (n) => load(`data/lists/us_ofac_nonsdn/2025-12-19/${n}`),
  ),
  'us-csl': [load('test/fixtures/lists/csl-sample.csv')],
  'us-bis-dpl': [load('test/fixtures/lists/dpl-sample.txt')],
  'us-bis-entity-list': [load('test/fixtures/lists/entity-list-sample.xml')],
  'uk-hmt-ofsi': [
    load('data/lists/format_samples/uk_hmt_conlist_2020-04-27/sample_hmt_conlist.csv'),
  ],
  'eu-fsf': [load('data/lists/format_samples/eu_fsf_2020-04-15/sample_eu_fsf.xml')],
};

/** A Result, never an exception; what it accepts is well formed. */
function expectWellFormed(source: ListSourceId, files: readonly ListFile[]): void {
  const parsed = parseListFiles(source, files);
  if (!parsed.ok) {
    expect(parsed.error.problems.length).toBeGreaterThan(0);
    return;
  }
  const ids = new Set<string>();
  for (const record of parsed.value.records) {
    expect(record.source).toBe(source);
    expect(record.names[0]?.value.trim()).toBeTruthy();
    expect(ids.has(record.entityId)).toBe(false);
    ids.add(record.entityId);
  }
}

describe('list parsers under mutation fuzzing', () => {
  for (const [source, files] of Object.entries(samples) as [ListSourceId, readonly ListFile[]][]) {
    it(`answers every mutation of a ${source} file with a Result, within ${perInputBudgetMs} ms`, () => {
      const mutated = fc
        .nat({ max: files.length - 1 })
        .chain((index) =>
          mutationOf(files[index]?.bytes ?? new Uint8Array()).map((bytes) =>
            files.map((f, i) => (i === index ? { name: f.name, bytes } : f)),
          ),
        );
      fc.assert(
        fc.property(mutated, (input) => {
          const started = performance.now();
          expectWellFormed(source, input);
          expect(performance.now() - started).toBeLessThan(perInputBudgetMs);
        }),
        fuzzParameters(40),
      );
    });
  }
});
