import type { Kysely, Selectable } from 'kysely';
import type { Clock } from '../../application/ports/clock.ts';
import type { PublicConsultationStore } from '../../application/ports/public-consultation-store.ts';
import type { CommenterOrganisationKind } from '../../domain/people/people.ts';
import type {
  CommentAnswer,
  CommentAttachment,
  PublicConsultation,
  PublicConsultationComment,
  PublicConsultationResponse,
} from '../../domain/public-consultation/public-consultation.ts';
import { appendAuditEntry } from './kysely-audit-log.ts';
import type {
  PublicConsultationCommentTable,
  PublicConsultationTable,
} from './public-consultation-schema.ts';
import type { Database } from './schema.ts';

const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/;
const reviveDates = (_key: string, value: unknown): unknown =>
  typeof value === 'string' && isoInstant.test(value) ? new Date(value) : value;
/** JSON text with its ISO instants revived as Dates. */
const parse = (json: string): unknown => JSON.parse(json, reviveDates);

const consultationOf = (row: Selectable<PublicConsultationTable>): PublicConsultation => ({
  id: row.id,
  title: row.title,
  summary: row.summary,
  authority: row.authority,
  subject: parse(row.subject) as PublicConsultation['subject'],
  opensAt: row.opens_at,
  closesAt: row.closes_at,
  openedBy: { actor: row.opened_by, at: row.opened_at },
  ...(row.response === null ? {} : { response: parse(row.response) as PublicConsultationResponse }),
});

const commentOf = (row: Selectable<PublicConsultationCommentTable>): PublicConsultationComment => ({
  id: row.id,
  consultationId: row.consultation_id,
  commenterUserId: row.commenter_user_id,
  commenterUsername: row.commenter_username,
  commenterKind: row.commenter_kind as CommenterOrganisationKind,
  ...(row.published_name === null ? {} : { publishedName: row.published_name }),
  ...(row.published_organisation === null
    ? {}
    : { publishedOrganisation: row.published_organisation }),
  text: row.text,
  submittedAt: row.submitted_at,
  attachments: parse(row.attachments) as CommentAttachment[],
  ...(row.answer === null ? {} : { answer: parse(row.answer) as CommentAnswer }),
});

/** The public-consultation store on Kysely (PGlite or PostgreSQL); changes audited in the same transaction. */
export function kyselyPublicConsultationStore(
  db: Kysely<Database>,
  clock: Clock,
  sha256: (text: string) => string,
): PublicConsultationStore {
  return {
    async addConsultation(c, audit) {
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('public_consultation')
          .values({
            id: c.id,
            title: c.title,
            summary: c.summary,
            authority: c.authority,
            subject: JSON.stringify(c.subject),
            opens_at: c.opensAt,
            closes_at: c.closesAt,
            opened_by: c.openedBy.actor,
            opened_at: c.openedBy.at,
            response: c.response === undefined ? null : JSON.stringify(c.response),
          })
          .execute();
        await appendAuditEntry(trx, audit, clock.now(), sha256);
      });
    },
    async getConsultation(id) {
      const row = await db
        .selectFrom('public_consultation')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return row && consultationOf(row);
    },
    async listConsultations() {
      const rows = await db
        .selectFrom('public_consultation')
        .selectAll()
        .orderBy('opens_at', 'desc')
        .orderBy('id')
        .execute();
      return rows.map(consultationOf);
    },
    async addComment(comment, contents, audit) {
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('public_consultation_comment')
          .values({
            id: comment.id,
            consultation_id: comment.consultationId,
            commenter_user_id: comment.commenterUserId,
            commenter_username: comment.commenterUsername,
            commenter_kind: comment.commenterKind,
            published_name: comment.publishedName ?? null,
            published_organisation: comment.publishedOrganisation ?? null,
            text: comment.text,
            submitted_at: comment.submittedAt,
            attachments: JSON.stringify(comment.attachments),
            answer: comment.answer === undefined ? null : JSON.stringify(comment.answer),
          })
          .execute();
        const files = comment.attachments.map((a, i) => ({
          id: a.id,
          comment_id: comment.id,
          content: contents[i] ?? new Uint8Array(),
        }));
        if (files.length > 0) {
          await trx.insertInto('public_consultation_attachment').values(files).execute();
        }
        await appendAuditEntry(trx, audit, clock.now(), sha256);
      });
    },
    async commentsOf(consultationId) {
      const rows = await db
        .selectFrom('public_consultation_comment')
        .selectAll()
        .where('consultation_id', '=', consultationId)
        .orderBy('submitted_at')
        .orderBy('id')
        .execute();
      return rows.map(commentOf);
    },
    async answerComment(consultationId, commentId, answer, audit) {
      return db.transaction().execute(async (trx) => {
        const updated = await trx
          .updateTable('public_consultation_comment')
          .set({ answer: JSON.stringify(answer) })
          .where('id', '=', commentId)
          .where('consultation_id', '=', consultationId)
          .where('answer', 'is', null)
          .executeTakeFirst();
        if (updated.numUpdatedRows !== 1n) return false;
        await appendAuditEntry(trx, audit, clock.now(), sha256);
        return true;
      });
    },
    async publishResponse(consultationId, response, audit) {
      return db.transaction().execute(async (trx) => {
        const updated = await trx
          .updateTable('public_consultation')
          .set({ response: JSON.stringify(response) })
          .where('id', '=', consultationId)
          .where('response', 'is', null)
          .executeTakeFirst();
        if (updated.numUpdatedRows !== 1n) return false;
        await appendAuditEntry(trx, audit, clock.now(), sha256);
        return true;
      });
    },
    async findAttachment(consultationId, commentId, attachmentId) {
      const comment = await db
        .selectFrom('public_consultation_comment')
        .selectAll()
        .where('id', '=', commentId)
        .where('consultation_id', '=', consultationId)
        .executeTakeFirst();
      const attachment =
        comment && commentOf(comment).attachments.find((a) => a.id === attachmentId);
      if (attachment === undefined) return undefined;
      const row = await db
        .selectFrom('public_consultation_attachment')
        .select('content')
        .where('id', '=', attachmentId)
        .where('comment_id', '=', commentId)
        .executeTakeFirst();
      return row && { attachment, content: new Uint8Array(row.content) };
    },
  };
}
