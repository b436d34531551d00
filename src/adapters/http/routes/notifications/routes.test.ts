import { afterEach, describe, expect, it } from 'vitest';
import { refusableApplication, testCaseDeps } from '../../../../../test/fakes/case-deps.ts';
import { asRole, buildTestApp } from '../../../../../test/support/test-app.ts';
import type { NotificationList } from '../../../../contracts/notifications.ts';
import type { App } from '../../build-app.ts';

let app: App | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const vista = asRole('exporter', 'org-vista');
const other = asRole('exporter', 'org-other');
const caseworker = asRole('caseworker');

/** A case of org-vista on which a caseworker asked a question. */
async function askedApp(): Promise<App> {
  const { deps, clock, notifications } = testCaseDeps();
  const built = await buildTestApp({
    cases: deps,
    live: { notifications, clock, events: { subscribe: () => () => undefined } },
  });
  app = built;
  const draft = await built.inject({
    method: 'POST',
    url: '/v1/cases',
    headers: vista,
    payload: refusableApplication,
  });
  const { id } = draft.json<{ id: string }>();
  const submitted = await built.inject({
    method: 'POST',
    url: `/v1/cases/${id}/submit`,
    headers: vista,
    payload: { expectedVersion: 1 },
  });
  const { version } = submitted.json<{ version: number }>();
  const asked = await built.inject({
    method: 'POST',
    url: `/v1/cases/${id}/actions`,
    headers: caseworker,
    payload: {
      expectedVersion: version,
      kind: 'request-information',
      question: 'Who operates the cameras?',
    },
  });
  expect(asked.statusCode).toBe(200);
  return built;
}

const list = async (built: App, headers: Record<string, string>) => {
  const response = await built.inject({ method: 'GET', url: '/v1/notifications', headers });
  expect(response.statusCode).toBe(200);
  return response.json<NotificationList>();
};

describe('GET /v1/notifications', () => {
  it('shows the exporter the officer’s question on its case, and another organisation nothing', async () => {
    const built = await askedApp();
    const mine = await list(built, vista);
    expect(mine.unread).toBe(1);
    expect(mine.items).toEqual([
      expect.objectContaining({
        kind: 'question-asked',
        read: false,
        message: expect.stringContaining('Who operates the cameras?') as unknown,
      }),
    ]);
    expect(await list(built, other)).toEqual({ items: [], unread: 0 });
  });
});

describe('POST /v1/notifications/{id}/read and read-all', () => {
  it('marks read for the reader, answers 404 to another organisation, and read-all clears the count', async () => {
    const built = await askedApp();
    const [notice] = (await list(built, vista)).items;
    const id = encodeURIComponent(notice?.id ?? '');
    const foreign = await built.inject({
      method: 'POST',
      url: `/v1/notifications/${id}/read`,
      headers: other,
    });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json()).toMatchObject({ error: { code: 'CORDON_NOT_FOUND' } });
    const read = await built.inject({
      method: 'POST',
      url: `/v1/notifications/${id}/read`,
      headers: vista,
    });
    expect(read.json()).toEqual({ marked: 1, unread: 0 });
    expect((await list(built, vista)).items[0]).toMatchObject({
      read: true,
      readAt: expect.any(String) as unknown,
    });
    const staff = await built.inject({
      method: 'POST',
      url: '/v1/notifications/read-all',
      headers: caseworker,
    });
    expect(staff.json()).toEqual({ marked: 1, unread: 0 });
  });
});
