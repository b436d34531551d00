import path from 'node:path';
import { parseListFiles } from '../../src/adapters/lists/parse-list-files.ts';
import {
  readShippedListFiles,
  shippedListManifest,
} from '../../src/adapters/lists/shipped-lists.ts';
import type { ListedParty } from '../../src/domain/lists/listed-party.ts';
import {
  buildScreeningIndex,
  type ScreeningIndex,
} from '../../src/domain/screening/screening-index.ts';

const root = path.resolve(import.meta.dirname, '../..');
let cached: { parties: readonly ListedParty[]; index: ScreeningIndex } | undefined;

/**
 * Every list Cordon ships (data/lists), parsed, and the screening index over them: built once per
 * test worker, for tests that need real inverse frequencies (a word's weight depends on how many
 * listings use it). Call it in `beforeAll` (it takes seconds).
 */
export function shippedScreeningIndex(): {
  parties: readonly ListedParty[];
  index: ScreeningIndex;
} {
  if (!cached) {
    const parties: ListedParty[] = [];
    for (const list of shippedListManifest) {
      const parsed = parseListFiles(list.source, readShippedListFiles(root, list));
      if (!parsed.ok) throw new Error(`cannot parse the shipped ${list.source}`);
      parties.push(...parsed.value.records);
    }
    cached = { parties, index: buildScreeningIndex(parties) };
  }
  return cached;
}

/** The shipped list record with this entity id (throws when the lists no longer carry it). */
export function shippedParty(entityId: string): ListedParty {
  const party = shippedScreeningIndex().parties.find((p) => p.entityId === entityId);
  if (!party) throw new Error(`${entityId} is not in the shipped lists`);
  return party;
}
