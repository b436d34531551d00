// The lists the benchmark screens against: every list Cordon ships, parsed by the list adapters.
import { fileURLToPath } from 'node:url';
import type { ListedParty } from '../../src/domain/lists/listed-party.ts';
import { parseListFiles } from '../../src/adapters/lists/parse-list-files.ts';
import {
  readShippedListFiles,
  shippedListManifest,
} from '../../src/adapters/lists/shipped-lists.ts';
import { readOfac2021Files } from './datasets.ts';

const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));

export interface LoadedLists {
  readonly parties: ListedParty[];
  readonly perSource: { source: string; dataDate: string; records: number; skipped: number }[];
}

/** Parses every shipped list (data/lists) into list records. */
export function loadShippedLists(): LoadedLists {
  const parties: ListedParty[] = [];
  const perSource: LoadedLists['perSource'] = [];
  for (const list of shippedListManifest) {
    const parsed = parseListFiles(list.source, readShippedListFiles(repositoryRoot, list));
    if (!parsed.ok) {
      throw new Error(
        `cannot parse ${list.source}: ${parsed.error.problems.map((p) => JSON.stringify(p)).join('; ')}`,
      );
    }
    parties.push(...parsed.value.records);
    perSource.push({
      source: list.source,
      dataDate: list.dataDate,
      records: parsed.value.records.length,
      skipped: parsed.value.skipped.length,
    });
  }
  return { parties, perSource };
}

/** The consistent OFAC SDN snapshot of 2021-07-07 (bench/data/screening), for alias recall. */
export function loadOfac2021(): readonly ListedParty[] {
  const parsed = parseListFiles('us-ofac-sdn', readOfac2021Files());
  if (!parsed.ok) {
    throw new Error(
      `cannot parse the 2021 SDN: ${parsed.error.problems.map((p) => JSON.stringify(p)).join('; ')}`,
    );
  }
  return parsed.value.records;
}
