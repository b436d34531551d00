import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ListSourceId } from '../../domain/lists/list-source.ts';
import { parseListFiles, type ListFile } from './parse-list-files.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const load = (file: string, name = path.basename(file)): ListFile => ({
  name,
  bytes: new Uint8Array(fs.readFileSync(path.join(root, file))),
});

/** Small real samples of each format (cut from the shipped files, see test/fixtures/lists). */
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

/** The ways a real file goes wrong: cut short, bytes changed, lines lost or doubled, delimiters swapped. */
const mutation = (bytes: Uint8Array): fc.Arbitrary<Uint8Array> => {
  const text = new TextDecoder().decode(bytes);
  const lines = text.split('\n');
  return fc.oneof(
    fc.nat({ max: bytes.length }).map((end) => bytes.slice(0, end)),
    fc
      .array(
        fc.tuple(fc.nat({ max: Math.max(0, bytes.length - 1) }), fc.integer({ min: 0, max: 255 })),
        { minLength: 1, maxLength: 20 },
      )
      .map((flips) => {
        const copy = bytes.slice();
        for (const [at, value] of flips) copy[at] = value;
        return copy;
      }),
    fc
      .array(fc.nat({ max: Math.max(0, lines.length - 1) }), { minLength: 1, maxLength: 10 })
      .map((drop) => {
        const dropped = new Set(drop);
        return new TextEncoder().encode(lines.filter((_, i) => !dropped.has(i)).join('\n'));
      }),
    fc
      .array(fc.nat({ max: Math.max(0, lines.length - 1) }), { minLength: 1, maxLength: 10 })
      .map((copies) => {
        const doubled = [...lines];
        for (const at of copies) doubled.splice(at, 0, lines[at] ?? '');
        return new TextEncoder().encode(doubled.join('\n'));
      }),
    fc
      .constantFrom<[string, string]>(
        [',', '\t'],
        ['\t', ','],
        [',', ';'],
        ['"', "'"],
        ['<', '['],
        ['\n', '\r'],
      )
      .map(([from, to]) => new TextEncoder().encode(text.split(from).join(to))),
    fc.uint8Array({ maxLength: 2_000 }),
    fc.string({ maxLength: 2_000 }).map((s) => new TextEncoder().encode(s)),
  );
};

/** Files of a source with one of them replaced by a mutation of itself. */
const mutatedFiles = (files: readonly ListFile[]): fc.Arbitrary<ListFile[]> =>
  fc.nat({ max: files.length - 1 }).chain((index) => {
    const target = files[index];
    if (target === undefined) return fc.constant([...files]);
    return mutation(target.bytes).map((bytes) =>
      files.map((f, i) => (i === index ? { name: f.name, bytes } : f)),
    );
  });

/** A Result, never an exception; an import it allows is well formed. */
function expectResult(source: ListSourceId, files: readonly ListFile[]): void {
  const parsed = parseListFiles(source, files);
  if (!parsed.ok) {
    expect(parsed.error.problems.length).toBeGreaterThan(0);
    for (const problem of parsed.error.problems) expect(problem.message).not.toBe('');
    return;
  }
  const ids = new Set<string>();
  for (const record of parsed.value.records) {
    expect(record.source).toBe(source);
    expect(record.names[0]?.value).toBeTruthy();
    expect(ids.has(record.entityId)).toBe(false);
    ids.add(record.entityId);
  }
}

describe(`${parseListFiles.name} on random and mutated files`, () => {
  for (const [source, files] of Object.entries(samples) as [ListSourceId, readonly ListFile[]][]) {
    it(`answers every mutation of a real ${source} sample with a Result, quickly`, () => {
      expectResult(source, files);
      fc.assert(
        fc.property(mutatedFiles(files), (mutated) => {
          const started = performance.now();
          expectResult(source, mutated);
          expect(performance.now() - started).toBeLessThan(2_000);
        }),
        { numRuns: 60, seed: 20261122 },
      );
    });
  }

  it('answers arbitrary bytes under arbitrary names with a Result, for every source', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...(Object.keys(samples) as ListSourceId[])),
        fc.array(
          fc.record({
            name: fc.constantFrom('sdn.csv', 'alt.csv', 'x.xml', 'csl.csv', 'f'),
            bytes: fc.uint8Array({ maxLength: 500 }),
          }),
          { maxLength: 4 },
        ),
        (source, files) => {
          expectResult(source, files);
        },
      ),
      { numRuns: 200, seed: 20261122 },
    );
  });
});
