import { Type, type Static } from 'typebox';
import { MessageBodySchema } from './exchange-records.ts';

const AuthorityId = Type.String({
  pattern: '^[A-Z]{2}-[A-Z0-9]{2,16}$',
  description: 'An authority id: country code, hyphen, short name (`GB-ECJU`, `US-BIS`).',
  examples: ['US-BIS'],
});

const Recipients = Type.Union([Type.Literal('all'), Type.Array(AuthorityId, { minItems: 1 })], {
  description: '`all` partners, or the named ones.',
  default: 'all',
});

const Party = Type.Object({
  role: Type.String({ minLength: 1, examples: ['end-user'] }),
  name: Type.String({ minLength: 1 }),
  aliases: Type.Optional(
    Type.Array(Type.String({ minLength: 1 }), { description: 'Other names the party goes by.' }),
  ),
  address: Type.Optional(Type.String()),
  country: Type.Optional(Type.String({ pattern: '^[A-Z]{2}$' })),
});

export const FeedQuerySchema = Type.Object({
  after: Type.Integer({
    minimum: 0,
    default: 0,
    description: 'The last sequence number you hold.',
  }),
});

export const FeedPageSchema = Type.Object({
  authority: Type.String(),
  entries: Type.Array(
    Type.Object({
      sequence: Type.Integer(),
      jws: Type.String({ description: 'The signed header (compact JWS, EdDSA).' }),
      body: Type.Optional(MessageBodySchema),
    }),
  ),
  more: Type.Boolean(),
});

export const PartnerInputSchema = Type.Object({
  id: AuthorityId,
  url: Type.String({
    minLength: 1,
    description: 'The partner node’s base URL (https in production).',
  }),
  publicKey: Type.String({
    minLength: 1,
    description: 'The partner’s Ed25519 public key: a JWK, or its base64url `x`.',
  }),
  validUntil: Type.Optional(Type.String({ format: 'date-time' })),
});
export type PartnerInput = Static<typeof PartnerInputSchema>;

export const DenialInputSchema = Type.Object({
  caseId: Type.String({ minLength: 1 }),
  confirm: Type.Literal(true, {
    description: 'The senior officer confirms that the refusal is to be notified.',
  }),
  recipients: Type.Optional(Recipients),
  redactExporter: Type.Optional(Type.Boolean({ description: 'Overrides the node policy.' })),
});

export const RevocationInputSchema = Type.Object({
  reason: Type.String({ minLength: 1 }),
});

const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

export const AmendmentInputSchema = Type.Object(
  {
    reason: Type.String({ minLength: 1, description: 'Why the denial is amended.' }),
    parties: Type.Optional(
      Type.Array(Party, {
        minItems: 1,
        description: 'Every party, as corrected (replaces the parties notified).',
      }),
    ),
    controlEntries: Type.Optional(Type.Array(Type.String({ minLength: 1 }))),
    itemDescription: Type.Optional(Type.String()),
    destination: Type.Optional(Type.String({ pattern: '^[A-Z]{2}$' })),
    endUse: Type.Optional(Type.String()),
    criteria: Type.Optional(
      Type.Array(Type.Object({ code: Type.String({ minLength: 1 }), reason: Type.String() })),
    ),
    reviewBy: Type.Optional(IsoDate),
  },
  {
    additionalProperties: false,
    description:
      'The corrections: each field given replaces the one notified; the reference and date of the refusal stay.',
  },
);
export type AmendmentInput = Static<typeof AmendmentInputSchema>;

export const AlertWithdrawalInputSchema = Type.Object({
  reason: Type.String({ minLength: 1 }),
});

export const ConsultationRequestInputSchema = Type.Object({
  text: Type.String({ minLength: 1, description: 'What you ask the denying state.' }),
});

export const ConsultationAnswerInputSchema = Type.Object({
  position: Type.Union([Type.Literal('denial-maintained'), Type.Literal('no-objection')]),
  text: Type.String(),
});

export const AlertInputSchema = Type.Object({
  subject: Type.Union([Type.Literal('end-user'), Type.Literal('diversion-route')]),
  title: Type.String({ minLength: 1 }),
  description: Type.String(),
  parties: Type.Array(Party, { default: [] }),
  countries: Type.Array(Type.String({ pattern: '^[A-Z]{2}$' }), { default: [] }),
  recipients: Type.Optional(Recipients),
});
