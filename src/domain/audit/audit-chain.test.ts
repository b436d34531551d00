import { describe, expect, it } from 'vitest';
import { testSha256 } from '../../../test/fakes/in-memory-audit-log.ts';
import {
  anchoredHeadProblem,
  genesisHash,
  nextEntry,
  parseExpectedHead,
  verifyChain,
  type AuditEntry,
} from './audit-chain.ts';

const sha256 = testSha256;

function chainOf(count: number): AuditEntry[] {
  const entries: AuditEntry[] = [];
  for (let i = 0; i < count; i += 1) {
    entries.push(
      nextEntry(
        entries.at(-1),
        {
          actor: 'user:alice',
          action: 'cases.read',
          objectType: 'case',
          objectId: `C-${String(i)}`,
          requestId: `req-${String(i)}`,
          details: { note: i },
        },
        new Date(Date.UTC(2026, 10, 29, 12, 0, i)),
        sha256,
      ),
    );
  }
  return entries;
}

describe('the audit chain', () => {
  it('starts from the genesis hash and links each entry to the one before', () => {
    const [first, second] = chainOf(2);
    expect(first?.seq).toBe(1);
    expect(first?.previousHash).toBe(genesisHash);
    expect(second?.previousHash).toBe(first?.hash);
    expect(first?.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('verifies an untouched chain and reports its last hash for anchoring', () => {
    const entries = chainOf(5);
    expect(verifyChain(entries, sha256)).toEqual({
      intact: true,
      entries: 5,
      firstSeq: 1,
      lastSeq: 5,
      lastHash: entries[4]?.hash,
    });
  });

  it('names an edited entry', () => {
    const entries = chainOf(5);
    const edited = entries.map((e) => (e.seq === 3 ? { ...e, actor: 'user:mallory' } : e));
    expect(verifyChain(edited, sha256)).toMatchObject({
      intact: false,
      brokenAtSeq: 3,
      reason: expect.stringMatching(/altered/) as unknown,
    });
  });

  it('names the entry after a deleted one', () => {
    const entries = chainOf(5).filter((e) => e.seq !== 2);
    expect(verifyChain(entries, sha256)).toMatchObject({
      intact: false,
      brokenAtSeq: 3,
      reason: expect.stringMatching(/missing/) as unknown,
    });
  });

  it('detects a deleted last entry only against an anchor, and a rewritten tail by its links', () => {
    const entries = chainOf(5);
    // Re-hashing a forged entry in place still breaks the link of the entry after it.
    const original = entries[1]!;
    const forged = { ...original, requestId: 'req-1', actor: 'user:mallory' };
    const rehashed = nextEntry(entries[0], forged, new Date(original.at), sha256);
    const tampered = [entries[0]!, rehashed, ...entries.slice(2)];
    expect(verifyChain(tampered, sha256)).toMatchObject({ intact: false, brokenAtSeq: 3 });
  });

  it('names swapped entries as out of order', () => {
    const entries = chainOf(4);
    const swapped = [entries[0]!, entries[2]!, entries[1]!, entries[3]!];
    expect(verifyChain(swapped, sha256)).toMatchObject({ intact: false, brokenAtSeq: 3 });
  });

  it('verifies an extract from the hash of the entry before it', () => {
    const entries = chainOf(6);
    const extract = entries.slice(3);
    expect(verifyChain(extract, sha256, { seq: 3, hash: entries[2]!.hash }).intact).toBe(true);
    expect(verifyChain(extract, sha256).intact).toBe(false);
  });
});

describe(anchoredHeadProblem.name, () => {
  const entries = [
    { seq: 1, hash: 'a'.repeat(64) },
    { seq: 2, hash: 'b'.repeat(64) },
  ];
  it('holds while the anchored entry is in the trail, and names a cut or a rewrite otherwise', () => {
    expect(anchoredHeadProblem(entries, { hash: 'b'.repeat(64), seq: 2 })).toBeUndefined();
    expect(anchoredHeadProblem(entries.slice(0, 1), { hash: 'b'.repeat(64) })).toMatch(
      /not in the trail \(it ends at entry 1\): the trail was truncated or rewritten/,
    );
    expect(anchoredHeadProblem(entries, { hash: 'b'.repeat(64), seq: 3 })).toMatch(
      /removed or inserted/,
    );
    expect(parseExpectedHead(`2:${'B'.repeat(64)}`)).toEqual({ hash: 'b'.repeat(64), seq: 2 });
    expect(parseExpectedHead('nonsense')).toBeUndefined();
  });
});
