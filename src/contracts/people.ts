import { Type, type Static } from 'typebox';
import { RoleSchema } from './auth.ts';

export const OrganisationSchema = Type.Object(
  {
    id: Type.String({ examples: ['org-3f9a1c2b'] }),
    name: Type.String(),
    kind: Type.Union([
      Type.Literal('exporter'),
      Type.Literal('licensing-authority'),
      Type.Literal('advising-department'),
      Type.Literal('partner-authority'),
    ]),
    country: Type.String({ description: 'ISO 3166-1 alpha-2, or `EU`.' }),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { description: 'An exporter, the licensing authority, an advising department or a partner.' },
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
    password: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 1024,
        description: 'Omitted: Cordon generates a one-time password and returns it once.',
      }),
    ),
  },
  { additionalProperties: false },
);
export type NewUserRequest = Static<typeof NewUserRequestSchema>;

export const NewUserResponseSchema = Type.Object({
  user: UserSchema,
  generatedPassword: Type.Optional(
    Type.String({ description: 'Shown once: hand it to the person; it is stored only hashed.' }),
  ),
});
export type NewUserResponse = Static<typeof NewUserResponseSchema>;

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
    username: Type.String({ minLength: 1, maxLength: 64, description: 'The user it acts as.' }),
    name: Type.String({ minLength: 1, maxLength: 100 }),
    scopes: Type.Optional(
      Type.Array(RoleSchema, {
        minItems: 1,
        maxItems: 6,
        description: "A subset of the user's roles; omitted, all of them.",
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
