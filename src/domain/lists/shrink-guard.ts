import type { SnapshotProblem } from './list-snapshot.ts';

/**
 * How much of a list an import (or a roll-back) may remove before it needs an explicit reason: a
 * deployment setting (`CORDON_LIST_MAX_REMOVED_SHARE`, default 10%). Official lists grow and shrink
 * by a few entries at a time; a file that drops a tenth of them is far more likely cut short, or
 * the wrong file, than a real mass delisting.
 */
export interface ShrinkPolicy {
  /** The largest share of the active snapshot's entries that may disappear (0 to 1). */
  readonly maxRemovedShare: number;
}

export const defaultShrinkPolicy: ShrinkPolicy = { maxRemovedShare: 0.1 };

/** Why an import or activation is refused as a shrink, or `ok`. */
export type ShrinkVerdict =
  | { readonly kind: 'ok'; readonly removed: number }
  | {
      readonly kind: 'needs-reason';
      readonly removed: number;
      readonly activeCount: number;
      readonly share: number;
      /** Set when the files look cut short (a last line without its end, skipped). */
      readonly truncation?: string;
      readonly message: string;
    };

/**
 * Whether replacing the active entries with the new ones removes too much, or the files look
 * truncated. `activeIds` are the entity ids of the source's active snapshot (undefined: nothing
 * active, nothing to lose).
 *
 * @example
 * // the Denied Persons List cut at 70,000 bytes: 581 entries down to 257, its last line cut
 * shrinkVerdict(activeIds581, newIds257, 'dpl.txt line 258 ...', defaultShrinkPolicy)
 * // { kind: 'needs-reason', removed: 324, share: 0.56, ... }
 */
export function shrinkVerdict(
  activeIds: ReadonlySet<string> | undefined,
  newIds: ReadonlySet<string>,
  truncation: string | undefined,
  policy: ShrinkPolicy,
): ShrinkVerdict {
  const activeCount = activeIds?.size ?? 0;
  let removed = 0;
  for (const id of activeIds ?? []) if (!newIds.has(id)) removed += 1;
  const share = activeCount === 0 ? 0 : removed / activeCount;
  const tooMuch = share > policy.maxRemovedShare;
  if (!tooMuch && truncation === undefined) return { kind: 'ok', removed };
  const reasons = [
    ...(tooMuch
      ? [
          `it would remove ${String(removed)} of the ${String(activeCount)} active entries (${percent(share)}; the limit is ${percent(policy.maxRemovedShare)})`,
        ]
      : []),
    ...(truncation === undefined ? [] : [`the files look truncated: ${truncation}`]),
  ];
  return {
    kind: 'needs-reason',
    removed,
    activeCount,
    share,
    ...(truncation === undefined ? {} : { truncation }),
    message: `Refused: ${reasons.join('; and ')}. If this is intended, allow it with a reason (--allow-shrink "<reason>", or allowShrink).`,
  };
}

const percent = (share: number): string => `${(share * 100).toFixed(share < 0.1 ? 1 : 0)}%`;

/**
 * Evidence that a file was cut short: it does not end with a line break, and its last line is
 * among the rows that could not be read. A complete file ends its last line; a download or copy
 * stopped halfway ends mid-row.
 */
export function truncationEvidence(
  files: readonly { readonly name: string; readonly bytes: Uint8Array }[],
  skipped: readonly SnapshotProblem[],
): string | undefined {
  for (const file of files) {
    const length = file.bytes.byteLength;
    if (length === 0) continue;
    const last = file.bytes[length - 1];
    if (last === 0x0a || last === 0x0d) continue;
    let lines = 1;
    for (const byte of file.bytes) if (byte === 0x0a) lines += 1;
    const cut = skipped.find((p) => p.file === file.name && p.line === lines);
    if (cut !== undefined) {
      return `${file.name} ends without a line break and its last line (${String(lines)}) could not be read (${cut.message})`;
    }
  }
  return undefined;
}
