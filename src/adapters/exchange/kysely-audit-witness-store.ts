import type { Kysely } from 'kysely';
import type { AuditWitnessStore } from '../../application/ports/audit-witness-store.ts';
import type { Database } from '../db/schema.ts';

/** `AuditWitnessStore` on Kysely: one row per partner and head; a repeated head changes nothing. */
export function kyselyAuditWitnessStore(db: Kysely<Database>): AuditWitnessStore {
  return {
    async record(w) {
      await db
        .insertInto('exchange_audit_witness')
        .values({
          sender: w.sender,
          seq: w.seq,
          hash: w.hash,
          at: w.at,
          message_id: w.messageId,
          key_id: w.keyId,
          received_at: w.receivedAt,
        })
        .onConflict((oc) => oc.columns(['sender', 'seq']).doNothing())
        .execute();
    },
    async witnesses(sender, limit = 100) {
      let query = db
        .selectFrom('exchange_audit_witness')
        .selectAll()
        .orderBy('received_at', 'desc')
        .orderBy('seq', 'desc')
        .limit(limit);
      if (sender !== undefined) query = query.where('sender', '=', sender);
      return (await query.execute()).map((r) => ({
        sender: r.sender,
        seq: Number(r.seq),
        hash: r.hash,
        at: r.at,
        messageId: r.message_id,
        keyId: r.key_id,
        receivedAt: r.received_at,
      }));
    },
  };
}
