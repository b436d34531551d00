import type { MessageHeader } from './exchange-message.ts';
import { shown } from './exchange-message.ts';

/** Where a sender's chain stands: its last accepted sequence number and that message's hash. */
export interface ChainPosition {
  readonly lastSequence: number;
  readonly lastHash: string | null;
  /** When the last accepted message says it was issued (ISO 8601), if known. */
  readonly lastIssuedAt?: string;
}

/** The position before a sender's first message. */
export const chainStart: ChainPosition = { lastSequence: 0, lastHash: null };

/** How a message relates to the chain received so far. */
export type ChainVerdict =
  | { readonly kind: 'next' }
  | { readonly kind: 'replayed'; readonly lastSequence: number }
  | { readonly kind: 'gap'; readonly expected: number }
  | { readonly kind: 'fork'; readonly expectedPreviousHash: string | null };

/**
 * Places a header on the sender's chain: it must carry the next sequence number and the hash of
 * the message before it. A number already seen is a replay, a higher one a gap, and a wrong
 * previous hash a fork (the sender, or someone holding its key, told two stories).
 *
 * @example
 * checkChain({ lastSequence: 4, lastHash: 'ab..' }, { sequence: 6, ... }) // { kind: 'gap', expected: 5 }
 */
export function checkChain(position: ChainPosition, header: MessageHeader): ChainVerdict {
  if (header.sequence <= position.lastSequence) {
    return { kind: 'replayed', lastSequence: position.lastSequence };
  }
  if (header.sequence > position.lastSequence + 1) {
    return { kind: 'gap', expected: position.lastSequence + 1 };
  }
  if (header.previousHash !== position.lastHash) {
    return { kind: 'fork', expectedPreviousHash: position.lastHash };
  }
  return { kind: 'next' };
}

/** Why a received message was refused; recorded with the message, never applied. */
export const rejectionReasons = [
  'unknown-sender',
  'unknown-key',
  'bad-signature',
  'wrong-sender',
  'expired-key',
  'issued-in-future',
  'time-reversed',
  'malformed',
  'body-mismatch',
  'chain-gap',
  'chain-fork',
  'replayed',
  // Not a refusal: a verified entry of a kind this node does not know, recorded as skipped while
  // the chain moves past it.
  'unknown-kind',
] as const;
export type RejectionReason = (typeof rejectionReasons)[number];

/**
 * How far a message's `issuedAt` may lie ahead of its receipt: the clocks of two nodes differ a
 * little, never by more.
 */
export const issuedAtSkewSeconds = 300;

/**
 * Whether a message's timing is believable, judged by what this node saw rather than by what the
 * sender claims: the key must still be valid when the message is received (a retired key cannot
 * sign a backdated message), `issuedAt` may not lie more than `issuedAtSkewSeconds` after the
 * receipt, and never before the sender's previous message. A node offline for longer than a key's
 * rotation overlap therefore refuses old messages signed with the retired key: keep the overlap
 * longer than any catch-up.
 *
 * @example
 * timeProblem(backdatedHeader, position, now, { validUntil: lastMonth })
 * // { reason: 'expired-key', detail: 'key ... was valid until ...; the message was received ...' }
 */
export function timeProblem(
  header: Pick<MessageHeader, 'issuedAt'>,
  position: ChainPosition,
  receivedAt: Date,
  key: { readonly kid: string; readonly validUntil?: Date },
): { readonly reason: RejectionReason; readonly detail: string } | undefined {
  if (key.validUntil !== undefined && receivedAt.getTime() > key.validUntil.getTime()) {
    return {
      reason: 'expired-key',
      detail: `key ${key.kid} was valid until ${key.validUntil.toISOString()}; the message arrived ${receivedAt.toISOString()} (it claims to be issued ${header.issuedAt})`,
    };
  }
  const issued = Date.parse(header.issuedAt);
  if (issued > receivedAt.getTime() + issuedAtSkewSeconds * 1000) {
    return {
      reason: 'issued-in-future',
      detail: `issued ${header.issuedAt}, more than ${String(issuedAtSkewSeconds)} s after it arrived (${receivedAt.toISOString()})`,
    };
  }
  if (position.lastIssuedAt !== undefined && issued < Date.parse(position.lastIssuedAt)) {
    return {
      reason: 'time-reversed',
      detail: `issued ${header.issuedAt}, before the sender's previous message (${position.lastIssuedAt})`,
    };
  }
  return undefined;
}

/** The signed claims a node sends to read a partner's feed (a short-lived JWS, no shared secret). */
export interface FeedRequestClaims {
  /** The requesting authority. */
  readonly iss: string;
  /** The authority whose feed is read. */
  readonly aud: string;
  /** Seconds since the epoch. */
  readonly iat: number;
  readonly exp: number;
  readonly scope: 'exchange-feed';
}

/** The longest a feed request token may live, in seconds, and the clock skew tolerated. */
export const feedTokenLifetimeSeconds = 300;
export const clockSkewSeconds = 60;

/**
 * Checks the claims of a feed request token whose signature has been verified: addressed to us,
 * for the feed, issued recently, not expired, and not longer-lived than five minutes.
 */
export function checkFeedClaims(
  claims: Readonly<Record<string, unknown>>,
  self: string,
  nowSeconds: number,
): string | undefined {
  if (claims.scope !== 'exchange-feed') return 'the token is not for the exchange feed';
  if (claims.aud !== self) return `the token is addressed to ${shown(claims.aud)}, not ${self}`;
  const { iat, exp } = claims;
  if (typeof iat !== 'number' || typeof exp !== 'number') return 'the token has no iat or exp';
  if (exp - iat > feedTokenLifetimeSeconds) return 'the token lives longer than five minutes';
  if (iat > nowSeconds + clockSkewSeconds) return 'the token was issued in the future';
  if (exp < nowSeconds - clockSkewSeconds) return 'the token has expired';
  return undefined;
}
