import { afterEach, describe, expect, it } from 'vitest';
import { asRole, buildTestApp } from '../../../../../test/support/test-app.ts';
import type { App } from '../../build-app.ts';
import { controlsRoutes } from './routes.ts';

const apps: App[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.close()));
});
const app = async () => {
  const built = await buildTestApp();
  apps.push(built);
  return built;
};
const headers = asRole('exporter');

describe(controlsRoutes.name, () => {
  it('shows 5A001.j in every regime, with the "hard selectors" definition and its questionnaire', async () => {
    const res = await (await app()).inject({ url: '/v1/controls/5a001.j', headers });
    expect(res.statusCode).toBe(200);
    const body = res.json<{
      entries: { regime: string }[];
      definitions: { term: string }[];
      questionnaire: { questions: { fact: string }[] }[];
    }>();
    expect(body.entries.map((e) => e.regime)).toEqual(['wassenaar', 'eu', 'uk', 'us']);
    expect(body.definitions.map((d) => d.term)).toEqual(['hard selectors']);
    expect(body.questionnaire.flatMap((q) => q.questions.map((x) => x.fact))).toContain(
      'carrier-class-ip-network',
    );
  });

  it('answers 404 for an entry outside the catalogue and 400 naming `id` for a malformed one', async () => {
    const a = await app();
    const missing = await a.inject({ url: '/v1/controls/5A999', headers });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ error: { code: 'CORDON_NOT_FOUND' } });
    const malformed = await a.inject({ url: '/v1/controls/printer', headers });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ error: { fields: [{ field: 'id' }] } });
  });

  it('searches by text within a regime, and refuses an unknown regime naming the field', async () => {
    const a = await app();
    const found = await a.inject({ url: '/v1/controls?query=IMSI&regime=eu', headers });
    expect(found.json<{ entries: { key: string }[] }>().entries[0]?.key).toBe('eu:5A001.f');
    const bad = await a.inject({ url: '/v1/controls?regime=nato', headers });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({
      error: {
        code: 'CORDON_VALIDATION_FAILED',
        fields: [expect.objectContaining({ field: 'querystring.regime' })],
      },
    });
  });

  it('classifies an IMSI catcher as 5A001.f and lists the questions still open', async () => {
    const res = await (
      await app()
    ).inject({
      method: 'POST',
      url: '/v1/classify',
      headers,
      payload: {
        description: 'IMSI catcher',
        answers: { 'air-interface-identifier-extraction': 'yes' },
      },
    });
    expect(res.statusCode).toBe(200);
    const { classification } = res.json<{
      classification: {
        regimes: { regime: string; outcome: { kind: string; entries: string[] } }[];
        questions: unknown[];
      };
    }>();
    expect(classification.regimes.find((r) => r.regime === 'eu')?.outcome).toMatchObject({
      kind: 'listed',
      entries: ['5A001.f'],
    });
    expect(classification.questions.length).toBeGreaterThan(0);
  });

  it('refuses contradictory answers, naming the answer', async () => {
    const res = await (
      await app()
    ).inject({
      method: 'POST',
      url: '/v1/classify',
      headers,
      payload: {
        description: 'Extractor',
        answers: { 'extracts-raw-data': 'yes', 'jailbreak-rooting-only': 'yes' },
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      error: { fields: [expect.objectContaining({ field: 'answers.jailbreak-rooting-only' })] },
    });
  });

  it('compares partners for non-listed video analytics to police the exporter knows will misuse it: only the EU (Art. 5) requires a licence', async () => {
    const res = await (
      await app()
    ).inject({
      method: 'POST',
      url: '/v1/controls/compare',
      headers,
      payload: {
        jurisdictions: ['US', 'GB', 'EU', 'NO'],
        destination: { country: 'EG' },
        parties: [
          { role: 'end-user', name: 'Cairo police', country: 'EG', type: 'police', hits: [] },
        ],
        endUse: { informedByAuthority: false, awareOfMisuse: true },
        items: [{ description: 'Video analytics for CCTV', capabilities: ['video-analytics'] }],
      },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json<{
      agreement: string;
      determinations: { jurisdiction: string; status: string }[];
    }>();
    expect(body.agreement).toBe('differ');
    expect(Object.fromEntries(body.determinations.map((d) => [d.jurisdiction, d.status]))).toEqual({
      US: 'not-required',
      GB: 'not-required',
      EU: 'required',
      NO: 'not-required',
    });
  });

  it('compares a rated item from the query string, and names an unknown destination code', async () => {
    const a = await app();
    const res = await a.inject({
      url: '/v1/controls/compare?destination=IR&entries=5A001.f&jurisdictions=EU,US',
      headers,
    });
    expect(res.statusCode).toBe(200);
    expect(
      res.json<{ determinations: { jurisdiction: string; required: boolean }[] }>().determinations,
    ).toEqual([
      expect.objectContaining({ jurisdiction: 'EU', required: true }),
      expect.objectContaining({ jurisdiction: 'US', required: true }),
    ]);
    const bad = await a.inject({ url: '/v1/controls/compare?destination=UK', headers });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({
      error: {
        fields: [
          {
            field: 'destination.country',
            problem: '"UK" is not an ISO 3166-1 alpha-2 country code; did you mean GB?',
          },
        ],
      },
    });
  });

  it('reports synchronisation gaps among the named partners', async () => {
    const res = await (
      await app()
    ).inject({
      url: '/v1/controls/gaps?jurisdictions=US,EU',
      headers,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json<{ entries: { entryId: string }[] }>().entries.map((e) => e.entryId)).toContain(
      '5A980',
    );
  });
});
