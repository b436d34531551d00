import { Type } from 'typebox';
import { AuditEntrySchema } from './auth.ts';

/** Which stretch of the trail to export: contiguous entries, so that the extract verifies. */
export const AuditExtractQuerySchema = Type.Object(
  {
    fromSeq: Type.Optional(Type.Integer({ minimum: 1 })),
    toSeq: Type.Optional(Type.Integer({ minimum: 1 })),
    from: Type.Optional(
      Type.String({ maxLength: 40, description: 'First instant (ISO 8601), inclusive.' }),
    ),
    to: Type.Optional(
      Type.String({ maxLength: 40, description: 'Last instant (ISO 8601), inclusive.' }),
    ),
    limit: Type.Integer({ minimum: 1, maximum: 10_000, default: 1000 }),
  },
  { additionalProperties: false },
);

/**
 * A verifiable extract (`cordon-audit-extract/1`): contiguous entries and the anchor (the entry
 * before the first) from which their hash chain is checked, by anyone, without the database.
 */
export const AuditExtractSchema = Type.Object({
  format: Type.Literal('cordon-audit-extract/1'),
  anchor: Type.Object({ seq: Type.Integer(), hash: Type.String() }),
  entries: Type.Array(AuditEntrySchema),
});
