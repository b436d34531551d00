import type { AuditEvent } from '../../src/domain/audit/audit-chain.ts';
import type {
  PositionRecord,
  ProposalRecord,
  ProposalStore,
  SyncGapAlert,
} from '../../src/application/ports/proposal-store.ts';
import { proposalSummaryOf as summaryOf } from '../../src/application/proposals/proposal-deps.ts';

/** `ProposalStore` in memory; `audit` keeps the events it was given, for tests to read. */
export function inMemoryProposalStore(): ProposalStore & { readonly audit: AuditEvent[] } {
  const proposals = new Map<string, ProposalRecord>();
  const positions = new Map<string, PositionRecord>();
  const alerts: SyncGapAlert[] = [];
  const audit: AuditEvent[] = [];
  const byTimeDesc =
    <T>(at: (x: T) => Date, id: (x: T) => string) =>
    (a: T, b: T) =>
      at(b).getTime() - at(a).getTime() || (id(a) < id(b) ? 1 : id(a) > id(b) ? -1 : 0);
  return {
    audit,
    saveProposal(p, events) {
      proposals.set(p.id, p);
      audit.push(...events);
      return Promise.resolve();
    },
    proposal: (id) => Promise.resolve(proposals.get(id)),
    proposals: (filter = {}) =>
      Promise.resolve(
        [...proposals.values()]
          .filter((p) => filter.status === undefined || p.status === filter.status)
          .sort(
            byTimeDesc(
              (p) => p.createdAt,
              (p) => p.id,
            ),
          ),
      ),
    savePosition(position, events) {
      positions.set(
        `${position.proposalId}|${position.partner}|${String(position.version)}`,
        position,
      );
      audit.push(...events);
      return Promise.resolve();
    },
    positions: (proposalId) =>
      Promise.resolve(
        [...positions.values()]
          .filter((p) => p.proposalId === proposalId)
          .sort(
            (a, b) =>
              a.recordedAt.getTime() - b.recordedAt.getTime() ||
              a.partner.localeCompare(b.partner) ||
              a.version - b.version,
          ),
      ),
    addGapAlerts(toAdd, auditOf) {
      const stored = toAdd.filter(
        (a) =>
          !alerts.some(
            (b) =>
              b.proposalId === a.proposalId && b.partner === a.partner && b.caseId === a.caseId,
          ),
      );
      alerts.push(...stored);
      audit.push(...stored.map(auditOf));
      return Promise.resolve(stored);
    },
    gapAlerts: (filter = {}) =>
      Promise.resolve(
        alerts
          .filter(
            (a) =>
              (filter.caseId === undefined || a.caseId === filter.caseId) &&
              (filter.proposalId === undefined || a.proposalId === filter.proposalId),
          )
          .sort(
            byTimeDesc(
              (a) => a.raisedAt,
              (a) => a.id,
            ),
          ),
      ),
    findProposalSummary: (id) => {
      const p = proposals.get(id);
      return Promise.resolve(p && summaryOf(p));
    },
  };
}
