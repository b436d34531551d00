import { Type } from 'typebox';
import { afterEach, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../test/support/test-app.ts';
import type { App } from './build-app.ts';
import { CaseAlertListSchema } from '../../contracts/cases.ts';
import { responseProblems } from './response-contract.ts';

const apps: App[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
});

const alert = {
  id: 'alert-1',
  caseId: 'case-1',
  caseReference: 'GB-2026-00001',
  raisedAt: '2026-11-29T10:00:00.000Z',
  party: { role: 'end-user', name: 'Urumqi Public Security Bureau' },
  match: {
    entityId: 'e-1',
    source: 'us-bis-entity-list',
    name: 'Urumqi PSB',
    matchedName: 'Urumqi Public Security Bureau',
    score: 0.97,
    band: 'strong',
    explanation: 'same tokens',
  },
  snapshotId: 'us-bis-entity-list@2026-07-23',
};

describe(responseProblems.name, () => {
  it('finds nothing wrong with a body its schema describes field by field', () => {
    expect(responseProblems(CaseAlertListSchema, { alerts: [alert] })).toEqual([]);
  });

  it('names a field the schema lacks, however deep, which serialisation would drop silently', () => {
    const leaky = { alerts: [{ ...alert, match: { ...alert.match, internalNote: 'x' } }] };
    expect(responseProblems(CaseAlertListSchema, leaky).join('\n')).toContain('internalNote');
  });

  it('names a required field that is missing or of another type', () => {
    const { snapshotId: _left, ...missing } = alert;
    expect(responseProblems(CaseAlertListSchema, { alerts: [missing] }).join('\n')).toContain(
      'snapshotId',
    );
    expect(
      responseProblems(CaseAlertListSchema, { alerts: [{ ...alert, raisedAt: 42 }] }).join('\n'),
    ).toContain('/alerts/0/raisedAt');
  });
});

describe('the response check of buildTestApp', () => {
  it('turns a route answer with an undeclared field into a 500 naming it', async () => {
    const app = await buildTestApp({});
    apps.push(app);
    app.get(
      '/v1/test-leak',
      {
        config: { access: { public: true, reason: 'test route' } },
        schema: { response: { 200: Type.Object({ id: Type.String() }) } },
      },
      () => ({ id: 'a', secret: 'must not leak' }),
    );
    const response = await app.inject({ url: '/v1/test-leak' });
    expect(response.statusCode).toBe(500);
    expect(response.body).toContain('secret');
    expect(response.body).not.toContain('must not leak');
  });
});
