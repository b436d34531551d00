import type { AuditEvent } from '../../domain/audit/audit-chain.ts';
import { notificationsForChange } from '../../domain/notifications/notification.ts';
import { actorOf, type Principal } from '../../domain/people/people.ts';
import { cordonError, type CordonError } from '../../domain/shared/errors.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { CaseEvent, CaseRecord, CaseRecordStore } from '../ports/case-store.ts';

export const versionConflict = (reference: string, expected: number, actual: number): CordonError =>
  cordonError(
    'CORDON_CASE_VERSION_CONFLICT',
    `Case ${reference} changed meanwhile (you acted on version ${String(expected)}, it is now at ${String(actual)}); reload it and try again.`,
  );

/**
 * Saves the changed case with its history events and their audit entries in one transaction, if
 * nobody changed it since `before` (else a version conflict naming both versions), with the
 * notifications the change sends (`notificationsForChange`) in the same transaction.
 */
export async function persistCaseChange(
  deps: { readonly store: CaseRecordStore },
  before: CaseRecord,
  after: CaseRecord,
  events: readonly CaseEvent[],
  principal: Principal,
  requestId: string | undefined,
): Promise<Result<CaseRecord, CordonError>> {
  const audit: AuditEvent[] = events.map((e) => ({
    actor: e.role === 'system' ? 'system' : actorOf(principal),
    action: `cases.${e.action}`,
    objectType: 'case',
    objectId: before.licenceCase.id,
    requestId,
    details: {
      from: e.fromStage,
      to: e.toStage,
      version: e.version,
      ...(e.note ? { note: e.note } : {}),
    },
  }));
  const notifications = notificationsForChange(
    before.licenceCase,
    after.licenceCase,
    events.map((e) => e.action),
    principal.userId,
    events[0]?.at ?? after.licenceCase.createdAt,
  );
  const saved = await deps.store.save(
    after,
    before.licenceCase.version,
    events,
    audit,
    notifications,
  );
  if (!saved) {
    const current = await deps.store.get(before.licenceCase.id);
    return err(
      versionConflict(
        before.licenceCase.reference,
        before.licenceCase.version,
        current?.licenceCase.version ?? -1,
      ),
    );
  }
  return ok(after);
}
