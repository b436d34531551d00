import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/adapters/cli/output.ts';
import { openDatabase } from '../../src/adapters/db/open-database.ts';
import type { CatalogueDryRunJson } from '../../src/contracts/proposals.ts';
import { cliHandlers } from '../../src/main/cli.ts';
import { runProgram } from '../../src/main/cli-program.ts';
import type {
  PublicConsultationViewJson,
  StaffCommentJson,
  StaffConsultationJson,
} from '../../src/contracts/public-consultation.ts';
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

/** Signs in at a node with a password: the session cookie and CSRF token a browser would hold. */
async function signIn(
  node: ExchangeNode,
  username: string,
  password: string,
): Promise<Record<string, string>> {
  const login = await fetch(`${node.server?.url ?? ''}/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  expect(login.status, await login.clone().text()).toBe(200);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return {
    cookie: (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '',
    'x-csrf-token': csrfToken,
  };
}

/**
 * Ends a consultation's comment period the only way a test can without waiting a day (a period
 * lasts at least one, and the API has no early close): the node stops, the period is moved back
 * in its database so that it ended a moment ago, with every comment inside it, and the node
 * starts again.
 */
async function endCommentPeriod(node: ExchangeNode, consultationId: string): Promise<void> {
  await node.server?.stop();
  const opened = await openDatabase(
    { engine: 'embedded', dataDir: node.dataDir },
    { command: 'test' },
  );
  if (!opened.ok) throw new Error(opened.error.message);
  try {
    const closesAt = new Date(Date.now() - 1000);
    await opened.value.db
      .updateTable('public_consultation')
      .set({ opens_at: new Date(closesAt.getTime() - 86_400_000), closes_at: closesAt })
      .where('id', '=', consultationId)
      .execute();
  } finally {
    await opened.value.close();
  }
  await startNode(node);
}

/**
 * Runs `cordon ARGS` in this process on a node's data directory while its server holds it: the
 * command goes through the server's API as the holder of `token`.
 */
async function cordonVia(node: ExchangeNode, token: string, ...argv: string[]) {
  const out: string[] = [];
  const errors: string[] = [];
  const io: CliIo = { stdout: (t) => out.push(t), stderr: (t) => errors.push(t), isTty: false };
  const env = { CORDON_DATA_DIR: node.dataDir, CORDON_TOKEN: token, LOG_LEVEL: 'silent' };
  const code = await runProgram(argv, 'test', cliHandlers(env, node.dataDir, 'test', io), io);
  return { code, stdout: out.join(''), stderr: errors.join('') };
}

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
 * not, is alerted on its open case that the Norwegian control would capture. The Netherlands
 * consults the public on the proposal and publishes its response.
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

  it('consults the public on the proposal: an industry and an academic commenter, answers, and a published response', async () => {
    expect(proposalId).not.toBe('');
    const base = nl.server?.url ?? '';
    // NL opens a public consultation on the published proposal, for a month.
    const now = Date.now();
    const opened = await call<{ id: string; status: string; subject: { version: number } }>(
      nl,
      'cw',
      'POST',
      '/v1/public-consultations',
      {
        title: 'Controlling facial recognition for mass surveillance',
        summary:
          'The Netherlands proposes to its partners a control on facial recognition systems for crowd scanning. We ask industry, academia and civil society for their views.',
        subject: { kind: 'proposal', proposalId },
        opensAt: new Date(now).toISOString(),
        closesAt: new Date(now + 30 * 86_400_000).toISOString(),
      },
    );
    expect(opened.status, JSON.stringify(opened.json)).toBe(201);
    expect(opened.json).toMatchObject({ status: 'open', subject: { version: 1 } });
    const consultationId = opened.json.id;

    // An industry and an academic account register themselves (commenter role only) and comment;
    // the academic attaches a paper.
    const register = async (username: string, kind: string, displayName: string) => {
      const registered = await fetch(`${base}/v1/public/consultations/commenters`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: 'quiet lantern harbour 7', displayName, kind }),
      });
      expect(registered.status, await registered.clone().text()).toBe(201);
      expect(await registered.json()).toEqual({ username, kind, roles: ['commenter'] });
      return signIn(nl, username, 'quiet lantern harbour 7');
    };
    const industry = await register('vision-industry', 'industry', 'A. de Vries');
    const academic = await register('delft-ethics', 'academia', 'Dr B. Jansen');
    const comments = `${base}/v1/public-consultations/${consultationId}/comments`;
    const industryComment = await fetch(comments, {
      method: 'POST',
      headers: { ...industry, 'content-type': 'application/json' },
      body: JSON.stringify({
        text: 'The threshold of 100 faces per second would capture access-control gates at airports; please exclude one-to-one verification.',
        publishedOrganisation: 'Dutch Security Industry Association',
      }),
    });
    expect(industryComment.status, await industryComment.clone().text()).toBe(201);
    const paper = new FormData();
    paper.set(
      'text',
      'Our study of crowd scanning at demonstrations supports the control; see the attached paper.',
    );
    paper.set('publishedName', 'Dr B. Jansen');
    paper.set('publishedOrganisation', 'TU Delft, Ethics of Technology');
    paper.set(
      'file',
      new Blob(['%PDF-1.4\n% crowd scanning study\n%%EOF\n'], { type: 'application/pdf' }),
      'crowd-scanning-study.pdf',
    );
    const academicComment = await fetch(comments, {
      method: 'POST',
      headers: academic,
      body: paper,
    });
    expect(academicComment.status, await academicComment.clone().text()).toBe(201);
    const fromIndustry = (await industryComment.json()) as StaffCommentJson;
    const fromAcademia = (await academicComment.json()) as StaffCommentJson;
    expect(fromAcademia.attachments).toEqual([
      expect.objectContaining({ fileName: 'crowd-scanning-study.pdf', kind: 'pdf' }),
    ]);
    // A commenter sees no case, and while the period runs the public sees no comment.
    const asCommenter = await fetch(`${base}/v1/cases`, { headers: industry });
    expect(asCommenter.status).toBe(403);
    const during = (await (
      await fetch(`${base}/v1/public/consultations/${consultationId}`)
    ).json()) as PublicConsultationViewJson;
    expect(during).toMatchObject({ status: 'open', commentCount: 2 });
    expect(during.comments).toBeUndefined();

    // An NL official answers each comment.
    for (const [comment, text] of [
      [fromIndustry, 'Agreed: version 2 will exclude one-to-one verification at access gates.'],
      [fromAcademia, 'Thank you; the study is cited in the rationale of the final version.'],
    ] as const) {
      const answered = await call(
        nl,
        'hr',
        'POST',
        `/v1/public-consultations/${consultationId}/comments/${comment.id}/answer`,
        { text },
      );
      expect(answered.status, JSON.stringify(answered.json)).toBe(201);
    }
    // The response waits for the end of the period.
    const response = {
      text: 'The Netherlands thanks the commenters. The control is kept, with an exclusion for one-to-one verification.',
      finalVersion: 1,
      changes: [
        {
          change: 'One-to-one face verification at access gates is excluded.',
          commentIds: [fromIndustry.id],
        },
      ],
    };
    const early = await call<{ error: { code: string } }>(
      nl,
      'so1',
      'POST',
      `/v1/public-consultations/${consultationId}/response`,
      response,
    );
    expect(early.status).toBe(409);

    // The period ends; a senior officer publishes the response.
    await endCommentPeriod(nl, consultationId);
    const published = await call<{ status: string }>(
      nl,
      'so1',
      'POST',
      `/v1/public-consultations/${consultationId}/response`,
      response,
    );
    expect(published.status, JSON.stringify(published.json)).toBe(201);
    expect(published.json.status).toBe('concluded');
    const staffView = await call<StaffConsultationJson>(
      nl,
      'cw',
      'GET',
      `/v1/public-consultations/${consultationId}`,
    );
    expect(staffView.json.comments.map((c) => c.commenterUsername).sort()).toEqual([
      'delft-ethics',
      'vision-industry',
    ]);

    // Anyone reads the response, the comments and their answers without signing in; no account
    // and no official is named.
    const publicView = await fetch(
      `${nl.server?.url ?? ''}/v1/public/consultations/${consultationId}`,
    );
    expect(publicView.status).toBe(200);
    const text = await publicView.text();
    const view = JSON.parse(text) as PublicConsultationViewJson;
    expect(view).toMatchObject({
      status: 'concluded',
      subject: { kind: 'proposal', proposalId, version: 1 },
      response: { text: response.text, finalVersion: 1 },
    });
    expect(view.comments).toEqual([
      expect.objectContaining({
        commenterKind: 'industry',
        publishedOrganisation: 'Dutch Security Industry Association',
        answer: expect.objectContaining({ text: expect.stringMatching(/^Agreed/) }) as unknown,
        ledTo: ['One-to-one face verification at access gates is excluded.'],
      }),
      expect.objectContaining({
        commenterKind: 'academia',
        publishedName: 'Dr B. Jansen',
        ledTo: [],
      }),
    ]);
    expect(text).not.toMatch(/vision-industry|delft-ethics|A\. de Vries|"hr"/);
    const file = view.comments?.[1]?.attachments[0];
    const download = await fetch(
      `${nl.server?.url ?? ''}/v1/public/consultations/${consultationId}/comments/${fromAcademia.id}/attachments/${file?.id ?? ''}`,
    );
    expect(download.status).toBe(200);
    expect(await download.text()).toMatch(/^%PDF-1\.4/);

    // From the command line, through NL's running server: an officer reads the consultation and
    // the year's report; NL's exporter tests its catalogue against the proposal, now public.
    const shown = await cordonVia(
      nl,
      nl.tokens['cw'] ?? '',
      'consultations',
      'show',
      consultationId,
    );
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toMatch(/from vision-industry \(industry, published as Dutch Security/);
    expect(shown.stdout).toMatch(/Response of .*: The Netherlands thanks the commenters/);
    const year = String(new Date().getUTCFullYear());
    const report = await cordonVia(
      nl,
      nl.tokens['cw'] ?? '',
      'report',
      'transparency',
      '--year',
      year,
      '--format',
      'csv',
    );
    expect(report.code, report.stderr).toBe(0);
    expect(report.stdout.split('\r\n')[0]).toMatch(/^section,/);
    const items = path.join(work, 'nl-exporter-items.csv');
    fs.writeFileSync(
      items,
      'ref,description\nFR-200,Facial recognition system for crowd scanning\nCAM-1,Dashboard camera for delivery vans\n',
    );
    const tested = await cordonVia(
      nl,
      nl.tokens['ex'] ?? '',
      'proposals',
      'dry-run',
      proposalId,
      '--catalogue',
      items,
      '--json',
    );
    expect(tested.code, tested.stderr).toBe(0);
    const catalogue = JSON.parse(tested.stdout) as CatalogueDryRunJson;
    expect(catalogue.items.map((i) => [i.ref, i.capture])).toEqual([
      ['FR-200', 'captured'],
      ['CAM-1', 'not-captured'],
    ]);
    // DK has opened no consultation on it: its exporter may not test against it.
    const atDk = await call(dk, 'ex', 'POST', `/v1/proposals/${proposalId}/dry-run/catalogue`, {
      items: [{ description: 'Facial recognition system for crowd scanning' }],
    });
    expect(atDk.status).toBe(404);
  }, 120_000);

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
