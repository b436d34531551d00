import {
  anchoredHeadProblem,
  verifyChain,
  type AuditEntry,
  type AuditHead,
  type ChainVerdict,
} from '../../domain/audit/audit-chain.ts';
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

/** The trail's latest entry (sequence number, hash, time), or undefined for an empty trail. */
export async function auditHead(audit: AuditLog): Promise<AuditHead | undefined> {
  const last = await audit.entryBefore(Number.MAX_SAFE_INTEGER);
  return last && { seq: last.seq, hash: last.hash, at: last.at };
}

/** A verdict on the whole trail that also says whether an anchored head is still in it. */
export type AnchoredVerdict =
  | ChainVerdict
  | {
      readonly intact: false;
      readonly entries: number;
      readonly brokenAtSeq?: undefined;
      readonly reason: string;
      readonly anchored: false;
    };

/**
 * Verifies the whole trail and, given a head anchored earlier, that the trail still holds it: the
 * chain alone cannot show that entries were cut from its end (or that it was rewritten whole, every
 * hash recomputed); the anchor, kept outside the database, can.
 */
export async function verifyAnchoredTrail(
  audit: AuditLog,
  sha256: (text: string) => string,
  expected: { readonly hash: string; readonly seq?: number },
): Promise<AnchoredVerdict> {
  const entries = await audit.entries({});
  const verdict = verifyChain(entries, sha256);
  if (!verdict.intact) return verdict;
  const problem = anchoredHeadProblem(entries, expected);
  return problem === undefined
    ? verdict
    : { intact: false, entries: entries.length, reason: problem, anchored: false };
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
