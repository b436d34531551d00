import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../../../test/fakes/fixed-clock.ts';
import { inMemoryAuditLog, testSha256 } from '../../../../../test/fakes/in-memory-audit-log.ts';
import { inMemoryCaseStore } from '../../../../../test/fakes/in-memory-case-store.ts';
import { inMemoryExchangeStore } from '../../../../../test/fakes/in-memory-exchange-store.ts';
import { asRole, buildTestApp } from '../../../../../test/support/test-app.ts';
import type { ExchangeDeps } from '../../../../application/exchange/exchange-deps.ts';
import { headerHash } from '../../../../application/exchange/publish-message.ts';
import type { FeedEntry } from '../../../../application/ports/partner-feed.ts';
import type {
  DenialNotificationBody,
  MessageHeader,
} from '../../../../domain/exchange/exchange-message.ts';
import { canonicalJson } from '../../../../domain/shared/canonical-json.ts';
import {
  generateNodeKey,
  joseMessageSigner,
  joseSignatureVerifier,
  type NodeKey,
} from '../../../exchange/jose-signatures.ts';
import { httpPartnerFeed } from '../../../exchange/http-partner-feed.ts';
import type { App } from '../../build-app.ts';

// Issue 18, findings 5 (key validity judged by the sender's issuedAt) and 6 (partner URLs allow
// server-side request forgery), reproduced against a fake partner node on loopback.

const now = new Date('2026-11-22T10:00:00Z');
const clock = fixedClock(now.toISOString());
const admin = asRole('administrator');

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

/** A tiny HTTP server answering every request with `handler`; its base URL. */
async function fakeServer(
  handler: (request: http.IncomingMessage, response: http.ServerResponse) => void,
): Promise<{ readonly url: string; readonly hits: string[] }> {
  const hits: string[] = [];
  const server = http.createServer((request, response) => {
    hits.push(request.url ?? '');
    handler(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(
    () =>
      new Promise((resolve) => {
        server.close(() => {
          resolve();
        });
      }),
  );
  return { url: `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`, hits };
}

/** GB's node: real signatures, in-memory stores, http to loopback allowed (a test setting). */
async function gbNode(loopbackHttp = true): Promise<{ app: App; deps: ExchangeDeps }> {
  const signer = await joseMessageSigner('GB-ECJU', [await generateNodeKey(now)]);
  const partnerUrls = { allowLoopbackHttp: loopbackHttp, allowedPrivate: [] };
  const deps: ExchangeDeps = {
    store: inMemoryExchangeStore(() => clock.now()),
    signer: { ok: true, value: signer },
    verifier: joseSignatureVerifier,
    feed: httpPartnerFeed(signer, clock, partnerUrls, 5_000),
    cases: inMemoryCaseStore(inMemoryAuditLog(clock)),
    clock,
    sha256: testSha256,
    policy: { redactExporter: true, reviewYears: 3, partnerUrls },
  };
  const app = await buildTestApp({ exchange: deps });
  closers.push(() => app.close());
  return { app, deps };
}

const denial = (reference: string): DenialNotificationBody => ({
  reference,
  deniedOn: '2026-10-01',
  controlEntries: ['5A001.j'],
  itemDescription: 'IP network surveillance system',
  destination: 'EG',
  endUse: 'Lawful interception',
  parties: [{ role: 'end-user', name: 'Example Bureau', country: 'EG' }],
  criteria: [{ code: 'US-ECRA-4813', reason: 'human rights' }],
  reviewBy: '2029-10-01',
});

/** US-BIS's chain, signed message by message with the key and `issuedAt` a test chooses. */
function usChain() {
  let previous: string | null = null;
  let sequence = 0;
  return async (key: NodeKey, issuedAt: string, reference: string): Promise<FeedEntry> => {
    sequence += 1;
    const body = denial(reference);
    const header: MessageHeader = {
      v: 1,
      sender: 'US-BIS',
      sequence,
      previousHash: previous,
      issuedAt,
      kind: 'denial-notification',
      recipients: 'all',
      bodyHash: testSha256(canonicalJson(body)),
    };
    previous = headerHash(testSha256, header);
    const signer = await joseMessageSigner('US-BIS', [key]);
    return { sequence, jws: await signer.sign(canonicalJson(header)), body };
  };
}

const serveFeed = (entries: readonly FeedEntry[]) =>
  fakeServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ authority: 'US-BIS', entries, more: false }));
  });

async function pin(app: App, url: string, key: NodeKey, validUntil?: string) {
  const added = await app.inject({
    method: 'POST',
    url: '/v1/exchange/partners',
    headers: admin,
    payload: {
      id: 'US-BIS',
      url,
      publicKey: String(key.publicJwk.x),
      ...(validUntil === undefined ? {} : { validUntil }),
    },
  });
  expect(added.statusCode, added.body).toBe(201);
}

async function syncAndRejections(app: App) {
  const synced = await app.inject({ method: 'POST', url: '/v1/exchange/sync', headers: admin });
  expect(synced.statusCode, synced.body).toBe(200);
  const rejected = await app.inject({
    method: 'GET',
    url: '/v1/exchange/rejected',
    headers: asRole('auditor'),
  });
  const denials = await app.inject({
    method: 'GET',
    url: '/v1/exchange/denials',
    headers: asRole('auditor'),
  });
  return {
    reasons: rejected.json<{ rejected: { reason: string }[] }>().rejected.map((r) => r.reason),
    denials: denials.json<{ denials: { reference: string }[] }>().denials.map((d) => d.reference),
  };
}

describe('exchange key validity, judged by the receiving node (finding 5)', () => {
  it('refuses a message signed with a retired key and backdated into its validity', async () => {
    const { app } = await gbNode();
    const retired = await generateNodeKey(new Date('2026-01-01T00:00:00Z'));
    const sign = usChain();
    const feed = await serveFeed([await sign(retired, '2026-10-15T09:00:00.000Z', 'US-OLD')]);
    await pin(app, feed.url, retired, '2026-11-01T00:00:00.000Z');
    const { reasons, denials } = await syncAndRejections(app);
    expect(reasons).toEqual(['expired-key']);
    expect(denials).toEqual([]);
  });

  it('refuses a message issued in 2099', async () => {
    const { app } = await gbNode();
    const key = await generateNodeKey(now);
    const sign = usChain();
    const feed = await serveFeed([await sign(key, '2099-01-01T00:00:00.000Z', 'US-FUTURE')]);
    await pin(app, feed.url, key);
    const { reasons, denials } = await syncAndRejections(app);
    expect(reasons).toEqual(['issued-in-future']);
    expect(denials).toEqual([]);
  });

  it('refuses a message dated before its predecessor in the chain', async () => {
    const { app } = await gbNode();
    const key = await generateNodeKey(now);
    const sign = usChain();
    const feed = await serveFeed([
      await sign(key, '2026-11-20T09:00:00.000Z', 'US-1'),
      await sign(key, '2026-11-10T09:00:00.000Z', 'US-2'),
    ]);
    await pin(app, feed.url, key);
    const { reasons, denials } = await syncAndRejections(app);
    expect(reasons).toEqual(['time-reversed']);
    expect(denials).toEqual(['US-1']);
  });
});

describe('partner URLs that cannot be used for server-side request forgery (finding 6)', () => {
  it('refuses other schemes, loopback, private and metadata addresses, and plain http', async () => {
    const { app } = await gbNode(false);
    const key = await generateNodeKey(now);
    for (const url of [
      'file:///etc/passwd',
      'gopher://cordon.bis.example',
      'http://cordon.bis.example',
      'https://169.254.169.254/latest/meta-data',
      'https://127.0.0.1:5432',
      'https://10.0.0.8',
      'https://[::1]',
      'https://user:secret@cordon.bis.example',
    ]) {
      const added = await app.inject({
        method: 'POST',
        url: '/v1/exchange/partners',
        headers: admin,
        payload: { id: 'US-BIS', url, publicKey: String(key.publicJwk.x) },
      });
      expect(added.statusCode, url).toBe(400);
      expect(added.json(), url).toMatchObject({ error: { fields: [{ field: 'url' }] } });
    }
    const listed = await app.inject({
      method: 'GET',
      url: '/v1/exchange/partners',
      headers: admin,
    });
    expect(listed.json()).toEqual({ partners: [] });
  });

  it('never echoes what a partner answered in an error, and follows no redirect', async () => {
    const { app } = await gbNode();
    const key = await generateNodeKey(now);
    const internal = await fakeServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.end('INTERNAL-ADMIN-PAGE');
    });
    const failing = await fakeServer((_request, response) => {
      response.writeHead(500, { 'content-type': 'text/plain' });
      response.end('SECRET-ERROR-PAGE with database password hunter2');
    });
    await pin(app, failing.url, key);
    await app.inject({ method: 'POST', url: '/v1/exchange/sync', headers: admin });
    const afterError = await app.inject({
      method: 'GET',
      url: '/v1/exchange/partners',
      headers: asRole('caseworker'),
    });
    expect(afterError.body).toContain('answered 500');
    expect(afterError.body).not.toContain('SECRET-ERROR-PAGE');
    expect(afterError.body).not.toContain('hunter2');

    const redirecting = await fakeServer((_request, response) => {
      response.writeHead(302, { location: `${internal.url}/admin` });
      response.end();
    });
    await pin(app, redirecting.url, key);
    await app.inject({ method: 'POST', url: '/v1/exchange/sync', headers: admin });
    const afterRedirect = await app.inject({
      method: 'GET',
      url: '/v1/exchange/partners',
      headers: asRole('auditor'),
    });
    expect(afterRedirect.body).toContain('redirects are not followed');
    expect(afterRedirect.body).not.toContain('INTERNAL-ADMIN-PAGE');
    expect(internal.hits).toEqual([]);
  });
});

describe("the exchange is the authority's own business", () => {
  it("keeps a partner authority's users registered on this node out of it", async () => {
    const { deps } = await gbNode();
    const app = await buildTestApp({
      exchange: deps,
      auth: {
        authenticator: {
          bearer: () =>
            Promise.resolve({
              ok: true as const,
              value: {
                userId: 'u-pete',
                username: 'pete',
                organisationId: 'org-partner',
                organisationKind: 'partner-authority' as const,
                roles: ['caseworker' as const, 'senior-officer' as const],
                via: 'token:test',
              },
            }),
          session: () => Promise.resolve(undefined),
        },
      },
    });
    closers.push(() => app.close());
    for (const url of [
      '/v1/exchange/denials',
      '/v1/exchange/consultations',
      '/v1/exchange/partners',
    ]) {
      const response = await app.inject({ url, headers: { authorization: 'Bearer pete' } });
      expect(response.statusCode, url).toBe(403);
    }
    const sync = await app.inject({
      method: 'POST',
      url: '/v1/exchange/sync',
      headers: { authorization: 'Bearer pete' },
    });
    expect(sync.statusCode).toBe(403);
    const identity = await app.inject({ url: '/v1/exchange/identity' });
    expect(identity.statusCode).toBe(200);
  });
});
