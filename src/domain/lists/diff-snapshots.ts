import { primaryName, type ListedParty } from './listed-party.ts';

/** What changed about one entry between two snapshots of a source. */
export interface ChangedEntry {
  readonly entityId: string;
  readonly name: string;
  /** The fields that differ, e.g. `names`, `addresses`, `programmes`. */
  readonly fields: readonly string[];
  readonly namesAdded: readonly string[];
  readonly namesRemoved: readonly string[];
}

export interface SnapshotDiff {
  readonly added: readonly { readonly entityId: string; readonly name: string }[];
  readonly removed: readonly { readonly entityId: string; readonly name: string }[];
  readonly changed: readonly ChangedEntry[];
  readonly unchangedCount: number;
}

const comparedFields = [
  'kind',
  'names',
  'addresses',
  'countries',
  'programmes',
  'identifiers',
  'dates',
  'remarks',
  'subList',
  'licenceRequirement',
  'licenceReviewPolicy',
  'citations',
  'entryText',
] as const satisfies readonly (keyof ListedParty)[];

/**
 * Compares two snapshots entry by entry, matching entries by their stable `entityId`. Order of
 * entries is irrelevant; within an entry, the order of names and addresses is significant only
 * through their content (a reordering alone is not a change).
 *
 * @example
 * diffSnapshots(old, new).added // entries listed since the old snapshot
 */
export function diffSnapshots(
  before: readonly ListedParty[],
  after: readonly ListedParty[],
): SnapshotDiff {
  const beforeById = new Map(before.map((p) => [p.entityId, p]));
  const afterIds = new Set(after.map((p) => p.entityId));
  const added: { entityId: string; name: string }[] = [];
  const changed: ChangedEntry[] = [];
  let unchangedCount = 0;
  for (const party of after) {
    const previous = beforeById.get(party.entityId);
    if (previous === undefined) {
      added.push({ entityId: party.entityId, name: primaryName(party) });
      continue;
    }
    const fields = comparedFields.filter(
      (field) => canonical(previous[field]) !== canonical(party[field]),
    );
    if (fields.length === 0) {
      unchangedCount += 1;
      continue;
    }
    const namesBefore = new Set(previous.names.map((n) => n.value));
    const namesAfter = new Set(party.names.map((n) => n.value));
    changed.push({
      entityId: party.entityId,
      name: primaryName(party),
      fields,
      namesAdded: [...namesAfter].filter((n) => !namesBefore.has(n)),
      namesRemoved: [...namesBefore].filter((n) => !namesAfter.has(n)),
    });
  }
  const removed = before
    .filter((p) => !afterIds.has(p.entityId))
    .map((p) => ({ entityId: p.entityId, name: primaryName(p) }));
  return { added, removed, changed, unchangedCount };
}

/** A stable text form of a field value: arrays compared as sorted sets of canonical items. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return JSON.stringify(value.map(canonical).sort());
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    return JSON.stringify(entries.map(([k, v]) => [k, canonical(v)]));
  }
  return JSON.stringify(value ?? null);
}
