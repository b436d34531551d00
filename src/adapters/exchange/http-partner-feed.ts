import type { Clock } from '../../application/ports/clock.ts';
import type { MessageSigner } from '../../application/ports/message-signer.ts';
import type { FeedPage, PartnerFeed } from '../../application/ports/partner-feed.ts';
import {
  feedTokenLifetimeSeconds,
  type FeedRequestClaims,
} from '../../domain/exchange/message-chain.ts';
import { canonicalJson } from '../../domain/shared/canonical-json.ts';
import { err, ok } from '../../domain/shared/result.ts';

/** The request token a node sends to read a partner's feed: a JWS over short-lived claims. */
export async function feedRequestToken(
  signer: MessageSigner,
  audience: string,
  now: Date,
): Promise<string> {
  const iat = Math.floor(now.getTime() / 1000);
  const claims: FeedRequestClaims = {
    iss: signer.authorityId,
    aud: audience,
    iat,
    exp: iat + feedTokenLifetimeSeconds,
    scope: 'exchange-feed',
  };
  return signer.sign(canonicalJson(claims));
}

/** Reads partners' feeds with `fetch`, authenticating with a fresh request token each time. */
export function httpPartnerFeed(
  signer: MessageSigner,
  clock: Clock,
  timeoutMs = 15_000,
): PartnerFeed {
  return {
    async fetch(partner, after) {
      const url = `${partner.url}/v1/exchange/feed?after=${String(after)}`;
      try {
        const response = await fetch(url, {
          headers: {
            authorization: `CordonNode ${await feedRequestToken(signer, partner.id, clock.now())}`,
            accept: 'application/json',
          },
          signal: AbortSignal.timeout(timeoutMs),
        });
        if (!response.ok) {
          const text = await response.text();
          return err(`${url} answered ${String(response.status)}: ${text.slice(0, 300)}`);
        }
        const page = (await response.json()) as FeedPage;
        if (typeof page.authority !== 'string' || !Array.isArray(page.entries)) {
          return err(`${url} did not answer with a feed page`);
        }
        return ok(page);
      } catch (error) {
        return err(`${url} cannot be reached: ${(error as Error).message}`);
      }
    },
  };
}
