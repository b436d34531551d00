import { addressedTo } from '../../domain/exchange/exchange-message.ts';
import { checkFeedClaims } from '../../domain/exchange/message-chain.ts';
import { cordonError, type CordonError } from '../../domain/shared/errors.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { Partner } from '../ports/exchange-store.ts';
import type { FeedPage } from '../ports/partner-feed.ts';
import { signerOf, type ExchangeDeps } from './exchange-deps.ts';

const unauthenticated = (why: string): CordonError =>
  cordonError('CORDON_UNAUTHENTICATED', `Partner authentication failed: ${why}.`);

/**
 * Authenticates a partner node reading our feed: its request token is a JWS it signed with a key
 * we pinned for it, addressed to us, for the feed, and at most five minutes old. No shared secret
 * is involved; a partner whose keys we have not pinned cannot read anything.
 */
export async function authenticatePartner(
  deps: ExchangeDeps,
  token: string | undefined,
): Promise<Result<Partner, CordonError>> {
  const signer = signerOf(deps);
  if (!signer.ok) return signer;
  if (token === undefined || token === '') {
    return err(unauthenticated('send "Authorization: CordonNode <JWS signed with your node key>"'));
  }
  const claims = deps.verifier.peek(token);
  const issuer = claims?.iss;
  if (typeof issuer !== 'string') return err(unauthenticated('the token names no issuer'));
  const partner = await deps.store.partner(issuer);
  if (partner === undefined) return err(unauthenticated(`${issuer} is not a registered partner`));
  const verified = await deps.verifier.verify(token, partner.keys);
  if (!verified.ok)
    return err(unauthenticated(`${verified.error.reason}: ${verified.error.detail}`));
  let payload: Readonly<Record<string, unknown>>;
  try {
    payload = JSON.parse(verified.value.payload) as Readonly<Record<string, unknown>>;
  } catch {
    return err(unauthenticated('the token payload is not JSON'));
  }
  const now = deps.clock.now();
  const key = partner.keys.find((k) => k.kid === verified.value.kid);
  if (key?.validUntil !== undefined && now.getTime() > key.validUntil.getTime()) {
    return err(unauthenticated(`key ${key.kid} expired on ${key.validUntil.toISOString()}`));
  }
  const problem = checkFeedClaims(
    payload,
    signer.value.authorityId,
    Math.floor(now.getTime() / 1000),
  );
  if (problem !== undefined) return err(unauthenticated(problem));
  return ok(partner);
}

/**
 * Our messages after `after`, in order: the signed header of each, and the body only of those
 * addressed to this partner (every partner sees every header, so chains have no holes).
 */
export async function feedFor(
  deps: ExchangeDeps,
  partnerId: string,
  after: number,
  limit = 200,
): Promise<Result<FeedPage, CordonError>> {
  const signer = signerOf(deps);
  if (!signer.ok) return signer;
  const messages = await deps.store.outgoing(after, limit + 1);
  return ok({
    authority: signer.value.authorityId,
    entries: messages.slice(0, limit).map((m) => ({
      sequence: m.header.sequence,
      jws: m.jws,
      ...(addressedTo(m.header, partnerId) && m.body !== undefined ? { body: m.body } : {}),
    })),
    more: messages.length > limit,
  });
}
