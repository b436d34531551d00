import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { assessmentDeps } from '../../../../../test/fakes/shipped-human-rights.ts';
import { asRole, buildTestApp } from '../../../../../test/support/test-app.ts';
import { assessApplication } from '../../../../application/assessment/assess-application.ts';
import type { App } from '../../build-app.ts';

const example = JSON.parse(
  readFileSync(
    join(
      import.meta.dirname,
      '../../../../../test/fixtures/applications/ip-surveillance-to-telecom.json',
    ),
    'utf8',
  ),
) as Record<string, unknown>;

describe('POST /v1/assessments', () => {
  let app: App | undefined;
  afterEach(async () => {
    await app?.close();
  });
  const build = async () => {
    const deps = assessmentDeps();
    app = await buildTestApp({ assessments: { assess: (r) => assessApplication(r, deps) } });
    return app;
  };

  it('returns the assessment contract for a caseworker', async () => {
    const res = await (
      await build()
    ).inject({
      method: 'POST',
      url: '/v1/assessments',
      headers: asRole('caseworker'),
      payload: example,
    });
    expect(res.statusCode).toBe(200);
    const body = res.json<Record<string, { outcome?: string; risk?: string; policy?: unknown }>>();
    expect(body['recommendation']?.outcome).toBe('refer');
    expect(body['humanRights']?.risk).toBe('high');
    expect(body['provenance']?.policy).toMatchObject({ id: 'cordon.GB.human-rights', version: 2 });
  });

  it("accepts Cordon's extensions (end-use facts, state-linked parties, EAR facts, clearances, sanctions licences) and decides a prohibition", async () => {
    const res = await (
      await build()
    ).inject({
      method: 'POST',
      url: '/v1/assessments',
      headers: asRole('caseworker'),
      payload: {
        jurisdiction: 'EU',
        exporter: { name: 'Voorbeeld B.V.', country: 'NL' },
        destination: { country: 'IR' },
        parties: [
          {
            role: 'end-user',
            name: 'Example Operator',
            country: 'IR',
            type: 'telecom-operator',
            stateLinked: true,
            matchClearances: [
              {
                source: 'us-ofac-sdn',
                entityId: 'x',
                clearedBy: 'caseworker',
                reason: 'other entity',
              },
            ],
          },
        ],
        items: [
          {
            description: 'Deep packet inspection appliance',
            capabilities: ['deep-packet-inspection'],
            origin: 'NL',
            usControlledContentPercent: 0,
            foreignDirectProduct: false,
          },
        ],
        endUse: 'Traffic management',
        endUseFacts: { informedByAuthority: false, awareOfMisuse: false },
        sanctionsLicences: [],
      },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json<{
      recommendation: { outcome: string };
      licence: Record<string, { status: string }>;
      screeningCoverage: { complete: boolean };
    }>();
    expect(body.recommendation.outcome).toBe('prohibited');
    expect(body.licence['EU']?.status).toBe('prohibited');
    expect(body.screeningCoverage.complete).toBe(true);
  });

  it('gives an exporter a self-assessment with the due-diligence checklist', async () => {
    const res = await (
      await build()
    ).inject({
      method: 'POST',
      url: '/v1/assessments?mode=self-assessment',
      headers: asRole('exporter'),
      payload: example,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json<{ kind: string; dueDiligence: unknown[] }>()).toMatchObject({
      kind: 'self-assessment',
    });
  });

  it('names a bad field', async () => {
    const res = await (
      await build()
    ).inject({
      method: 'POST',
      url: '/v1/assessments',
      headers: asRole('caseworker'),
      payload: { ...example, destination: { country: 'UK' } },
    });
    expect(res.statusCode).toBe(400);
    expect(
      res.json<{ error: { code: string; fields: { field: string }[] } }>().error,
    ).toMatchObject({
      code: 'CORDON_VALIDATION_FAILED',
      fields: [{ field: 'destination.country' }],
    });
  });

  it('is closed to auditors', async () => {
    const res = await (
      await build()
    ).inject({
      method: 'POST',
      url: '/v1/assessments',
      headers: asRole('auditor'),
      payload: example,
    });
    expect(res.statusCode).toBe(403);
  });
});
