import type {
  AuditWitness,
  AuditWitnessStore,
} from '../../src/application/ports/audit-witness-store.ts';

/** `AuditWitnessStore` in memory. */
export function inMemoryAuditWitnessStore(): AuditWitnessStore {
  const witnesses: AuditWitness[] = [];
  return {
    record(w) {
      if (!witnesses.some((x) => x.sender === w.sender && x.seq === w.seq)) witnesses.push(w);
      return Promise.resolve();
    },
    witnesses: (sender, limit = 100) =>
      Promise.resolve(
        witnesses
          .filter((w) => sender === undefined || w.sender === sender)
          .sort((a, b) => b.receivedAt.getTime() - a.receivedAt.getTime() || b.seq - a.seq)
          .slice(0, limit),
      ),
  };
}
