import { Type } from 'typebox';

export { AttachmentListSchema, AttachmentSchema } from '../../../../contracts/attachments.ts';

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
