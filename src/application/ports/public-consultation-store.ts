import type { AuditEvent } from '../../domain/audit/audit-chain.ts';
import type {
  CommentAnswer,
  CommentAttachment,
  PublicConsultation,
  PublicConsultationComment,
  PublicConsultationResponse,
} from '../../domain/public-consultation/public-consultation.ts';

/**
 * Public consultations, their comments with attachments, answers and responses. Every change is
 * written with its audit entry in one transaction, so a refused or failed step leaves nothing.
 */
export interface PublicConsultationStore {
  addConsultation(consultation: PublicConsultation, audit: AuditEvent): Promise<void>;
  getConsultation(id: string): Promise<PublicConsultation | undefined>;
  /** Every consultation, the latest opened first. */
  listConsultations(): Promise<readonly PublicConsultation[]>;
  /** Stores a comment and its files (in the order of its attachments) with its audit entry. */
  addComment(
    comment: PublicConsultationComment,
    contents: readonly Uint8Array[],
    audit: AuditEvent,
  ): Promise<void>;
  /** A consultation's comments, oldest first. */
  commentsOf(consultationId: string): Promise<readonly PublicConsultationComment[]>;
  /** Records the answer; false (nothing written) when the comment is unknown or already answered. */
  answerComment(
    consultationId: string,
    commentId: string,
    answer: CommentAnswer,
    audit: AuditEvent,
  ): Promise<boolean>;
  /** Records the response; false (nothing written) when one was already published. */
  publishResponse(
    consultationId: string,
    response: PublicConsultationResponse,
    audit: AuditEvent,
  ): Promise<boolean>;
  findAttachment(
    consultationId: string,
    commentId: string,
    attachmentId: string,
  ): Promise<{ readonly attachment: CommentAttachment; readonly content: Uint8Array } | undefined>;
}
