import { Type, type Static } from 'typebox';

/** Public consultations: what the authority opens, what commenters send, what anyone reads. */

const CommenterKindSchema = Type.Union(
  [Type.Literal('industry'), Type.Literal('academia'), Type.Literal('civil-society')],
  { description: 'The kind of organisation the commenter registered as.' },
);

const StatusSchema = Type.Union(
  [
    Type.Literal('scheduled'),
    Type.Literal('open'),
    Type.Literal('closed'),
    Type.Literal('concluded'),
  ],
  {
    description:
      '`scheduled` before the comment period, `open` during it, `closed` after it, `concluded` once the response is published.',
  },
);

const SubjectSchema = Type.Union([
  Type.Object({
    kind: Type.Literal('proposal'),
    proposalId: Type.String(),
    version: Type.Integer(),
    title: Type.String(),
    authority: Type.String({ description: "The drafting authority's jurisdiction code." }),
  }),
  Type.Object({
    kind: Type.Literal('policy-version'),
    jurisdiction: Type.String(),
    version: Type.Integer(),
  }),
]);

export const OpenPublicConsultationRequestSchema = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 200 }),
    summary: Type.String({ minLength: 1, maxLength: 5000 }),
    subject: Type.Union([
      Type.Object(
        {
          kind: Type.Literal('proposal'),
          proposalId: Type.String({ minLength: 1, maxLength: 100 }),
        },
        { additionalProperties: false },
      ),
      Type.Object(
        {
          kind: Type.Literal('policy-version'),
          jurisdiction: Type.String({ pattern: '^[A-Z]{2}$' }),
          version: Type.Integer({ minimum: 1 }),
        },
        { additionalProperties: false },
      ),
    ]),
    opensAt: Type.String({ format: 'date-time' }),
    closesAt: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false },
);

const ResponseChangeSchema = Type.Object(
  {
    change: Type.String({ minLength: 1, maxLength: 10000 }),
    commentIds: Type.Array(Type.String(), { maxItems: 1000 }),
  },
  { additionalProperties: false },
);

export const PublishResponseRequestSchema = Type.Object(
  {
    text: Type.String({ minLength: 1, maxLength: 50000 }),
    finalVersion: Type.Integer({ minimum: 1 }),
    changes: Type.Array(ResponseChangeSchema, { maxItems: 200 }),
  },
  { additionalProperties: false },
);

export const AnswerRequestSchema = Type.Object(
  { text: Type.String({ minLength: 1, maxLength: 10000 }) },
  { additionalProperties: false },
);

export const RegisterCommenterRequestSchema = Type.Object(
  {
    username: Type.String({ minLength: 2, maxLength: 64 }),
    password: Type.String({ minLength: 1, maxLength: 1024 }),
    displayName: Type.String({ minLength: 1, maxLength: 120 }),
    kind: CommenterKindSchema,
  },
  { additionalProperties: false },
);

export const RegisteredCommenterSchema = Type.Object({
  username: Type.String(),
  kind: CommenterKindSchema,
  roles: Type.Array(Type.Literal('commenter')),
});

const ResponseSchema = Type.Object({
  text: Type.String(),
  finalVersion: Type.Integer(),
  changes: Type.Array(
    Type.Object({ change: Type.String(), commentIds: Type.Array(Type.String()) }),
  ),
  publishedAt: Type.String({ format: 'date-time' }),
});

const ConsultationFields = {
  id: Type.String({ examples: ['pc-3f9a1c2b'] }),
  title: Type.String(),
  summary: Type.String(),
  authority: Type.String(),
  subject: SubjectSchema,
  opensAt: Type.String({ format: 'date-time' }),
  closesAt: Type.String({ format: 'date-time' }),
  status: StatusSchema,
  commentCount: Type.Integer(),
  response: Type.Optional(ResponseSchema),
};

const AttachmentSchema = Type.Object({
  id: Type.String(),
  fileName: Type.String(),
  kind: Type.String(),
  mediaType: Type.String(),
  sizeBytes: Type.Integer(),
});

export const PublishedCommentSchema = Type.Object(
  {
    id: Type.String(),
    commenterKind: CommenterKindSchema,
    publishedName: Type.Optional(Type.String()),
    publishedOrganisation: Type.Optional(Type.String()),
    text: Type.String(),
    submittedAt: Type.String({ format: 'date-time' }),
    attachments: Type.Array(AttachmentSchema),
    answer: Type.Optional(
      Type.Object({ text: Type.String(), at: Type.String({ format: 'date-time' }) }),
    ),
    ledTo: Type.Array(Type.String(), {
      description: 'The changes of the final version this comment led to.',
    }),
  },
  { description: 'A comment as anyone reads it: only what its author chose to publish.' },
);
export type PublishedCommentJson = Static<typeof PublishedCommentSchema>;

export const PublicConsultationSummarySchema = Type.Object(ConsultationFields);
export type PublicConsultationSummaryJson = Static<typeof PublicConsultationSummarySchema>;

export const PublicConsultationListSchema = Type.Object({
  consultations: Type.Array(PublicConsultationSummarySchema),
});

export const PublicConsultationViewSchema = Type.Object({
  ...ConsultationFields,
  comments: Type.Optional(
    Type.Array(PublishedCommentSchema, {
      description: 'Published when the comment period ends; absent while it runs.',
    }),
  ),
});
export type PublicConsultationViewJson = Static<typeof PublicConsultationViewSchema>;

export const StaffCommentSchema = Type.Object({
  id: Type.String(),
  commenterUsername: Type.String(),
  commenterKind: CommenterKindSchema,
  publishedName: Type.Optional(Type.String()),
  publishedOrganisation: Type.Optional(Type.String()),
  text: Type.String(),
  submittedAt: Type.String({ format: 'date-time' }),
  attachments: Type.Array(Type.Object({ ...AttachmentSchema.properties, sha256: Type.String() })),
  answer: Type.Optional(
    Type.Object({
      text: Type.String(),
      answeredBy: Type.String(),
      at: Type.String({ format: 'date-time' }),
    }),
  ),
});
export type StaffCommentJson = Static<typeof StaffCommentSchema>;

export const StaffConsultationSchema = Type.Object({
  ...ConsultationFields,
  openedBy: Type.String(),
  comments: Type.Array(StaffCommentSchema),
});
export type StaffConsultationJson = Static<typeof StaffConsultationSchema>;

export const MyCommentsSchema = Type.Object({ comments: Type.Array(PublishedCommentSchema) });

export const CommentAnswerSchema = Type.Object({
  text: Type.String(),
  answeredBy: Type.String(),
  at: Type.String({ format: 'date-time' }),
});
