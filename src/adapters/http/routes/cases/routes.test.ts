import { afterEach, describe, expect, it } from 'vitest';
import { refusableApplication, testCaseDeps } from '../../../../../test/fakes/case-deps.ts';
import { multipartBody } from '../../../../../test/support/multipart.ts';
import { buildTestApp } from '../../../../../test/support/test-app.ts';
import type { CaseDeps } from '../../../../application/cases/case-deps.ts';
import type { CaseRecord } from '../../../../application/ports/case-store.ts';
import type { OrganisationKind, Principal } from '../../../../domain/people/people.ts';
import type { Role } from '../../../../domain/people/role.ts';
import { cordonError } from '../../../../domain/shared/errors.ts';
import { err, ok } from '../../../../domain/shared/result.ts';
import type { Authenticator } from '../../auth/authenticator.ts';
import type { App } from '../../build-app.ts';
import { casesRoutes } from './routes.ts';

// Named people, each a bearer token `Bearer <username>`: one person may hold several roles, and
// organisations have kinds (the test authenticator of other tests gives one role per token).
const people: Readonly<Record<string, [OrganisationKind, string, readonly Role[]]>> = {
  erin: ['exporter', 'org-vista', ['exporter']],
  cara: ['licensing-authority', 'org-authority', ['caseworker']],
  adam: ['licensing-authority', 'org-authority', ['advisor']],
  sam: ['licensing-authority', 'org-authority', ['senior-officer']],
  sue: ['licensing-authority', 'org-authority', ['senior-officer']],
  // One person holding every officer role: separation of duties must stop them, not the roles.
  olga: ['licensing-authority', 'org-authority', ['caseworker', 'advisor', 'senior-officer']],
  // An advisor who is also a senior officer.
  hank: ['licensing-authority', 'org-authority', ['advisor', 'senior-officer']],
  // A senior officer of a partner state's authority, registered on this node.
  pete: ['partner-authority', 'org-partner', ['caseworker', 'senior-officer']],
};

const namedAuthenticator: Authenticator = {
  bearer(credential) {
    const person = people[credential];
    if (person === undefined) {
      return Promise.resolve(err(cordonError('CORDON_UNAUTHENTICATED', 'Unknown person.')));
    }
    const [organisationKind, organisationId, roles] = person;
    const principal: Principal = {
      userId: `u-${credential}`,
      username: credential,
      organisationId,
      organisationKind,
      roles,
      via: 'token:test',
    };
    return Promise.resolve(ok(principal));
  },
  session: () => Promise.resolve(undefined),
};

const as = (username: keyof typeof people) => ({ authorization: `Bearer ${username}` });

let app: App | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function casesApp(overrides: Partial<CaseDeps> = {}) {
  const { deps, audit } = testCaseDeps();
  const withOverrides: CaseDeps = { ...deps, ...overrides };
  app = await buildTestApp({ cases: withOverrides, auth: { authenticator: namedAuthenticator } });
  return { app, deps: withOverrides, audit };
}

interface CaseBody {
  readonly id: string;
  readonly version: number;
  readonly stage: string;
  readonly state: Record<string, unknown>;
}

/** A submitted case (awaiting advice from the human-rights desk). */
async function submittedCase(app: App): Promise<CaseBody> {
  const draft = await app.inject({
    method: 'POST',
    url: '/v1/cases',
    headers: as('erin'),
    payload: refusableApplication,
  });
  expect(draft.statusCode, draft.body).toBe(201);
  const { id, version } = draft.json<CaseBody>();
  const submitted = await app.inject({
    method: 'POST',
    url: `/v1/cases/${id}/submit`,
    headers: as('erin'),
    payload: { expectedVersion: version },
  });
  expect(submitted.statusCode, submitted.body).toBe(200);
  return submitted.json<CaseBody>();
}

const criteria = [{ code: 'UK-SELC-2', reason: 'Clear risk of internal repression' }];
const advice = {
  kind: 'give-advice',
  desk: 'human-rights',
  outcome: 'refuse',
  criteria,
  text: 'The desk holds evidence of repression by this bureau.',
};
const recommendation = { kind: 'recommend', outcome: 'refused', criteria, text: 'Refuse.' };
const decision = { kind: 'decide', outcome: 'refused', criteria, text: 'Refused.' };

/** Acts on a case; returns the response (the case's version is read from the store). */
async function act(
  app: App,
  deps: CaseDeps,
  id: string,
  who: keyof typeof people,
  action: Record<string, unknown>,
) {
  const current = await deps.store.get(id);
  return app.inject({
    method: 'POST',
    url: `/v1/cases/${id}/actions`,
    headers: as(who),
    payload: { ...action, expectedVersion: current?.licenceCase.version ?? 1 },
  });
}

describe(`${casesRoutes.name}: separation of duties (issue 18, finding 2)`, () => {
  it('refuses a person who advised when they try to recommend the same case, whatever roles they hold', async () => {
    const { app, deps } = await casesApp();
    const { id } = await submittedCase(app);
    expect((await act(app, deps, id, 'olga', advice)).statusCode).toBe(200);
    const recommended = await act(app, deps, id, 'olga', recommendation);
    expect(recommended.statusCode, recommended.body).toBe(403);
    expect(recommended.json()).toMatchObject({ error: { code: 'CORDON_DUTIES_NOT_SEPARATE' } });
    expect((await deps.store.get(id))?.licenceCase.stage).toBe('under-review');
  });

  it('refuses a countersignature by the advisor of the case, and by the recommender', async () => {
    const { app, deps } = await casesApp();
    const { id } = await submittedCase(app);
    expect((await act(app, deps, id, 'hank', advice)).statusCode).toBe(200);
    expect((await act(app, deps, id, 'cara', recommendation)).statusCode).toBe(200);
    expect((await act(app, deps, id, 'sam', decision)).statusCode).toBe(200);
    const byAdvisor = await act(app, deps, id, 'hank', { kind: 'countersign' });
    expect(byAdvisor.statusCode, byAdvisor.body).toBe(403);
    expect(byAdvisor.json()).toMatchObject({ error: { code: 'CORDON_DUTIES_NOT_SEPARATE' } });
    expect((await deps.store.get(id))?.licenceCase.stage).toBe('awaiting-countersignature');
    const bySomeoneElse = await act(app, deps, id, 'sue', { kind: 'countersign' });
    expect(bySomeoneElse.statusCode, bySomeoneElse.body).toBe(200);
    expect(bySomeoneElse.json<CaseBody>().stage).toBe('finalised');
  });

  it('keeps a returned decider from countersigning the next decision', async () => {
    const { app, deps } = await casesApp();
    const { id } = await submittedCase(app);
    await act(app, deps, id, 'adam', advice);
    await act(app, deps, id, 'cara', recommendation);
    await act(app, deps, id, 'sam', decision);
    // sue sends the decision back instead of countersigning; sam's decision is gone from the case.
    expect(
      (
        await act(app, deps, id, 'sue', {
          kind: 'return-for-review',
          reason: 'Check the end user.',
        })
      ).statusCode,
    ).toBe(200);
    await act(app, deps, id, 'cara', recommendation);
    expect((await act(app, deps, id, 'sue', decision)).statusCode).toBe(200);
    const bySam = await act(app, deps, id, 'sam', { kind: 'countersign' });
    expect(bySam.json()).toMatchObject({ error: { code: 'CORDON_DUTIES_NOT_SEPARATE' } });
  });

  it("shows a partner authority's users none of this authority's cases and lets them do nothing", async () => {
    const { app, deps } = await casesApp();
    const { id } = await submittedCase(app);
    await act(app, deps, id, 'adam', advice);
    await act(app, deps, id, 'cara', recommendation);
    await act(app, deps, id, 'sam', decision);
    const listed = await app.inject({ method: 'GET', url: '/v1/cases', headers: as('pete') });
    expect(listed.json()).toEqual({ cases: [] });
    const seen = await app.inject({ method: 'GET', url: `/v1/cases/${id}`, headers: as('pete') });
    expect(seen.statusCode).toBe(404);
    const countersigned = await act(app, deps, id, 'pete', { kind: 'countersign' });
    expect(countersigned.statusCode).toBe(404);
    expect((await deps.store.get(id))?.licenceCase.stage).toBe('awaiting-countersignature');
    const statistics = await app.inject({
      method: 'GET',
      url: '/v1/statistics/decisions',
      headers: as('pete'),
    });
    expect(statistics.statusCode).toBe(403);
  });
});

describe(`${casesRoutes.name}: what an exporter sees (issue 18, finding 4)`, () => {
  async function refusalAwaitingCountersignature() {
    const notified: CaseRecord[] = [];
    const made = await casesApp({
      notifyWithdrawnRefusal: (record) => {
        notified.push(record);
        return Promise.resolve();
      },
    });
    const { id } = await submittedCase(made.app);
    await act(made.app, made.deps, id, 'adam', advice);
    await act(made.app, made.deps, id, 'cara', recommendation);
    await act(made.app, made.deps, id, 'sam', decision);
    return { ...made, id, notified };
  }

  it('shows the status and the questions, never advice, recommendation, a draft decision or partner evidence', async () => {
    const { app, deps, id } = await refusalAwaitingCountersignature();
    await act(app, deps, id, 'sue', { kind: 'return-for-review', reason: 'Ask about operators.' });
    await act(app, deps, id, 'cara', {
      kind: 'request-information',
      question: 'Who operates the cameras?',
    });
    await act(app, deps, id, 'erin', { kind: 'answer-information', answer: 'The bureau.' });
    await act(app, deps, id, 'cara', recommendation);
    await act(app, deps, id, 'sam', decision);
    const seen = await app.inject({ method: 'GET', url: `/v1/cases/${id}`, headers: as('erin') });
    expect(seen.statusCode).toBe(200);
    const body = seen.json<CaseBody & Record<string, unknown>>();
    expect(body.stage).toBe('under-review');
    expect(body.state).toMatchObject({
      informationRequests: [{ question: 'Who operates the cameras?', answer: 'The bureau.' }],
    });
    for (const secret of [
      'evidence of repression', // the advice text
      'adam', // the advisor
      'sam', // the decider
      'cara', // the caseworker
      'recommendation',
      'advice',
      'awaiting-countersignature',
      'refused', // the undecided outcome
      'partner-denials',
      'US-2026-0042', // a partner's confidential denial, from the frozen assessment
      'automatedOutcome',
      'human-rights', // the desk and queue the case was routed to
    ]) {
      expect(seen.body, secret).not.toContain(secret);
    }
    expect(body).not.toHaveProperty('assessment');
    expect(body).not.toHaveProperty('routing');
    const listed = await app.inject({ method: 'GET', url: '/v1/cases', headers: as('erin') });
    expect(listed.body).not.toMatch(/awaiting-countersignature|automatedOutcome|queue/);
    const officer = await app.inject({
      method: 'GET',
      url: `/v1/cases/${id}`,
      headers: as('cara'),
    });
    expect(officer.body).toContain('evidence of repression');
  });

  it('shows the decision once it is countersigned', async () => {
    const { app, deps, id } = await refusalAwaitingCountersignature();
    await act(app, deps, id, 'sue', { kind: 'countersign' });
    const seen = await app.inject({ method: 'GET', url: `/v1/cases/${id}`, headers: as('erin') });
    expect(seen.json<CaseBody>()).toMatchObject({
      stage: 'finalised',
      outcome: 'refused',
      state: { decision: { outcome: 'refused', criteria } },
    });
    expect(seen.body).not.toContain('evidence of repression');
  });

  it('records a withdrawal while a refusal awaits countersignature, and notifies partners as the policy says', async () => {
    const { app, deps, id, notified } = await refusalAwaitingCountersignature();
    const withdrawn = await act(app, deps, id, 'erin', {
      kind: 'withdraw',
      reason: 'No longer needed.',
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json<CaseBody>().stage).toBe('withdrawn');
    const stored = await deps.store.get(id);
    expect(stored?.licenceCase.refusalPendingAtWithdrawal).toMatchObject({
      outcome: 'refused',
      by: { userId: 'u-sam' },
    });
    expect(notified.map((r) => r.licenceCase.id)).toEqual([id]);
  });
});

describe(`${casesRoutes.name}: bad input (finding 8)`, () => {
  it('refuses a criterion code that is not a code, naming the field, and neutralises formulas in the statistics CSV', async () => {
    const { app, deps } = await casesApp();
    const { id } = await submittedCase(app);
    await act(app, deps, id, 'adam', advice);
    await act(app, deps, id, 'cara', recommendation);
    const formula = await act(app, deps, id, 'sam', {
      ...decision,
      criteria: [{ code: '=HYPERLINK("http://evil.example","UK-SELC-2")', reason: 'x' }],
    });
    expect(formula.statusCode).toBe(400);
    expect(formula.json()).toMatchObject({
      error: { fields: [{ field: 'body.criteria.0.code' }] },
    });
    // A decision stored before codes were checked still leaves the CSV as text.
    const record = await deps.store.get(id);
    if (record === undefined) throw new Error('no case');
    const decidedAt = new Date('2026-11-29T10:00:00Z');
    const legacy = {
      ...record.licenceCase,
      stage: 'finalised' as const,
      outcome: 'refused' as const,
      finalisedAt: decidedAt,
      decision: {
        by: { userId: 'u-sam', role: 'senior-officer' as const },
        outcome: 'refused' as const,
        criteria: [{ code: '=cmd|" /C calc"!A0', reason: 'legacy' }],
        provisos: [],
        text: 'Refused.',
        at: decidedAt,
        countersignedBy: { userId: 'u-sue', role: 'senior-officer' as const },
        countersignedAt: decidedAt,
      },
    };
    await deps.store.save(
      { ...record, licenceCase: { ...legacy, version: record.licenceCase.version + 1 } },
      record.licenceCase.version,
      [],
      [],
    );
    const csv = await app.inject({
      method: 'GET',
      url: '/v1/statistics/decisions?format=csv',
      headers: as('cara'),
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain(`"'=cmd|"" /C calc""!A0"`);
    expect(csv.body).not.toMatch(/,=cmd/);
  });

  it('refuses attachment names that would run or render (.html, .svg, .hta, .bat), whatever the content', async () => {
    const { app } = await casesApp();
    const { id } = await submittedCase(app);
    for (const name of ['notes.html', 'logo.svg', 'setup.hta', 'run.bat', 'undertaking.pdf.exe']) {
      const body = multipartBody({ category: 'other' }, [{ name, content: 'plain words only' }]);
      const response = await app.inject({
        method: 'POST',
        url: `/v1/cases/${id}/attachments`,
        payload: body.payload,
        headers: { ...body.headers, ...as('erin') },
      });
      expect(response.statusCode, name).toBe(415);
      expect(response.json(), name).toMatchObject({ error: { code: 'CORDON_ATTACHMENT_REFUSED' } });
    }
    const body = multipartBody({}, [{ name: 'notes.txt', content: 'plain words only' }]);
    const accepted = await app.inject({
      method: 'POST',
      url: `/v1/cases/${id}/attachments`,
      payload: body.payload,
      headers: { ...body.headers, ...as('erin') },
    });
    expect(accepted.statusCode, accepted.body).toBe(201);
  });

  it('answers 400 naming the problem for too many form fields or a second file, never 500', async () => {
    const { app } = await casesApp();
    const { id } = await submittedCase(app);
    const fields = Object.fromEntries(
      Array.from({ length: 8 }, (_, i) => [`field${String(i)}`, 'x']),
    );
    const manyFields = multipartBody(fields, [{ name: 'a.txt', content: 'text' }]);
    const tooMany = await app.inject({
      method: 'POST',
      url: `/v1/cases/${id}/attachments`,
      payload: manyFields.payload,
      headers: { ...manyFields.headers, ...as('erin') },
    });
    expect(tooMany.statusCode, tooMany.body).toBe(400);
    expect(tooMany.json()).toMatchObject({ error: { fields: [{ field: 'fields' }] } });
    const twoFiles = multipartBody({}, [
      { name: 'a.txt', content: 'one' },
      { name: 'b.txt', content: 'two' },
    ]);
    const second = await app.inject({
      method: 'POST',
      url: `/v1/cases/${id}/attachments`,
      payload: twoFiles.payload,
      headers: { ...twoFiles.headers, ...as('erin') },
    });
    expect(second.statusCode, second.body).toBe(400);
    expect(second.json()).toMatchObject({ error: { fields: [{ field: 'files' }] } });
  });
});
