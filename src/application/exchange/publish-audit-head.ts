import type { AuditHead } from '../../domain/audit/audit-chain.ts';
import type { CordonError } from '../../domain/shared/errors.ts';
import { ok, type Result } from '../../domain/shared/result.ts';
import { auditHead } from '../audit/verify-audit.ts';
import type { AuditLog } from '../ports/audit-log.ts';
import type { ExchangeDeps } from './exchange-deps.ts';
import { publishMessage } from './publish-message.ts';

/** The audit action of a head's own publication (one entry, appended with it). */
export const auditHeadAction = 'exchange.audit-head.publish';

/**
 * Signs the audit trail's head onto our feed for every partner: each partner then holds a witness
 * of the trail (entry `seq` had hash `hash`) signed with our key, so a trail later cut short or
 * rewritten contradicts what partners hold. Nothing is published when the trail has not moved
 * since `previous` (but for that publication's own audit entry).
 */
export async function publishAuditHead(
  deps: ExchangeDeps,
  audit: AuditLog,
  previous: AuditHead | undefined,
): Promise<Result<AuditHead | undefined, CordonError>> {
  const head = await auditHead(audit);
  if (head === undefined) return ok(undefined);
  if (previous !== undefined && head.seq <= previous.seq + 1) {
    const last = await audit.entryBefore(head.seq + 1);
    if (head.seq === previous.seq || last?.action === auditHeadAction) return ok(undefined);
  }
  const published = await publishMessage(deps, 'audit-head', head, 'all', {
    actor: 'system',
    action: auditHeadAction,
    details: { seq: head.seq, hash: head.hash },
  });
  return published.ok ? ok(head) : published;
}
