import { createHash } from 'node:crypto';
import type { AuditLog } from '../../src/application/ports/audit-log.ts';
import type { Clock } from '../../src/application/ports/clock.ts';
import { nextEntry, type AuditEntry } from '../../src/domain/audit/audit-chain.ts';

export const testSha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** `AuditLog` in memory; `entriesSoFar` lets a test read what was recorded. */
export function inMemoryAuditLog(
  clock: Clock,
): AuditLog & { readonly entriesSoFar: () => readonly AuditEntry[] } {
  const entries: AuditEntry[] = [];
  return {
    append(event) {
      const entry = nextEntry(entries.at(-1), event, clock.now(), testSha256);
      entries.push(entry);
      return Promise.resolve(entry);
    },
    entries(query = {}) {
      const selected = entries.filter(
        (e) =>
          (query.fromSeq === undefined || e.seq >= query.fromSeq) &&
          (query.toSeq === undefined || e.seq <= query.toSeq) &&
          (query.objectType === undefined || e.objectType === query.objectType) &&
          (query.objectId === undefined || e.objectId === query.objectId),
      );
      return Promise.resolve(selected.slice(0, query.limit ?? selected.length));
    },
    entryBefore: (seq) => Promise.resolve(entries.filter((e) => e.seq < seq).at(-1)),
    entriesSoFar: () => [...entries],
  };
}
