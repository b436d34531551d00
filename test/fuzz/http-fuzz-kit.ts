import fc from 'fast-check';
import { expect } from 'vitest';
import type { App } from '../../src/adapters/http/build-app.ts';
import { jsonPaths, replaceAt, type Json } from './json-mutation.ts';
import { perInputBudgetMs } from './fuzz-runs.ts';

// What the HTTP fuzzers share: hostile values, mutations of a valid body, and the check that an
// answer is a success or a catalogue error, never a 500 and never a leak.

/** Text that must never reach a client unless the client sent it: stack frames, paths, SQL. */
export const leaks = [
  /\bat [\w.<>]+ \(/,
  /\.ts:\d+:\d+/,
  /node_modules/,
  /\/work\//,
  /\bselect\b.+\bfrom\b/i,
  /\binsert into\b/i,
  /syntax error at or near/i,
  /\brelation "/i,
  /\bTypeError\b/,
  /\bReferenceError\b/,
  /Cannot read propert/,
];

export const hostileValue: fc.Arbitrary<Json> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(null, '', ' ', '\u0000', 'NaN', -1, 0, 1e308, 2 ** 53, '__proto__', [], {}),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.constant('x'.repeat(5_000)),
  fc.constant(JSON.parse('{"__proto__": {"polluted": true}}') as Json),
);

/** A valid body with 1-4 fields replaced or removed. */
export const mutationOf = (value: Json): fc.Arbitrary<Json> => {
  const all = jsonPaths(value);
  return fc
    .array(fc.tuple(fc.constantFrom(...all), fc.option(hostileValue, { nil: undefined })), {
      minLength: 1,
      maxLength: 4,
    })
    .map((edits) => edits.reduce<Json>((v, [at, next]) => replaceAt(v, at, next), value));
};

/** What is sent as the request body: JSON (valid or mutated), or raw bytes under some content type. */
export const payloadOf = (
  valid: Json,
): fc.Arbitrary<{ readonly payload: string | Buffer; readonly type?: string }> =>
  fc.oneof(
    {
      weight: 5,
      arbitrary: mutationOf(valid).map((v) => ({
        payload: JSON.stringify(v ?? null),
        type: 'application/json',
      })),
    },
    {
      weight: 2,
      arbitrary: fc
        .jsonValue({ maxDepth: 3 })
        .map((v) => ({ payload: JSON.stringify(v), type: 'application/json' })),
    },
    {
      weight: 1,
      arbitrary: fc
        .string({ unit: 'binary', maxLength: 500 })
        .map((s) => ({ payload: s, type: 'application/json' })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          fc.uint8Array({ maxLength: 500 }),
          fc.constantFrom(
            undefined,
            'text/plain',
            'application/x-www-form-urlencoded',
            'multipart/form-data',
            'multipart/form-data; boundary=x',
            'application/json; charset=latin1',
            'application/xml',
          ),
        )
        .map(([bytes, type]) => ({
          payload: Buffer.from(bytes),
          ...(type === undefined ? {} : { type }),
        })),
    },
  );

/**
 * Sends one request and checks the answer: under 500, within the time budget, no stack frame,
 * source path or SQL the client did not send, errors in the one error shape, no prototype
 * pollution.
 */
export async function expectNoLeakFrom(
  app: App,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  headers: Record<string, string>,
  body?: { readonly payload: string | Buffer; readonly type?: string },
): Promise<void> {
  const started = performance.now();
  const response = await app.inject({
    method,
    url,
    headers: {
      ...headers,
      ...(body?.type === undefined ? {} : { 'content-type': body.type }),
    },
    ...(body === undefined ? {} : { payload: body.payload }),
  });
  expect(performance.now() - started).toBeLessThan(perInputBudgetMs);
  expect(response.statusCode, response.body).toBeLessThan(500);
  const sent = `${url} ${body === undefined ? '' : body.payload.toString()}`;
  for (const leak of leaks) {
    if (leak.test(response.body) && !leak.test(sent)) {
      throw new Error(
        `${method} ${url} answered ${String(response.statusCode)} with ${leak.source}: ${response.body.slice(0, 500)}`,
      );
    }
  }
  if (response.statusCode >= 400) {
    const error = response.json<{
      error?: { code?: unknown; message?: unknown; requestId?: unknown };
    }>().error;
    expect(error?.code).toMatch(/^CORDON_[A-Z_]+$/);
    expect(typeof error?.message).toBe('string');
    expect(typeof error?.requestId).toBe('string');
  }
  expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
}
