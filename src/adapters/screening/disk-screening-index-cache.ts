import fs from 'node:fs/promises';
import path from 'node:path';
import type { ListSnapshotStore } from '../../application/ports/list-snapshot-store.ts';
import {
  createScreeningIndexCache,
  type ActiveScreeningIndex,
  type ExtraScreeningParties,
  type ScreeningIndexCache,
} from '../../application/screening/screening-index-cache.ts';
import type { ListedParty } from '../../domain/lists/listed-party.ts';
import {
  decodeIndexFile,
  encodeIndexFile,
  type IndexFileContent,
  type IndexFileView,
} from './screening-index-file.ts';

/** Options of `diskScreeningIndexCache`. */
export interface DiskScreeningIndexCacheOptions {
  /** The cache file, e.g. `<data dir>/screening-index.v8`. */
  readonly file: string;
  /** The code version: an index built by other code is not reused. */
  readonly codeVersion: string;
  /** Partners' threat alerts, indexed beside the lists (their version is part of the key). */
  readonly extra?: ExtraScreeningParties;
}

/**
 * A screening index cache for short-lived processes (the CLI): the index built by one command is
 * written to a file and read back by the next, instead of being rebuilt from the lists each time.
 * The file is keyed by the code version, the active snapshot ids and the version of the partners'
 * alerts, so an import, a roll-back or an alert makes the next command build (and write) afresh.
 * A missing, unreadable or foreign file is simply rebuilt.
 */
export function diskScreeningIndexCache(
  store: ListSnapshotStore,
  options: DiskScreeningIndexCacheOptions,
): ScreeningIndexCache {
  const inner = createScreeningIndexCache(store, {
    ...(options.extra ? { extra: options.extra } : {}),
  });

  const keyNow = async (): Promise<{ key: string; snapshots: string[] }> => {
    const active = await store.activeSnapshots();
    const snapshots = [...active]
      .sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0))
      .map((a) => a.snapshot.id);
    const extra = options.extra ? `\n+${await options.extra.version()}` : '';
    return { key: `${options.codeVersion}\n${snapshots.join('\n')}${extra}`, snapshots };
  };

  const read = async (key: string): Promise<ActiveScreeningIndex | undefined> => {
    let cached: IndexFileView | undefined;
    try {
      cached = decodeIndexFile(await fs.readFile(options.file));
    } catch {
      return undefined;
    }
    if (cached?.key !== key) return undefined;
    const { ids, record } = cached;
    const position = new Map<string, number>();
    ids.forEach((id, i) => position.set(id, i));
    const parsed = new Map<string, ListedParty>();
    const party = (entityId: string): ListedParty | undefined => {
      const known = parsed.get(entityId);
      if (known) return known;
      const i = position.get(entityId);
      const json = i === undefined ? undefined : record(i);
      if (json === undefined) return undefined;
      const found = JSON.parse(json) as ListedParty;
      parsed.set(entityId, found);
      return found;
    };
    const provenance = cached.provenance ? new Map(cached.provenance) : undefined;
    return {
      index: cached.index,
      snapshots: cached.snapshots,
      get parties() {
        return ids.map((id) => party(id)).filter((p) => p !== undefined);
      },
      party,
      ...(provenance ? { provenance: (entityId: string) => provenance.get(entityId) } : {}),
    };
  };

  const write = async (key: string, active: ActiveScreeningIndex): Promise<void> => {
    const content: IndexFileContent = {
      key,
      snapshots: active.snapshots,
      index: active.index,
      ids: active.parties.map((p) => p.entityId),
      records: active.parties.map((p) => JSON.stringify(p)),
      ...(active.provenance
        ? {
            provenance: active.parties.flatMap((p): [string, string][] => {
              const line = active.provenance?.(p.entityId);
              return line === undefined ? [] : [[p.entityId, line]];
            }),
          }
        : {}),
    };
    // Written beside and renamed, so that a reader never sees half a file.
    const partial = `${options.file}.${process.pid}.tmp`;
    try {
      await fs.mkdir(path.dirname(options.file), { recursive: true });
      await fs.writeFile(partial, encodeIndexFile(content), { mode: 0o600 });
      await fs.rename(partial, options.file);
    } catch {
      // A cache that cannot be written costs the next command a build, nothing more.
      await fs.rm(partial, { force: true });
    }
  };

  let current: Promise<ActiveScreeningIndex> | undefined;
  return {
    current() {
      current ??= (async () => {
        const { key } = await keyNow();
        const fromDisk = await read(key);
        if (fromDisk) return fromDisk;
        const built = await inner.current();
        await write(key, built);
        return built;
      })();
      return current;
    },
    records: () => inner.records(),
    prime: (snapshotId, entries) => {
      inner.prime(snapshotId, entries);
    },
  };
}
