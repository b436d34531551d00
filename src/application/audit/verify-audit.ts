import { verifyChain, type AuditEntry, type ChainVerdict } from '../../domain/audit/audit-chain.ts';
import type { AuditLog, AuditQuery } from '../ports/audit-log.ts';

/** Walks the whole trail (or the part in `query`) and says whether the chain holds. */
export async function verifyAuditTrail(
  audit: AuditLog,
  sha256: (text: string) => string,
  query: AuditQuery = {},
): Promise<ChainVerdict> {
  const entries = await audit.entries(query);
  const first = entries[0];
  if (first === undefined || first.seq === 1) return verifyChain(entries, sha256);
  const before = await audit.entryBefore(first.seq);
  return verifyChain(entries, sha256, before ?? { seq: first.seq - 1, hash: first.previousHash });
}

/** A verifiable extract: its entries plus the anchor (the entry before the first) to verify from. */
export interface AuditExtract {
  readonly format: 'cordon-audit-extract/1';
  readonly anchor: { readonly seq: number; readonly hash: string };
  readonly entries: readonly AuditEntry[];
}

export async function exportAudit(audit: AuditLog, query: AuditQuery): Promise<AuditExtract> {
  const entries = await audit.entries(query);
  const first = entries[0];
  const before = first && first.seq > 1 ? await audit.entryBefore(first.seq) : undefined;
  return {
    format: 'cordon-audit-extract/1',
    anchor: before
      ? { seq: before.seq, hash: before.hash }
      : { seq: first ? first.seq - 1 : 0, hash: first?.previousHash ?? '0'.repeat(64) },
    entries,
  };
}
