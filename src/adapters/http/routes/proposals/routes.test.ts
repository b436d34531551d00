import { afterEach, describe, expect, it } from 'vitest';
import { buildProposalContent } from '../../../../../test/factories/proposed-entry.ts';
import { fixedClock } from '../../../../../test/fakes/fixed-clock.ts';
import { inMemoryAuditLog, testSha256 } from '../../../../../test/fakes/in-memory-audit-log.ts';
import { inMemoryExchangeStore } from '../../../../../test/fakes/in-memory-exchange-store.ts';
import { inMemoryProposalStore } from '../../../../../test/fakes/in-memory-proposal-store.ts';
import { inMemoryPublicConsultationStore } from '../../../../../test/fakes/in-memory-public-consultation-store.ts';
import { shippedRegulationSources } from '../../../../../test/fakes/in-memory-regulation-sources.ts';
import { asRole, buildTestApp } from '../../../../../test/support/test-app.ts';
import type { ExchangeDeps } from '../../../../application/exchange/exchange-deps.ts';
import type { CaseRecord } from '../../../../application/ports/case-store.ts';
import type { ProposalDeps } from '../../../../application/proposals/proposal-deps.ts';
import { err } from '../../../../domain/shared/result.ts';
import {
  generateNodeKey,
  joseMessageSigner,
  joseSignatureVerifier,
} from '../../../exchange/jose-signatures.ts';
import type { App } from '../../build-app.ts';

// The proposal routes in process, on in-memory stores and real signatures: who may do what, what
// bad input gets, every body against its schema. Three nodes talking: test/e2e/proposals-exchange.
const clock = fixedClock('2026-12-07T10:00:00Z');
let app: App | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const content = buildProposalContent();

/** A submitted case, as much of it as a dry run reads. */
const openCase = {
  licenceCase: { id: 'case-1', reference: 'NL-2026-0001', stage: 'under-review' },
  application: {
    destination: { country: 'EG' },
    parties: [{ role: 'end-user', name: 'Directorate', type: 'government-security' }],
    items: [{ description: 'Facial recognition system for crowd scanning' }],
  },
  history: [],
} as unknown as CaseRecord;

/** Node NL; `consultations`, when given, are the public consultations that open proposals to exporters. */
async function nlNode(consultations?: ProposalDeps['consultations']) {
  const signer = await joseMessageSigner('NL-ILT', [await generateNodeKey(clock.now())]);
  const exchange: ExchangeDeps = {
    store: inMemoryExchangeStore(() => clock.now()),
    signer: { ok: true, value: signer },
    verifier: joseSignatureVerifier,
    feed: { fetch: () => Promise.resolve(err('no partner is fetched from in these tests')) },
    cases: { list: () => Promise.resolve([openCase]) } as unknown as ExchangeDeps['cases'],
    clock,
    sha256: testSha256,
    policy: {
      redactExporter: true,
      reviewYears: 3,
      partnerUrls: { allowLoopbackHttp: false, allowedPrivate: [] },
    },
  };
  const store = inMemoryProposalStore();
  const proposals: ProposalDeps = {
    proposals: store,
    exchange,
    catalogue: shippedRegulationSources(),
    cases: { list: () => Promise.resolve([openCase]) },
    clock,
    ...(consultations === undefined ? {} : { consultations }),
  };
  app = await buildTestApp({ proposals });
  return { app, store, exchange };
}

describe('/v1/proposals', () => {
  it('drafts, publishes, records a position, amends and withdraws, every step signed and audited', async () => {
    const { app, store, exchange } = await nlNode();
    const drafted = await app.inject({
      method: 'POST',
      url: '/v1/proposals',
      headers: asRole('caseworker'),
      payload: content,
    });
    expect(drafted.statusCode, drafted.body).toBe(201);
    const id = drafted.json<{ id: string }>().id;

    expect(
      (
        await app.inject({
          method: 'POST',
          url: `/v1/proposals/${id}/publish`,
          headers: asRole('caseworker'),
        })
      ).statusCode,
    ).toBe(403);
    const published = await app.inject({
      method: 'POST',
      url: `/v1/proposals/${id}/publish`,
      headers: asRole('senior-officer'),
    });
    expect(published.statusCode, published.body).toBe(200);
    const again = await app.inject({
      method: 'POST',
      url: `/v1/proposals/${id}/publish`,
      headers: asRole('senior-officer'),
    });
    expect(again.statusCode).toBe(409);
    expect(again.json<{ error: { code: string } }>().error.code).toBe(
      'CORDON_PROPOSAL_STATE_NOT_ALLOWED',
    );

    const position = await app.inject({
      method: 'POST',
      url: `/v1/proposals/${id}/positions`,
      headers: asRole('senior-officer'),
      payload: { version: 1, position: 'support' },
    });
    expect(position.statusCode, position.body).toBe(201);
    const amended = await app.inject({
      method: 'POST',
      url: `/v1/proposals/${id}/amendments`,
      headers: asRole('senior-officer'),
      payload: {
        content: { ...content, rationale: 'Used against protesters and journalists.' },
        changeNote: 'Journalists added.',
      },
    });
    expect(amended.statusCode, amended.body).toBe(200);
    expect(amended.json()).toMatchObject({ currentVersion: 2, status: 'published' });

    const detail = await app.inject({
      method: 'GET',
      url: `/v1/proposals/${id}`,
      headers: asRole('auditor'),
    });
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.json<{ matrix: unknown[] }>().matrix).toEqual([
      {
        authority: 'NL-ILT',
        cells: [
          { version: 1, position: { authority: 'NL-ILT', version: 1, position: 'support' } },
          { version: 2 },
        ],
        latest: { authority: 'NL-ILT', version: 1, position: 'support' },
      },
    ]);
    for (const url of [
      '/v1/proposals',
      `/v1/proposals/${id}/versions`,
      `/v1/proposals/${id}/positions`,
      '/v1/proposals/sync-gaps',
    ]) {
      const read = await app.inject({ method: 'GET', url, headers: asRole('caseworker') });
      expect(read.statusCode, `${url}: ${read.body}`).toBe(200);
    }
    const withdrawn = await app.inject({
      method: 'POST',
      url: `/v1/proposals/${id}/withdrawal`,
      headers: asRole('senior-officer'),
      payload: { reason: 'Superseded by the Wassenaar proposal.' },
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);

    expect((await exchange.store.outgoing(0, 10)).map((m) => m.header.kind)).toEqual([
      'control-proposal',
      'proposal-position',
      'control-proposal',
      'control-proposal-withdrawal',
    ]);
    expect(store.audit.map((a) => a.action)).toEqual([
      'proposals.draft',
      'proposals.publish',
      'proposals.position',
      'proposals.amend',
      'proposals.withdraw',
    ]);
  });

  it('names every field a draft gets wrong, an unknown catalogue fact among them, and keeps nothing', async () => {
    const { app, store } = await nlNode();
    const refused = await app.inject({
      method: 'POST',
      url: '/v1/proposals',
      headers: asRole('senior-officer'),
      payload: {
        ...content,
        entry: {
          ...content.entry,
          criteria: [{ id: 'a', text: 'x', facts: ['crowd-gazing'], factMode: 'all' }],
        },
      },
    });
    expect(refused.statusCode).toBe(400);
    expect(
      refused.json<{ error: { fields: { field: string; problem: string }[] } }>().error.fields,
    ).toEqual([
      {
        field: 'body.entry.criteria.0.facts.0',
        problem: 'crowd-gazing is not a fact of the control catalogue',
      },
    ]);
    expect(await store.proposals()).toEqual([]);
  });

  it('keeps proposals from exporters', async () => {
    const { app } = await nlNode();
    expect(
      (await app.inject({ method: 'GET', url: '/v1/proposals', headers: asRole('exporter') }))
        .statusCode,
    ).toBe(403);
  });

  it('dry-runs a proposal over the cases: the captured case by destination and end-user type', async () => {
    const { app } = await nlNode();
    const drafted = await app.inject({
      method: 'POST',
      url: '/v1/proposals',
      headers: asRole('caseworker'),
      payload: content,
    });
    const id = drafted.json<{ id: string }>().id;
    const dry = await app.inject({
      method: 'GET',
      url: `/v1/proposals/${id}/dry-run`,
      headers: asRole('caseworker'),
    });
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({
      version: 1,
      report: {
        examined: 1,
        captured: 1,
        byDestination: [{ key: 'EG', captured: 1 }],
        byEndUserType: [{ key: 'government-security', captured: 1 }],
        cases: [{ caseId: 'case-1', capture: 'captured', newlyControlled: true }],
      },
    });
    const missing = await app.inject({
      method: 'GET',
      url: `/v1/proposals/${id}/dry-run?version=3`,
      headers: asRole('caseworker'),
    });
    expect(missing.statusCode).toBe(409);
  });

  describe('POST /v1/proposals/:id/dry-run/catalogue', () => {
    const catalogue = {
      items: [
        { ref: 'FR-200', description: 'Facial recognition system for crowd scanning' },
        { ref: 'ARM-1', description: 'Industrial robot arm', capabilities: ['none'] },
        { ref: 'X-1', description: 'Camera', capabilities: ['mind-reading'] },
      ],
    };

    /** NL with a published proposal; `publicly` opens a public consultation on it first. */
    async function withProposal(publicly: boolean) {
      const consultations = inMemoryPublicConsultationStore(inMemoryAuditLog(clock));
      const node = await nlNode(consultations);
      const drafted = await node.app.inject({
        method: 'POST',
        url: '/v1/proposals',
        headers: asRole('caseworker'),
        payload: content,
      });
      const id = drafted.json<{ id: string }>().id;
      const published = await node.app.inject({
        method: 'POST',
        url: `/v1/proposals/${id}/publish`,
        headers: asRole('senior-officer'),
      });
      expect(published.statusCode, published.body).toBe(200);
      if (publicly) {
        await consultations.addConsultation(
          {
            id: 'pc-1',
            title: 'Facial recognition',
            summary: 'Views sought.',
            authority: 'NL',
            subject: { kind: 'proposal', proposalId: id, version: 1, title: 'x', authority: 'NL' },
            opensAt: new Date('2026-12-01T00:00:00Z'),
            closesAt: new Date('2027-01-01T00:00:00Z'),
            openedBy: { actor: 'cw', at: new Date('2026-12-01T00:00:00Z') },
          },
          {
            actor: 'cw',
            action: 'public-consultation.open',
            objectType: 'public-consultation',
            objectId: 'pc-1',
          },
        );
      }
      return { ...node, id };
    }

    it('answers an exporter item by item, in its order, with the reason, reading no case', async () => {
      const { app, id } = await withProposal(true);
      const ran = await app.inject({
        method: 'POST',
        url: `/v1/proposals/${id}/dry-run/catalogue`,
        headers: asRole('exporter', 'org-exporter'),
        payload: catalogue,
      });
      expect(ran.statusCode, ran.body).toBe(200);
      expect(ran.json()).toMatchObject({
        proposalId: id,
        version: 1,
        entryId: 'NL-PROP-FRT-1',
        examined: 3,
        counts: { captured: 1, 'possibly-captured': 0, 'not-captured': 1, unclassifiable: 1 },
        newlyControlled: 1,
        items: [
          { position: 1, ref: 'FR-200', capture: 'captured' },
          { position: 2, ref: 'ARM-1', capture: 'not-captured' },
          {
            position: 3,
            ref: 'X-1',
            capture: 'unclassifiable',
            reason: expect.stringMatching(/mind-reading/) as unknown,
          },
        ],
      });
      // The open case of the authority is nowhere in the answer.
      expect(ran.body).not.toMatch(/case-1|NL-2026-0001/);
    });

    it('lets staff test any proposal it holds, and hides from an exporter a proposal not under public consultation', async () => {
      const { app, id } = await withProposal(false);
      const staff = await app.inject({
        method: 'POST',
        url: `/v1/proposals/${id}/dry-run/catalogue`,
        headers: asRole('caseworker'),
        payload: catalogue,
      });
      expect(staff.statusCode, staff.body).toBe(200);
      const exporter = await app.inject({
        method: 'POST',
        url: `/v1/proposals/${id}/dry-run/catalogue`,
        headers: asRole('exporter', 'org-exporter'),
        payload: catalogue,
      });
      expect(exporter.statusCode).toBe(404);
      // Every other proposal route stays closed to exporters.
      const other = await app.inject({
        method: 'GET',
        url: `/v1/proposals/${id}/dry-run`,
        headers: asRole('exporter', 'org-exporter'),
      });
      expect(other.statusCode).toBe(403);
    });

    it('refuses an empty catalogue, an unknown field and a version that does not exist', async () => {
      const { app, id } = await withProposal(true);
      for (const [payload, status] of [
        [{ items: [] }, 400],
        [{ items: [{ description: 'x', colour: 'red' }] }, 400],
        [{ version: 7, items: catalogue.items }, 409],
      ] as const) {
        const refused = await app.inject({
          method: 'POST',
          url: `/v1/proposals/${id}/dry-run/catalogue`,
          headers: asRole('caseworker'),
          payload,
        });
        expect(refused.statusCode, JSON.stringify(payload)).toBe(status);
      }
    });
  });
});
