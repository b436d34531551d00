import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  browserSkipReason,
  launchChromium,
  screenshots,
  seriousViolations,
  snap,
} from '../support/browser.ts';
import { call, pin, seedNode, startNode, sync, type ExchangeNode } from './exchange-nodes.ts';

/** A proposal for facial-recognition systems, its entry in the catalogue's format. */
const facialRecognition = {
  title: 'Facial recognition systems for mass surveillance',
  entry: {
    entryId: 'NL-PROP-FRT-1',
    title: 'Facial recognition systems specially designed for mass surveillance or crowd scanning',
    text: 'Systems, equipment and software specially designed to identify natural persons by their faces in crowds or public spaces, for mass surveillance.',
    kind: 'equipment',
    criteriaMode: 'all-of',
    criteria: [
      {
        id: 'a',
        text: 'Facial recognition specially designed for mass surveillance or crowd scanning',
        facts: ['facial-recognition-mass-surveillance'],
        factMode: 'all',
      },
    ],
    exclusions: [],
    parameters: [{ name: 'faces compared per second', value: '>= 100' }],
    technicalNotes: [
      '"Crowd scanning" means comparing faces in a public space against a watch list.',
    ],
  },
  rationale:
    'Facial recognition for crowd scanning is used to identify and persecute protesters; no partner lists it.',
  evidence: [
    {
      text: 'Facial recognition used to identify protesters after demonstrations.',
      source: 'Amnesty International, Ban the Scan (2021)',
      textStatus: 'paraphrase',
    },
  ],
  reasonsForControl: ['HR'],
};

interface ProposalJson {
  id: string;
  status: string;
  currentVersion: number;
  matrix: {
    authority: string;
    latest?: { position: string; adoption?: { nationalEntryId: string } };
  }[];
}

/**
 * Three authorities on loopback: the Netherlands drafts and publishes a proposal for facial
 * recognition systems, Denmark and Norway take positions, Norway adopts it; Denmark, which has
 * not, is alerted on its open case that the Norwegian control would capture.
 */
describe('control proposals between three partner states on loopback', () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cordon-proposals-e2e-'));
  let nl: ExchangeNode;
  let dk: ExchangeNode;
  let no: ExchangeNode;
  let proposalId = '';

  beforeAll(async () => {
    if (browserSkipReason === undefined) {
      // The web UI the browser check reads (built once, only when stale).
      const root = path.resolve(import.meta.dirname, '../..');
      execFileSync(process.execPath, [path.join(root, 'bin/build-web.js'), '--if-stale'], {
        cwd: root,
        stdio: 'inherit',
      });
      fs.mkdirSync(screenshots, { recursive: true });
    }
    nl = await seedNode(work, 'NL-ILT', 'NL');
    dk = await seedNode(work, 'DK-ERST', 'DK');
    no = await seedNode(work, 'NO-DEXU', 'NO');
    await Promise.all([startNode(nl), startNode(dk), startNode(no)]);
    for (const [at, partner] of [
      [nl, dk],
      [nl, no],
      [dk, nl],
      [dk, no],
      [no, nl],
      [no, dk],
    ] as const)
      await pin(at, partner);
  }, 600_000);

  afterAll(async () => {
    await Promise.all(
      [nl, dk, no].map((n) => (n.server ? n.server.stop() : Promise.resolve(null))),
    );
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('publishes a proposal, gathers positions in the adoption matrix, and alerts a partner that has not adopted', async () => {
    // An open case at DK: a facial recognition system for crowd scanning.
    const created = await call<{ id: string; version: number; reference: string }>(
      dk,
      'ex',
      'POST',
      '/v1/cases',
      {
        jurisdiction: 'DK',
        exporter: { name: 'Nordic Vision ApS', country: 'DK' },
        destination: { country: 'EG' },
        parties: [
          {
            role: 'end-user',
            name: 'Cairo Public Security Directorate',
            country: 'EG',
            type: 'government-security',
          },
        ],
        items: [
          {
            description: 'Facial recognition system for crowd scanning in public squares',
            capabilities: ['facial-recognition'],
            quantity: 1,
            value: { amount: 900_000, currency: 'EUR' },
          },
        ],
        endUse: 'Identification of persons in crowds for the security directorate',
        redFlags: [],
      },
    );
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    const submitted = await call(dk, 'ex', 'POST', `/v1/cases/${created.json.id}/submit`, {
      expectedVersion: created.json.version,
    });
    expect(submitted.status, JSON.stringify(submitted.json)).toBe(200);

    // NL: a caseworker drafts, a senior officer publishes; a caseworker may not publish.
    const drafted = await call<ProposalJson>(nl, 'cw', 'POST', '/v1/proposals', facialRecognition);
    expect(drafted.status, JSON.stringify(drafted.json)).toBe(201);
    expect(drafted.json.status).toBe('draft');
    const id = drafted.json.id;
    proposalId = id;
    expect(id).toMatch(/^NL-ILT-proposal-/);
    expect((await call(nl, 'cw', 'POST', `/v1/proposals/${id}/publish`)).status).toBe(403);
    const published = await call<ProposalJson>(nl, 'so1', 'POST', `/v1/proposals/${id}/publish`);
    expect(published.status, JSON.stringify(published.json)).toBe(200);
    expect(published.json).toMatchObject({ status: 'published', currentVersion: 1 });
    // Exporters do not see proposals.
    expect((await call(nl, 'ex', 'GET', '/v1/proposals')).status).toBe(403);

    // DK and NO receive it and take positions; NO adopts it.
    expect((await sync(dk)).find((p) => p.partner === 'NL-ILT')).toMatchObject({
      kind: 'synced',
      accepted: 1,
      rejected: [],
    });
    await sync(no);
    const atDk = await call<ProposalJson>(dk, 'cw', 'GET', `/v1/proposals/${id}`);
    expect(atDk.status, JSON.stringify(atDk.json)).toBe(200);
    expect(atDk.json).toMatchObject({ status: 'published', currentVersion: 1 });
    const studying = await call(dk, 'so1', 'POST', `/v1/proposals/${id}/positions`, {
      version: 1,
      position: 'studying',
    });
    expect(studying.status, JSON.stringify(studying.json)).toBe(201);
    const noAdoptionMissing = await call<{ error: { fields: { field: string }[] } }>(
      no,
      'so1',
      'POST',
      `/v1/proposals/${id}/positions`,
      { version: 1, position: 'adopted' },
    );
    expect(noAdoptionMissing.status).toBe(400);
    expect(noAdoptionMissing.json.error.fields.map((f) => f.field)).toContain('body.adoption');
    expect(
      (
        await call(no, 'so1', 'POST', `/v1/proposals/${id}/positions`, {
          version: 1,
          position: 'support',
        })
      ).status,
    ).toBe(201);
    const adopted = await call(no, 'so1', 'POST', `/v1/proposals/${id}/positions`, {
      version: 1,
      position: 'adopted',
      adoption: {
        nationalEntryId: 'NO-5A991.FR',
        legalInstrument: 'FOR-2026-12-01-2100 (eksportkontrollforskriften, liste II)',
        effectiveOn: '2027-01-01',
      },
    });
    expect(adopted.status, JSON.stringify(adopted.json)).toBe(201);

    // NL's matrix: DK studying, NO adopted with its national entry.
    await sync(nl);
    const matrix = await call<ProposalJson>(nl, 'cw', 'GET', `/v1/proposals/${id}`);
    expect(matrix.json.matrix).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          authority: 'DK-ERST',
          latest: expect.objectContaining({ position: 'studying' }) as unknown,
        }),
        expect.objectContaining({
          authority: 'NO-DEXU',
          latest: expect.objectContaining({
            position: 'adopted',
            adoption: expect.objectContaining({ nationalEntryId: 'NO-5A991.FR' }) as unknown,
          }) as unknown,
        }),
      ]),
    );

    // DK learns of NO's adoption: its officers see a sync-gap alert on the open case.
    await sync(dk);
    const gaps = await call<{
      alerts: { caseId: string; partner: string; nationalEntryId: string; capture: string }[];
    }>(dk, 'cw', 'GET', `/v1/proposals/sync-gaps?caseId=${created.json.id}`);
    expect(gaps.status, JSON.stringify(gaps.json)).toBe(200);
    expect(gaps.json.alerts).toEqual([
      expect.objectContaining({
        caseId: created.json.id,
        partner: 'NO-DEXU',
        nationalEntryId: 'NO-5A991.FR',
        capture: 'captured',
      }),
    ]);
    // A second sync raises nothing twice.
    await sync(dk);
    expect(
      (await call<{ alerts: unknown[] }>(dk, 'cw', 'GET', '/v1/proposals/sync-gaps')).json.alerts,
    ).toHaveLength(1);

    // The dry run at DK names the case, by destination and end-user type.
    const dry = await call<{
      report: {
        captured: number;
        byDestination: { key: string; captured: number }[];
        byEndUserType: { key: string }[];
        cases: { caseId: string }[];
      };
    }>(dk, 'so1', 'GET', `/v1/proposals/${id}/dry-run`);
    expect(dry.status, JSON.stringify(dry.json)).toBe(200);
    expect(dry.json.report.captured).toBe(1);
    expect(dry.json.report.byDestination).toEqual([
      expect.objectContaining({ key: 'EG', captured: 1 }),
    ]);
    expect(dry.json.report.byEndUserType[0]?.key).toBe('government-security');
    expect(dry.json.report.cases.map((c) => c.caseId)).toEqual([created.json.id]);
  }, 600_000);

  it.skipIf(browserSkipReason !== undefined)(
    'shows NL’s officers the adoption matrix in the web UI',
    async () => {
      expect(proposalId).not.toBe('');
      // The seeded password was set by someone else: change it first, as a person would.
      const base = nl.server?.url ?? '';
      const login = await fetch(`${base}/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'cw', password: 'correct horse battery' }),
      });
      expect(login.status).toBe(200);
      const { csrfToken } = (await login.json()) as { csrfToken: string };
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      const changed = await fetch(`${base}/v1/auth/password`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
        body: JSON.stringify({
          currentPassword: 'correct horse battery',
          newPassword: 'marble orchard softly 42',
        }),
      });
      expect(changed.status, await changed.text()).toBeLessThan(300);
      const browser = await launchChromium();
      try {
        const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
        await page.goto(base);
        await page.getByLabel('Username').fill('cw');
        await page.getByLabel('Password').fill('marble orchard softly 42');
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.getByRole('navigation', { name: 'Main' }).waitFor();
        await page.getByRole('link', { name: 'Proposals' }).click();
        await page.getByRole('link', { name: facialRecognition.title }).click();
        const matrix = page.getByRole('table', { name: 'Adoption matrix' });
        await matrix.waitFor();
        await expect
          .poll(() => matrix.getByRole('row', { name: /NO-DEXU/ }).innerText())
          .toMatch(/adopted[\s\S]*NO-5A991\.FR/);
        expect(await matrix.getByRole('row', { name: /DK-ERST/ }).innerText()).toMatch(/studying/);
        expect(await seriousViolations(page)).toEqual([]);
        await snap(page, 'proposal-adoption-matrix');
      } finally {
        await browser.close();
      }
    },
    120_000,
  );
});
