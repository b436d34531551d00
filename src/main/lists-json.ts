import type { SnapshotComparison } from '../application/lists/diff-list-snapshots.ts';
import type { SourceStatus } from '../application/lists/get-list-status.ts';
import type { ListSnapshot } from '../domain/lists/list-snapshot.ts';
import type { CommandOutput } from '../adapters/cli/output.ts';

/** A snapshot as JSON (CLI `--json` and the API share this shape; see src/contracts/lists.ts). */
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

/** `cordon lists status` as printed, from its JSON form (the same as `GET /v1/lists`). */
export interface ListStatusJson {
  readonly sources: readonly {
    readonly source: string;
    readonly dataDate: string | null;
    readonly ageDays: number | null;
    readonly entryCount: number;
    readonly active: { readonly id: string } | null;
  }[];
}

export function listStatusOutput(json: ListStatusJson): CommandOutput {
  const rows = json.sources.map((s) =>
    s.active
      ? `${s.source.padEnd(20)} ${s.dataDate ?? ''}  ${String(s.ageDays).padStart(5)} days  ${s.entryCount.toLocaleString('en').padStart(7)} entries  ${s.active.id}`
      : `${s.source.padEnd(20)} not imported`,
  );
  return {
    text: [
      `${'source'.padEnd(20)} data date   age          entries          active snapshot`,
      ...rows,
    ].join('\n'),
    json,
  };
}
