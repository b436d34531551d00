import { canonicalJson } from '../shared/canonical-json.ts';

/**
 * The audit trail: append-only entries, each hash-chained to the one before it, so that editing,
 * deleting or reordering any stored row breaks the chain at that row.
 *
 * hash(n) = SHA-256( canonicalJson({ seq, at, actor, action, objectType, objectId, requestId,
 *                                    details, previousHash: hash(n-1) }) )
 * and the first entry's `previousHash` is `genesisHash` (64 zeros).
 */

/** What a caller records: who did what to which object, within which request. */
export interface AuditEvent {
  /** `user:<id>`, `token:<id>`, `system`, `cli:<os user>` ... */
  readonly actor: string;
  /** Dotted verb, e.g. `lists.import`, `users.create`, `cases.read`. */
  readonly action: string;
  readonly objectType: string;
  readonly objectId: string;
  readonly requestId?: string | undefined;
  /** Small, non-secret facts about the action (never passwords or tokens). */
  readonly details?: Readonly<Record<string, unknown>> | undefined;
}

/** A stored entry: the event, its position and time, and its place in the chain. */
export interface AuditEntry {
  readonly seq: number;
  /** ISO 8601 instant in UTC, millisecond precision. */
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly objectType: string;
  readonly objectId: string;
  readonly requestId: string | null;
  readonly details: Readonly<Record<string, unknown>>;
  readonly previousHash: string;
  readonly hash: string;
}

export const genesisHash = '0'.repeat(64);

/** The exact text that is hashed for an entry: its canonical encoding with the previous hash. */
export function chainInput(entry: Omit<AuditEntry, 'hash'>): string {
  return canonicalJson({
    seq: entry.seq,
    at: entry.at,
    actor: entry.actor,
    action: entry.action,
    objectType: entry.objectType,
    objectId: entry.objectId,
    requestId: entry.requestId,
    details: entry.details,
    previousHash: entry.previousHash,
  });
}

/** Builds the next entry of a chain whose last entry is `last` (undefined for an empty chain). */
export function nextEntry(
  last: Pick<AuditEntry, 'seq' | 'hash'> | undefined,
  event: AuditEvent,
  at: Date,
  sha256: (text: string) => string,
): AuditEntry {
  const unhashed = {
    seq: (last?.seq ?? 0) + 1,
    at: at.toISOString(),
    actor: event.actor,
    action: event.action,
    objectType: event.objectType,
    objectId: event.objectId,
    requestId: event.requestId ?? null,
    details: event.details ?? {},
    previousHash: last?.hash ?? genesisHash,
  };
  return { ...unhashed, hash: sha256(chainInput(unhashed)) };
}

export type ChainVerdict =
  | {
      readonly intact: true;
      readonly entries: number;
      readonly firstSeq: number | null;
      readonly lastSeq: number | null;
      readonly lastHash: string;
    }
  | {
      readonly intact: false;
      readonly entries: number;
      /** The first entry (in stored order) at which the chain no longer holds. */
      readonly brokenAtSeq: number;
      readonly reason: string;
    };

/**
 * Walks entries in stored order and names the first that breaks the chain: a changed entry (its
 * hash no longer matches its content), a deleted one (a gap in `seq` or a `previousHash` that does
 * not match), a reordered one (a `seq` out of order). `start` lets an extract be verified from its
 * first entry's predecessor.
 */
export function verifyChain(
  entries: readonly AuditEntry[],
  sha256: (text: string) => string,
  start: { readonly seq: number; readonly hash: string } = { seq: 0, hash: genesisHash },
): ChainVerdict {
  let expectedSeq = start.seq + 1;
  let previousHash = start.hash;
  for (const entry of entries) {
    const broken = (reason: string): ChainVerdict => ({
      intact: false,
      entries: entries.length,
      brokenAtSeq: entry.seq,
      reason,
    });
    if (entry.seq !== expectedSeq) {
      return broken(
        entry.seq > expectedSeq
          ? `entry ${String(entry.seq)} follows entry ${String(expectedSeq - 1)}: entries ${String(expectedSeq)}..${String(entry.seq - 1)} are missing`
          : `entry ${String(entry.seq)} is out of order (expected ${String(expectedSeq)})`,
      );
    }
    if (entry.previousHash !== previousHash) {
      return broken(
        `entry ${String(entry.seq)} does not link to the entry before it (previous hash differs)`,
      );
    }
    if (sha256(chainInput(entry)) !== entry.hash) {
      return broken(
        `entry ${String(entry.seq)} was altered: its content no longer matches its hash`,
      );
    }
    expectedSeq += 1;
    previousHash = entry.hash;
  }
  return {
    intact: true,
    entries: entries.length,
    firstSeq: entries[0]?.seq ?? null,
    lastSeq: entries.at(-1)?.seq ?? null,
    lastHash: previousHash,
  };
}

/** The latest entry of a trail: what is anchored outside the database and published to partners. */
export interface AuditHead {
  readonly seq: number;
  readonly hash: string;
  readonly at: string;
}

/**
 * Whether a trail still holds a head anchored earlier (`cordon audit head`, a partner's witness):
 * the anchored hash must be the hash of an entry of the trail, at the anchored position when one
 * is given. A trail cut after the anchor, or rewritten (even consistently, all hashes recomputed),
 * no longer holds it. Undefined when it does.
 *
 * @example
 * anchoredHeadProblem(entriesAfterTruncation, { hash: 'ab12...' })
 * // 'the anchored head ab12... is not in the trail (it ends at entry 40): the trail was truncated or rewritten after it was anchored'
 */
export function anchoredHeadProblem(
  entries: readonly Pick<AuditEntry, 'seq' | 'hash'>[],
  expected: { readonly hash: string; readonly seq?: number },
): string | undefined {
  const found = entries.find((e) => e.hash === expected.hash);
  const last = entries.at(-1);
  if (found === undefined) {
    return `the anchored head ${expected.hash} is not in the trail (it ends at entry ${String(last?.seq ?? 0)}): the trail was truncated or rewritten after it was anchored`;
  }
  if (expected.seq !== undefined && found.seq !== expected.seq) {
    return `the anchored head was entry ${String(expected.seq)}, but its hash is at entry ${String(found.seq)}: entries were removed or inserted`;
  }
  return undefined;
}

/** Reads `--expect-head` as `HASH` or `SEQ:HASH`; undefined when it is neither. */
export function parseExpectedHead(
  text: string,
): { readonly hash: string; readonly seq?: number } | undefined {
  const match = /^(?:(\d+):)?([0-9a-f]{64})$/.exec(text.trim().toLowerCase());
  if (match?.[2] === undefined) return undefined;
  return match[1] === undefined ? { hash: match[2] } : { hash: match[2], seq: Number(match[1]) };
}
