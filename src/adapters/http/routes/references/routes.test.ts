import { afterEach, describe, expect, it } from 'vitest';
import { testCaseDeps } from '../../../../../test/fakes/case-deps.ts';
import { testAuthenticator } from '../../../../../test/fakes/test-authenticator.ts';
import { asRole, buildTestApp } from '../../../../../test/support/test-app.ts';
import type { CaseReferences } from '../../../../contracts/references.ts';
import type { App } from '../../build-app.ts';
import { referencesRoutes } from './routes.ts';

let app: App | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe(referencesRoutes.name, () => {
  it('lists countries with names, the routing rules’ desks and the jurisdiction’s criteria with their texts', async () => {
    const { deps } = testCaseDeps();
    app = await buildTestApp({ cases: deps, auth: { authenticator: testAuthenticator() } });
    const response = await app.inject({
      url: '/v1/references/cases?jurisdiction=GB',
      headers: asRole('caseworker'),
    });
    expect(response.statusCode, response.body).toBe(200);
    const lists = response.json<CaseReferences>();
    expect(lists.countries).toContainEqual({
      code: 'CN',
      name: expect.stringMatching(/China/) as string,
    });
    expect(lists.desks).toContain('human-rights');
    expect(lists.criteria.map((c) => c.code)).toContain('UK-SELC-2');
    expect(lists.criteria.every((c) => c.text.length > 0)).toBe(true);
    const bad = await app.inject({
      url: '/v1/references/cases?jurisdiction=Great',
      headers: asRole('caseworker'),
    });
    expect(bad.statusCode).toBe(400);
    const anonymous = await app.inject({ url: '/v1/references/cases' });
    expect(anonymous.statusCode).toBe(401);
  });
});
