import type { ConsultationOverview } from '../../../../application/public-consultation/read-public-consultations.ts';
import type {
  PublicConsultationComment,
  PublishedComment,
} from '../../../../domain/public-consultation/public-consultation.ts';
import type {
  PublicConsultationSummaryJson,
  PublishedCommentJson,
  StaffCommentJson,
} from '../../../../contracts/public-consultation.ts';

/** A consultation as JSON: the same for anyone (no official is named). */
export const consultationJson = ({
  consultation: c,
  status,
  commentCount,
}: ConsultationOverview): PublicConsultationSummaryJson => ({
  id: c.id,
  title: c.title,
  summary: c.summary,
  authority: c.authority,
  subject: { ...c.subject },
  opensAt: c.opensAt.toISOString(),
  closesAt: c.closesAt.toISOString(),
  status,
  commentCount,
  ...(c.response === undefined
    ? {}
    : {
        response: {
          text: c.response.text,
          finalVersion: c.response.finalVersion,
          changes: c.response.changes.map((ch) => ({
            change: ch.change,
            commentIds: [...ch.commentIds],
          })),
          publishedAt: c.response.publishedBy.at.toISOString(),
        },
      }),
});

export const publishedCommentJson = (c: PublishedComment): PublishedCommentJson => ({
  id: c.id,
  commenterKind: c.commenterKind,
  ...(c.publishedName === undefined ? {} : { publishedName: c.publishedName }),
  ...(c.publishedOrganisation === undefined
    ? {}
    : { publishedOrganisation: c.publishedOrganisation }),
  text: c.text,
  submittedAt: c.submittedAt.toISOString(),
  attachments: c.attachments.map((a) => ({ ...a })),
  ...(c.answer === undefined
    ? {}
    : { answer: { text: c.answer.text, at: c.answer.at.toISOString() } }),
  ledTo: [...c.ledTo],
});

/** A comment as the authority's staff (and its own author) see it. */
export const staffCommentJson = (c: PublicConsultationComment): StaffCommentJson => ({
  id: c.id,
  commenterUsername: c.commenterUsername,
  commenterKind: c.commenterKind,
  ...(c.publishedName === undefined ? {} : { publishedName: c.publishedName }),
  ...(c.publishedOrganisation === undefined
    ? {}
    : { publishedOrganisation: c.publishedOrganisation }),
  text: c.text,
  submittedAt: c.submittedAt.toISOString(),
  attachments: c.attachments.map((a) => ({ ...a })),
  ...(c.answer === undefined
    ? {}
    : {
        answer: {
          text: c.answer.text,
          answeredBy: c.answer.answeredBy.actor,
          at: c.answer.answeredBy.at.toISOString(),
        },
      }),
});

/** `attachment; filename="..."` that survives any file name: ASCII fallback plus RFC 5987 UTF-8. */
export const attachmentDisposition = (fileName: string): string =>
  `attachment; filename="${fileName.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
