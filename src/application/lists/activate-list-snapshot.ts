import type { ListSnapshot } from '../../domain/lists/list-snapshot.ts';
import { cordonError, type CordonError } from '../../domain/shared/errors.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { AuditLog } from '../ports/audit-log.ts';
import type { ListSnapshotStore } from '../ports/list-snapshot-store.ts';
import type { ShrinkPolicy } from '../../domain/lists/shrink-guard.ts';
import { guardShrink } from './guard-shrink.ts';

/** What an activation did: the snapshot now active, and the one it replaced. */
export interface Activation {
  readonly snapshot: ListSnapshot;
  readonly previous?: string;
  /** False when the snapshot was active already (nothing changed, nothing to re-screen). */
  readonly changed: boolean;
}

/**
 * Makes a stored snapshot of `source` the active one: the roll-back after a bad import. The same
 * shrink guard as an import applies (a reason is needed to drop many entries); the activation is
 * audited with the snapshot it replaced. The caller re-screens open cases as after an import.
 */
export async function activateListSnapshot(
  deps: {
    readonly store: ListSnapshotStore;
    readonly audit: AuditLog;
    readonly shrinkPolicy?: ShrinkPolicy;
  },
  request: {
    readonly source: string;
    readonly snapshotId: string;
    readonly allowShrink?: string;
    readonly actor: string;
    readonly requestId?: string;
  },
): Promise<Result<Activation, CordonError>> {
  const snapshot = await deps.store.getSnapshot(request.snapshotId);
  if (snapshot?.source !== request.source) {
    return err(
      cordonError(
        'CORDON_SNAPSHOT_NOT_FOUND',
        `No snapshot ${request.snapshotId} of ${request.source} is stored (see GET /v1/lists/${request.source}/snapshots).`,
      ),
    );
  }
  const active = (await deps.store.activeSnapshots()).find((a) => a.source === request.source);
  if (active?.snapshot.id === snapshot.id) return ok({ snapshot, changed: false });
  const guarded = await guardShrink(
    deps,
    {
      source: request.source,
      newIds: new Set((await deps.store.entries(snapshot.id)).map((e) => e.entityId)),
      // The files are not kept: only the share of entries removed is judged here.
      truncation: undefined,
      into: snapshot.id,
      action: 'lists.activate',
    },
    request,
  );
  if (!guarded.ok) return guarded;
  if (!(await deps.store.activate(snapshot.id))) {
    return err(cordonError('CORDON_SNAPSHOT_NOT_FOUND', `No snapshot ${snapshot.id} is stored.`));
  }
  await deps.audit.append({
    actor: request.actor,
    action: 'lists.activate',
    objectType: 'list-snapshot',
    objectId: snapshot.id,
    requestId: request.requestId,
    details: {
      source: request.source,
      replaces: active?.snapshot.id ?? null,
      removed: guarded.value.removed,
      ...(request.allowShrink === undefined ? {} : { reason: request.allowShrink }),
    },
  });
  return ok({
    snapshot,
    changed: true,
    ...(active === undefined ? {} : { previous: active.snapshot.id }),
  });
}
