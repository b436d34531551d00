import type { ListSnapshot } from '../../src/domain/lists/list-snapshot.ts';
import type { ListedParty } from '../../src/domain/lists/listed-party.ts';

let sequence = 0;

/**
 * A list snapshot of `entries` as an import would record it, with a unique id and content hash
 * (`us-bis-entity-list@2026-07-23.00000001`), imported at noon on its data date.
 *
 * @example
 * await store.saveAndActivate(buildListSnapshot('us-bis-entity-list', [hikvision]), [hikvision]);
 */
export function buildListSnapshot(
  source: string,
  entries: readonly ListedParty[],
  dataDate = '2026-07-23',
): ListSnapshot {
  sequence += 1;
  return {
    id: `${source}@${dataDate}.${String(sequence).padStart(8, '0')}`,
    source,
    dataDate,
    importedAt: new Date(`${dataDate}T12:00:00Z`),
    contentHash: `hash-${String(sequence)}`,
    files: [],
    entryCount: entries.length,
    skippedCount: 0,
    problems: [],
    importerVersion: 'test',
    provenance: 'test',
  };
}
