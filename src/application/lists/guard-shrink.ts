import {
  defaultShrinkPolicy,
  shrinkVerdict,
  type ShrinkPolicy,
} from '../../domain/lists/shrink-guard.ts';
import { cordonError, type CordonError } from '../../domain/shared/errors.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { AuditLog } from '../ports/audit-log.ts';
import type { ListSnapshotStore } from '../ports/list-snapshot-store.ts';

/**
 * The shrink guard of imports and roll-backs: compares the entries about to become active with the
 * source's active ones. Too many removed, or files that look cut short, is refused unless a reason
 * is given; an allowed shrink is audited with the reason, the count and the evidence.
 */
export async function guardShrink(
  deps: {
    readonly store: ListSnapshotStore;
    readonly shrinkPolicy?: ShrinkPolicy;
    readonly audit?: AuditLog;
  },
  change: {
    readonly source: string;
    readonly newIds: ReadonlySet<string>;
    readonly truncation: string | undefined;
    /** The snapshot about to become active. */
    readonly into: string;
    readonly action: 'lists.import' | 'lists.activate';
  },
  by: { readonly allowShrink?: string; readonly actor?: string; readonly requestId?: string },
): Promise<Result<{ readonly removed: number }, CordonError>> {
  const active = (await deps.store.activeSnapshots()).find((a) => a.source === change.source);
  const activeIds =
    active === undefined || active.snapshot.id === change.into
      ? undefined
      : new Set((await deps.store.entries(active.snapshot.id)).map((e) => e.entityId));
  const verdict = shrinkVerdict(
    activeIds,
    change.newIds,
    change.truncation,
    deps.shrinkPolicy ?? defaultShrinkPolicy,
  );
  if (verdict.kind === 'ok') return ok({ removed: verdict.removed });
  const reason = by.allowShrink?.trim() ?? '';
  if (reason.length < 10) {
    return err(
      cordonError(
        'CORDON_LIST_SHRINK_REFUSED',
        verdict.message,
        by.allowShrink === undefined
          ? []
          : [{ field: 'allowShrink', problem: 'give a reason of at least 10 characters' }],
      ),
    );
  }
  await deps.audit?.append({
    actor: by.actor ?? 'system',
    action: `${change.action}.shrink-allowed`,
    objectType: 'list-snapshot',
    objectId: change.into,
    requestId: by.requestId,
    details: {
      source: change.source,
      replaces: active?.snapshot.id ?? null,
      removed: verdict.removed,
      activeCount: verdict.activeCount,
      share: Number(verdict.share.toFixed(4)),
      ...(verdict.truncation === undefined ? {} : { truncation: verdict.truncation }),
      reason,
    },
  });
  return ok({ removed: verdict.removed });
}
