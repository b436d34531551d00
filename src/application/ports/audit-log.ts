import type { AuditEntry, AuditEvent } from '../../domain/audit/audit-chain.ts';

export interface AuditQuery {
  readonly fromSeq?: number;
  readonly toSeq?: number;
  readonly from?: Date;
  readonly to?: Date;
  readonly objectType?: string;
  readonly objectId?: string;
  readonly limit?: number;
}

/**
 * The append-only, hash-chained audit trail. `append` serialises writers so that the chain has one
 * order whatever the number of processes; nothing updates or deletes an entry.
 */
export interface AuditLog {
  append(event: AuditEvent): Promise<AuditEntry>;
  /** Entries in chain order (ascending `seq`). */
  entries(query?: AuditQuery): Promise<readonly AuditEntry[]>;
  /** The entry just before `seq`, to verify an extract from its predecessor. */
  entryBefore(seq: number): Promise<AuditEntry | undefined>;
}
