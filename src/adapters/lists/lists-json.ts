import type { SnapshotComparison } from '../../application/lists/diff-list-snapshots.ts';
import type { SourceStatus } from '../../application/lists/get-list-status.ts';
import type { ListSnapshot } from '../../domain/lists/list-snapshot.ts';

/** A snapshot as JSON: `cordon lists --json` and `/v1/lists` share this shape (src/contracts/lists.ts), built here once. */
export const snapshotJson = (s: ListSnapshot) => ({
  id: s.id,
  source: s.source,
  dataDate: s.dataDate,
  importedAt: s.importedAt.toISOString(),
  contentHash: s.contentHash,
  files: s.files.map((f) => ({ ...f })),
  entryCount: s.entryCount,
  skippedCount: s.skippedCount,
  problems: s.problems.map((p) => ({ ...p })),
  importerVersion: s.importerVersion,
  provenance: s.provenance,
});

export const sourceStatusJson = (s: SourceStatus) => ({
  source: s.source,
  name: s.name,
  authority: s.authority,
  active: s.active ? snapshotJson(s.active) : null,
  activatedAt: s.activatedAt?.toISOString() ?? null,
  dataDate: s.active?.dataDate ?? null,
  ageDays: s.ageDays ?? null,
  entryCount: s.active?.entryCount ?? 0,
  snapshotCount: s.snapshotCount,
});

export const diffJson = (d: SnapshotComparison) => ({
  before: snapshotJson(d.before),
  after: snapshotJson(d.after),
  added: d.added.map((e) => ({ ...e })),
  removed: d.removed.map((e) => ({ ...e })),
  changed: d.changed.map((e) => ({
    ...e,
    fields: [...e.fields],
    namesAdded: [...e.namesAdded],
    namesRemoved: [...e.namesRemoved],
  })),
  unchangedCount: d.unchangedCount,
});
