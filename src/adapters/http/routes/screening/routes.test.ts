import { afterEach, describe, expect, it } from 'vitest';
import { buildListedParty } from '../../../../../test/factories/listed-party.ts';
import { inMemoryListSnapshotStore } from '../../../../../test/fakes/in-memory-list-snapshot-store.ts';
import { asRole, buildTestApp } from '../../../../../test/support/test-app.ts';
import type { ListSnapshotStore } from '../../../../application/ports/list-snapshot-store.ts';
import { createScreeningService } from '../../../../application/screening/screening-service.ts';
import type { ListedParty } from '../../../../domain/lists/listed-party.ts';
import type { ListSnapshot } from '../../../../domain/lists/list-snapshot.ts';
import { defaultThresholds } from '../../../../domain/screening/score-names.ts';
import type { App } from '../../build-app.ts';
import { screeningRoutes } from './routes.ts';

const snapshotOf = (source: string, entries: readonly ListedParty[]): ListSnapshot => ({
  id: `${source}@2026-07-23.0000000${String(entries.length % 10)}`,
  source,
  dataDate: '2026-07-23',
  importedAt: new Date('2026-07-24T00:00:00Z'),
  contentHash: `hash-${source}`,
  files: [],
  entryCount: entries.length,
  skippedCount: 0,
  problems: [],
  importerVersion: 'test',
  provenance: 'test',
});

// Real listings (names as the Entity List and the OFAC lists write them), few enough to read.
const hikvision = buildListedParty({
  source: 'us-bis-entity-list',
  entityNumber: 'CN:hikvision',
  names: [
    { value: 'Hangzhou Hikvision Digital Technology Co., Ltd.', type: 'primary' },
    { value: 'Hikvision', type: 'aka' },
  ],
  countries: ['CN'],
  programmes: ['EL'],
  citations: ['84 FR 54002, 10/9/19'],
  licenceRequirement: 'For all items subject to the EAR.',
  addresses: [{ text: 'No.555 Qianmo Road, Binjiang District, Hangzhou', country: 'CN' }],
});
const positive = buildListedParty({
  source: 'us-ofac-sdn',
  entityNumber: '31455',
  names: [
    { value: 'AKTSIONERNOE OBSHCHESTVO POZITIV TEKNOLODZHIZ', type: 'primary' },
    { value: 'JSC POSITIVE TECHNOLOGIES', type: 'aka' },
  ],
  countries: ['RU'],
  programmes: ['CYBER2', 'RUSSIA-EO14024'],
});
const almazAntey = buildListedParty({
  source: 'us-bis-entity-list',
  entityNumber: 'RU:almaz-antey',
  names: [
    { value: 'Joint-Stock Company Concern Almaz-Antey', type: 'primary' },
    { value: 'Almaz-Antey Corp', type: 'aka' },
  ],
  countries: ['RU'],
});
const sechin = buildListedParty({
  source: 'us-ofac-sdn',
  entityNumber: '13406',
  kind: 'person',
  names: [{ value: 'SECHIN, Igor Ivanovich', type: 'primary' }],
  countries: ['RU'],
  programmes: ['UKRAINE-EO13661'],
});
const padding = Array.from({ length: 30 }, (_, i) =>
  buildListedParty({
    source: 'us-ofac-sdn',
    entityNumber: String(90_000 + i),
    names: [{ value: `NORTHERN SHIPPING AND TRADING COMPANY ${i}`, type: 'primary' }],
  }),
);

async function seededStore(): Promise<ListSnapshotStore> {
  const store = inMemoryListSnapshotStore();
  const el = [hikvision, almazAntey];
  const sdn = [positive, sechin, ...padding];
  await store.saveAndActivate(snapshotOf('us-bis-entity-list', el), el);
  await store.saveAndActivate(snapshotOf('us-ofac-sdn', sdn), sdn);
  return store;
}

const apps: App[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.close()));
});

async function screeningApp(store?: ListSnapshotStore): Promise<App> {
  const app = await buildTestApp({
    screening: {
      screening: createScreeningService({
        store: store ?? (await seededStore()),
        thresholds: defaultThresholds,
      }),
      now: () => new Date('2026-11-22T10:00:00Z'),
    },
  });
  apps.push(app);
  return app;
}

interface Match {
  entityId: string;
  source: string;
  name: string;
  matchedName: string;
  score: number;
  band: string;
  explanation: { summary: string; alignment: unknown[] };
}

describe(screeningRoutes.name, () => {
  it('screens a Chinese-script name and answers with the screening contract', async () => {
    const app = await screeningApp();
    const response = await app.inject({
      method: 'POST',
      url: '/v1/screen',
      headers: asRole('exporter'),
      payload: { name: '杭州海康威视数字技术股份有限公司', country: 'cn' },
    });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<{
      query: { name: string; country?: string };
      snapshot: string[];
      matches: Match[];
    }>();
    expect(body.query).toEqual({ name: '杭州海康威视数字技术股份有限公司', country: 'CN' });
    expect(body.snapshot).toEqual([
      'us-bis-entity-list@2026-07-23.00000002',
      'us-ofac-sdn@2026-07-23.00000002',
    ]);
    expect(body.matches[0]).toMatchObject({
      entityId: hikvision.entityId,
      source: 'us-bis-entity-list',
      name: 'Hangzhou Hikvision Digital Technology Co., Ltd.',
      band: 'strong',
    });
    expect(body.matches[0]?.explanation.summary).toContain('translated from Chinese');
    expect(body.matches[0]?.explanation.alignment.length).toBeGreaterThan(0);
  });

  it('answers only authenticated callers', async () => {
    const app = await screeningApp();
    const response = await app.inject({
      method: 'POST',
      url: '/v1/screen',
      payload: { name: 'Hikvision' },
    });
    expect(response.statusCode).toBe(401);
  });

  it('refuses an empty name, a bad country and unknown fields, naming each field', async () => {
    const app = await screeningApp();
    const response = await app.inject({
      method: 'POST',
      url: '/v1/screen',
      headers: asRole('caseworker'),
      payload: { name: '', country: 'China', colour: 'red' },
    });
    expect(response.statusCode).toBe(400);
    const fields = response
      .json<{ error: { code: string; fields: { field: string }[] } }>()
      .error.fields.map((f) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['body.name', 'body.country']));
  });

  it('screens a 10,000-character name as far as it can and says it was cut', async () => {
    const app = await screeningApp();
    const response = await app.inject({
      method: 'POST',
      url: '/v1/screen',
      headers: asRole('exporter'),
      payload: { name: `Hikvision ${'x'.repeat(9_990)}` },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json<{ problems: { kind: string }[] }>().problems).toContainEqual(
      expect.objectContaining({ kind: 'truncated' }),
    );
  });

  it('answers 503 with CORDON_NO_ACTIVE_LISTS when no list is active, never an empty match list', async () => {
    const app = await screeningApp(inMemoryListSnapshotStore());
    const response = await app.inject({
      method: 'POST',
      url: '/v1/screen',
      headers: asRole('exporter'),
      payload: { name: 'Hikvision' },
    });
    expect(response.statusCode).toBe(503);
    expect(response.json<{ error: { code: string } }>().error.code).toBe('CORDON_NO_ACTIVE_LISTS');
  });

  it('screens a batch row by row: bad rows are rejected with reasons and the rest go on', async () => {
    const app = await screeningApp();
    const response = await app.inject({
      method: 'POST',
      url: '/v1/screen/batch',
      headers: asRole('advisor'),
      payload: {
        names: [
          { name: 'Позитив Текнолоджиз', reference: 'c-1' },
          { name: '   ', reference: 'c-2' },
          { name: 'Hikvision', country: 'Chinaland' },
          { name: 'Igor Sechin', kind: 'person' },
          { name: 'Maple Leaf Bakery' },
        ],
      },
    });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<{
      results: {
        kind: string;
        row: number;
        reference?: string;
        matches?: Match[];
        reasons?: string[];
      }[];
      summary: Record<string, number>;
    }>();
    expect(body.results.map((r) => [r.row, r.kind])).toEqual([
      [0, 'screened'],
      [1, 'rejected'],
      [2, 'rejected'],
      [3, 'screened'],
      [4, 'screened'],
    ]);
    expect(body.results[0]).toMatchObject({ reference: 'c-1' });
    expect(body.results[0]?.matches?.[0]?.entityId).toBe(positive.entityId);
    expect(body.results[1]?.reasons).toEqual(['name is empty']);
    expect(body.results[2]?.reasons?.[0]).toContain('country must be two letters');
    expect(body.results[3]?.matches?.[0]).toMatchObject({
      entityId: sechin.entityId,
      // The patronymic Ivanovich is missing from the query: patronymics weigh little, since
      // lists and customers leave them out, so the match stays strong.
      band: 'strong',
    });
    expect(body.results[4]?.matches).toEqual([]);
    expect(body.summary).toEqual({
      rows: 5,
      screened: 3,
      rejected: 2,
      withMatches: 2,
      withStrongMatches: 2,
    });
  });

  it('refuses a batch of more than 1,000 names', async () => {
    const app = await screeningApp();
    const response = await app.inject({
      method: 'POST',
      url: '/v1/screen/batch',
      headers: asRole('exporter'),
      payload: { names: Array.from({ length: 1_001 }, () => ({ name: 'x' })) },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ error: { code: string } }>().error.code).toBe(
      'CORDON_VALIDATION_FAILED',
    );
  });

  it('compares two names in different scripts and explains the score', async () => {
    const app = await screeningApp();
    const response = await app.inject({
      method: 'POST',
      url: '/v1/compare',
      headers: asRole('senior-officer'),
      payload: { a: 'Позитив Текнолоджиз', b: 'Pozitiv Teknolodzhiz' },
    });
    expect(response.statusCode).toBe(200);
    const body = response.json<{
      score: number;
      band: string | null;
      explanation: { summary: string };
    }>();
    expect(body.band).toBe('strong');
    expect(body.score).toBeGreaterThanOrEqual(0.95);
    expect(body.explanation.summary).toContain('bgn-pcgn');
  });

  it('gives a null band below the review threshold', async () => {
    const app = await screeningApp();
    const response = await app.inject({
      method: 'POST',
      url: '/v1/compare',
      headers: asRole('auditor'),
      payload: { a: 'Maple Leaf Bakery', b: 'Hangzhou Hikvision Digital Technology' },
    });
    expect(response.json<{ band: string | null; score: number }>()).toMatchObject({ band: null });
  });

  describe('GET /v1/csl/search', () => {
    it('answers in the trade.gov CSL shape, with sources used and a 0-100 score', async () => {
      const app = await screeningApp();
      const response = await app.inject({
        method: 'GET',
        url: `/v1/csl/search?name=${encodeURIComponent('Almaz Antey Telecom')}&fuzzy_name=true`,
        headers: asRole('exporter'),
      });
      expect(response.statusCode, response.body).toBe(200);
      const body = response.json<{
        total: number;
        sources_used: { source: string; source_last_updated: string | null }[];
        results: Record<string, unknown>[];
      }>();
      expect(body.total).toBe(1);
      expect(body.sources_used).toContainEqual(
        expect.objectContaining({
          source: 'us-bis-entity-list',
          source_last_updated: '2026-07-23',
        }),
      );
      expect(body.results[0]).toMatchObject({
        source: 'Entity List (EL) - Bureau of Industry and Security',
        name: 'Joint-Stock Company Concern Almaz-Antey',
        alt_names: ['Almaz-Antey Corp'],
        type: 'Entity',
      });
      expect(body.results[0]?.['score']).toBeGreaterThanOrEqual(70);
      expect(body.results[0]?.['score']).toBeLessThan(100);
    });

    it('without fuzzy_name finds only names whose every word matches', async () => {
      const app = await screeningApp();
      const search = async (name: string) =>
        (
          await app.inject({
            method: 'GET',
            url: `/v1/csl/search?name=${encodeURIComponent(name)}`,
            headers: asRole('exporter'),
          })
        ).json<{ total: number }>().total;
      expect(await search('Almaz Antey')).toBe(1);
      expect(await search('Almaz Antey Telecom')).toBe(0);
    });

    it('keeps only the requested sources and countries', async () => {
      const app = await screeningApp();
      const search = async (query: string) =>
        (
          await app.inject({
            method: 'GET',
            url: `/v1/csl/search?name=Hikvision&fuzzy_name=true&${query}`,
            headers: asRole('exporter'),
          })
        ).json<{ total: number; results: { source: string }[] }>();
      expect((await search('sources=EL')).total).toBe(1);
      expect((await search('sources=SDN,DPL')).total).toBe(0);
      expect((await search('countries=cn')).total).toBe(1);
      expect((await search('countries=RU')).total).toBe(0);
    });

    it('refuses a country list with something other than ISO codes', async () => {
      const app = await screeningApp();
      const response = await app.inject({
        method: 'GET',
        url: '/v1/csl/search?name=Hikvision&countries=CN,China',
        headers: asRole('exporter'),
      });
      expect(response.statusCode).toBe(400);
    });
  });
});
