import { describe, expect, it } from 'vitest';
import {
  generateNodeKey,
  joseMessageSigner,
  joseSignatureVerifier,
} from '../../adapters/exchange/jose-signatures.ts';
import type { DenialNotificationBody } from '../../domain/exchange/exchange-message.ts';
import { err } from '../../domain/shared/result.ts';
import { fixedClock } from '../../../test/fakes/fixed-clock.ts';
import { inMemoryAuditLog, testSha256 } from '../../../test/fakes/in-memory-audit-log.ts';
import { inMemoryCaseStore } from '../../../test/fakes/in-memory-case-store.ts';
import { inMemoryExchangeStore } from '../../../test/fakes/in-memory-exchange-store.ts';
import type { FeedEntry } from '../ports/partner-feed.ts';
import type { ExchangeDeps } from './exchange-deps.ts';
import { addPartner } from './manage-partners.ts';
import { amendOwnDenial } from './notify-denial.ts';
import { partnerAlertParties } from './partner-alert-parties.ts';
import { publishMessage } from './publish-message.ts';
import { receiveEntries } from './receive-messages.ts';
import { authenticatePartner, feedFor } from './serve-feed.ts';
import { publishAlert, withdrawAlert } from './threat-alerts.ts';
import { feedRequestToken } from '../../adapters/exchange/http-partner-feed.ts';

const denial = (reference: string): DenialNotificationBody => ({
  reference,
  deniedOn: '2026-11-20',
  controlEntries: ['5A001.j'],
  itemDescription: 'IP network surveillance system',
  destination: 'EG',
  endUse: 'Lawful interception',
  parties: [
    { role: 'end-user', name: 'National Telecommunications Regulatory Authority', country: 'EG' },
  ],
  criteria: [{ code: 'US-ECRA-4813', reason: 'human rights' }],
  reviewBy: '2029-11-20',
});

const clock = fixedClock('2026-11-22T10:00:00Z');

async function node(authorityId: string) {
  const keys = [await generateNodeKey(clock.now())];
  const store = inMemoryExchangeStore(() => clock.now());
  const signer = await joseMessageSigner(authorityId, keys);
  const deps: ExchangeDeps = {
    store,
    signer: { ok: true, value: signer },
    verifier: joseSignatureVerifier,
    feed: { fetch: () => Promise.resolve(err('offline')) },
    cases: inMemoryCaseStore(inMemoryAuditLog(clock)),
    clock,
    sha256: testSha256,
    policy: {
      redactExporter: true,
      reviewYears: 3,
      partnerUrls: { allowLoopbackHttp: true, allowedPrivate: [] },
    },
  };
  return { deps, store, signer, keys };
}

async function pair() {
  const us = await node('US-BIS');
  const gb = await node('GB-ECJU');
  const key = us.keys[0]?.publicJwk.x ?? '';
  const added = await addPartner(gb.deps, 'test', {
    id: 'US-BIS',
    url: 'http://127.0.0.1:1',
    publicKey: key,
  });
  if (!added.ok) throw new Error(added.error.message);
  const back = await addPartner(us.deps, 'test', {
    id: 'GB-ECJU',
    url: 'http://127.0.0.1:2',
    publicKey: gb.keys[0]?.publicJwk.x ?? '',
  });
  if (!back.ok) throw new Error(back.error.message);
  const publish = async (reference: string, recipients: 'all' | string[] = 'all') => {
    const sent = await publishMessage(
      us.deps,
      'denial-notification',
      denial(reference),
      recipients,
      { actor: 'test', action: 'test' },
    );
    if (!sent.ok) throw new Error(sent.error.message);
    return sent.value;
  };
  const entries = async (after = 0): Promise<FeedEntry[]> => {
    const page = await feedFor(us.deps, 'GB-ECJU', after);
    if (!page.ok) throw new Error(page.error.message);
    return [...page.value.entries];
  };
  const receive = async (list: readonly FeedEntry[]) => {
    const partner = await gb.store.partner('US-BIS');
    if (partner === undefined) throw new Error('no partner');
    return receiveEntries(gb.deps, partner, list, 'GB-ECJU');
  };
  return { us, gb, publish, entries, receive };
}

describe(receiveEntries.name, () => {
  it('accepts a signed chain and applies its denials', async () => {
    const { gb, publish, entries, receive } = await pair();
    await publish('US-1');
    await publish('US-2');
    const summary = await receive(await entries());
    expect(summary).toMatchObject({ accepted: 2, rejected: [] });
    expect((await gb.store.denials({ status: 'active' })).map((d) => d.reference)).toEqual([
      'US-1',
      'US-2',
    ]);
  });

  it('rejects a message whose body was tampered with, and applies nothing after it', async () => {
    const { gb, publish, entries, receive } = await pair();
    await publish('US-1');
    await publish('US-2');
    const [first, second] = await entries();
    if (!first || !second) throw new Error('two entries expected');
    const tampered = { ...first, body: { ...denial('US-1'), destination: 'FR' } };
    const summary = await receive([tampered, second]);
    expect(summary.accepted).toBe(0);
    expect(summary.rejected).toEqual([
      expect.objectContaining({ sequence: 1, reason: 'body-mismatch' }),
    ]);
    expect(await gb.store.denials({})).toEqual([]);
    expect((await gb.store.rejected(10))[0]?.reason).toBe('body-mismatch');
  });

  it('rejects a header whose signature was altered', async () => {
    const { publish, entries, receive } = await pair();
    await publish('US-1');
    const [first] = await entries();
    if (!first) throw new Error('entry expected');
    const [h, p, s] = first.jws.split('.');
    const payload = JSON.parse(Buffer.from(p ?? '', 'base64url').toString()) as Record<
      string,
      unknown
    >;
    const forged = `${h ?? ''}.${Buffer.from(JSON.stringify({ ...payload, recipients: ['GB-ECJU'] })).toString('base64url')}.${s ?? ''}`;
    const summary = await receive([{ ...first, jws: forged }]);
    expect(summary.rejected[0]?.reason).toBe('bad-signature');
  });

  it('rejects a replayed sequence number', async () => {
    const { publish, entries, receive } = await pair();
    await publish('US-1');
    const list = await entries();
    await receive(list);
    const again = await receive(list);
    expect(again).toMatchObject({ accepted: 0, rejected: [{ sequence: 1, reason: 'replayed' }] });
  });

  it('rejects a gap in the chain', async () => {
    const { publish, entries, receive } = await pair();
    await publish('US-1');
    await publish('US-2');
    const [, second] = await entries();
    if (!second) throw new Error('entry expected');
    const summary = await receive([second]);
    expect(summary.rejected[0]).toMatchObject({ sequence: 2, reason: 'chain-gap' });
  });

  it('rejects a fork: a second message 1 from the same sender', async () => {
    const { us, publish, entries, receive } = await pair();
    await publish('US-1');
    await receive(await entries());
    // The sender (or a thief of its key) tells another story from the start of its chain.
    const other = inMemoryExchangeStore();
    const forked = await publishMessage(
      { ...us.deps, store: other },
      'denial-notification',
      denial('US-X'),
      'all',
      { actor: 't', action: 't' },
    );
    await publishMessage(
      { ...us.deps, store: other },
      'denial-notification',
      denial('US-Y'),
      'all',
      { actor: 't', action: 't' },
    );
    if (!forked.ok) throw new Error('forked');
    const [, fork2] = await other.outgoing(0, 10);
    if (!fork2) throw new Error('entry expected');
    const summary = await receive([{ sequence: 2, jws: fork2.jws, body: fork2.body }]);
    expect(summary.rejected[0]).toMatchObject({ sequence: 2, reason: 'chain-fork' });
  });

  it('rejects a message signed by a key that is not pinned', async () => {
    const { us, gb, receive } = await pair();
    const impostor = await node('US-BIS');
    const sent = await publishMessage(impostor.deps, 'denial-notification', denial('US-9'), 'all', {
      actor: 't',
      action: 't',
    });
    if (!sent.ok) throw new Error('sent');
    const summary = await receive([{ sequence: 1, jws: sent.value.jws, body: sent.value.body }]);
    expect(summary.rejected[0]).toMatchObject({ reason: 'unknown-key' });
    expect(await gb.store.denials({})).toEqual([]);
    expect(us.signer.authorityId).toBe('US-BIS');
  });

  it('rejects a message signed after its key expired (the end of a rotation overlap)', async () => {
    const { us, gb, publish, entries, receive } = await pair();
    const key = us.keys[0];
    if (!key) throw new Error('key');
    await addPartner(gb.deps, 'test', {
      id: 'US-BIS',
      url: 'http://127.0.0.1:1',
      publicKey: String(key.publicJwk.x),
      validUntil: new Date('2026-11-21T00:00:00Z'),
    });
    await publish('US-1');
    const summary = await receive(await entries());
    expect(summary.rejected[0]).toMatchObject({ reason: 'expired-key' });
  });

  it('keeps the chain whole across messages addressed to others, without their bodies', async () => {
    const { gb, publish, entries, receive } = await pair();
    await publish('US-1', ['NO-DEXU']);
    await publish('US-2', ['GB-ECJU']);
    const list = await entries();
    expect(list[0]?.body).toBeUndefined();
    const summary = await receive(list);
    expect(summary).toMatchObject({ accepted: 1, withheld: 1, rejected: [] });
    expect((await gb.store.denials({})).map((d) => d.reference)).toEqual(['US-2']);
  });
});

describe(authenticatePartner.name, () => {
  it('admits a registered partner with a fresh token signed by its pinned key, and no one else', async () => {
    const { us, gb } = await pair();
    const token = await feedRequestToken(gb.signer, 'US-BIS', clock.now());
    expect((await authenticatePartner(us.deps, token)).ok).toBe(true);
    const stranger = await node('NO-DEXU');
    const strangerToken = await feedRequestToken(stranger.signer, 'US-BIS', clock.now());
    expect(await authenticatePartner(us.deps, strangerToken)).toMatchObject({
      ok: false,
      error: { code: 'CORDON_UNAUTHENTICATED' },
    });
    const forOther = await feedRequestToken(gb.signer, 'NO-DEXU', clock.now());
    expect((await authenticatePartner(us.deps, forOther)).ok).toBe(false);
    const old = await feedRequestToken(
      gb.signer,
      'US-BIS',
      new Date(clock.now().getTime() - 3_600_000),
    );
    expect((await authenticatePartner(us.deps, old)).ok).toBe(false);
  });
});

describe(amendOwnDenial.name, () => {
  const ours = (reference: string, recipients: 'all' | string[]) => ({
    sender: 'US-BIS',
    reference,
    denial: denial(reference),
    status: 'active' as const,
    recipients,
    updatedAt: clock.now(),
  });
  const corrected = [
    {
      role: 'end-user',
      name: 'National Telecom Regulatory Authority of Egypt',
      aliases: ['NTRA'],
      address: 'Smart Village, Giza',
      country: 'EG',
    },
  ];

  it('sends the corrected denial to the partners it was notified to, who replace their copy', async () => {
    const { us, gb, entries, receive } = await pair();
    await us.store.saveDenial(ours('US-1', ['GB-ECJU']));
    await publishMessage(us.deps, 'denial-notification', denial('US-1'), ['GB-ECJU'], {
      actor: 't',
      action: 't',
    });
    const amended = await amendOwnDenial(us.deps, 'so1', {
      reference: 'US-1',
      reason: 'The end user was misnamed.',
      changes: { parties: corrected },
    });
    if (!amended.ok) throw new Error(amended.error.message);
    expect(amended.value.changed).toEqual(['parties']);
    expect(amended.value.message.header).toMatchObject({
      kind: 'denial-amendment',
      recipients: ['GB-ECJU'],
    });
    expect((await us.store.denial('US-BIS', 'US-1'))?.denial.parties).toEqual(corrected);

    expect(await receive(await entries())).toMatchObject({ accepted: 2, rejected: [] });
    const held = await gb.store.denial('US-BIS', 'US-1');
    expect(held).toMatchObject({ status: 'active', denial: { reference: 'US-1' } });
    expect(held?.denial.parties).toEqual(corrected);
  });

  it('refuses to amend a denial that is revoked, unknown, or left unchanged', async () => {
    const { us } = await pair();
    await us.store.saveDenial({ ...ours('US-1', 'all'), status: 'revoked' });
    await us.store.saveDenial(ours('US-2', 'all'));
    const amend = (reference: string, changes: { destination?: string }) =>
      amendOwnDenial(us.deps, 'so1', { reference, reason: 'correction', changes });
    expect(await amend('US-1', { destination: 'SA' })).toMatchObject({
      ok: false,
      error: { code: 'CORDON_CASE_TRANSITION_NOT_ALLOWED' },
    });
    expect(await amend('US-9', { destination: 'SA' })).toMatchObject({
      ok: false,
      error: { code: 'CORDON_NOT_FOUND' },
    });
    expect(await amend('US-2', { destination: 'EG' })).toMatchObject({
      ok: false,
      error: { code: 'CORDON_VALIDATION_FAILED' },
    });
    expect(await us.store.outgoing(0, 10)).toEqual([]);
  });

  it('does not revive a revoked denial when a late amendment of it arrives', async () => {
    const { us, gb, publish, entries, receive } = await pair();
    await publish('US-1');
    const send = async <K extends 'denial-revocation' | 'denial-amendment'>(
      kind: K,
      body: K extends 'denial-revocation'
        ? { reference: string; reason: string }
        : { reference: string; reason: string; denial: DenialNotificationBody },
    ) => {
      const sent = await publishMessage(us.deps, kind, body as never, 'all', {
        actor: 't',
        action: 't',
      });
      if (!sent.ok) throw new Error(sent.error.message);
    };
    await send('denial-revocation', { reference: 'US-1', reason: 'reviewed' });
    await send('denial-amendment', {
      reference: 'US-1',
      reason: 'late correction',
      denial: { ...denial('US-1'), parties: corrected },
    });
    expect(await receive(await entries())).toMatchObject({ accepted: 3, rejected: [] });
    expect(await gb.store.denial('US-BIS', 'US-1')).toMatchObject({ status: 'revoked' });
    expect(await gb.store.denials({ status: 'active' })).toEqual([]);
  });
});

describe('threat alerts between partners', () => {
  it("keeps a partner's alert with the verified message it came in, until its sender withdraws it", async () => {
    const { us, gb, entries, receive } = await pair();
    let changes = 0;
    const gbDeps = { ...gb.deps, onAlertsChanged: () => (changes += 1) };
    const published = await publishAlert(us.deps, 'cw', {
      subject: 'end-user',
      title: 'Surveillance end user',
      description: 'Buys interception kit through front companies.',
      parties: [{ role: 'end-user', name: 'Tianshan Netguard Bureau', country: 'CN' }],
      countries: ['CN'],
      recipients: 'all',
    });
    if (!published.ok) throw new Error(published.error.message);
    const alertId = published.value.alert.alertId;
    const partner = await gb.store.partner('US-BIS');
    if (!partner) throw new Error('partner');
    await receiveEntries(gbDeps, partner, await entries(), 'GB-ECJU');

    const received = await gb.store.alert('US-BIS', alertId);
    expect(received).toMatchObject({
      status: 'active',
      message: {
        id: 'US-BIS/1',
        sequence: 1,
        keyId: us.keys[0]?.kid,
        issuedAt: clock.now().toISOString(),
      },
    });
    expect(changes).toBe(1);
    const screening = partnerAlertParties(gb.store);
    const before = await screening.version();
    expect((await screening.parties()).map((p) => p.party.source)).toEqual([
      'partner-threat-alert:US-BIS',
    ]);

    const withdrawn = await withdrawAlert(us.deps, 'cw', { alertId, reason: 'Resolved.' });
    expect(withdrawn).toMatchObject({ ok: true, value: { status: 'withdrawn' } });
    expect(await withdrawAlert(us.deps, 'cw', { alertId, reason: 'Again.' })).toMatchObject({
      ok: false,
      error: { code: 'CORDON_CASE_TRANSITION_NOT_ALLOWED' },
    });
    await receive(await entries(1));
    expect(await gb.store.alert('US-BIS', alertId)).toMatchObject({
      status: 'withdrawn',
      withdrawal: { reason: 'Resolved.', messageId: 'US-BIS/2' },
    });
    expect(await screening.parties()).toEqual([]);
    expect(await screening.version()).not.toBe(before);
  });

  it("does not screen against our own alerts: they came in no partner's message", async () => {
    const { us } = await pair();
    await publishAlert(us.deps, 'cw', {
      subject: 'end-user',
      title: 'Ours',
      description: '',
      parties: [{ role: 'end-user', name: 'Tianshan Netguard Bureau' }],
      countries: [],
      recipients: 'all',
    });
    expect(await partnerAlertParties(us.store).parties()).toEqual([]);
  });
});
