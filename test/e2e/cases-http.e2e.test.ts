import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/adapters/db/open-database.ts';
import { addOrganisation } from '../../src/application/people/manage-people.ts';
import type { Role } from '../../src/domain/people/role.ts';
import { peopleDepsFor } from '../../src/main/people-wiring.ts';
import { prepareStore } from '../../src/main/prepare-store.ts';
import { startCordonServer, type ServerProcess } from '../support/cli-process.ts';
import { copyDataDirTemplate } from '../support/data-dir.ts';
import { addPeopleWithTokens } from '../support/people-with-tokens.ts';
import { pdfText } from '../support/pdf-text.ts';
import { tinyPdf, tinyPng } from '../support/zip-bytes.ts';
import { importDeniedPersonsUpdate } from '../factories/denied-persons-update.ts';

const root = path.resolve(import.meta.dirname, '../..');
const application = JSON.parse(
  fs.readFileSync(
    path.join(root, 'test/fixtures/applications/video-analytics-to-xinjiang-police.json'),
    'utf8',
  ),
) as Record<string, unknown>;

/**
 * The licence workflow end to end over HTTP on the embedded store: people are seeded through the
 * application layer (one process, before the server takes the data directory's lock).
 */
describe('a licence case over HTTP, from application to countersigned refusal', () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cordon-cases-e2e-'));
  const dataDir = copyDataDirTemplate(path.join(work, 'data'));
  const tokens: Record<string, string> = {};
  let server: ServerProcess;

  beforeAll(async () => {
    const opened = await openDatabase({ engine: 'embedded', dataDir }, { command: 'test' });
    if (!opened.ok) throw new Error(opened.error.message);
    try {
      const prepared = await prepareStore(opened.value, { codeVersion: 'test' });
      if (!prepared.ok) throw new Error(prepared.error.message);
      const deps = peopleDepsFor(opened.value.db);
      const by = { actor: 'test' };
      const org = async (name: string, kind: string) => {
        const o = await addOrganisation(deps, by, { name, kind, country: 'GB' });
        if (!o.ok) throw new Error(o.error.message);
        return o.value.id;
      };
      const authority = await org('Export Control Joint Unit', 'licensing-authority');
      const vista = await org('Vista Vision Analytics Ltd', 'exporter');
      const rival = await org('Rival Optics plc', 'exporter');
      const people: [string, string, Role][] = [
        ['exa', vista, 'exporter'],
        ['exb', rival, 'exporter'],
        ['cw', authority, 'caseworker'],
        ['hr', authority, 'advisor'],
        ['so1', authority, 'senior-officer'],
        ['so2', authority, 'senior-officer'],
        ['aud', authority, 'auditor'],
        ['adm', authority, 'administrator'],
      ];
      Object.assign(tokens, await addPeopleWithTokens(deps, by, people));
    } finally {
      await opened.value.close();
    }
    server = await startCordonServer({
      CORDON_DATA_DIR: dataDir,
      CORDON_ADMIN_PASSWORD: 'not-used-here-1',
      CORDON_ATTACHMENT_MAX_BYTES: '65536',
    });
  }, 240_000);

  afterAll(async () => {
    await server.stop();
    fs.rmSync(work, { recursive: true, force: true });
  });

  const call = async (who: string | undefined, method: string, url: string, body?: unknown) => {
    const response = await fetch(`${server.url}${url}`, {
      method,
      headers: {
        ...(who === undefined ? {} : { authorization: `Bearer ${tokens[who] ?? ''}` }),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return response;
  };
  const json = async <T = Record<string, unknown>>(response: Response) =>
    (await response.json()) as T;

  interface CaseJson {
    id: string;
    version: number;
    stage: string;
    queue?: string;
    automatedOutcome?: string;
    outcome?: string;
    assessment?: {
      recommendation: { outcome: string };
      humanRights: { risk: string };
      provenance: unknown;
    };
    routing?: { adviceRequests: { desk: string }[] };
    documents: { code: string; kind: string }[];
  }

  it('goes through advice, recommendation, decision and countersignature to a verifiable refusal letter', async () => {
    expect((await call(undefined, 'GET', '/v1/cases')).status).toBe(401);

    const created = await call('exa', 'POST', '/v1/cases', application);
    expect(created.status, await created.clone().text()).toBe(201);
    const draft = await json<CaseJson>(created);
    expect(draft.stage).toBe('draft');

    const submittedResponse = await call('exa', 'POST', `/v1/cases/${draft.id}/submit`, {
      expectedVersion: draft.version,
    });
    expect(submittedResponse.status, await submittedResponse.clone().text()).toBe(200);
    // The exporter sees its case under review: not the assessment, the routing or the queue.
    const seenByExporter = await json<CaseJson>(submittedResponse);
    expect(seenByExporter).toMatchObject({ stage: 'under-review' });
    expect(seenByExporter).not.toHaveProperty('assessment');
    expect(seenByExporter).not.toHaveProperty('queue');
    const submitted = await json<CaseJson>(await call('cw', 'GET', `/v1/cases/${draft.id}`));
    // Facial recognition for a police force in Xinjiang: the assessment advises against it, and
    // routing asks the human-rights desk before any officer decides.
    expect(['refuse', 'refer']).toContain(submitted.assessment?.recommendation.outcome);
    expect(['high', 'unacceptable']).toContain(submitted.assessment?.humanRights.risk);
    expect(submitted.assessment?.provenance).toMatchObject({ policy: { version: 2 } });
    expect(submitted).toMatchObject({ stage: 'awaiting-advice', queue: 'human-rights' });
    expect(submitted.routing?.adviceRequests.map((r) => r.desk)).toEqual(['human-rights']);

    // The other exporter cannot even learn that the case exists.
    expect((await call('exb', 'GET', `/v1/cases/${draft.id}`)).status).toBe(404);
    expect((await json<{ cases: unknown[] }>(await call('exb', 'GET', '/v1/cases'))).cases).toEqual(
      [],
    );

    const criteria = [
      {
        code: 'UK-SELC-2',
        reason:
          'Clear risk that the software would be used for internal repression of Uyghurs in Xinjiang.',
      },
    ];
    let version = submitted.version;
    for (const [who, action] of [
      [
        'hr',
        {
          kind: 'give-advice',
          desk: 'human-rights',
          outcome: 'refuse',
          criteria,
          text: 'Advise refusal.',
        },
      ],
      ['cw', { kind: 'recommend', outcome: 'refused', criteria, text: 'Recommend refusal.' }],
      ['so1', { kind: 'decide', outcome: 'refused', criteria, text: 'The licence is refused.' }],
      ['so2', { kind: 'countersign' }],
    ] as const) {
      const response = await call(who, 'POST', `/v1/cases/${draft.id}/actions`, {
        ...action,
        expectedVersion: version,
      });
      expect(response.status, `${who} ${action.kind}: ${await response.clone().text()}`).toBe(200);
      version = (await json<CaseJson>(response)).version;
    }
    // A stale version loses.
    const stale = await call('so2', 'POST', `/v1/cases/${draft.id}/actions`, {
      kind: 'revoke',
      reason: 'x',
      expectedVersion: version - 1,
    });
    expect(stale.status).toBe(409);

    const final = await json<CaseJson>(await call('exa', 'GET', `/v1/cases/${draft.id}`));
    expect(final).toMatchObject({ stage: 'finalised', outcome: 'refused' });
    const letter = final.documents[0];
    expect(letter?.kind).toBe('refusal-letter');

    const pdf = await call('exa', 'GET', `/v1/cases/${draft.id}/document`);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    // The letter cites the criterion with its text from the shipped data, labelled as the
    // paraphrase it is, and says until when the refusal may be appealed (GB: 28 days).
    const letterText = pdfText(bytes);
    expect(letterText).toContain('UK-SELC-2 - Strategic Export Licensing Criteria, Criterion 2');
    expect(letterText).toContain('PARAPHRASE, not legal text:');
    expect(letterText).toMatch(/clear risk/i);
    expect(letterText).toMatch(
      /You may appeal against this refusal until \d{1,2} [A-Z][a-z]+ \d{4} \(28 days/,
    );
    const verified = await json(
      await call(undefined, 'GET', `/v1/documents/verify/${letter?.code ?? ''}`),
    );
    expect(verified).toMatchObject({ valid: true, outcome: 'refused', kind: 'refusal-letter' });

    const chain = await json(await call('aud', 'GET', '/v1/audit/verify'));
    expect(chain).toMatchObject({ intact: true });
    const statistics = await call('cw', 'GET', '/v1/statistics/decisions?format=csv');
    expect(await statistics.text()).toMatch(/CN,refused,UK-SELC-2/);

    // A list update that adds the consignee raises an alert on the decided case.
    const imported = await importDeniedPersonsUpdate(
      server.url,
      tokens.adm ?? '',
      'URUMQI SMART CITY INTEGRATION CO., LTD.',
    );
    expect(imported.status, await imported.clone().text()).toBe(201);
    let alerts: { caseId: string; match: { source: string } }[] = [];
    for (let i = 0; i < 120 && alerts.length === 0; i += 1) {
      await new Promise((r) => setTimeout(r, 500));
      alerts = (await json<{ alerts: typeof alerts }>(await call('cw', 'GET', '/v1/alerts')))
        .alerts;
    }
    expect(alerts).toMatchObject([{ caseId: draft.id, match: { source: 'us-bis-dpl' } }]);
  });

  const upload = (
    who: string,
    caseId: string,
    file: { bytes: Uint8Array; name: string; type: string },
    category = 'end-user-undertaking',
  ) => {
    const form = new FormData();
    form.set('category', category);
    form.set('file', new Blob([file.bytes], { type: file.type }), file.name);
    return fetch(`${server.url}/v1/cases/${caseId}/attachments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens[who] ?? ''}` },
      body: form,
    });
  };

  it('takes supporting documents checked by content and size, under the case’s access rules, audited', async () => {
    const draft = await json<CaseJson>(await call('exa', 'POST', '/v1/cases', application));
    const accepted = await upload('exa', draft.id, {
      bytes: tinyPdf,
      name: 'end-user-undertaking.pdf',
      type: 'application/pdf',
    });
    expect(accepted.status, await accepted.clone().text()).toBe(201);
    const attachment = await json<{ id: string; sha256: string; kind: string }>(accepted);
    expect(attachment).toMatchObject({
      kind: 'pdf',
      sha256: createHash('sha256').update(tinyPdf).digest('hex'),
    });

    // A PNG that claims to be a PDF, and a file over the configured limit, are refused.
    const spoofed = await upload('exa', draft.id, {
      bytes: tinyPng,
      name: 'undertaking.pdf',
      type: 'application/pdf',
    });
    expect(spoofed.status).toBe(415);
    expect(await json(spoofed)).toMatchObject({ error: { code: 'CORDON_ATTACHMENT_REFUSED' } });
    const big = await upload('exa', draft.id, {
      bytes: new Uint8Array(70_000).fill(0x61),
      name: 'spec.txt',
      type: 'text/plain',
    });
    expect(big.status).toBe(413);
    expect(await json(big)).toMatchObject({
      error: {
        code: 'CORDON_PAYLOAD_TOO_LARGE',
        message: expect.stringContaining('64 KiB') as unknown,
      },
    });

    // Nothing of the refused uploads remains; the other exporter learns nothing.
    const listed = await json<{ attachments: { id: string }[] }>(
      await call('cw', 'GET', `/v1/cases/${draft.id}/attachments`),
    );
    expect(listed.attachments.map((a) => a.id)).toEqual([attachment.id]);
    expect((await call('exb', 'GET', `/v1/cases/${draft.id}/attachments`)).status).toBe(404);
    expect(
      (await call('exb', 'GET', `/v1/cases/${draft.id}/attachments/${attachment.id}`)).status,
    ).toBe(404);
    expect(
      (
        await upload('exb', draft.id, {
          bytes: tinyPdf,
          name: 'x.pdf',
          type: 'application/pdf',
        })
      ).status,
    ).toBe(404);

    const download = await call('exa', 'GET', `/v1/cases/${draft.id}/attachments/${attachment.id}`);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-disposition')).toMatch(/^attachment; /);
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(tinyPdf);

    const entries = await json<{ entries: { action: string; details: Record<string, unknown> }[] }>(
      await call('aud', 'GET', `/v1/audit?objectId=${draft.id}&limit=100`),
    );
    expect(entries.entries.filter((e) => e.action === 'cases.attach')).toMatchObject([
      { details: { attachmentId: attachment.id, sha256: attachment.sha256 } },
    ]);
    expect(await json(await call('aud', 'GET', '/v1/audit/verify'))).toMatchObject({
      intact: true,
    });
  });

  it('dry-runs candidate routing rules over the stored cases for an administrator', async () => {
    const shipped = JSON.parse(
      fs.readFileSync(path.join(root, 'data/routing/routing-v1.json'), 'utf8'),
    ) as { version: number; rules: { id: string; queue?: string }[] };
    const candidate = {
      ...shipped,
      version: 2,
      rules: shipped.rules.map((r) =>
        r.id === 'hr-refuse-or-refer' ? { ...r, queue: 'human-rights-urgent' } : r,
      ),
    };
    expect((await call('exa', 'POST', '/v1/routing/dry-run', candidate)).status).toBe(403);
    const response = await call('adm', 'POST', '/v1/routing/dry-run', candidate);
    expect(response.status, await response.clone().text()).toBe(200);
    const run = await json<{
      casesCompared: number;
      changes: { before: { queue: string }; after: { queue: string }; rule: string }[];
    }>(response);
    expect(run.casesCompared).toBe(1);
    expect(run.changes).toMatchObject([
      {
        before: { queue: 'human-rights' },
        after: { queue: 'human-rights-urgent' },
        rule: 'hr-refuse-or-refer',
      },
    ]);
  });
});
