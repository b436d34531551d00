import { Type, type Static } from 'typebox';
import { attachmentCategories, attachmentKinds } from '../domain/licensing/attachment.ts';
import { literals } from './schema-helpers.ts';

/** A supporting document of a case, without its content. */
export const AttachmentSchema = Type.Object({
  id: Type.String(),
  caseId: Type.String(),
  category: literals(attachmentCategories),
  fileName: Type.String(),
  kind: literals(attachmentKinds, { description: 'What the content is, by its magic bytes.' }),
  mediaType: Type.String({ description: 'The media type it is downloaded with.' }),
  sizeBytes: Type.Integer(),
  sha256: Type.String({ description: 'SHA-256 of the content, lower-case hex.' }),
  description: Type.Optional(Type.String()),
  uploadedBy: Type.String(),
  uploadedAt: Type.String({ format: 'date-time' }),
});

export const AttachmentListSchema = Type.Object({ attachments: Type.Array(AttachmentSchema) });

export type Attachment = Static<typeof AttachmentSchema>;
