import { afterEach, describe, expect, it } from 'vitest';
import { testSha256 } from '../../../../../test/fakes/in-memory-audit-log.ts';
import { inMemoryPublicConsultationStore } from '../../../../../test/fakes/in-memory-public-consultation-store.ts';
import { seedUser, testPeopleDeps } from '../../../../../test/fakes/people-deps.ts';
import { testAuthenticator } from '../../../../../test/fakes/test-authenticator.ts';
import { multipartBody } from '../../../../../test/support/multipart.ts';
import { buildTestApp } from '../../../../../test/support/test-app.ts';
import { sessionPrincipal } from '../../../../application/people/authenticate.ts';
import type { ProposalSummary } from '../../../../application/ports/proposal-lookup.ts';
import type { PublicConsultationDeps } from '../../../../application/public-consultation/public-consultation-deps.ts';
import type {
  PublicConsultationViewJson,
  StaffCommentJson,
  StaffConsultationJson,
} from '../../../../contracts/public-consultation.ts';
import type { Authenticator } from '../../auth/authenticator.ts';
import type { App } from '../../build-app.ts';

// Issue 21, part 3: a consultation on a control proposal collects comments from an industry and
// an academic account and publishes its response, through the HTTP API with real sign-in; anyone
// reads it without signing in.

const password = 'violet harbour lantern 42';
const dayMs = 24 * 60 * 60 * 1000;
const pdf = new TextEncoder().encode('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

let app: App | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function consultationApp() {
  const { deps: people, audit, clock } = testPeopleDeps();
  await seedUser(people, 'cas', ['caseworker']);
  await seedUser(people, 'sam', ['senior-officer']);
  const proposals = new Map<string, ProposalSummary>([
    [
      'prop-1',
      {
        id: 'prop-1',
        title: 'Control facial-recognition software for mass surveillance',
        authority: 'GB',
        currentVersion: 2,
        status: 'published',
      },
    ],
    [
      'prop-gone',
      { id: 'prop-gone', title: 'x', authority: 'GB', currentVersion: 1, status: 'withdrawn' },
    ],
  ]);
  let ids = 0;
  const consultations: PublicConsultationDeps = {
    store: inMemoryPublicConsultationStore(audit),
    proposals: { findProposalSummary: (id) => Promise.resolve(proposals.get(id)) },
    policies: {
      policyVersionExists: (jurisdiction, version) =>
        Promise.resolve(jurisdiction === 'GB' && version <= 2),
    },
    authority: 'GB',
    attachmentLimitBytes: 64 * 1024,
    clock,
    secrets: { id: () => `x${String((ids += 1)).padStart(6, '0')}` },
    sha256Bytes: (bytes) => testSha256(Buffer.from(bytes).toString('latin1')),
  };
  const bearer = testAuthenticator();
  const authenticator: Authenticator = {
    bearer: (credential) => bearer.bearer(credential),
    session: (sessionId) => sessionPrincipal(people, sessionId),
  };
  app = await buildTestApp({
    auth: { authenticator, people, audit: { audit, sha256: testSha256 } },
    publicConsultations: { consultations },
  });
  return { app, audit, clock, people };
}

/** Signs in through `POST /v1/auth/login`: the session cookie and its CSRF header. */
async function signIn(app: App, username: string, pass = 'correct horse battery') {
  const response = await app.inject({
    method: 'POST',
    url: '/v1/auth/login',
    payload: { username, password: pass },
  });
  expect(response.statusCode, response.body).toBe(200);
  return {
    cookies: { cordon_session: response.cookies[0]?.value ?? '' },
    headers: { 'x-csrf-token': response.json<{ csrfToken: string }>().csrfToken },
  };
}

const register = (app: App, username: string, kind: string, remoteAddress = '198.51.100.7') =>
  app.inject({
    method: 'POST',
    url: '/v1/public/consultations/commenters',
    payload: { username, password, displayName: `${username} in full`, kind },
    remoteAddress,
  });

async function openOnProposal(app: App, now: Date) {
  const cas = await signIn(app, 'cas');
  const opened = await app.inject({
    method: 'POST',
    url: '/v1/public-consultations',
    ...cas,
    payload: {
      title: 'Facial recognition controls',
      summary: 'Should facial-recognition software for mass surveillance be controlled?',
      subject: { kind: 'proposal', proposalId: 'prop-1' },
      opensAt: now.toISOString(),
      closesAt: new Date(now.getTime() + 14 * dayMs).toISOString(),
    },
  });
  expect(opened.statusCode, opened.body).toBe(201);
  return { cas, id: opened.json<{ id: string }>().id };
}

describe('a public consultation on a control proposal', () => {
  it('collects comments from an industry and an academic account and publishes its response, read by anyone without signing in', async () => {
    const { app, audit, clock } = await consultationApp();

    // Nothing is open: nobody may register yet.
    expect((await register(app, 'ingrid', 'industry')).statusCode).toBe(409);

    const { cas, id } = await openOnProposal(app, clock.now());

    const anonymousList = await app.inject({ method: 'GET', url: '/v1/public/consultations' });
    expect(anonymousList.statusCode, anonymousList.body).toBe(200);
    expect(anonymousList.json()).toMatchObject({
      consultations: [
        {
          id,
          status: 'open',
          subject: { kind: 'proposal', proposalId: 'prop-1', version: 2 },
          commentCount: 0,
        },
      ],
    });

    expect((await register(app, 'ingrid', 'industry')).statusCode).toBe(201);
    expect((await register(app, 'ada', 'academia')).statusCode).toBe(201);
    const ingrid = await signIn(app, 'ingrid', password);
    const ada = await signIn(app, 'ada', password);

    const withFile = multipartBody(
      {
        text: 'The definition catches ordinary CCTV analytics.',
        publishedOrganisation: 'Acme Optics',
      },
      [{ name: 'impact-assessment.pdf', content: pdf }],
    );
    const industry = await app.inject({
      method: 'POST',
      url: `/v1/public-consultations/${id}/comments`,
      cookies: ingrid.cookies,
      headers: { ...ingrid.headers, ...withFile.headers },
      payload: withFile.payload,
    });
    expect(industry.statusCode, industry.body).toBe(201);
    const academic = await app.inject({
      method: 'POST',
      url: `/v1/public-consultations/${id}/comments`,
      ...ada,
      payload: {
        text: 'Add real-time remote biometric identification explicitly.',
        publishedName: 'Dr Ada Byron',
      },
    });
    expect(academic.statusCode, academic.body).toBe(201);
    const industryId = industry.json<StaffCommentJson>().id;
    const academicId = academic.json<StaffCommentJson>().id;
    expect(industry.json<StaffCommentJson>().attachments).toMatchObject([
      { fileName: 'impact-assessment.pdf', kind: 'pdf' },
    ]);

    // While the period runs the public sees no comments.
    const during = await app.inject({ method: 'GET', url: `/v1/public/consultations/${id}` });
    expect(during.json<PublicConsultationViewJson>()).not.toHaveProperty('comments');
    expect(during.json<PublicConsultationViewJson>().commentCount).toBe(2);

    // Officials answer each comment; the response waits for the end of the period.
    for (const commentId of [industryId, academicId]) {
      const answered = await app.inject({
        method: 'POST',
        url: `/v1/public-consultations/${id}/comments/${commentId}/answer`,
        ...cas,
        payload: { text: `Thank you; see the response (${commentId}).` },
      });
      expect(answered.statusCode, answered.body).toBe(201);
    }
    const sam = await signIn(app, 'sam');
    const response = {
      text: 'The proposal is narrowed and made explicit about real-time identification.',
      finalVersion: 3,
      changes: [
        {
          change: 'Entry now names real-time remote biometric identification.',
          commentIds: [academicId],
        },
        { change: 'Analytics that only count people are excluded.', commentIds: [industryId] },
      ],
    };
    const early = await app.inject({
      method: 'POST',
      url: `/v1/public-consultations/${id}/response`,
      ...sam,
      payload: response,
    });
    expect(early.statusCode, early.body).toBe(409);
    expect(early.json()).toMatchObject({ error: { code: 'CORDON_PUBLIC_CONSULTATION_NOT_NOW' } });

    clock.advance(15 * dayMs);
    const adaAgain = await signIn(app, 'ada', password);
    const late = await app.inject({
      method: 'POST',
      url: `/v1/public-consultations/${id}/comments`,
      ...adaAgain,
      payload: { text: 'One more thing.' },
    });
    expect(late.statusCode, late.body).toBe(409);
    const published = await app.inject({
      method: 'POST',
      url: `/v1/public-consultations/${id}/response`,
      ...(await signIn(app, 'sam')),
      payload: response,
    });
    expect(published.statusCode, published.body).toBe(201);
    expect(published.json()).toMatchObject({ status: 'concluded', response: { finalVersion: 3 } });

    const after = await app.inject({ method: 'GET', url: `/v1/public/consultations/${id}` });
    expect(after.statusCode, after.body).toBe(200);
    const view = after.json<PublicConsultationViewJson>();
    expect(view).toMatchObject({ status: 'concluded', response: { changes: response.changes } });
    expect(view.comments).toMatchObject([
      {
        id: industryId,
        commenterKind: 'industry',
        publishedOrganisation: 'Acme Optics',
        answer: { text: expect.stringContaining('Thank you') as unknown },
        ledTo: ['Analytics that only count people are excluded.'],
      },
      {
        id: academicId,
        commenterKind: 'academia',
        publishedName: 'Dr Ada Byron',
        ledTo: ['Entry now names real-time remote biometric identification.'],
      },
    ]);
    expect(view.comments?.[0]).not.toHaveProperty('publishedName');
    // No account, display name or official appears in what the public reads.
    for (const personal of ['ingrid', 'ada in full', '"ada"', 'user:cas', 'user:sam', 'usr-']) {
      expect(after.body).not.toContain(personal);
    }
    const file = await app.inject({
      method: 'GET',
      url: `/v1/public/consultations/${id}/comments/${industryId}/attachments/${view.comments?.[0]?.attachments[0]?.id ?? ''}`,
    });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');

    const actions = (await audit.entries()).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'public-consultation.open',
        'public-consultation.register',
        'public-consultation.comment',
        'public-consultation.answer',
        'public-consultation.respond',
      ]),
    );
    expect(actions.filter((a) => a === 'public-consultation.comment')).toHaveLength(2);
  });

  it('gives a registered commenter no access to cases, screening, assessments or people', async () => {
    const { app, clock } = await consultationApp();
    await openOnProposal(app, clock.now());
    expect((await register(app, 'cora', 'civil-society')).statusCode).toBe(201);
    const cora = await signIn(app, 'cora', password);
    for (const url of [
      '/v1/public-consultations',
      '/v1/users',
      '/v1/organisations',
      '/v1/audit',
      '/v1/lists',
    ]) {
      const response = await app.inject({ method: 'GET', url, ...cora });
      expect([403, 404], `${url}: ${response.body}`).toContain(response.statusCode);
      expect(response.statusCode, url).not.toBe(200);
    }
    const screen = await app.inject({
      method: 'POST',
      url: '/v1/screen',
      ...cora,
      payload: { name: 'Hikvision' },
    });
    expect(screen.statusCode).toBe(403);
  });
});

describe('abusive input to a public consultation', () => {
  it('refuses a comment with control characters, naming the field, and stores nothing', async () => {
    const { app, clock } = await consultationApp();
    const { cas, id } = await openOnProposal(app, clock.now());
    await register(app, 'ingrid', 'industry');
    const ingrid = await signIn(app, 'ingrid', password);
    const bad = await app.inject({
      method: 'POST',
      url: `/v1/public-consultations/${id}/comments`,
      ...ingrid,
      payload: { text: 'looks fine\u202Eenil', publishedName: ' ', extra: 1 },
    });
    expect(bad.statusCode, bad.body).toBe(400);
    expect(bad.json()).toMatchObject({
      error: { code: 'CORDON_VALIDATION_FAILED', fields: [{ field: 'extra' }] },
    });
    const worse = await app.inject({
      method: 'POST',
      url: `/v1/public-consultations/${id}/comments`,
      ...ingrid,
      payload: { text: 'looks fine\u202Eenil' },
    });
    expect(worse.statusCode, worse.body).toBe(400);
    expect(worse.json()).toMatchObject({
      error: {
        fields: [{ field: 'text', problem: expect.stringContaining('bidirectional') as unknown }],
      },
    });
    const executable = multipartBody({ text: 'See attached.' }, [
      { name: 'report.pdf', content: new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03]) },
    ]);
    const refused = await app.inject({
      method: 'POST',
      url: `/v1/public-consultations/${id}/comments`,
      cookies: ingrid.cookies,
      headers: { ...ingrid.headers, ...executable.headers },
      payload: executable.payload,
    });
    expect(refused.statusCode, refused.body).toBe(415);
    const staffView = await app.inject({
      method: 'GET',
      url: `/v1/public-consultations/${id}`,
      ...cas,
    });
    expect(staffView.json<StaffConsultationJson>().comments).toEqual([]);
  });

  it('rate-limits registration per client address and refuses roles other than commenter', async () => {
    const { app, clock } = await consultationApp();
    await openOnProposal(app, clock.now());
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      statuses.push(
        (await register(app, `person${String(i)}`, 'industry', '203.0.113.9')).statusCode,
      );
    }
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);
    const asOfficer = await register(app, 'sneaky', 'licensing-authority', '203.0.113.10');
    expect(asOfficer.statusCode).toBe(400);
    expect(asOfficer.body).toContain('kind');
  });

  it('refuses a consultation on a withdrawn or unknown proposal, naming the field', async () => {
    const { app, clock } = await consultationApp();
    const cas = await signIn(app, 'cas');
    for (const proposalId of ['prop-gone', 'prop-none']) {
      const refused = await app.inject({
        method: 'POST',
        url: '/v1/public-consultations',
        ...cas,
        payload: {
          title: 'x',
          summary: 'y',
          subject: { kind: 'proposal', proposalId },
          opensAt: clock.now().toISOString(),
          closesAt: new Date(clock.now().getTime() + dayMs).toISOString(),
        },
      });
      expect(refused.statusCode, refused.body).toBe(400);
      expect(refused.json()).toMatchObject({
        error: { fields: [{ field: 'subject.proposalId' }] },
      });
    }
  });
});
