import {
  positionBodyProblem,
  proposalBodyProblem,
  withdrawalBodyProblem,
  type ControlProposalBody,
  type ControlProposalWithdrawalBody,
  type ProposalPositionBody,
} from '../proposals/control-proposal.ts';
import { err, ok, type Result } from '../shared/result.ts';

/**
 * What partner states send each other. Every message is a header (sender, sequence number, hash
 * of the sender's previous message, recipients, the hash of the body) signed as a JWS, with the
 * body beside it: a partner that is not a recipient sees the signed header only, so it can still
 * verify the sender's chain without learning what was said to others.
 */
export const messageKinds = [
  'denial-notification',
  'denial-amendment',
  'denial-revocation',
  'consultation-request',
  'consultation-response',
  'threat-alert',
  'threat-alert-withdrawal',
  'withdrawal-under-pending-refusal',
  'audit-head',
  'control-proposal',
  'control-proposal-withdrawal',
  'proposal-position',
] as const;
export type MessageKind = (typeof messageKinds)[number];

/** Every partner, or the named authority ids. */
export type Recipients = 'all' | readonly string[];

/** The signed part of a message. `previousHash` is null only for a sender's first message. */
export interface MessageHeader {
  readonly v: 1;
  readonly sender: string;
  readonly sequence: number;
  readonly previousHash: string | null;
  /** ISO 8601 instant. */
  readonly issuedAt: string;
  readonly kind: MessageKind;
  readonly recipients: Recipients;
  /** SHA-256 (hex) of the canonical JSON of the body. */
  readonly bodyHash: string;
}

/** A party to a denied transaction, as the denying state names it. */
export interface DeniedParty {
  /** `end-user`, `consignee`, `intermediate-consignee`, `purchaser`, ... */
  readonly role: string;
  readonly name: string;
  /** Other names the party goes by (added or corrected by a `denial-amendment`). */
  readonly aliases?: readonly string[];
  readonly address?: string;
  /** ISO 3166-1 alpha-2. */
  readonly country?: string;
}

export interface CriterionReference {
  readonly code: string;
  readonly reason: string;
}

/** A refusal, as regimes notify it; reviewed (and kept or revoked) by `reviewBy`, three years on by default. */
export interface DenialNotificationBody {
  /** The denying state's own reference, unique per sender. */
  readonly reference: string;
  /** YYYY-MM-DD. */
  readonly deniedOn: string;
  readonly controlEntries: readonly string[];
  readonly itemDescription: string;
  /** ISO 3166-1 alpha-2 of the destination. */
  readonly destination: string;
  readonly endUse: string;
  readonly parties: readonly DeniedParty[];
  readonly criteria: readonly CriterionReference[];
  /** YYYY-MM-DD: the denial lapses unless renewed. */
  readonly reviewBy: string;
  /** The exporter, unless policy redacts it. */
  readonly exporter?: { readonly name: string; readonly country?: string };
  /**
   * Set when this is not a denial but an application withdrawn while its refusal awaited
   * countersignature (`withdrawal-under-pending-refusal`): partners weigh it like a denial in
   * their no-undercut checks, labelled as what it is.
   */
  readonly circumstance?: 'withdrawn-under-pending-refusal';
}

/**
 * An application withdrawn by its exporter after a refusal was decided but before it was
 * countersigned: the transaction and the pending refusal's criteria, so that the withdrawal cannot
 * be used to escape the partners' no-undercut consultation. `deniedOn` is the day the refusal was
 * decided; it never became final.
 */
export interface WithdrawnRefusalBody extends DenialNotificationBody {
  readonly circumstance: 'withdrawn-under-pending-refusal';
  /** YYYY-MM-DD. */
  readonly withdrawnOn: string;
}

/**
 * The head of the sender's audit trail at a moment: its last entry's sequence number and hash.
 * Published on a schedule, so that partners hold signed witnesses of the trail: the sender cannot
 * later present a trail that is shorter, or differs at that entry, without the witness showing it.
 */
export interface AuditHeadBody {
  readonly seq: number;
  /** SHA-256 hex of entry `seq` (which chains every entry before it). */
  readonly hash: string;
  /** ISO 8601 instant of entry `seq`. */
  readonly at: string;
}

export interface DenialAmendmentBody {
  readonly reference: string;
  readonly denial: DenialNotificationBody;
  readonly reason: string;
}

export interface DenialRevocationBody {
  readonly reference: string;
  readonly reason: string;
}

/** Asked by a state about to grant an essentially identical transaction. */
export interface ConsultationRequestBody {
  readonly consultationId: string;
  readonly denialReference: string;
  readonly caseReference: string;
  readonly text: string;
}

export const consultationPositions = ['denial-maintained', 'no-objection'] as const;
export type ConsultationPosition = (typeof consultationPositions)[number];

export interface ConsultationResponseBody {
  readonly consultationId: string;
  readonly denialReference: string;
  readonly position: ConsultationPosition;
  readonly text: string;
}

export const threatSubjects = ['end-user', 'diversion-route'] as const;
export type ThreatSubject = (typeof threatSubjects)[number];

/** A surveillance end user or a diversion route that partners should know about. */
export interface ThreatAlertBody {
  readonly alertId: string;
  readonly subject: ThreatSubject;
  readonly title: string;
  readonly description: string;
  readonly parties: readonly DeniedParty[];
  readonly countries: readonly string[];
}

/** Its sender takes a threat alert back: partners stop screening against it. */
export interface ThreatAlertWithdrawalBody {
  readonly alertId: string;
  readonly reason: string;
}

/**
 * What a node records of a message it accepted from a partner: the id by which people cite it
 * (`<sender>/<sequence>`), its header hash, when it was issued, and the pinned key that verified
 * its signature.
 */
export interface MessageReceipt {
  readonly id: string;
  readonly sequence: number;
  readonly hash: string;
  /** ISO 8601 instant, from the signed header. */
  readonly issuedAt: string;
  /** The `kid` of the sender's pinned key the signature was verified with. */
  readonly keyId: string;
}

/** The id people cite a message by: its sender and sequence number (`US-BIS/7`). */
export const messageIdOf = (header: Pick<MessageHeader, 'sender' | 'sequence'>): string =>
  `${header.sender}/${String(header.sequence)}`;

export interface MessageBodies {
  readonly 'denial-notification': DenialNotificationBody;
  readonly 'denial-amendment': DenialAmendmentBody;
  readonly 'denial-revocation': DenialRevocationBody;
  readonly 'consultation-request': ConsultationRequestBody;
  readonly 'consultation-response': ConsultationResponseBody;
  readonly 'threat-alert': ThreatAlertBody;
  readonly 'threat-alert-withdrawal': ThreatAlertWithdrawalBody;
  readonly 'withdrawal-under-pending-refusal': WithdrawnRefusalBody;
  readonly 'audit-head': AuditHeadBody;
  readonly 'control-proposal': ControlProposalBody;
  readonly 'control-proposal-withdrawal': ControlProposalWithdrawalBody;
  readonly 'proposal-position': ProposalPositionBody;
}

/** A message with its body, as a discriminated union on `kind`. */
export type ExchangeMessage = {
  [K in MessageKind]: {
    readonly kind: K;
    readonly header: MessageHeader;
    readonly body: MessageBodies[K];
  };
}[MessageKind];

/** True when the message is for this partner (addressed to all, or by name). */
export const addressedTo = (header: MessageHeader, partnerId: string): boolean =>
  header.recipients === 'all' || header.recipients.includes(partnerId);

const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;
const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const authorityId = /^[A-Z]{2}-[A-Z0-9]{2,16}$/;

/** An authority id: country code, a hyphen, the authority's short name (`GB-ECJU`, `US-BIS`). */
export const isAuthorityId = (value: string): boolean => authorityId.test(value);

type Fields = Readonly<Record<string, unknown>>;
const isObject = (v: unknown): v is Fields =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
const isTextList = (v: unknown): v is readonly string[] =>
  Array.isArray(v) && v.every((x) => typeof x === 'string');
/**
 * A value from a partner's message, shown in a rejection: a string, number, boolean or null as
 * written (at most 64 characters), anything else by its type. Never `String(v)`: a hostile object
 * (`{ "toString": 0 }`) cannot be turned into text and would throw.
 */
export const shown = (v: unknown): string =>
  typeof v === 'string'
    ? JSON.stringify(v.slice(0, 64))
    : v === null || typeof v === 'number' || typeof v === 'boolean'
      ? String(v)
      : Array.isArray(v)
        ? 'a list'
        : typeof v === 'object'
          ? 'an object'
          : typeof v;

/**
 * Checks a header that arrived from a partner: the shape, not the signature or the chain.
 * Returns the problem in words when it is malformed.
 */
export function parseHeader(value: unknown): Result<MessageHeader, string> {
  if (!isObject(value)) return err('the header is not a JSON object');
  const h = value;
  if (h.v !== 1) return err(`unsupported message version ${shown(h.v)}`);
  if (!isText(h.sender) || !isAuthorityId(h.sender)) return err('sender is not an authority id');
  if (typeof h.sequence !== 'number' || !Number.isSafeInteger(h.sequence) || h.sequence < 1)
    return err('sequence is not a positive integer');
  if (
    h.previousHash !== null &&
    (typeof h.previousHash !== 'string' || !/^[0-9a-f]{64}$/.test(h.previousHash))
  )
    return err('previousHash is not a SHA-256 hex digest or null');
  if (typeof h.issuedAt !== 'string' || !isoInstant.test(h.issuedAt))
    return err('issuedAt is not an ISO instant');
  if (typeof h.kind !== 'string' || !(messageKinds as readonly string[]).includes(h.kind))
    return err(`unknown message kind ${shown(h.kind)}`);
  if (h.recipients !== 'all' && !isTextList(h.recipients))
    return err('recipients is neither "all" nor a list');
  if (typeof h.bodyHash !== 'string' || !/^[0-9a-f]{64}$/.test(h.bodyHash))
    return err('bodyHash is not a SHA-256 hex digest');
  return ok(h as unknown as MessageHeader);
}

/** A header of a kind this node does not know, from a newer node: the kind is kept as written. */
export type UnknownKindHeader = Omit<MessageHeader, 'kind'> & { readonly kind: string };

const kindShape = /^[a-z][a-z0-9-]{1,63}$/;

/**
 * A header that is well formed except that its kind is one this node does not know (a newer
 * partner's): the header with its kind as written, else undefined. Such a message, once its
 * signature and chain are verified, is recorded as skipped and the chain moves past it, so that
 * an old node keeps syncing from a partner that runs a newer version.
 *
 * @example
 * unknownKindHeader({ ...header, kind: 'export-statistics' }) // { ...header, kind: 'export-statistics' }
 * unknownKindHeader({ ...header, kind: 'denial-notification' }) // undefined: a known kind
 */
export function unknownKindHeader(value: unknown): UnknownKindHeader | undefined {
  if (!isObject(value) || typeof value.kind !== 'string' || !kindShape.test(value.kind))
    return undefined;
  if ((messageKinds as readonly string[]).includes(value.kind)) return undefined;
  const asKnown = parseHeader({ ...value, kind: messageKinds[0] });
  return asKnown.ok ? { ...asKnown.value, kind: value.kind } : undefined;
}

const partiesProblem = (v: unknown): string | undefined =>
  Array.isArray(v) &&
  v.every(
    (p) =>
      isObject(p) &&
      isText(p.role) &&
      isText(p.name) &&
      (p.aliases === undefined || (isTextList(p.aliases) && p.aliases.every(isText))),
  )
    ? undefined
    : 'parties must be a list of { role, name, aliases? }';

function denialProblem(b: Fields): string | undefined {
  if (!isText(b.reference)) return 'reference is required';
  if (typeof b.deniedOn !== 'string' || !isoDate.test(b.deniedOn))
    return 'deniedOn must be YYYY-MM-DD';
  if (typeof b.reviewBy !== 'string' || !isoDate.test(b.reviewBy))
    return 'reviewBy must be YYYY-MM-DD';
  if (!isTextList(b.controlEntries)) return 'controlEntries must be a list of strings';
  if (typeof b.itemDescription !== 'string') return 'itemDescription is required';
  if (typeof b.destination !== 'string' || !/^[A-Z]{2}$/.test(b.destination))
    return 'destination must be a country code';
  if (typeof b.endUse !== 'string') return 'endUse is required';
  if (!Array.isArray(b.criteria)) return 'criteria must be a list';
  return partiesProblem(b.parties);
}

/**
 * Checks a received body against its kind: a partner's JSON is trusted only after this.
 *
 * @example
 * parseBody('denial-revocation', { reference: 'US-2026-1' }) // err('reason is required')
 */
export function parseBody<K extends MessageKind>(
  kind: K,
  value: unknown,
): Result<MessageBodies[K], string> {
  if (!isObject(value)) return err('the body is not a JSON object');
  const b = value;
  let problem: string | undefined;
  switch (kind) {
    case 'denial-notification':
      problem = denialProblem(b);
      break;
    case 'denial-amendment':
      problem = !isText(b.reference)
        ? 'reference is required'
        : !isObject(b.denial)
          ? 'denial is required'
          : (denialProblem(b.denial) ??
            (typeof b.reason === 'string' ? undefined : 'reason is required'));
      break;
    case 'denial-revocation':
      problem = !isText(b.reference)
        ? 'reference is required'
        : !isText(b.reason)
          ? 'reason is required'
          : undefined;
      break;
    case 'consultation-request':
      problem =
        [b.consultationId, b.denialReference, b.caseReference].every(isText) &&
        typeof b.text === 'string'
          ? undefined
          : 'consultationId, denialReference, caseReference and text are required';
      break;
    case 'consultation-response':
      problem =
        [b.consultationId, b.denialReference].every(isText) &&
        (consultationPositions as readonly unknown[]).includes(b.position) &&
        typeof b.text === 'string'
          ? undefined
          : 'consultationId, denialReference, position (denial-maintained | no-objection) and text are required';
      break;
    case 'threat-alert':
      problem =
        !isText(b.alertId) || !isText(b.title) || typeof b.description !== 'string'
          ? 'alertId, title and description are required'
          : !(threatSubjects as readonly unknown[]).includes(b.subject)
            ? 'subject must be end-user or diversion-route'
            : !isTextList(b.countries)
              ? 'countries must be a list of country codes'
              : partiesProblem(b.parties);
      break;
    case 'threat-alert-withdrawal':
      problem = [b.alertId, b.reason].every(isText) ? undefined : 'alertId and reason are required';
      break;
    case 'withdrawal-under-pending-refusal':
      problem =
        denialProblem(b) ??
        (b.circumstance !== 'withdrawn-under-pending-refusal'
          ? 'circumstance must be withdrawn-under-pending-refusal'
          : typeof b.withdrawnOn !== 'string' || !isoDate.test(b.withdrawnOn)
            ? 'withdrawnOn must be YYYY-MM-DD'
            : undefined);
      break;
    case 'audit-head':
      problem =
        typeof b.seq !== 'number' || !Number.isSafeInteger(b.seq) || b.seq < 1
          ? 'seq must be a positive integer'
          : typeof b.hash !== 'string' || !/^[0-9a-f]{64}$/.test(b.hash)
            ? 'hash must be a SHA-256 hex digest'
            : typeof b.at !== 'string' || !isoInstant.test(b.at)
              ? 'at must be an ISO instant'
              : undefined;
      break;
    case 'control-proposal':
      problem = proposalBodyProblem(b);
      break;
    case 'control-proposal-withdrawal':
      problem = withdrawalBodyProblem(b);
      break;
    case 'proposal-position':
      problem = positionBodyProblem(b);
      break;
    default:
      problem = `unknown kind ${String(kind)}`;
  }
  return problem === undefined ? ok(b as unknown as MessageBodies[K]) : err(problem);
}
