import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../../../test/fakes/fixed-clock.ts';
import { refusableApplication, testCaseDeps } from '../../../../../test/fakes/case-deps.ts';
import { testSha256 } from '../../../../../test/fakes/in-memory-audit-log.ts';
import { inMemoryExchangeStore } from '../../../../../test/fakes/in-memory-exchange-store.ts';
import {
  as,
  namedAuthenticator,
  type NamedPerson,
} from '../../../../../test/support/named-people.ts';
import { buildTestApp } from '../../../../../test/support/test-app.ts';
import type { CaseDeps } from '../../../../application/cases/case-deps.ts';
import type { ExchangeDeps } from '../../../../application/exchange/exchange-deps.ts';
import {
  generateNodeKey,
  joseMessageSigner,
  joseSignatureVerifier,
} from '../../../exchange/jose-signatures.ts';
import { err } from '../../../../domain/shared/result.ts';
import type { App } from '../../build-app.ts';
import { exchangeRoutes } from './routes.ts';

// The exchange routes in process, on in-memory stores and real signatures: who may do what, what
// bad input gets, and the main flows (pin a partner, notify and revoke a denial, publish and
// withdraw an alert). What needs two running nodes talking HTTP stays in test/e2e/exchange.

const now = new Date('2026-11-29T10:00:00Z');
const clock = fixedClock(now.toISOString());

let app: App | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

interface Node {
  readonly app: App;
  readonly cases: CaseDeps;
  readonly exchange: ExchangeDeps;
}

/** GB's node: the cases and the exchange on one case store, as `cordon serve` wires them. */
async function gbNode(): Promise<Node> {
  const { deps: cases } = testCaseDeps();
  const signer = await joseMessageSigner('GB-ECJU', [await generateNodeKey(now)]);
  const partnerUrls = { allowLoopbackHttp: false, allowedPrivate: [] };
  const exchange: ExchangeDeps = {
    store: inMemoryExchangeStore(() => clock.now()),
    signer: { ok: true, value: signer },
    verifier: joseSignatureVerifier,
    feed: { fetch: () => Promise.resolve(err('no partner is fetched from in these tests')) },
    cases: cases.store,
    clock,
    sha256: testSha256,
    policy: { redactExporter: true, reviewYears: 3, partnerUrls },
  };
  app = await buildTestApp({ cases, exchange, auth: { authenticator: namedAuthenticator } });
  return { app, cases, exchange };
}

const post = (node: Node, url: string, who: NamedPerson, payload: Record<string, unknown>) =>
  node.app.inject({ method: 'POST', url, headers: as(who), payload });
const get = (node: Node, url: string, who?: NamedPerson) =>
  node.app.inject({ method: 'GET', url, ...(who === undefined ? {} : { headers: as(who) }) });

const criteria = [{ code: 'UK-SELC-2', reason: 'Clear risk of internal repression' }];

/** A case refused and countersigned through the cases routes: what a denial notifies. */
async function refusedCase(node: Node): Promise<string> {
  const draft = await post(node, '/v1/cases', 'erin', refusableApplication);
  expect(draft.statusCode, draft.body).toBe(201);
  const id = draft.json<{ id: string }>().id;
  const act = async (who: NamedPerson, action: Record<string, unknown>) => {
    const current = await node.cases.store.get(id);
    const done = await post(node, `/v1/cases/${id}/actions`, who, {
      ...action,
      expectedVersion: current?.licenceCase.version,
    });
    expect(done.statusCode, done.body).toBe(200);
  };
  const submitted = await post(node, `/v1/cases/${id}/submit`, 'erin', { expectedVersion: 1 });
  expect(submitted.statusCode, submitted.body).toBe(200);
  await act('adam', { kind: 'give-advice', desk: 'human-rights', outcome: 'refuse', criteria });
  await act('cara', { kind: 'recommend', outcome: 'refused', criteria, text: 'Refuse.' });
  await act('sam', { kind: 'decide', outcome: 'refused', criteria, text: 'Refused.' });
  await act('sue', { kind: 'countersign' });
  return id;
}

const alert = {
  subject: 'end-user',
  title: 'Procurement front for a security bureau',
  description: 'Buys interception equipment through resellers.',
  parties: [{ role: 'end-user', name: 'Example Trading FZE', country: 'AE' }],
  countries: ['AE'],
};

describe(`${exchangeRoutes.name}: who may do what`, () => {
  it('publishes our identity to anyone, so that partners can pin our key', async () => {
    const node = await gbNode();
    const identity = await get(node, '/v1/exchange/identity');
    expect(identity.statusCode, identity.body).toBe(200);
    const body = identity.json<{ authorityId: string; keys: { publicKey: string }[] }>();
    expect(body.authorityId).toBe('GB-ECJU');
    expect(body.keys).toHaveLength(1);
    expect(body.keys[0]?.publicKey).toMatch(/^[\w-]{43}$/);
  });

  it('serves the feed only to a partner node that proves its pinned key', async () => {
    const node = await gbNode();
    const anonymous = await get(node, '/v1/exchange/feed');
    expect(anonymous.statusCode, anonymous.body).toBe(401);
    const asPerson = await get(node, '/v1/exchange/feed', 'ada');
    expect(asPerson.statusCode, asPerson.body).toBe(401);
    const forged = await node.app.inject({
      url: '/v1/exchange/feed',
      headers: { authorization: 'CordonNode not.a.jws' },
    });
    expect(forged.statusCode, forged.body).toBe(401);
  });

  it('asks for a person on every other route, and keeps exporters out of all of them', async () => {
    const node = await gbNode();
    for (const url of [
      '/v1/exchange/partners',
      '/v1/exchange/denials',
      '/v1/exchange/consultations',
      '/v1/exchange/alerts',
      '/v1/exchange/rejected',
    ]) {
      expect((await get(node, url)).statusCode, url).toBe(401);
      expect((await get(node, url, 'erin')).statusCode, url).toBe(403);
      expect((await get(node, url, 'cara')).statusCode, url).toBe(200);
    }
    expect((await get(node, '/v1/exchange/audit-witnesses', 'cara')).statusCode).toBe(403);
    expect((await get(node, '/v1/exchange/audit-witnesses', 'aud')).statusCode).toBe(200);
  });

  it('lets only administrators pin partners, only senior officers notify denials, and officers publish alerts', async () => {
    const node = await gbNode();
    const partner = {
      id: 'NO-DSA',
      url: 'https://exchange.example.no',
      publicKey: 'A'.repeat(43),
    };
    for (const who of ['cara', 'sam', 'aud', 'erin'] as const) {
      expect((await post(node, '/v1/exchange/partners', who, partner)).statusCode, who).toBe(403);
    }
    for (const who of ['cara', 'ada', 'aud', 'erin'] as const) {
      const denial = await post(node, '/v1/exchange/denials', who, {
        caseId: 'x',
        confirm: true,
      });
      expect(denial.statusCode, who).toBe(403);
    }
    for (const who of ['ada', 'aud', 'erin'] as const) {
      expect((await post(node, '/v1/exchange/alerts', who, alert)).statusCode, who).toBe(403);
    }
    expect(await node.exchange.store.partners()).toEqual([]);
    expect(await node.exchange.store.alerts()).toEqual([]);
  });
});

describe(`${exchangeRoutes.name}: bad input`, () => {
  it('names the field of a partner, a denial or an alert that does not fit its schema', async () => {
    const node = await gbNode();
    const partner = await post(node, '/v1/exchange/partners', 'ada', {
      id: 'NO-DSA',
      publicKey: 'A'.repeat(43),
    });
    expect(partner.statusCode, partner.body).toBe(400);
    expect(partner.body).toContain('url');
    const unconfirmed = await post(node, '/v1/exchange/denials', 'sam', { caseId: 'c1' });
    expect(unconfirmed.statusCode, unconfirmed.body).toBe(400);
    expect(unconfirmed.body).toContain('confirm');
    const badCountry = await post(node, '/v1/exchange/alerts', 'cara', {
      ...alert,
      countries: ['Egypt'],
    });
    expect(badCountry.statusCode, badCountry.body).toBe(400);
    expect(badCountry.body).toContain('countries');
  });

  it('refuses a partner url that is not https, and a public key that is not an Ed25519 key', async () => {
    const node = await gbNode();
    const plainHttp = await post(node, '/v1/exchange/partners', 'ada', {
      id: 'NO-DSA',
      url: 'http://exchange.example.no',
      publicKey: 'A'.repeat(43),
    });
    expect(plainHttp.statusCode, plainHttp.body).toBe(400);
    const badKey = await post(node, '/v1/exchange/partners', 'ada', {
      id: 'NO-DSA',
      url: 'https://exchange.example.no',
      publicKey: 'not a key',
    });
    expect(badKey.statusCode, badKey.body).toBe(400);
    expect(await node.exchange.store.partners()).toEqual([]);
  });

  it('answers 404 for a case, a denial, a consultation or an alert that does not exist', async () => {
    const node = await gbNode();
    const cases = await post(node, '/v1/exchange/denials', 'sam', {
      caseId: 'no-such-case',
      confirm: true,
    });
    expect(cases.statusCode, cases.body).toBe(404);
    const revocation = await post(node, '/v1/exchange/denials/GB-0/revocation', 'sam', {
      reason: 'r',
    });
    expect(revocation.statusCode, revocation.body).toBe(404);
    const consultation = await post(node, '/v1/exchange/consultations/x/request', 'cara', {
      text: 'Is this the same transaction?',
    });
    expect(consultation.statusCode, consultation.body).toBe(404);
    const withdrawal = await post(node, '/v1/exchange/alerts/x/withdrawal', 'cara', {
      reason: 'r',
    });
    expect(withdrawal.statusCode, withdrawal.body).toBe(404);
  });
});

describe(`${exchangeRoutes.name}: the main flows`, () => {
  it('pins a partner key from an administrator and lists it, once', async () => {
    const node = await gbNode();
    const key = await generateNodeKey(now);
    const partner = {
      id: 'NO-DSA',
      url: 'https://exchange.example.no',
      publicKey: String(key.publicJwk.x),
    };
    const added = await post(node, '/v1/exchange/partners', 'ada', partner);
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({
      id: 'NO-DSA',
      url: 'https://exchange.example.no',
      keys: [{ publicKey: partner.publicKey }],
      lastSequence: 0,
    });
    const listed = await get(node, '/v1/exchange/partners', 'aud');
    expect(listed.json<{ partners: { id: string }[] }>().partners.map((p) => p.id)).toEqual([
      'NO-DSA',
    ]);
  });

  it('notifies a countersigned refusal without the exporter, once, and revokes it', async () => {
    const node = await gbNode();
    const caseId = await refusedCase(node);
    const notified = await post(node, '/v1/exchange/denials', 'sam', { caseId, confirm: true });
    expect(notified.statusCode, notified.body).toBe(201);
    const denial = notified.json<{ reference: string; sequence: number }>();
    expect(denial.sequence).toBe(1);
    expect(notified.body).not.toContain(refusableApplication.exporter.name);
    const again = await post(node, '/v1/exchange/denials', 'sam', { caseId, confirm: true });
    expect(again.statusCode, again.body).toBe(409);

    const revoked = await post(
      node,
      `/v1/exchange/denials/${encodeURIComponent(denial.reference)}/revocation`,
      'sue',
      { reason: 'The end user was misidentified.' },
    );
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json()).toMatchObject({ reference: denial.reference, sequence: 2 });
    const active = await get(node, '/v1/exchange/denials?status=active', 'cara');
    expect(active.json<{ denials: unknown[] }>().denials).toEqual([]);
    const gone = await get(node, '/v1/exchange/denials?status=revoked', 'cara');
    expect(gone.json<{ denials: { reference: string }[] }>().denials).toMatchObject([
      { reference: denial.reference },
    ]);
  });

  it('refuses to notify a case that is not a countersigned refusal', async () => {
    const node = await gbNode();
    const draft = await post(node, '/v1/cases', 'erin', refusableApplication);
    const notified = await post(node, '/v1/exchange/denials', 'sam', {
      caseId: draft.json<{ id: string }>().id,
      confirm: true,
    });
    expect(notified.statusCode, notified.body).toBe(409);
    expect(notified.json()).toMatchObject({
      error: { code: 'CORDON_CASE_TRANSITION_NOT_ALLOWED' },
    });
  });

  it('publishes a threat alert from a caseworker, lists it and withdraws it, once', async () => {
    const node = await gbNode();
    const published = await post(node, '/v1/exchange/alerts', 'cara', alert);
    expect(published.statusCode, published.body).toBe(201);
    expect(published.json()).toMatchObject({ sender: 'GB-ECJU', status: 'active' });
    const id = published.json<{ alert: { alertId: string } }>().alert.alertId;
    const listed = await get(node, '/v1/exchange/alerts', 'aud');
    expect(listed.json<{ alerts: unknown[] }>().alerts).toMatchObject([
      { alert: { alertId: id, title: alert.title }, status: 'active' },
    ]);
    const withdrawn = await post(
      node,
      `/v1/exchange/alerts/${encodeURIComponent(id)}/withdrawal`,
      'sam',
      { reason: 'The front company was dissolved.' },
    );
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json()).toMatchObject({
      status: 'withdrawn',
      withdrawal: { reason: 'The front company was dissolved.' },
    });
    const again = await post(
      node,
      `/v1/exchange/alerts/${encodeURIComponent(id)}/withdrawal`,
      'sam',
      { reason: 'Twice.' },
    );
    expect(again.statusCode, again.body).toBe(409);
  });
});
