import { Type, type Static } from 'typebox';
import { organisationKinds } from '../domain/people/people.ts';
import { RoleSchema } from './auth.ts';
import { literals } from './schema-helpers.ts';

export const OrganisationSchema = Type.Object(
  {
    id: Type.String({ examples: ['org-3f9a1c2b'] }),
    name: Type.String(),
    kind: literals(organisationKinds),
    country: Type.String({ description: 'ISO 3166-1 alpha-2, or `EU`.' }),
    createdAt: Type.String({ format: 'date-time' }),
  },
  {
    description:
      'An exporter, the licensing authority, an advising department, a partner, or an organisation of the public (industry, academia, civil society) whose users only comment on public consultations.',
  },
);
export type OrganisationJson = Static<typeof OrganisationSchema>;

export const OrganisationListSchema = Type.Object({
  organisations: Type.Array(OrganisationSchema),
});

export const UserSchema = Type.Object(
  {
    id: Type.String(),
    username: Type.String(),
    displayName: Type.String(),
    organisationId: Type.String(),
    roles: Type.Array(RoleSchema),
    disabled: Type.Boolean({
      description: 'A disabled user cannot sign in; their sessions and tokens stop working.',
    }),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { description: 'A person who signs in. Never carries a password or its hash.' },
);
export type UserJson = Static<typeof UserSchema>;

export const UserListQuerySchema = Type.Object({
  organisationId: Type.Optional(
    Type.String({ maxLength: 100, description: 'Only the users of this organisation.' }),
  ),
});

export const UserListSchema = Type.Object({ users: Type.Array(UserSchema) });

export const NewUserRequestSchema = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 64 }),
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    organisationId: Type.String({ minLength: 1, maxLength: 100 }),
    roles: Type.Array(RoleSchema, { minItems: 1, maxItems: 6 }),
    reason: Type.String({
      minLength: 1,
      maxLength: 2000,
      description: 'Why the person needs the account: the second administrator reads it.',
    }),
  },
  {
    additionalProperties: false,
    description:
      'A request for a new user. No password: an administrator never chooses or sees another person’s password.',
  },
);
export type NewUserRequest = Static<typeof NewUserRequestSchema>;

export const RolesGrantRequestSchema = Type.Object(
  {
    roles: Type.Array(RoleSchema, { minItems: 1, maxItems: 6 }),
    reason: Type.String({ minLength: 1, maxLength: 2000 }),
  },
  { additionalProperties: false },
);

export const ReasonRequestSchema = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 2000 }) },
  { additionalProperties: false },
);

export const GrantSchema = Type.Object(
  {
    id: Type.String({ examples: ['grant-3f9a1c2b'] }),
    kind: Type.Union([
      Type.Literal('add-user'),
      Type.Literal('add-roles'),
      Type.Literal('reset-credentials'),
    ]),
    username: Type.String(),
    organisationId: Type.Optional(Type.String()),
    displayName: Type.Optional(Type.String()),
    roles: Type.Array(RoleSchema),
    reason: Type.String(),
    requestedBy: Type.String(),
    requestedAt: Type.String({ format: 'date-time' }),
    expiresAt: Type.String({ format: 'date-time' }),
    status: Type.Union([
      Type.Literal('pending'),
      Type.Literal('approved'),
      Type.Literal('rejected'),
    ]),
    decidedBy: Type.Optional(Type.String()),
    decidedAt: Type.Optional(Type.String({ format: 'date-time' })),
  },
  { description: 'A grant that a second administrator approves or rejects.' },
);

export const GrantRequestedSchema = Type.Object({
  grant: GrantSchema,
  requesterHalf: Type.Optional(
    Type.String({
      description:
        'Shown once, for a new user or a reset: the first half of the enrolment code. Give it to the person yourself; the approving administrator gives the second half.',
    }),
  ),
});

export const GrantDecidedSchema = Type.Object({
  grant: GrantSchema,
  approverHalf: Type.Optional(
    Type.String({
      description:
        'Shown once, on approving a new user or a reset: the second half of the enrolment code. The person enrols with `<first half>-<second half>` at `POST /v1/auth/enrol`.',
    }),
  ),
});

export const GrantListSchema = Type.Object({ grants: Type.Array(GrantSchema) });

export const UserUpdateRequestSchema = Type.Object(
  { disabled: Type.Boolean({ description: 'true disables the user, false enables them again.' }) },
  { additionalProperties: false },
);

export const ApiTokenSchema = Type.Object(
  {
    id: Type.String({ description: 'The part after `cdn_` of the token string.' }),
    userId: Type.String(),
    username: Type.String(),
    name: Type.String({ description: 'What the token is for.' }),
    scopes: Type.Array(RoleSchema, { description: "The roles it may act under (the user's)." }),
    createdAt: Type.String({ format: 'date-time' }),
    expiresAt: Type.String({ format: 'date-time' }),
    revokedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  },
  { description: 'An API token as stored: never its secret.' },
);
export type ApiTokenJson = Static<typeof ApiTokenSchema>;

export const TokenListQuerySchema = Type.Object({
  username: Type.Optional(Type.String({ maxLength: 64, description: "Only this user's tokens." })),
});

export const TokenListSchema = Type.Object({ tokens: Type.Array(ApiTokenSchema) });

export const NewTokenRequestSchema = Type.Object(
  {
    username: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 64,
        description: 'Yourself, or leave it out: a token acts as the person who creates it.',
      }),
    ),
    name: Type.String({ minLength: 1, maxLength: 100 }),
    scopes: Type.Optional(
      Type.Array(RoleSchema, {
        minItems: 1,
        maxItems: 6,
        description: 'A subset of the roles you act under now; omitted, all of them.',
      }),
    ),
    days: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 366, description: 'Days until it expires (90).' }),
    ),
  },
  { additionalProperties: false },
);
export type NewTokenRequest = Static<typeof NewTokenRequestSchema>;

export const NewTokenResponseSchema = Type.Object({
  token: ApiTokenSchema,
  secret: Type.String({
    description:
      'The token string `cdn_<id>_<secret>`, shown this once; send it as `Authorization: Bearer <secret>`.',
  }),
});
export type NewTokenResponse = Static<typeof NewTokenResponseSchema>;
