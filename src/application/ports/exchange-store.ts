import type { AuditEvent } from '../../domain/audit/audit-chain.ts';
import type { DenialMatch } from '../../domain/exchange/essentially-identical.ts';
import type {
  ConsultationPosition,
  DenialNotificationBody,
  MessageHeader,
  MessageReceipt,
  Recipients,
  ThreatAlertBody,
} from '../../domain/exchange/exchange-message.ts';
import type { ChainPosition, RejectionReason } from '../../domain/exchange/message-chain.ts';
import type { PinnedKey } from './message-signer.ts';

/** A partner state in the registry, with its pinned keys and where we are in its feed. */
export interface Partner {
  readonly id: string;
  readonly url: string;
  readonly keys: readonly PinnedKey[];
  readonly position: ChainPosition;
  readonly addedAt: Date;
  readonly lastSyncAt?: Date;
  readonly lastSyncError?: string;
}

/** A message as stored: its header, hash, JWS and (when we may read it) its body. */
export interface StoredMessage {
  readonly header: MessageHeader;
  readonly hash: string;
  readonly jws: string;
  readonly body?: unknown;
}

export interface RejectedMessage {
  readonly partnerId: string;
  readonly sequence?: number;
  readonly reason: RejectionReason;
  readonly detail: string;
  readonly jws: string;
  readonly receivedAt: Date;
}

/** A denial in force or revoked, ours or a partner's. */
export interface DenialRecord {
  readonly sender: string;
  readonly reference: string;
  readonly denial: DenialNotificationBody;
  readonly status: 'active' | 'revoked';
  /** For our own denials: the case it came from. */
  readonly caseId?: string;
  /** For our own denials: who it was notified to (its amendments and revocation go to them). */
  readonly recipients?: Recipients;
  readonly updatedAt: Date;
}

/**
 * A consultation on an essentially identical transaction. `outgoing`: we asked (our case is
 * blocked until the answer); `incoming`: a partner asks us about our denial.
 */
export interface Consultation {
  readonly id: string;
  readonly direction: 'outgoing' | 'incoming';
  readonly partnerId: string;
  readonly denialReference: string;
  readonly caseId?: string;
  readonly caseReference: string;
  readonly status: 'to-request' | 'requested' | 'awaiting-response' | 'answered' | 'lifted';
  readonly match?: DenialMatch;
  readonly request?: { readonly text: string; readonly sequence: number; readonly at: Date };
  readonly response?: {
    readonly position: ConsultationPosition;
    readonly text: string;
    readonly sequence: number;
    readonly at: Date;
  };
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** A threat alert we published or received; a partner's carries the message it came in. */
export interface ThreatAlert {
  readonly sender: string;
  readonly alert: ThreatAlertBody;
  readonly receivedAt: Date;
  /** `withdrawn` once its sender took it back: screening no longer sees it. */
  readonly status: 'active' | 'withdrawn';
  /** For a partner's alert: the verified message that carried it. */
  readonly message?: MessageReceipt;
  readonly withdrawal?: {
    readonly reason: string;
    /** ISO 8601 instant of the withdrawal message. */
    readonly at: string;
    readonly messageId: string;
  };
}

/** The partner registry: partners, their pinned keys and where we are in each one's feed. */
export interface PartnerRegistry {
  savePartner(
    partner: { readonly id: string; readonly url: string },
    key: PinnedKey | undefined,
    audit: AuditEvent,
  ): Promise<void>;
  partners(): Promise<readonly Partner[]>;
  partner(id: string): Promise<Partner | undefined>;
  recordSync(partnerId: string, at: Date, error: string | undefined): Promise<void>;
}

/** The signed messages: our own chain (the outbox) and partners' accepted and rejected messages. */
export interface ExchangeMessageStore {
  /** Appends to our own chain: `build` gets the current position and returns the signed message. */
  appendOutgoing(
    build: (position: ChainPosition) => Promise<StoredMessage>,
    audit: AuditEvent,
  ): Promise<StoredMessage>;
  outgoing(after: number, limit: number): Promise<readonly StoredMessage[]>;

  /** Stores an accepted message and advances the sender's position in one transaction. */
  accept(partnerId: string, message: StoredMessage, at: Date): Promise<void>;
  reject(rejected: RejectedMessage): Promise<void>;
  rejected(limit: number): Promise<readonly RejectedMessage[]>;
}

/** Denials in force or revoked, ours and partners'. */
export interface DenialStore {
  saveDenial(denial: DenialRecord): Promise<void>;
  denial(sender: string, reference: string): Promise<DenialRecord | undefined>;
  denials(filter: {
    readonly status?: 'active' | 'revoked';
    readonly sender?: string;
  }): Promise<readonly DenialRecord[]>;
}

/** Consultations on essentially identical transactions, outgoing and incoming. */
export interface ConsultationStore {
  saveConsultation(consultation: Consultation): Promise<void>;
  consultation(id: string): Promise<Consultation | undefined>;
  consultations(filter: {
    readonly caseId?: string;
    readonly partnerId?: string;
    readonly denialReference?: string;
  }): Promise<readonly Consultation[]>;
}

/** Threat alerts we published or received. */
export interface ThreatAlertStore {
  /** Inserts or replaces the alert with this sender and alert id. */
  saveAlert(alert: ThreatAlert): Promise<void>;
  alert(sender: string, alertId: string): Promise<ThreatAlert | undefined>;
  /** Newest first. */
  alerts(filter?: { readonly status?: 'active' | 'withdrawn' }): Promise<readonly ThreatAlert[]>;
  /** A value that changes whenever an alert is saved (screening rebuilds its index on a change). */
  alertsVersion(): Promise<string>;
}

/**
 * Exchange state, every role at once as one database adapter (or fake) provides them: partners,
 * our signed outbox, accepted and rejected messages, and what they built. A use case that needs
 * one role names only that role.
 */
export type ExchangeStore = PartnerRegistry &
  ExchangeMessageStore &
  DenialStore &
  ConsultationStore &
  ThreatAlertStore;
