import type { Static } from 'typebox';
import type { AuditExtractSchema } from '../../../src/contracts/audit-extract.ts';
import type { AuditEntrySchema, AuditVerdictSchema } from '../../../src/contracts/auth.ts';
import type {
  AllowedActionsSchema,
  AssignmentSchema,
  QueueRowSchema,
} from '../../../src/contracts/work.ts';
import { api } from './client.ts';

export type QueueRow = Static<typeof QueueRowSchema>;
export type AllowedActions = Static<typeof AllowedActionsSchema>;
export type Assignment = Static<typeof AssignmentSchema>;
export type AuditEntry = Static<typeof AuditEntrySchema>;
export type AuditVerdict = Static<typeof AuditVerdictSchema>;
export type AuditExtract = Static<typeof AuditExtractSchema>;
/** A supporting document of a case, as `GET /v1/cases/{id}/attachments` lists it. */
export interface Attachment {
  readonly id: string;
  readonly category: string;
  readonly fileName: string;
  readonly kind: string;
  readonly sizeBytes: number;
  readonly description?: string;
  readonly uploadedBy: string;
  readonly uploadedAt: string;
}

/** The categories the API accepts (`attachmentCategories` of the licensing domain). */
export const attachmentCategories = [
  'end-user-undertaking',
  'technical-specification',
  'contract',
  'correspondence',
  'other',
] as const;

const caseUrl = (id: string) => `/v1/cases/${encodeURIComponent(id)}`;

/** The work queue with its filters, search and order as query parameters. */
export const loadQueue = (query: string) =>
  api<{ cases: QueueRow[] }>('GET', `/v1/work/queue${query ? `?${query}` : ''}`).then(
    (r) => r.cases,
  );

/** "Assign to me". */
export const assignToMe = (id: string, expectedVersion: number) =>
  api<Assignment>('POST', `${caseUrl(id)}/assign`, { expectedVersion });

/** The steps the signed-in person may take on the case now. */
export const loadAllowedActions = (id: string) =>
  api<AllowedActions>('GET', `${caseUrl(id)}/allowed-actions`);

export const loadAttachments = (id: string) =>
  api<{ attachments: Attachment[] }>('GET', `${caseUrl(id)}/attachments`).then(
    (r) => r.attachments,
  );

/** Uploads one supporting document (multipart: category, description, file). */
export const uploadAttachment = (id: string, form: FormData) =>
  api<Attachment>('POST', `${caseUrl(id)}/attachments`, form);

export const attachmentUrl = (caseId: string, attachmentId: string) =>
  `${caseUrl(caseId)}/attachments/${encodeURIComponent(attachmentId)}`;

export const loadAudit = (query: string) =>
  api<{ entries: AuditEntry[] }>('GET', `/v1/audit${query ? `?${query}` : ''}`).then(
    (r) => r.entries,
  );

export const verifyAudit = (expectHead: string) =>
  api<AuditVerdict>(
    'GET',
    `/v1/audit/verify${expectHead ? `?expectHead=${encodeURIComponent(expectHead)}` : ''}`,
  );

export const auditExtractUrl = (query: string) => `/v1/audit/extract${query ? `?${query}` : ''}`;
