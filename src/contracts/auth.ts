import { Type, type Static } from 'typebox';
import { roles } from '../domain/people/role.ts';
import { literals } from './schema-helpers.ts';

export const RoleSchema = literals(roles, { description: 'A role (src/domain/people/role.ts).' });

export const LoginRequestSchema = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 64 }),
    password: Type.String({ minLength: 1, maxLength: 1024 }),
  },
  { additionalProperties: false },
);

export const PrincipalSchema = Type.Object(
  {
    username: Type.String(),
    organisationId: Type.String(),
    organisationKind: Type.String(),
    roles: Type.Array(RoleSchema),
    via: Type.String({ description: '`session`, or `token:<id>` for an API token.' }),
    passwordChangeRequired: Type.Optional(
      Type.Boolean({
        description:
          'Someone else set the password: the session may only change it (`POST /v1/auth/password`) or sign out.',
      }),
    ),
  },
  { description: 'Who the request acts as.' },
);

export const PasswordChangeRequestSchema = Type.Object(
  {
    currentPassword: Type.String({ minLength: 1, maxLength: 1024 }),
    newPassword: Type.String({
      minLength: 1,
      maxLength: 1024,
      description:
        'At least 12 characters, not a common or breached password (data/security), not containing your username.',
    }),
  },
  { additionalProperties: false },
);

export const EnrolRequestSchema = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 64 }),
    code: Type.String({
      minLength: 1,
      maxLength: 200,
      description: 'The two halves the administrators gave you, joined by a hyphen.',
    }),
    newPassword: Type.String({ minLength: 1, maxLength: 1024 }),
  },
  { additionalProperties: false },
);

export const SessionResponseSchema = Type.Object({
  principal: PrincipalSchema,
  csrfToken: Type.String({
    description:
      'Send it in `x-csrf-token` on every POST/PUT/PATCH/DELETE made with the session cookie.',
  }),
  expiresAt: Type.String({ format: 'date-time' }),
});
export type SessionResponse = Static<typeof SessionResponseSchema>;
export type Principal = Static<typeof PrincipalSchema>;

export const AuditEntrySchema = Type.Object({
  seq: Type.Integer(),
  at: Type.String({ format: 'date-time' }),
  actor: Type.String(),
  action: Type.String(),
  objectType: Type.String(),
  objectId: Type.String(),
  requestId: Type.Union([Type.String(), Type.Null()]),
  details: Type.Record(Type.String(), Type.Unknown()),
  previousHash: Type.String(),
  hash: Type.String(),
});

export const AuditQuerySchema = Type.Object(
  {
    fromSeq: Type.Optional(Type.Integer({ minimum: 1 })),
    toSeq: Type.Optional(Type.Integer({ minimum: 1 })),
    from: Type.Optional(
      Type.String({ maxLength: 40, description: 'First instant (ISO 8601), inclusive.' }),
    ),
    to: Type.Optional(
      Type.String({ maxLength: 40, description: 'Last instant (ISO 8601), inclusive.' }),
    ),
    objectType: Type.Optional(Type.String({ maxLength: 100 })),
    objectId: Type.Optional(Type.String({ maxLength: 200 })),
    limit: Type.Integer({ minimum: 1, maximum: 1000, default: 100 }),
  },
  { additionalProperties: false },
);

export const AuditHeadSchema = Type.Object({
  head: Type.Union([
    Type.Object({
      seq: Type.Integer(),
      hash: Type.String(),
      at: Type.String({ format: 'date-time' }),
    }),
    Type.Null(),
  ]),
});

export const AuditVerifyQuerySchema = Type.Object(
  {
    expectHead: Type.Optional(
      Type.String({
        maxLength: 100,
        description:
          'A head anchored earlier (`HASH` or `SEQ:HASH`): the verdict is broken unless the trail still holds it.',
      }),
    ),
  },
  { additionalProperties: false },
);

export const AuditPageSchema = Type.Object({
  entries: Type.Array(AuditEntrySchema),
});

export const AuditVerdictSchema = Type.Object({
  intact: Type.Boolean(),
  entries: Type.Integer(),
  firstSeq: Type.Optional(
    Type.Union([Type.Integer(), Type.Null()], {
      description: 'The first entry held (older ones may have been archived).',
    }),
  ),
  lastSeq: Type.Optional(Type.Union([Type.Integer(), Type.Null()])),
  lastHash: Type.Optional(Type.String({ description: 'Anchor it outside the database.' })),
  brokenAtSeq: Type.Optional(Type.Integer()),
  reason: Type.Optional(Type.String()),
});
