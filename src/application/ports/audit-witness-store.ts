/** A partner's signed audit head, kept as a witness of its trail. */
export interface AuditWitness {
  readonly sender: string;
  readonly seq: number;
  readonly hash: string;
  /** ISO 8601 instant of the partner's entry `seq`. */
  readonly at: string;
  /** The verified message it came in (`<sender>/<sequence>`) and the pinned key that verified it. */
  readonly messageId: string;
  readonly keyId: string;
  readonly receivedAt: Date;
}

/** Partners' audit heads as received: witnesses that their trails cannot later be cut or rewritten unseen. */
export interface AuditWitnessStore {
  record(witness: AuditWitness): Promise<void>;
  /** The witnesses of one partner (or all), newest first. */
  witnesses(sender?: string, limit?: number): Promise<readonly AuditWitness[]>;
}
