import type { AuditLog } from '../../src/application/ports/audit-log.ts';
import type { PublicConsultationStore } from '../../src/application/ports/public-consultation-store.ts';
import type {
  PublicConsultation,
  PublicConsultationComment,
} from '../../src/domain/public-consultation/public-consultation.ts';

/** The public-consultation store in memory, appending its audit entries to `audit`. */
export function inMemoryPublicConsultationStore(audit: AuditLog): PublicConsultationStore {
  const consultations = new Map<string, PublicConsultation>();
  const comments = new Map<string, PublicConsultationComment>();
  const contents = new Map<string, Uint8Array>();
  return {
    async addConsultation(consultation, event) {
      if (consultations.has(consultation.id)) throw new Error(`duplicate ${consultation.id}`);
      consultations.set(consultation.id, consultation);
      await audit.append(event);
    },
    getConsultation: (id) => Promise.resolve(consultations.get(id)),
    listConsultations: () =>
      Promise.resolve(
        [...consultations.values()].sort(
          (a, b) => b.opensAt.getTime() - a.opensAt.getTime() || a.id.localeCompare(b.id),
        ),
      ),
    async addComment(comment, files, event) {
      if (!consultations.has(comment.consultationId)) throw new Error('unknown consultation');
      comments.set(comment.id, comment);
      comment.attachments.forEach((a, i) => contents.set(a.id, files[i] ?? new Uint8Array()));
      await audit.append(event);
    },
    commentsOf: (consultationId) =>
      Promise.resolve(
        [...comments.values()]
          .filter((c) => c.consultationId === consultationId)
          .sort(
            (a, b) => a.submittedAt.getTime() - b.submittedAt.getTime() || a.id.localeCompare(b.id),
          ),
      ),
    async answerComment(consultationId, commentId, answer, event) {
      const comment = comments.get(commentId);
      if (comment?.consultationId !== consultationId || comment.answer !== undefined) return false;
      comments.set(commentId, { ...comment, answer });
      await audit.append(event);
      return true;
    },
    async publishResponse(consultationId, response, event) {
      const consultation = consultations.get(consultationId);
      if (consultation === undefined || consultation.response !== undefined) return false;
      consultations.set(consultationId, { ...consultation, response });
      await audit.append(event);
      return true;
    },
    findAttachment(consultationId, commentId, attachmentId) {
      const comment = comments.get(commentId);
      const attachment =
        comment?.consultationId === consultationId
          ? comment.attachments.find((a) => a.id === attachmentId)
          : undefined;
      const content = attachment && contents.get(attachment.id);
      return Promise.resolve(attachment && content ? { attachment, content } : undefined);
    },
  };
}
