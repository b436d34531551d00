import type { AuditEvent } from '../../domain/audit/audit-chain.ts';
import type { AttachmentCategory, AttachmentKind } from '../../domain/licensing/attachment.ts';
import type { CaseStage } from '../../domain/licensing/case-state.ts';
import type { LicenceCase } from '../../domain/licensing/licence-case.ts';
import type { RoutingDecision } from '../../domain/licensing/routing.ts';
import type { Notification } from '../../domain/notifications/notification.ts';

/** The assessment frozen into a case at submission (the assessment contract, as JSON). */
export interface FrozenAssessment {
  readonly recommendation: {
    readonly outcome: string;
    readonly criteria: readonly unknown[];
    readonly provisos: readonly unknown[];
  };
  readonly humanRights: { readonly risk: string; readonly factors: readonly unknown[] };
  readonly parties: readonly {
    readonly role: string;
    readonly name: string;
    readonly country?: string;
    readonly type?: string;
    readonly matches: readonly unknown[];
  }[];
  readonly items: readonly {
    readonly description: string;
    readonly controlEntries?: readonly string[];
    readonly classification: readonly unknown[];
  }[];
  readonly provenance: unknown;
}

/** One step in a case's history, stored with the case in the same transaction. */
export interface CaseEvent {
  readonly version: number;
  readonly at: Date;
  readonly actor: string;
  readonly role: string;
  readonly action: string;
  readonly fromStage: CaseStage;
  readonly toStage: CaseStage;
  readonly note?: string;
}

/** A case with everything attached to it. */
export interface CaseRecord {
  readonly licenceCase: LicenceCase;
  /** The application as the exporter wrote it (the outward contract's JSON). */
  readonly application: Readonly<Record<string, unknown>>;
  readonly assessment?: FrozenAssessment;
  readonly routing?: RoutingDecision;
  readonly history: readonly CaseEvent[];
}

/** A document issued for a case (licence or refusal letter), verifiable by its code. */
export interface CaseDocument {
  readonly code: string;
  readonly caseId: string;
  readonly caseReference: string;
  readonly kind: 'licence' | 'refusal-letter' | 'no-licence-required';
  readonly issuedAt: Date;
  readonly sha256: string;
  readonly pdf: Uint8Array;
}

/** A new screening match on a party of a case, found when the lists changed after submission. */
export interface CaseAlert {
  readonly id: string;
  readonly caseId: string;
  readonly caseReference: string;
  readonly raisedAt: Date;
  readonly party: { readonly role: string; readonly name: string };
  readonly match: {
    readonly entityId: string;
    readonly source: string;
    readonly name: string;
    readonly matchedName: string;
    readonly score: number;
    readonly band: string;
    readonly explanation: string;
  };
  /** The snapshot in which the match was found. */
  readonly snapshotId: string;
}

/** A supporting document attached to a case (end-user undertaking, technical specification...). */
export interface CaseAttachment {
  readonly id: string;
  readonly caseId: string;
  readonly category: AttachmentCategory;
  readonly fileName: string;
  /** What the content is (by its magic bytes), and the media type it is served with. */
  readonly kind: AttachmentKind;
  readonly mediaType: string;
  readonly sizeBytes: number;
  /** SHA-256 of the content, lower-case hex. */
  readonly sha256: string;
  readonly description?: string;
  readonly uploadedBy: string;
  readonly uploadedAt: Date;
}

export interface CaseFilter {
  readonly organisationId?: string;
  readonly stage?: CaseStage;
  readonly queue?: string;
}

/**
 * Licence cases. `save` writes the new state, its history events and the audit entries in one
 * transaction, and only if the stored version is still `expectedVersion` (optimistic concurrency):
 * it returns false when someone else acted first, and changes nothing. The change's notifications
 * (who is told of it in the app) are written in the same transaction.
 */
export interface CaseRecordStore {
  create(record: CaseRecord, audit: AuditEvent): Promise<void>;
  get(id: string): Promise<CaseRecord | undefined>;
  list(filter: CaseFilter): Promise<readonly CaseRecord[]>;
  save(
    record: CaseRecord,
    expectedVersion: number,
    newEvents: readonly CaseEvent[],
    audit: readonly AuditEvent[],
    notifications?: readonly Notification[],
  ): Promise<boolean>;
  nextReference(jurisdiction: string, year: number): Promise<string>;
}

/** The documents issued for cases (licences, refusal letters), found again by their code. */
export interface CaseDocumentStore {
  addDocument(document: CaseDocument, audit: AuditEvent): Promise<void>;
  findDocument(code: string): Promise<CaseDocument | undefined>;
  documentsOf(caseId: string): Promise<readonly Omit<CaseDocument, 'pdf'>[]>;
}

/** New screening matches on the parties of submitted cases. */
export interface CaseAlertStore {
  /** Stores alerts with their audit entries in one transaction. */
  addAlerts(alerts: readonly CaseAlert[], audit: readonly AuditEvent[]): Promise<void>;
  /** Alerts of one case, or of every case when `caseId` is omitted (newest first). */
  alerts(caseId?: string): Promise<readonly CaseAlert[]>;
}

/** The supporting documents attached to cases, with their content. */
export interface CaseAttachmentStore {
  /** Stores an attachment with its content and its audit entry in one transaction. */
  addAttachment(attachment: CaseAttachment, content: Uint8Array, audit: AuditEvent): Promise<void>;
  /** The attachments of a case, oldest first, without their content. */
  attachmentsOf(caseId: string): Promise<readonly CaseAttachment[]>;
  /** One attachment of a case with its content; undefined if the case has no such attachment. */
  findAttachment(
    caseId: string,
    attachmentId: string,
  ): Promise<{ readonly attachment: CaseAttachment; readonly content: Uint8Array } | undefined>;
}

/**
 * Every case role at once, as one database adapter (or fake) provides them; a use case names
 * only the roles it uses.
 */
export type CaseStore = CaseRecordStore & CaseDocumentStore & CaseAlertStore & CaseAttachmentStore;
