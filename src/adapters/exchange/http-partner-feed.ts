import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { Clock } from '../../application/ports/clock.ts';
import type { MessageSigner } from '../../application/ports/message-signer.ts';
import type { FeedPage, PartnerFeed } from '../../application/ports/partner-feed.ts';
import {
  feedTokenLifetimeSeconds,
  type FeedRequestClaims,
} from '../../domain/exchange/message-chain.ts';
import {
  addressProblem,
  partnerUrlProblem,
  type PartnerUrlPolicy,
} from '../../domain/exchange/partner-url.ts';
import { canonicalJson } from '../../domain/shared/canonical-json.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';

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

/** The largest feed page read (200 messages are far smaller); a bigger answer is cut off. */
const maxFeedBytes = 8 * 1024 * 1024;

/**
 * A DNS lookup that refuses, at connection time, every address the partner URL policy refuses:
 * the address checked is the address connected to, so a name that resolves to a private address
 * (or is rebound to one after registration) is never reached.
 */
function guardedLookup(policy: PartnerUrlPolicy): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) {
        callback(error, '', 4);
        return;
      }
      const list = Array.isArray(addresses) ? addresses : [];
      for (const entry of list) {
        const problem = addressProblem(entry.address, hostname, policy);
        if (problem !== undefined) {
          callback(Object.assign(new Error(problem), { code: 'CORDON_ADDRESS_REFUSED' }), '', 4);
          return;
        }
      }
      const first = list[0];
      if (first === undefined) {
        callback(new Error(`${hostname} has no address`), '', 4);
        return;
      }
      if ((options as { all?: boolean }).all === true) {
        (callback as unknown as (e: null, a: typeof list) => void)(null, list);
      } else {
        callback(null, first.address, first.family);
      }
    });
  };
}

/** One GET with the partner URL policy enforced: no redirects followed, the body capped. */
function get(
  url: URL,
  headers: Readonly<Record<string, string>>,
  policy: PartnerUrlPolicy,
  timeoutMs: number,
): Promise<Result<{ readonly status: number; readonly body: string }, string>> {
  return new Promise((resolve) => {
    const client = url.protocol === 'https:' ? https : http;
    const request = client.request(
      url,
      { method: 'GET', headers, lookup: guardedLookup(policy), timeout: timeoutMs },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxFeedBytes) {
            request.destroy();
            resolve(err(`the answer is larger than ${String(maxFeedBytes)} bytes`));
            return;
          }
          chunks.push(chunk);
        });
        response.on('end', () => {
          resolve(
            ok({
              status: response.statusCode ?? 0,
              body: Buffer.concat(chunks).toString('utf8'),
            }),
          );
        });
        response.on('error', (error) => {
          resolve(err(error.message));
        });
      },
    );
    request.on('timeout', () => {
      request.destroy(new Error(`no answer within ${String(timeoutMs)} ms`));
    });
    request.on('error', (error) => {
      resolve(err(error.message));
    });
    request.end();
  });
}

/**
 * Reads partners' feeds, authenticating with a fresh request token each time. Every call obeys
 * the partner URL policy (https; no loopback, private or special address unless allowed, checked
 * on each address the name resolves to), follows no redirect, and never repeats what the other
 * side answered in an error: only the status, so that a URL cannot be used to read a page of the
 * node's own network through `lastSyncError`.
 */
export function httpPartnerFeed(
  signer: MessageSigner,
  clock: Clock,
  policy: PartnerUrlPolicy,
  timeoutMs = 15_000,
): PartnerFeed {
  return {
    async fetch(partner, after) {
      const refused = partnerUrlProblem(partner.url, policy);
      if (refused !== undefined) return err(`the partner URL is refused: ${refused}`);
      const url = new URL(`${partner.url}/v1/exchange/feed?after=${String(after)}`);
      const where = `${url.origin}${url.pathname}`;
      const answered = await get(
        url,
        {
          authorization: `CordonNode ${await feedRequestToken(signer, partner.id, clock.now())}`,
          accept: 'application/json',
        },
        policy,
        timeoutMs,
      );
      if (!answered.ok) return err(`${where} cannot be reached: ${answered.error}`);
      const { status, body } = answered.value;
      if (status >= 300 && status < 400) {
        return err(`${where} answered ${String(status)} (a redirect): redirects are not followed`);
      }
      if (status !== 200) return err(`${where} answered ${String(status)}`);
      let page: FeedPage;
      try {
        page = JSON.parse(body) as FeedPage;
      } catch {
        return err(`${where} did not answer with JSON`);
      }
      if (typeof page.authority !== 'string' || !Array.isArray(page.entries)) {
        return err(`${where} did not answer with a feed page`);
      }
      return ok(page);
    },
  };
}
