import { afterEach, describe, expect, it } from 'vitest';
import { refusableApplication, testCaseDeps } from '../../../../../test/fakes/case-deps.ts';
import { multipartBody } from '../../../../../test/support/multipart.ts';
import {
  as,
  namedAuthenticator,
  type NamedPerson,
} from '../../../../../test/support/named-people.ts';
import { buildTestApp } from '../../../../../test/support/test-app.ts';
import type { CaseDeps } from '../../../../application/cases/case-deps.ts';
import type { App } from '../../build-app.ts';
import { casesRoutes } from './routes.ts';

// The cases routes in process, on in-memory fakes: the main flows from draft to letter, who sees
// which case, and what bad input gets. Separation of duties, the exporter's view and hostile
// uploads are in routes.test.ts; what needs a running server is in test/e2e/cases-http.

let app: App | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function casesApp(): Promise<{ app: App; deps: CaseDeps }> {
  const { deps } = testCaseDeps();
  app = await buildTestApp({ cases: deps, auth: { authenticator: namedAuthenticator } });
  return { app, deps };
}

const post = (app: App, url: string, who: NamedPerson, payload: Record<string, unknown>) =>
  app.inject({ method: 'POST', url, headers: as(who), payload });
const get = (app: App, url: string, who?: NamedPerson) =>
  app.inject({ method: 'GET', url, ...(who === undefined ? {} : { headers: as(who) }) });

interface CaseBody {
  readonly id: string;
  readonly reference: string;
  readonly version: number;
  readonly stage: string;
}

async function draft(app: App, who: NamedPerson = 'erin'): Promise<CaseBody> {
  const created = await post(app, '/v1/cases', who, refusableApplication);
  expect(created.statusCode, created.body).toBe(201);
  return created.json<CaseBody>();
}

const criteria = [{ code: 'UK-SELC-2', reason: 'Clear risk of internal repression' }];

/** Takes a submitted case to a countersigned refusal, each step by a different officer. */
async function refuse(app: App, deps: CaseDeps, id: string): Promise<void> {
  for (const [who, action] of [
    ['adam', { kind: 'give-advice', desk: 'human-rights', outcome: 'refuse', criteria }],
    ['cara', { kind: 'recommend', outcome: 'refused', criteria, text: 'Refuse.' }],
    ['sam', { kind: 'decide', outcome: 'refused', criteria, text: 'Refused.' }],
    ['sue', { kind: 'countersign' }],
  ] as const) {
    const current = await deps.store.get(id);
    const done = await post(app, `/v1/cases/${id}/actions`, who, {
      ...action,
      expectedVersion: current?.licenceCase.version,
    });
    expect(done.statusCode, `${who}: ${done.body}`).toBe(200);
  }
}

describe(`${casesRoutes.name}: from draft to letter`, () => {
  it('opens a draft for an exporter, numbered per jurisdiction, and submits it only at the version it was read at', async () => {
    const { app } = await casesApp();
    const created = await draft(app);
    expect(created).toMatchObject({ stage: 'draft', version: 1 });
    expect(created.reference).toMatch(/^[A-Z]{2}-\d{4}-\d{5}$/);
    const stale = await post(app, `/v1/cases/${created.id}/submit`, 'erin', {
      expectedVersion: 7,
    });
    expect(stale.statusCode, stale.body).toBe(409);
    const submitted = await post(app, `/v1/cases/${created.id}/submit`, 'erin', {
      expectedVersion: 1,
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    // Submitting assesses the application and routes it to its desks at once.
    expect(submitted.json<CaseBody>().stage).toBe('under-review');
  });

  it('issues the refusal letter of a countersigned refusal, which anyone can verify by its code', async () => {
    const { app, deps } = await casesApp();
    const { id } = await draft(app);
    await post(app, `/v1/cases/${id}/submit`, 'erin', { expectedVersion: 1 });
    const early = await get(app, `/v1/cases/${id}/document`, 'erin');
    expect(early.statusCode, early.body).toBe(404);
    await refuse(app, deps, id);
    const letter = await get(app, `/v1/cases/${id}/document`, 'erin');
    expect(letter.statusCode, letter.body).toBe(200);
    expect(letter.headers['content-type']).toBe('application/pdf');
    expect(letter.headers['content-disposition']).toMatch(/-refusal-letter\.pdf"$/);
    const [document] = await deps.store.documentsOf(id);
    expect(document?.kind).toBe('refusal-letter');
    const verified = await get(app, `/v1/documents/verify/${document?.code ?? ''}`);
    expect(verified.statusCode, verified.body).toBe(200);
    expect(verified.json()).toMatchObject({ valid: true });
    expect((await get(app, '/v1/documents/verify/NOSUCHCODE')).json()).toEqual({
      valid: false,
      code: 'NOSUCHCODE',
    });
  });

  it('takes an attachment from the exporter, lists it to officers and serves it byte for byte', async () => {
    const { app } = await casesApp();
    const { id } = await draft(app);
    const body = multipartBody({ category: 'end-user-undertaking' }, [
      { name: 'undertaking.txt', content: 'We will not re-export. Überwachung: nein.' },
    ]);
    const uploaded = await app.inject({
      method: 'POST',
      url: `/v1/cases/${id}/attachments`,
      payload: body.payload,
      headers: { ...body.headers, ...as('erin') },
    });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const attachment = uploaded.json<{ id: string; sizeBytes: number }>();
    const listed = await get(app, `/v1/cases/${id}/attachments`, 'cara');
    expect(listed.statusCode, listed.body).toBe(200);
    expect(JSON.stringify(listed.json())).toContain(attachment.id);
    const served = await get(app, `/v1/cases/${id}/attachments/${attachment.id}`, 'cara');
    expect(served.statusCode, served.body).toBe(200);
    expect(served.body).toBe('We will not re-export. Überwachung: nein.');
    const unknown = await get(app, `/v1/cases/${id}/attachments/no-such-attachment`, 'cara');
    expect(unknown.statusCode).toBe(404);
  });
});

describe(`${casesRoutes.name}: who sees which case`, () => {
  it("lists an exporter's own organisation's cases only, and answers 404 for another's", async () => {
    const { app } = await casesApp();
    const ours = await draft(app, 'erin');
    const theirs = await draft(app, 'otto');
    const listed = await get(app, '/v1/cases', 'erin');
    expect(listed.json<{ cases: { id: string }[] }>().cases.map((c) => c.id)).toEqual([ours.id]);
    expect((await get(app, `/v1/cases/${theirs.id}`, 'erin')).statusCode).toBe(404);
    const officer = await get(app, '/v1/cases', 'cara');
    expect(
      officer
        .json<{ cases: { id: string }[] }>()
        .cases.map((c) => c.id)
        .sort(),
    ).toEqual([ours.id, theirs.id].sort());
  });

  it('keeps anonymous callers out of every case route but document verification', async () => {
    const { app } = await casesApp();
    const { id } = await draft(app);
    for (const url of [
      '/v1/cases',
      `/v1/cases/${id}`,
      `/v1/cases/${id}/document`,
      `/v1/cases/${id}/attachments`,
      '/v1/alerts',
      '/v1/statistics/decisions',
    ]) {
      expect((await get(app, url)).statusCode, url).toBe(401);
    }
    expect((await get(app, '/v1/documents/verify/ANY')).statusCode).toBe(200);
  });

  it('shows alerts and decision statistics to officers only, as JSON or CSV', async () => {
    const { app, deps } = await casesApp();
    const { id } = await draft(app);
    await post(app, `/v1/cases/${id}/submit`, 'erin', { expectedVersion: 1 });
    await refuse(app, deps, id);
    expect((await get(app, '/v1/alerts', 'erin')).statusCode).toBe(403);
    expect((await get(app, '/v1/statistics/decisions', 'erin')).statusCode).toBe(403);
    const alerts = await get(app, '/v1/alerts', 'cara');
    expect(alerts.statusCode, alerts.body).toBe(200);
    expect(alerts.json()).toEqual({ alerts: [] });
    const statistics = await get(app, '/v1/statistics/decisions', 'sam');
    expect(statistics.statusCode, statistics.body).toBe(200);
    expect(JSON.stringify(statistics.json())).toContain('refused');
    const csv = await get(app, '/v1/statistics/decisions?format=csv', 'aud');
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.body.split('\n').length).toBeGreaterThan(1);
  });
});

describe(`${casesRoutes.name}: bad input`, () => {
  it('lists every problem of an application at once, each naming its field', async () => {
    const { app } = await casesApp();
    const refused = await post(app, '/v1/cases', 'erin', { items: [] });
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.json()).toMatchObject({
      error: { code: 'CORDON_VALIDATION_FAILED', fields: [{ field: 'endUse' }] },
    });
  });

  it('names an unknown stage, an action that is not one, and a missing version', async () => {
    const { app } = await casesApp();
    const { id } = await draft(app);
    const stage = await get(app, '/v1/cases?stage=pondering', 'cara');
    expect(stage.statusCode, stage.body).toBe(400);
    expect(stage.json()).toMatchObject({ error: { fields: [{ field: 'querystring.stage' }] } });
    const action = await post(app, `/v1/cases/${id}/actions`, 'cara', {
      kind: 'approve-everything',
      expectedVersion: 1,
    });
    expect(action.statusCode, action.body).toBe(400);
    const version = await post(app, `/v1/cases/${id}/submit`, 'erin', {});
    expect(version.statusCode, version.body).toBe(400);
    expect(version.body).toContain('expectedVersion');
  });

  it('lets only exporters open and submit cases, and only administrators dry-run routing', async () => {
    const { app } = await casesApp();
    for (const who of ['cara', 'sam', 'ada', 'aud'] as const) {
      expect((await post(app, '/v1/cases', who, refusableApplication)).statusCode, who).toBe(403);
    }
    const { id } = await draft(app);
    expect(
      (await post(app, `/v1/cases/${id}/submit`, 'cara', { expectedVersion: 1 })).statusCode,
    ).toBe(403);
    expect((await post(app, '/v1/routing/dry-run', 'cara', {})).statusCode).toBe(403);
    const dryRun = await post(app, '/v1/routing/dry-run', 'ada', { policy: { version: 0 } });
    expect(dryRun.statusCode, dryRun.body).toBe(400);
  });
});
