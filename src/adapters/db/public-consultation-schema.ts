/** The public-consultation tables (migration 2026-12-07-0015), part of `Database`. */
export interface PublicConsultationTables {
  public_consultation: PublicConsultationTable;
  public_consultation_comment: PublicConsultationCommentTable;
  public_consultation_attachment: PublicConsultationAttachmentTable;
}

export interface PublicConsultationTable {
  id: string;
  title: string;
  summary: string;
  authority: string;
  /** JSON of the subject (a proposal at a version, or a policy version). */
  subject: string;
  opens_at: Date;
  closes_at: Date;
  opened_by: string;
  opened_at: Date;
  /** JSON of the response, once published. */
  response: string | null;
}

export interface PublicConsultationCommentTable {
  id: string;
  consultation_id: string;
  commenter_user_id: string;
  commenter_username: string;
  commenter_kind: string;
  published_name: string | null;
  published_organisation: string | null;
  text: string;
  submitted_at: Date;
  /** JSON of the attachments' metadata (the contents are in public_consultation_attachment). */
  attachments: string;
  /** JSON of the answer, once given. */
  answer: string | null;
}

export interface PublicConsultationAttachmentTable {
  id: string;
  comment_id: string;
  content: Uint8Array;
}
