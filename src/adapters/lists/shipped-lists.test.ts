import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseListFiles } from './parse-list-files.ts';
import { readShippedListFiles, shippedListManifest } from './shipped-lists.ts';

const root = path.resolve(import.meta.dirname, '../../..');

describe('shippedListManifest', () => {
  it('ships SDN, non-SDN, Entity List, DPL and the partial CSL, each file present and under 5 MB', () => {
    expect(shippedListManifest.map((l) => `${l.source}@${l.dataDate}`)).toEqual([
      'us-ofac-sdn@2024-05-03',
      'us-ofac-nonsdn@2025-12-19',
      'us-bis-entity-list@2026-07-23',
      'us-bis-dpl@2022-09-07',
      'us-csl@2023-11-30',
    ]);
    for (const file of shippedListManifest.flatMap((l) => l.files)) {
      expect(file).toMatch(/^data\/lists\//);
      expect(fs.statSync(path.join(root, file)).size).toBeLessThan(5 * 1024 * 1024);
    }
  });

  it('parses every shipped list with the expected number of entries', () => {
    const counts = Object.fromEntries(
      shippedListManifest.map((list) => {
        const parsed = parseListFiles(list.source, readShippedListFiles(root, list));
        if (!parsed.ok) throw new Error(JSON.stringify(parsed.error.problems.slice(0, 3)));
        return [list.source, parsed.value.records.length];
      }),
    );
    expect(counts).toEqual({
      'us-ofac-sdn': 14_965,
      'us-ofac-nonsdn': 442,
      'us-bis-entity-list': 3_411 + 49,
      'us-bis-dpl': 581,
      'us-csl': 4_226,
    });
  });
});
