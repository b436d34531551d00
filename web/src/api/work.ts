import type { Static } from 'typebox';
import { AttachmentListSchema, AttachmentSchema } from '../../../src/contracts/attachments.ts';
import type { AuditExtractSchema } from '../../../src/contracts/audit-extract.ts';
import { AuditPageSchema, AuditVerdictSchema } from '../../../src/contracts/auth.ts';
import type { AuditEntrySchema } from '../../../src/contracts/auth.ts';
import {
  AllowedActionsSchema,
  AssignmentSchema,
  QueueSchema,
  type QueueRowSchema,
} from '../../../src/contracts/work.ts';
import { api } from './client.ts';

export type QueueRow = Static<typeof QueueRowSchema>;
export type AllowedActions = Static<typeof AllowedActionsSchema>;
export type Assignment = Static<typeof AssignmentSchema>;
export type AuditEntry = Static<typeof AuditEntrySchema>;
export type AuditVerdict = Static<typeof AuditVerdictSchema>;
export type AuditExtract = Static<typeof AuditExtractSchema>;
export type { Attachment } from '../../../src/contracts/attachments.ts';
export { attachmentCategories } from '../../../src/contracts/enumerations.ts';

const caseUrl = (id: string) => `/v1/cases/${encodeURIComponent(id)}`;

/** The work queue with its filters, search and order as query parameters. */
export const loadQueue = (query: string) =>
  api(QueueSchema, 'GET', `/v1/work/queue${query ? `?${query}` : ''}`).then((r) => r.cases);

/** "Assign to me". */
export const assignToMe = (id: string, expectedVersion: number) =>
  api(AssignmentSchema, 'POST', `${caseUrl(id)}/assign`, { expectedVersion });

/** The steps the signed-in person may take on the case now. */
export const loadAllowedActions = (id: string) =>
  api(AllowedActionsSchema, 'GET', `${caseUrl(id)}/allowed-actions`);

export const loadAttachments = (id: string) =>
  api(AttachmentListSchema, 'GET', `${caseUrl(id)}/attachments`).then((r) => r.attachments);

/** Uploads one supporting document (multipart: category, description, file). */
export const uploadAttachment = (id: string, form: FormData) =>
  api(AttachmentSchema, 'POST', `${caseUrl(id)}/attachments`, form);

export const attachmentUrl = (caseId: string, attachmentId: string) =>
  `${caseUrl(caseId)}/attachments/${encodeURIComponent(attachmentId)}`;

export const loadAudit = (query: string) =>
  api(AuditPageSchema, 'GET', `/v1/audit${query ? `?${query}` : ''}`).then((r) => r.entries);

export const verifyAudit = (expectHead: string) =>
  api(
    AuditVerdictSchema,
    'GET',
    `/v1/audit/verify${expectHead ? `?expectHead=${encodeURIComponent(expectHead)}` : ''}`,
  );

export const auditExtractUrl = (query: string) => `/v1/audit/extract${query ? `?${query}` : ''}`;
