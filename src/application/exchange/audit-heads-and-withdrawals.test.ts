import { describe, expect, it } from 'vitest';
import {
  generateNodeKey,
  joseMessageSigner,
  joseSignatureVerifier,
} from '../../adapters/exchange/jose-signatures.ts';
import { err } from '../../domain/shared/result.ts';
import { fixedClock } from '../../../test/fakes/fixed-clock.ts';
import { inMemoryAuditLog, testSha256 } from '../../../test/fakes/in-memory-audit-log.ts';
import { inMemoryAuditWitnessStore } from '../../../test/fakes/in-memory-audit-witness-store.ts';
import { inMemoryCaseStore } from '../../../test/fakes/in-memory-case-store.ts';
import { inMemoryExchangeStore } from '../../../test/fakes/in-memory-exchange-store.ts';
import { refusableApplication } from '../../../test/fakes/case-deps.ts';
import type { CaseRecord } from '../ports/case-store.ts';
import type { ExchangeDeps } from './exchange-deps.ts';
import { addPartner } from './manage-partners.ts';
import { notifyWithdrawnRefusal } from './notify-withdrawn-refusal.ts';
import { publishAuditHead } from './publish-audit-head.ts';
import { receiveEntries } from './receive-messages.ts';
import { feedFor } from './serve-feed.ts';

const clock = fixedClock('2026-12-06T10:00:00Z');

async function node(authorityId: string) {
  const keys = [await generateNodeKey(clock.now())];
  const signer = await joseMessageSigner(authorityId, keys);
  const audit = inMemoryAuditLog(clock);
  const deps: ExchangeDeps = {
    store: inMemoryExchangeStore(() => clock.now()),
    signer: { ok: true, value: signer },
    verifier: joseSignatureVerifier,
    feed: { fetch: () => Promise.resolve(err('offline')) },
    cases: inMemoryCaseStore(audit),
    clock,
    sha256: testSha256,
    witnesses: inMemoryAuditWitnessStore(),
    policy: {
      redactExporter: true,
      reviewYears: 3,
      partnerUrls: { allowLoopbackHttp: true, allowedPrivate: [] },
    },
  };
  return { deps, keys, audit };
}

/** GB pins US; `deliver` passes US's feed to GB as a sync would. */
async function pair() {
  const us = await node('US-BIS');
  const gb = await node('GB-ECJU');
  const added = await addPartner(gb.deps, 'test', {
    id: 'US-BIS',
    url: 'http://127.0.0.1:1',
    publicKey: String(us.keys[0]?.publicJwk.x),
  });
  if (!added.ok) throw new Error(added.error.message);
  await addPartner(us.deps, 'test', {
    id: 'GB-ECJU',
    url: 'http://127.0.0.1:2',
    publicKey: String(gb.keys[0]?.publicJwk.x),
  });
  const deliver = async () => {
    const page = await feedFor(us.deps, 'GB-ECJU', 0);
    if (!page.ok) throw new Error(page.error.message);
    const partner = await gb.deps.store.partner('US-BIS');
    if (partner === undefined) throw new Error('no partner');
    return receiveEntries(gb.deps, partner, page.value.entries, 'GB-ECJU');
  };
  return { us, gb, deliver };
}

describe(publishAuditHead.name, () => {
  it('signs the head of the audit trail onto the feed, and partners keep it as a witness', async () => {
    const { us, gb, deliver } = await pair();
    for (const id of ['a', 'b', 'c']) {
      await us.audit.append({ actor: 'test', action: 'test.entry', objectType: 't', objectId: id });
    }
    const head = await publishAuditHead(us.deps, us.audit, undefined);
    expect(head).toMatchObject({ ok: true, value: { seq: 3 } });
    // Nothing moved but the publication's own entry: nothing new to publish.
    const again = await publishAuditHead(us.deps, us.audit, head.ok ? head.value : undefined);
    expect(again).toEqual({ ok: true, value: undefined });
    expect(await deliver()).toMatchObject({ accepted: 1, rejected: [] });
    const [witness] = (await gb.deps.witnesses?.witnesses('US-BIS')) ?? [];
    const third = (await us.audit.entries({ fromSeq: 3, toSeq: 3 }))[0];
    expect(witness).toMatchObject({
      sender: 'US-BIS',
      seq: 3,
      hash: third?.hash,
      messageId: 'US-BIS/1',
    });
  });
});

describe(notifyWithdrawnRefusal.name, () => {
  it('tells partners of an application withdrawn under a pending refusal, as such', async () => {
    const { us, gb, deliver } = await pair();
    const decidedAt = new Date('2026-12-05T10:00:00Z');
    const record: CaseRecord = {
      application: refusableApplication,
      history: [],
      licenceCase: {
        id: 'case-1',
        reference: 'US-2026-00007',
        jurisdiction: 'US',
        exporterOrganisationId: 'org-x',
        stage: 'withdrawn',
        version: 9,
        adviceRequests: [],
        advice: [],
        informationRequests: [],
        blockingConsultations: [],
        createdAt: decidedAt,
        withdrawnReason: 'No longer needed.',
        refusalPendingAtWithdrawal: {
          by: { userId: 'u-sam', role: 'senior-officer' },
          outcome: 'refused',
          criteria: [{ code: 'US-EAR-742.7(b)', reason: 'Human rights' }],
          provisos: [],
          text: 'Refused.',
          at: decidedAt,
        },
      },
    };
    const sent = await notifyWithdrawnRefusal(us.deps, record);
    expect(sent.ok, JSON.stringify(sent)).toBe(true);
    expect(await deliver()).toMatchObject({ accepted: 1, rejected: [] });
    const held = await gb.deps.store.denial('US-BIS', 'US-2026-00007');
    expect(held).toMatchObject({
      status: 'active',
      denial: {
        circumstance: 'withdrawn-under-pending-refusal',
        deniedOn: '2026-12-05',
        destination: 'CN',
        criteria: [{ code: 'US-EAR-742.7(b)' }],
      },
    });
    expect(held?.denial).not.toHaveProperty('exporter');
  });
});
