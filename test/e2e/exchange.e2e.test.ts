import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCordon } from '../support/cli-process.ts';
import { call, pin, seedNode, startNode, sync, type ExchangeNode } from './exchange-nodes.ts';

const endUser = 'Xinjiang Lianhai Chuangzhi Information Technology Co., Ltd.';
const application = (jurisdiction: string, endUserName: string, exporter: string) => ({
  jurisdiction,
  exporter: { name: exporter, country: jurisdiction },
  destination: { country: 'CN', region: 'Xinjiang' },
  parties: [{ role: 'end-user', name: endUserName, country: 'CN', type: 'government-security' }],
  items: [
    {
      description:
        'IP network surveillance system: deep packet inspection, interception and analysis of internet traffic',
      controlEntries: ['5A001.j'],
      capabilities: ['ip-network-surveillance', 'deep-packet-inspection'],
      quantity: 1,
      value: { amount: 2_000_000, currency: 'USD' },
    },
  ],
  endUse: 'Monitoring of internet users for the public security bureau',
  redFlags: [],
});

interface CaseJson {
  id: string;
  version: number;
  stage: string;
  state: {
    blockingConsultations: string[];
    adviceRequests: { desk: string }[];
    advice: { desk: string }[];
  };
}

const criteria = [{ code: 'CRITERION-HR', reason: 'Clear risk of use in internal repression.' }];

/** Opens and submits an application, then walks it through advice and recommendation to final review. */
async function caseAtFinalReview(node: ExchangeNode, app: unknown): Promise<CaseJson> {
  const created = await call<CaseJson>(node, 'ex', 'POST', '/v1/cases', app);
  expect(created.status, JSON.stringify(created.json)).toBe(201);
  const submitted = await call<CaseJson>(
    node,
    'ex',
    'POST',
    `/v1/cases/${created.json.id}/submit`,
    {
      expectedVersion: created.json.version,
    },
  );
  expect(submitted.status, JSON.stringify(submitted.json)).toBe(200);
  // The exporter sees its case under review only; the caseworker sees the advice it awaits.
  let current = (await call<CaseJson>(node, 'cw', 'GET', `/v1/cases/${created.json.id}`)).json;
  for (const request of current.state.adviceRequests) {
    const advised = await call<CaseJson>(node, 'hr', 'POST', `/v1/cases/${current.id}/actions`, {
      kind: 'give-advice',
      desk: request.desk,
      outcome: 'refuse',
      criteria,
      text: 'Advise refusal.',
      expectedVersion: current.version,
    });
    expect(advised.status, JSON.stringify(advised.json)).toBe(200);
    current = advised.json;
  }
  const recommended = await call<CaseJson>(node, 'cw', 'POST', `/v1/cases/${current.id}/actions`, {
    kind: 'recommend',
    outcome: 'refused',
    criteria,
    text: 'Recommend refusal.',
    expectedVersion: current.version,
  });
  expect(recommended.status, JSON.stringify(recommended.json)).toBe(200);
  return recommended.json;
}

const decide = (node: ExchangeNode, c: CaseJson) =>
  call<CaseJson & { error?: { code: string; message: string } }>(
    node,
    'so1',
    'POST',
    `/v1/cases/${c.id}/actions`,
    {
      kind: 'decide',
      outcome: 'refused',
      criteria,
      text: 'Refused.',
      justification: 'Human-rights risk.',
      expectedVersion: c.version,
    },
  );

/** Refuses an application at `node` (decided, countersigned) and notifies partners; returns the denial's reference. */
async function denyAndNotify(node: ExchangeNode, app: unknown): Promise<string> {
  const atReview = await caseAtFinalReview(node, app);
  const decided = await decide(node, atReview);
  expect(decided.status, JSON.stringify(decided.json)).toBe(200);
  const countersigned = await call<CaseJson>(
    node,
    'so2',
    'POST',
    `/v1/cases/${atReview.id}/actions`,
    { kind: 'countersign', expectedVersion: decided.json.version },
  );
  expect(countersigned.status, JSON.stringify(countersigned.json)).toBe(200);
  const notified = await call<{ reference: string }>(node, 'so1', 'POST', '/v1/exchange/denials', {
    caseId: atReview.id,
    confirm: true,
  });
  expect(notified.status, JSON.stringify(notified.json)).toBe(201);
  return notified.json.reference;
}

interface ScreenJson {
  matches: { source: string; name: string; explanation: { summary: string } }[];
}

/**
 * Three authorities on loopback, each with its own embedded database: the United States denies,
 * the United Kingdom is asked for an essentially identical licence (the end user in Chinese
 * script) and must consult before deciding, Norway is offline at the time and catches up.
 */
describe('exchange between three partner states on loopback', () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cordon-exchange-e2e-'));
  let us: ExchangeNode;
  let gb: ExchangeNode;
  let no: ExchangeNode;

  beforeAll(async () => {
    us = await seedNode(work, 'US-BIS', 'US');
    gb = await seedNode(work, 'GB-ECJU', 'GB');
    no = await seedNode(work, 'NO-DEXU', 'NO');
    await Promise.all([startNode(us), startNode(gb)]);
    await pin(us, gb);
    await pin(us, no, 'http://127.0.0.1:9');
    await pin(gb, us);
    await pin(gb, no, 'http://127.0.0.1:9');
  }, 600_000);

  afterAll(async () => {
    await Promise.all(
      [us, gb, no].map((n) => (n.server ? n.server.stop() : Promise.resolve(null))),
    );
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('notifies a refusal, blocks an essentially identical licence until consultation, catches up an offline partner, and lifts the block on revocation', async () => {
    // US refuses an IP surveillance system for the end user and notifies partners.
    const usCase = await caseAtFinalReview(
      us,
      application('US', endUser, 'Acme Packet Analytics Inc'),
    );
    const decided = await decide(us, usCase);
    expect(decided.status, JSON.stringify(decided.json)).toBe(200);
    const countersigned = await call<CaseJson>(
      us,
      'so2',
      'POST',
      `/v1/cases/${usCase.id}/actions`,
      {
        kind: 'countersign',
        expectedVersion: decided.json.version,
      },
    );
    expect(countersigned.status).toBe(200);
    const notified = await call<{ reference: string; denial: { exporter?: unknown } }>(
      us,
      'so1',
      'POST',
      '/v1/exchange/denials',
      {
        caseId: usCase.id,
        confirm: true,
      },
    );
    expect(notified.status, JSON.stringify(notified.json)).toBe(201);
    expect(notified.json.denial.exporter).toBeUndefined();
    const reference = notified.json.reference;

    // A node that is not a registered partner cannot read the feed.
    const stranger = await fetch(`${us.server?.url ?? ''}/v1/exchange/feed?after=0`, {
      headers: { authorization: 'CordonNode eyJhbGciOiJFZERTQSJ9.e30.AAAA' },
    });
    expect(stranger.status).toBe(401);

    // GB receives it.
    expect((await sync(gb)).find((p) => p.partner === 'US-BIS')).toMatchObject({
      kind: 'synced',
      accepted: 1,
      rejected: [],
    });
    const gbDenials = await call<{ denials: { sender: string; reference: string }[] }>(
      gb,
      'cw',
      'GET',
      '/v1/exchange/denials',
    );
    expect(gbDenials.json.denials).toEqual([
      expect.objectContaining({ sender: 'US-BIS', reference }),
    ]);

    // An application at GB to the same end user, written in Chinese, is blocked.
    const gbCase = await caseAtFinalReview(
      gb,
      application('GB', '新疆联海创智信息科技有限公司', 'Vista Networks Ltd'),
    );
    expect(gbCase.state.blockingConsultations).toHaveLength(1);
    const consultationId = gbCase.state.blockingConsultations[0] ?? '';
    const blocked = await decide(gb, gbCase);
    expect(blocked.status).toBe(409);
    expect(blocked.json.error?.message).toMatch(/consultation/);

    // GB consults US; US answers; GB records the answer and may decide.
    const asked = await call(
      gb,
      'cw',
      'POST',
      `/v1/exchange/consultations/${encodeURIComponent(consultationId)}/request`,
      {
        text: 'We are asked to licence an essentially identical transaction. Do you maintain your denial?',
      },
    );
    expect(asked.status, JSON.stringify(asked.json)).toBe(200);
    await sync(us);
    const incoming = await call<{
      consultations: { id: string; direction: string; status: string }[];
    }>(us, 'cw', 'GET', '/v1/exchange/consultations');
    expect(incoming.json.consultations).toEqual([
      expect.objectContaining({
        id: consultationId,
        direction: 'incoming',
        status: 'awaiting-response',
      }),
    ]);
    const answered = await call(
      us,
      'so1',
      'POST',
      `/v1/exchange/consultations/${encodeURIComponent(consultationId)}/response`,
      {
        position: 'denial-maintained',
        text: 'The end user runs mass internet surveillance in Xinjiang; we maintain the denial.',
      },
    );
    expect(answered.status, JSON.stringify(answered.json)).toBe(200);
    await sync(gb);
    const unblocked = await call<CaseJson & { history: { action: string; note?: string }[] }>(
      gb,
      'cw',
      'GET',
      `/v1/cases/${gbCase.id}`,
    );
    expect(unblocked.json.state.blockingConsultations).toEqual([]);
    expect(unblocked.json.history.map((h) => h.action)).toEqual(
      expect.arrayContaining(['block-for-consultation', 'record-consultation']),
    );
    expect((await decide(gb, unblocked.json)).status).toBe(200);

    // NO was offline during all this: it comes back and catches up from its cursor.
    await startNode(no);
    await pin(no, us);
    const noSync = await sync(no);
    // The denial, and the headers (not the bodies) of the GB-US consultation.
    expect(noSync[0]).toMatchObject({
      partner: 'US-BIS',
      kind: 'synced',
      accepted: 1,
      rejected: [],
    });
    const noDenials = await call<{ denials: { reference: string; status: string }[] }>(
      no,
      'cw',
      'GET',
      '/v1/exchange/denials',
    );
    expect(noDenials.json.denials).toEqual([
      expect.objectContaining({ reference, status: 'active' }),
    ]);

    // A second GB application is blocked; US revokes its denial; the block is lifted.
    const second = await caseAtFinalReview(
      gb,
      application(
        'GB',
        'Xinjiang Lianhai Chuangzi Informaton Technology Co Ltd',
        'Other Networks Ltd',
      ),
    );
    expect(second.state.blockingConsultations).toHaveLength(1);
    const revoked = await call(
      us,
      'so1',
      'POST',
      `/v1/exchange/denials/${encodeURIComponent(reference)}/revocation`,
      {
        reason: 'Reviewed: the end user was dissolved.',
      },
    );
    expect(revoked.status, JSON.stringify(revoked.json)).toBe(200);
    await sync(gb);
    const lifted = await call<CaseJson>(gb, 'cw', 'GET', `/v1/cases/${second.id}`);
    expect(lifted.json.state.blockingConsultations).toEqual([]);
    await sync(no);
    const noAfter = await call<{ denials: { status: string }[] }>(
      no,
      'cw',
      'GET',
      '/v1/exchange/denials',
    );
    expect(noAfter.json.denials[0]?.status).toBe('revoked');

    // Every message was accepted: nothing rejected anywhere.
    for (const node of [us, gb, no]) {
      expect(
        (await call<{ rejected: unknown[] }>(node, 'adm', 'GET', '/v1/exchange/rejected')).json
          .rejected,
      ).toEqual([]);
    }
  }, 600_000);

  it("applies a partner's amendment in the no-undercut check, and screens against a partner's threat alert until it is withdrawn", async () => {
    // US refuses a system for an end user it names badly, then amends the denial: the end user's
    // real name, its Chinese name as an alias, and its address.
    const reference = await denyAndNotify(
      us,
      application('US', 'Urumqi Skyline Data Services', 'Acme Packet Analytics Inc'),
    );
    await sync(gb);
    const amended = await call<{ changed: string[]; sequence: number }>(
      us,
      'so1',
      'POST',
      `/v1/exchange/denials/${encodeURIComponent(reference)}/amendment`,
      {
        reason: 'The end user trades under another name.',
        parties: [
          {
            role: 'end-user',
            name: 'Tianshan Netguard Information Security Bureau',
            aliases: ['天山网卫信息安全局'],
            address: '88 Hongshan Road, Urumqi',
            country: 'CN',
          },
        ],
      },
    );
    expect(amended.status, JSON.stringify(amended.json)).toBe(200);
    expect(amended.json.changed).toEqual(['parties']);
    expect((await sync(gb)).find((p) => p.partner === 'US-BIS')).toMatchObject({
      kind: 'synced',
      accepted: 1,
      rejected: [],
    });
    const held = await call<{
      denials: { reference: string; denial: { parties: { name: string }[] } }[];
    }>(gb, 'cw', 'GET', '/v1/exchange/denials?status=active');
    expect(held.json.denials.find((d) => d.reference === reference)?.denial.parties).toEqual([
      expect.objectContaining({ name: 'Tianshan Netguard Information Security Bureau' }),
    ]);
    // An application to the end user under its amended (Chinese) name is blocked at GB; the
    // name first notified has nothing in common with it.
    const gbCase = await caseAtFinalReview(
      gb,
      application('GB', '天山网卫信息安全局', 'Vista Networks Ltd'),
    );
    expect(gbCase.state.blockingConsultations).toEqual([
      expect.stringContaining(`~US-BIS~${reference}`),
    ]);

    // US publishes a threat alert on a surveillance end user; GB receives it.
    const published = await call<{ alert: { alertId: string } }>(
      us,
      'cw',
      'POST',
      '/v1/exchange/alerts',
      {
        subject: 'end-user',
        title: 'Surveillance end user buying through front companies',
        description: 'Procures interception equipment for the regional public security bureau.',
        parties: [
          { role: 'end-user', name: 'Karamay Jinghua Vision Technology Co., Ltd.', country: 'CN' },
        ],
        countries: ['CN'],
      },
    );
    expect(published.status, JSON.stringify(published.json)).toBe(201);
    const alertId = published.json.alert.alertId;
    const synced = (await sync(gb)).find((p) => p.partner === 'US-BIS') as
      { accepted: number; position: number } | undefined;
    expect(synced?.accepted).toBe(1);
    const alertMessage = `US-BIS/${String(synced?.position)}`;

    // Screening at GB finds the alerted party, with a typo in the name, citing the alert.
    const screen = () =>
      call<ScreenJson>(gb, 'cw', 'POST', '/v1/screen', {
        name: 'Karamay Jinghua Vison Technology',
        country: 'CN',
      });
    const screened = await screen();
    expect(screened.status, JSON.stringify(screened.json)).toBe(200);
    const hit = screened.json.matches.find((m) => m.source === 'partner-threat-alert:US-BIS');
    expect(hit?.name).toBe('Karamay Jinghua Vision Technology Co., Ltd.');
    expect(hit?.explanation.summary).toContain(
      `from US-BIS (message ${alertMessage} of ${new Date().toISOString().slice(0, 10)}, signature verified`,
    );
    // ... and so does the assessment of an application naming it.
    const assessed = await call<{ parties: { matches: { source: string }[] }[] }>(
      gb,
      'cw',
      'POST',
      '/v1/assessments',
      application('GB', 'Karamay Jinghua Vision Technology', 'Vista Networks Ltd'),
    );
    expect(assessed.status, JSON.stringify(assessed.json)).toBe(200);
    expect(assessed.json.parties[0]?.matches.map((m) => m.source)).toContain(
      'partner-threat-alert:US-BIS',
    );

    // `cordon screen` sees partners' alerts too: NO takes the alert, stops, and screens from the
    // command line.
    const noSync = await sync(no);
    expect(noSync[0]).toMatchObject({ partner: 'US-BIS', kind: 'synced', rejected: [] });
    await no.server?.stop();
    const cli = await runCordon(['screen', 'Karamay Jinghua Vison Technology', '--json'], {
      CORDON_DATA_DIR: no.dataDir,
      CORDON_AUTHORITY_ID: no.id,
      CORDON_EXCHANGE_DEV_LOOPBACK_HTTP: 'true',
    });
    expect(cli.code, cli.stderr).toBe(0);
    const cliHit = (JSON.parse(cli.stdout) as ScreenJson).matches.find(
      (m) => m.source === 'partner-threat-alert:US-BIS',
    );
    expect(cliHit?.explanation.summary).toContain(`message ${alertMessage}`);

    // US withdraws the alert: once GB has the withdrawal, screening no longer finds the party.
    const withdrawn = await call(
      us,
      'cw',
      'POST',
      `/v1/exchange/alerts/${encodeURIComponent(alertId)}/withdrawal`,
      { reason: 'The end user was wrongly identified.' },
    );
    expect(withdrawn.status, JSON.stringify(withdrawn.json)).toBe(200);
    await sync(gb);
    const after = await screen();
    expect(after.status).toBe(200);
    expect(after.json.matches.map((m) => m.source)).not.toContain('partner-threat-alert:US-BIS');
  }, 600_000);
});
