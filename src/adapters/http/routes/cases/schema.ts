import { Type } from 'typebox';
import { attachmentCategories } from '../../../../domain/licensing/attachment.ts';

/** A supporting document of a case, without its content. */
export const AttachmentSchema = Type.Object({
  id: Type.String(),
  caseId: Type.String(),
  category: Type.String({ description: attachmentCategories.join(', ') }),
  fileName: Type.String(),
  kind: Type.String({
    description: 'What the content is, by its magic bytes: pdf, png, jpeg, text, csv, docx, odt.',
  }),
  mediaType: Type.String({ description: 'The media type it is downloaded with.' }),
  sizeBytes: Type.Integer(),
  sha256: Type.String({ description: 'SHA-256 of the content, lower-case hex.' }),
  description: Type.Optional(Type.String()),
  uploadedBy: Type.String(),
  uploadedAt: Type.String({ format: 'date-time' }),
});

export const AttachmentListSchema = Type.Object({ attachments: Type.Array(AttachmentSchema) });

const RouteSummarySchema = Type.Object({
  queue: Type.String(),
  adviceDesks: Type.Array(Type.String()),
  ruleSet: Type.Object({ id: Type.String(), version: Type.Integer() }),
});

/** What a routing dry run over the stored cases found. */
export const RoutingDryRunSchema = Type.Object({
  candidate: Type.Object({ id: Type.String(), version: Type.Integer() }),
  casesCompared: Type.Integer({ description: 'Routed cases compared (drafts are left out).' }),
  changes: Type.Array(
    Type.Object({
      caseId: Type.String(),
      reference: Type.String(),
      stage: Type.String(),
      before: RouteSummarySchema,
      after: RouteSummarySchema,
      rule: Type.String({
        description: 'The rule that made the difference, or `default queue`.',
      }),
      because: Type.String(),
      nowFiring: Type.Array(Type.String()),
      noLongerFiring: Type.Array(Type.String()),
    }),
  ),
});
