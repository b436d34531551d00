import { expect, it } from 'vitest';
import type {
  AuditWitness,
  AuditWitnessStore,
} from '../../src/application/ports/audit-witness-store.ts';

const witness = (sender: string, seq: number, minutes: number): AuditWitness => ({
  sender,
  seq,
  hash: `hash-${sender}-${String(seq)}`,
  at: `2026-11-29T09:${String(minutes).padStart(2, '0')}:00.000Z`,
  messageId: `${sender}/${String(seq)}`,
  keyId: `${sender}-key-1`,
  receivedAt: new Date(Date.UTC(2026, 10, 29, 10, minutes)),
});

/** What every `AuditWitnessStore` must do, run on the fake and on each database engine. */
export function auditWitnessStoreContract(open: () => Promise<AuditWitnessStore>): void {
  it('keeps each partner head once, newest received first, per partner or for all', async () => {
    const store = await open();
    await store.record(witness('NO', 1, 1));
    await store.record(witness('DE', 7, 3));
    await store.record(witness('NO', 2, 2));
    await store.record({ ...witness('NO', 1, 9), hash: 'a repeated head changes nothing' });
    expect(await store.witnesses('NO')).toEqual([witness('NO', 2, 2), witness('NO', 1, 1)]);
    expect((await store.witnesses()).map((w) => w.messageId)).toEqual(['DE/7', 'NO/2', 'NO/1']);
    expect((await store.witnesses(undefined, 2)).map((w) => w.messageId)).toEqual(['DE/7', 'NO/2']);
    expect(await store.witnesses('FR')).toEqual([]);
  });
}
