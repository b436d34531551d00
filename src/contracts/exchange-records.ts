import { Type } from 'typebox';
import { consultationPositions, threatSubjects } from '../domain/exchange/exchange-message.ts';
import { rejectionReasons } from '../domain/exchange/message-chain.ts';
import {
  ControlProposalBodySchema,
  ControlProposalWithdrawalBodySchema,
  ProposalPositionBodySchema,
} from './proposals.ts';
import { list, literals } from './schema-helpers.ts';

/**
 * The exchange's records as JSON (`src/application/ports/exchange-store.ts` and the message bodies
 * of `src/domain/exchange/exchange-message.ts`): partners, denials, consultations, threat alerts,
 * rejected messages, audit witnesses and sync outcomes.
 */

const Instant = Type.String({ format: 'date-time' });
const Day = Type.String({ description: 'YYYY-MM-DD' });

const PublicKey = Type.Object({
  kid: Type.String(),
  publicKey: Type.String({ description: 'The Ed25519 public key (base64url `x` of its JWK).' }),
  validUntil: Type.Optional(Instant),
});

/** This node's authority id and public keys, for partners to pin. */
export const ExchangeIdentitySchema = Type.Object({
  authorityId: Type.String(),
  keys: list(PublicKey),
});

/** A partner state in the registry, with its pinned keys and where we are in its feed. */
export const PartnerSchema = Type.Object({
  id: Type.String(),
  url: Type.String(),
  keys: list(PublicKey),
  lastSequence: Type.Integer({ description: 'The last sequence number of its feed we hold.' }),
  addedAt: Instant,
  lastSyncAt: Type.Optional(Instant),
  lastSyncError: Type.Optional(Type.String()),
});

const RejectionReasonSchema = literals(rejectionReasons);

/** What one partner's sync did: messages accepted, withheld from us, rejected; or unreachable. */
export const SyncOutcomeSchema = Type.Union([
  Type.Object({
    kind: Type.Literal('synced'),
    partner: Type.String(),
    accepted: Type.Integer(),
    withheld: Type.Integer({ description: 'Entries addressed to others (headers only).' }),
    skipped: list(Type.Object({ sequence: Type.Integer(), kind: Type.String() }), {
      description:
        'Verified entries of a kind this node does not know (a newer partner’s): kept, never applied.',
    }),
    rejected: list(
      Type.Object({
        sequence: Type.Optional(Type.Integer()),
        reason: RejectionReasonSchema,
        detail: Type.String(),
      }),
    ),
    position: Type.Integer(),
  }),
  Type.Object({ kind: Type.Literal('unreachable'), partner: Type.String(), error: Type.String() }),
]);

/** A message refused on receipt, with why. */
export const RejectedMessageSchema = Type.Object({
  partnerId: Type.String(),
  sequence: Type.Optional(Type.Integer()),
  reason: RejectionReasonSchema,
  detail: Type.String(),
  jws: Type.String(),
  receivedAt: Instant,
});

/** A partner's signed audit head: entry `seq` of its trail had hash `hash`. */
export const AuditWitnessSchema = Type.Object({
  sender: Type.String(),
  seq: Type.Integer(),
  hash: Type.String(),
  at: Instant,
  messageId: Type.String({ description: '`<sender>/<sequence>` of the message it came in.' }),
  keyId: Type.String(),
  receivedAt: Instant,
});

const DeniedPartySchema = Type.Object({
  role: Type.String(),
  name: Type.String(),
  aliases: Type.Optional(list(Type.String())),
  address: Type.Optional(Type.String()),
  country: Type.Optional(Type.String()),
});

/** A refusal as regimes notify it. */
export const DenialBodySchema = Type.Object({
  reference: Type.String({ description: 'The denying state’s own reference.' }),
  deniedOn: Day,
  controlEntries: list(Type.String()),
  itemDescription: Type.String(),
  destination: Type.String(),
  endUse: Type.String(),
  parties: list(DeniedPartySchema),
  criteria: list(Type.Object({ code: Type.String(), reason: Type.String() })),
  reviewBy: Day,
  exporter: Type.Optional(
    Type.Object({ name: Type.String(), country: Type.Optional(Type.String()) }),
  ),
  circumstance: Type.Optional(Type.Literal('withdrawn-under-pending-refusal')),
  withdrawnOn: Type.Optional(Day),
});

const RecipientsSchema = Type.Union([Type.Literal('all'), list(Type.String())]);

const denialRecordFields = {
  sender: Type.String(),
  reference: Type.String(),
  denial: DenialBodySchema,
  status: literals(['active', 'revoked'] as const),
  caseId: Type.Optional(Type.String({ description: 'Our own denials: the case it came from.' })),
  recipients: Type.Optional(RecipientsSchema),
  updatedAt: Instant,
};

/** A denial in force or revoked, ours or a partner's. */
export const DenialRecordSchema = Type.Object(denialRecordFields);

/** One of our denials just signed onto our chain, with the sequence number it got. */
export const SignedDenialSchema = Type.Object({
  ...denialRecordFields,
  sequence: Type.Integer(),
  changed: Type.Optional(list(Type.String(), { description: 'Amendments: the fields changed.' })),
});

const MessageReceiptSchema = Type.Object({
  id: Type.String(),
  sequence: Type.Integer(),
  hash: Type.String(),
  issuedAt: Type.String(),
  keyId: Type.String(),
});

/** A consultation on an essentially identical transaction, asked by us or of us. */
export const ConsultationSchema = Type.Object({
  id: Type.String(),
  direction: literals(['outgoing', 'incoming'] as const),
  partnerId: Type.String(),
  denialReference: Type.String(),
  caseId: Type.Optional(Type.String()),
  caseReference: Type.String(),
  status: literals(['to-request', 'requested', 'awaiting-response', 'answered', 'lifted'] as const),
  match: Type.Optional(
    Type.Object({
      sender: Type.String(),
      reference: Type.String(),
      party: Type.Object({
        applicationName: Type.String(),
        deniedName: Type.String(),
        role: Type.String(),
        score: Type.Number(),
      }),
      sameDestination: Type.Boolean(),
      sharedControlEntries: list(Type.String()),
      itemOverlap: Type.Number(),
      essentiallyIdentical: Type.Boolean(),
      because: Type.String(),
    }),
  ),
  request: Type.Optional(
    Type.Object({ text: Type.String(), sequence: Type.Integer(), at: Instant }),
  ),
  response: Type.Optional(
    Type.Object({
      position: literals(consultationPositions),
      text: Type.String(),
      sequence: Type.Integer(),
      at: Instant,
    }),
  ),
  createdAt: Instant,
  updatedAt: Instant,
});

const ThreatAlertBodySchema = Type.Object({
  alertId: Type.String(),
  subject: literals(threatSubjects),
  title: Type.String(),
  description: Type.String(),
  parties: list(DeniedPartySchema),
  countries: list(Type.String()),
});

/** A threat alert we published or received. */
export const ThreatAlertSchema = Type.Object({
  sender: Type.String(),
  alert: ThreatAlertBodySchema,
  receivedAt: Instant,
  status: literals(['active', 'withdrawn'] as const),
  message: Type.Optional(MessageReceiptSchema),
  withdrawal: Type.Optional(
    Type.Object({ reason: Type.String(), at: Instant, messageId: Type.String() }),
  ),
});

/** The body of a message in the feed, by its kind (the header's `kind` says which). */
export const MessageBodySchema = Type.Union(
  [
    DenialBodySchema,
    Type.Object({ reference: Type.String(), denial: DenialBodySchema, reason: Type.String() }),
    Type.Object({ reference: Type.String(), reason: Type.String() }),
    Type.Object({
      consultationId: Type.String(),
      denialReference: Type.String(),
      caseReference: Type.String(),
      text: Type.String(),
    }),
    Type.Object({
      consultationId: Type.String(),
      denialReference: Type.String(),
      position: literals(consultationPositions),
      text: Type.String(),
    }),
    ThreatAlertBodySchema,
    Type.Object({ alertId: Type.String(), reason: Type.String() }),
    Type.Object({ seq: Type.Integer(), hash: Type.String(), at: Type.String() }),
    ControlProposalBodySchema,
    ControlProposalWithdrawalBodySchema,
    ProposalPositionBodySchema,
  ],
  { description: 'Present only when the message is addressed to you.' },
);
