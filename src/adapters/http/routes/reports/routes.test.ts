import { afterEach, describe, expect, it } from 'vitest';
import { buildDecision } from '../../../../../test/factories/decision.ts';
import { testCaseDeps } from '../../../../../test/fakes/case-deps.ts';
import { pdfText } from '../../../../../test/support/pdf-text.ts';
import { asRole, buildTestApp } from '../../../../../test/support/test-app.ts';
import { renderTransparencyReportPdf } from '../../../../adapters/documents/transparency-report-pdf.ts';
import type { TransparencyReportJson } from '../../../../contracts/transparency-report.ts';
import { draftCase } from '../../../../domain/licensing/case-transitions.ts';
import type { CaseOutcome } from '../../../../domain/licensing/case-state.ts';
import type { App } from '../../build-app.ts';

let app: App | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const decidedAt = new Date('2026-06-01T10:00:00Z');

async function reportApp() {
  const { deps } = testCaseDeps();
  const decided = async (id: string, country: string, entries: string[], outcome: CaseOutcome) => {
    const draft = draftCase({
      id,
      reference: id,
      jurisdiction: 'GB',
      exporterOrganisationId: 'org-test-exporter',
      now: decidedAt,
    });
    await deps.store.create(
      {
        licenceCase: {
          ...draft,
          stage: 'finalised',
          submittedAt: decidedAt,
          outcome,
          finalisedAt: decidedAt,
          decision: buildDecision(outcome, decidedAt),
        },
        application: {
          destination: { country },
          items: [{ description: 'Item', controlEntries: entries }],
        },
        history: [],
      },
      { actor: 'test', action: 'cases.create', objectType: 'case', objectId: id },
    );
  };
  await decided('c1', 'CN', ['5A001.j'], 'refused');
  await decided('c2', 'AE', ['5A001.j'], 'approved');
  await decided('c3', 'AE', ['6A003.b.4'], 'approved');
  app = await buildTestApp({
    cases: deps,
    transparencyReports: {
      authority: 'GB',
      renderPdf: (report) => renderTransparencyReportPdf(report, 'Export Control Joint Unit'),
    },
  });
  return app;
}

describe('GET /v1/reports/transparency', () => {
  it('reports licences and refusals by destination and entry, with the cyber-surveillance section, as JSON, CSV and PDF', async () => {
    const app = await reportApp();
    const json = await app.inject({
      method: 'GET',
      url: '/v1/reports/transparency?year=2026',
      headers: asRole('senior-officer'),
    });
    expect(json.statusCode, json.body).toBe(200);
    const report = json.json<TransparencyReportJson>();
    expect(report.totals).toEqual({ decisions: 3, licences: 2, refusals: 1, noLicenceRequired: 0 });
    expect(report.cyberSurveillance.entries).toContain('5A001.j');
    expect(report.cyberSurveillance.rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          controlEntry: '5A001.j',
          destination: 'CN',
          received: 1,
          refusals: 1,
        }),
        expect.objectContaining({
          controlEntry: '5A001.j',
          destination: 'AE',
          received: 1,
          licences: 1,
        }),
      ]),
    );

    const csv = await app.inject({
      method: 'GET',
      url: '/v1/reports/transparency?year=2026&format=csv',
      headers: asRole('auditor'),
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.body.split('\r\n')).toEqual(
      expect.arrayContaining([
        'destination-entry,AE,6A003.b.4,,1,0,0,',
        'cyber-surveillance,CN,5A001.j,1,0,1,0,0',
      ]),
    );

    const pdf = await app.inject({
      method: 'GET',
      url: '/v1/reports/transparency?year=2026&format=pdf',
      headers: asRole('caseworker'),
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = pdfText(new Uint8Array(pdf.rawPayload));
    expect(text).toContain('Transparency report 2026');
    expect(text).toContain('Article 26(2) of Regulation (EU) 2021/821');
    expect(text).toContain('Cyber-surveillance items');
    expect(text).toContain('5A001.j CN');
  });

  it('is for the authority staff only, and names a bad year', async () => {
    const app = await reportApp();
    for (const role of ['exporter', 'commenter'] as const) {
      const refused = await app.inject({
        method: 'GET',
        url: '/v1/reports/transparency?year=2026',
        headers: asRole(role),
      });
      expect(refused.statusCode, role).toBe(403);
    }
    const bad = await app.inject({
      method: 'GET',
      url: '/v1/reports/transparency?year=26',
      headers: asRole('caseworker'),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('year');
  });
});
