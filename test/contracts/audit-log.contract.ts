import { expect, it } from 'vitest';
import { exportAudit, verifyAuditTrail } from '../../src/application/audit/verify-audit.ts';
import type { AuditLog } from '../../src/application/ports/audit-log.ts';
import { verifyChain } from '../../src/domain/audit/audit-chain.ts';
import { testSha256 } from '../fakes/in-memory-audit-log.ts';

/** What every `AuditLog` must do, run on the fake and on each database engine (empty logs). */
export function auditLogContract(open: () => Promise<AuditLog>): void {
  async function trailOf(audit: AuditLog, count: number) {
    for (let i = 0; i < count; i += 1) {
      await audit.append({
        actor: 'user:carol',
        action: 'cases.read',
        objectType: 'case',
        objectId: `C-${String(i + 1)}`,
        details: { i, note: 'ünïcode ✓' },
      });
    }
  }

  it('appends a chain that verifies, and exports an extract that verifies on its own', async () => {
    const audit = await open();
    await trailOf(audit, 6);
    expect(await verifyAuditTrail(audit, testSha256)).toMatchObject({
      intact: true,
      entries: 6,
    });
    const extract = await exportAudit(audit, { fromSeq: 3 });
    expect(extract.entries.map((e) => e.seq)).toEqual([3, 4, 5, 6]);
    expect(verifyChain(extract.entries, testSha256, extract.anchor).intact).toBe(true);
  });

  it('keeps one chain when appends race', async () => {
    const audit = await open();
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        audit.append({
          actor: 'system',
          action: 'test.race',
          objectType: 't',
          objectId: String(i),
        }),
      ),
    );
    expect(await verifyAuditTrail(audit, testSha256)).toMatchObject({
      intact: true,
      entries: 20,
    });
  });

  it('answers entries by sequence range and object, in chain order, and the entry before a sequence', async () => {
    const audit = await open();
    await trailOf(audit, 5);
    await audit.append({
      actor: 'system',
      action: 'lists.import',
      objectType: 'list',
      objectId: 'L',
    });
    expect((await audit.entries({ fromSeq: 2, toSeq: 4 })).map((e) => e.seq)).toEqual([2, 3, 4]);
    expect(
      (await audit.entries({ objectType: 'case', objectId: 'C-3' })).map((e) => e.seq),
    ).toEqual([3]);
    expect((await audit.entries({ objectType: 'list' })).map((e) => e.objectId)).toEqual(['L']);
    expect((await audit.entries({ limit: 2 })).map((e) => e.seq)).toEqual([1, 2]);
    expect((await audit.entryBefore(4))?.seq).toBe(3);
    expect(await audit.entryBefore(1)).toBeUndefined();
  });
}
