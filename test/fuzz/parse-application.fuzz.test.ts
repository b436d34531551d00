import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { jsonPaths, replaceAt, type Json } from './json-mutation.ts';
import { describe, expect, it } from 'vitest';
import { parseApplication } from '../../src/application/assessment/parse-application.ts';
import { fuzzParameters, perInputBudgetMs } from './fuzz-runs.ts';

const root = path.resolve(import.meta.dirname, '../..');
const applications = fs
  .readdirSync(path.join(root, 'test/fixtures/applications'))
  .filter((f) => f.endsWith('.json'))
  .map(
    (f) =>
      JSON.parse(
        fs.readFileSync(path.join(root, 'test/fixtures/applications', f), 'utf8'),
      ) as unknown,
  );
const context = { redFlagIds: ['end-user-evasive', 'unusual-routing'], jurisdiction: 'GB' };

const hostileValue: fc.Arbitrary<Json> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(null, '', ' ', '\u0000', 'NaN', -1, 1e308, '__proto__', [], {}),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.constant({ __proto__: { polluted: true } }),
  fc.constant(JSON.parse('{"__proto__": {"polluted": true}}') as Json),
);

/** A real application with 1-5 fields replaced by hostile values or removed. */
const mutatedApplication: fc.Arbitrary<Json> = fc
  .constantFrom(...applications)
  .chain((application) => {
    const all = jsonPaths(application);
    return fc
      .array(fc.tuple(fc.constantFrom(...all), fc.option(hostileValue, { nil: undefined })), {
        minLength: 1,
        maxLength: 5,
      })
      .map((edits) =>
        edits.reduce<Json>((app, [at, next]) => replaceAt(app, at, next), application),
      );
  });

function expectValueOrValidationError(raw: Json): void {
  const started = performance.now();
  const parsed = parseApplication(raw, context);
  expect(performance.now() - started).toBeLessThan(perInputBudgetMs);
  if (!parsed.ok) {
    expect(parsed.error.code).toBe('CORDON_VALIDATION_FAILED');
    expect(parsed.error.fields?.length ?? 0).toBeGreaterThan(0);
  }
  expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
}

describe(`${parseApplication.name} under fuzzing`, () => {
  it('answers every mutation of a real application with the application or a validation error naming fields', () => {
    fc.assert(fc.property(mutatedApplication, expectValueOrValidationError), fuzzParameters(300));
  });

  it('answers any JSON value at all with a validation error, never an exception', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), expectValueOrValidationError),
      fuzzParameters(300),
    );
  });
});
