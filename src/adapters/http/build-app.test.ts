import { Type } from 'typebox';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeDatabaseHealth } from '../../../test/fakes/fake-database-health.ts';
import { buildTestApp } from '../../../test/support/test-app.ts';
import { buildApp, type App } from './build-app.ts';

const apps: App[] = [];
async function appWith(health = fakeDatabaseHealth(), bodyLimitBytes = 1024 * 1024) {
  const app = await buildTestApp({ databaseHealth: health }, { bodyLimitBytes });
  apps.push(app);
  return app;
}
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
});

const testOnly = { access: { public: true, reason: 'test route' } } as const;

/** A route with a body schema, registered only here, to exercise the app-wide error handling. */
async function appWithEchoRoute() {
  const app = await appWith();
  app.post(
    '/v1/test-echo',
    {
      config: testOnly,
      schema: {
        body: Type.Object(
          {
            name: Type.String({ minLength: 1 }),
            parties: Type.Array(Type.Object({ role: Type.String() })),
          },
          { additionalProperties: false },
        ),
      },
    },
    (request) => ({ name: request.body.name }),
  );
  app.get('/v1/test-crash', { config: testOnly }, () => {
    throw new Error('secret internal detail at /srv/db.ts:12');
  });
  return app;
}

describe(buildApp.name, () => {
  it('answers /healthz with the running version', async () => {
    const app = await appWith();
    const response = await app.inject({ url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', version: '9.9.9' });
  });

  it('answers /readyz 200 when the database answers and no migration is pending', async () => {
    const app = await appWith();
    const response = await app.inject({ url: '/readyz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'ready' });
  });

  it('answers /readyz 503 naming the pending migrations', async () => {
    const app = await appWith(fakeDatabaseHealth({ pending: ['2099-01-01-0001-x'] }));
    const response = await app.inject({ url: '/readyz' });
    expect(response.statusCode).toBe(503);
    expect(JSON.stringify(response.json())).toContain('2099-01-01-0001-x');
  });

  it('answers /readyz 503 with the reason when the database is down', async () => {
    const app = await appWith(fakeDatabaseHealth({ down: 'connection refused' }));
    const response = await app.inject({ url: '/readyz' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({
      status: 'not-ready',
      checks: [
        { name: 'database', ok: false, detail: 'connection refused' },
        { name: 'migrations' },
      ],
    });
  });

  it('answers an unknown route with 404 in the error shape', async () => {
    const app = await appWith();
    const response = await app.inject({ url: '/v1/no-such-thing?x=1' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({
      error: {
        code: 'CORDON_ROUTE_NOT_FOUND',
        message: 'No endpoint GET /v1/no-such-thing.',
        requestId: expect.any(String),
      },
    });
  });

  it('answers a bad body with 400, the error code and every offending field at once', async () => {
    const app = await appWithEchoRoute();
    const response = await app.inject({
      method: 'POST',
      url: '/v1/test-echo',
      payload: { name: '', parties: [{}], extra: 1 },
    });
    expect(response.statusCode).toBe(400);
    const body = response.json<{ error: { code: string; fields: { field: string }[] } }>();
    expect(body.error.code).toBe('CORDON_VALIDATION_FAILED');
    expect(body.error.fields.map((f) => f.field).sort()).toEqual([
      'body.extra',
      'body.name',
      'body.parties.0.role',
    ]);
  });

  it('answers malformed JSON with 400 CORDON_MALFORMED_REQUEST', async () => {
    const app = await appWithEchoRoute();
    const response = await app.inject({
      method: 'POST',
      url: '/v1/test-echo',
      headers: { 'content-type': 'application/json' },
      payload: '{"name": ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: 'CORDON_MALFORMED_REQUEST' } });
  });

  it('answers an unsupported content type with 415', async () => {
    const app = await appWithEchoRoute();
    const response = await app.inject({
      method: 'POST',
      url: '/v1/test-echo',
      headers: { 'content-type': 'application/xml' },
      payload: '<a/>',
    });
    expect(response.statusCode).toBe(415);
    expect(response.json()).toMatchObject({ error: { code: 'CORDON_UNSUPPORTED_MEDIA_TYPE' } });
  });

  it('answers a body over the limit with 413', async () => {
    const app = await appWith(fakeDatabaseHealth(), 1024);
    app.post('/v1/test-big', { config: testOnly }, () => ({}));
    const response = await app.inject({
      method: 'POST',
      url: '/v1/test-big',
      payload: { data: 'x'.repeat(4096) },
    });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ error: { code: 'CORDON_PAYLOAD_TOO_LARGE' } });
  });

  it('answers an unexpected failure with 500 and a request id, leaking no detail', async () => {
    const app = await appWithEchoRoute();
    const response = await app.inject({
      url: '/v1/test-crash',
      headers: { 'x-request-id': 'abc-123' },
    });
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toContain('secret');
    expect(response.body).not.toContain('.ts');
    expect(response.json()).toMatchObject({
      error: { code: 'CORDON_INTERNAL', requestId: 'abc-123' },
    });
    expect(response.headers['x-request-id']).toBe('abc-123');
  });

  it('serves the OpenAPI document and its viewer locally', async () => {
    const app = await appWith();
    const document = await app.inject({ url: '/docs/json' });
    expect(document.json()).toMatchObject({ openapi: '3.1.0', paths: { '/readyz': {} } });
    const viewer = await app.inject({ url: '/docs/' });
    expect(viewer.statusCode).toBe(200);
    expect(viewer.body).not.toMatch(/https?:\/\/(cdn|unpkg|cdnjs)/);
  });

  it('finishes an in-flight request when closing, and refuses new connections meanwhile', async () => {
    const app = await appWith();
    let release: () => void = () => undefined;
    const started = new Promise<void>((resolve) => {
      app.get('/v1/test-slow', { config: testOnly }, async () => {
        resolve();
        await new Promise<void>((done) => (release = done));
        return { finished: true };
      });
    });
    const url = await app.listen({ host: '127.0.0.1', port: 0 });
    const inFlight = fetch(`${url}/v1/test-slow`);
    await started;
    const closing = app.close();
    await new Promise((resolve) => setImmediate(resolve));
    const refused = await fetch(`${url}/healthz`).then(
      (r) => r.status,
      () => 'refused',
    );
    release();
    expect(refused).toBe('refused');
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ finished: true });
    await closing;
  });

  it('refuses to register a /v1 route that declares no access', async () => {
    const app = await appWith();
    expect(() => app.get('/v1/unguarded', () => ({}))).toThrow(/declares no access/);
  });
});
