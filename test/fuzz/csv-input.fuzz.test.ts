import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { readBatchCsv } from '../../src/adapters/batch/read-batch-csv.ts';
import { readDelimited } from '../../src/adapters/lists/read-delimited.ts';
import { fuzzParameters, mutationOf, perInputBudgetMs } from './fuzz-runs.ts';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cordon-csv-fuzz-'));
const file = path.join(work, 'input.csv');
const customers = new TextEncoder().encode(
  [
    'id,name,country',
    'c1,Hikvision,CN',
    'c2,"Müller, Hans",DE',
    'c3,"Say ""hi"" Ltd",',
    'c4,海康威视,CN',
    'c5,Позитив Текнолоджиз,RU',
    'c6,,GB',
  ].join('\r\n'),
);

afterAll(() => {
  fs.rmSync(work, { recursive: true, force: true });
});

describe('CSV screening input under mutation fuzzing', () => {
  it('reads every mutation of a customer file as rows or one error naming the problem, never a crash', async () => {
    await fc.assert(
      fc.asyncProperty(mutationOf(customers), async (bytes) => {
        fs.writeFileSync(file, bytes);
        const started = performance.now();
        let errors = 0;
        for await (const row of readBatchCsv(file, { column: 'name', countryColumn: 'country' })) {
          expect(errors).toBe(0); // nothing follows an error
          if (row.ok) expect(typeof row.value.name).toBe('string');
          else {
            errors += 1;
            expect(['CORDON_BATCH_FILE_INVALID', 'CORDON_FILE_UNREADABLE']).toContain(
              row.error.code,
            );
            expect(row.error.message).not.toMatch(/\n\s+at /); // no stack trace
          }
        }
        expect(performance.now() - started).toBeLessThan(perInputBudgetMs);
      }),
      fuzzParameters(150),
    );
  });

  it('splits any text into rows of fields with the list reader, never a crash', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          mutationOf(customers).map((b) => new TextDecoder().decode(b)),
          fc.string({ unit: 'binary', maxLength: 1_000 }),
        ),
        fc.constantFrom<',' | '\t' | ';'>(',', '\t', ';'),
        (text, delimiter) => {
          const started = performance.now();
          readDelimited(text, delimiter);
          expect(performance.now() - started).toBeLessThan(perInputBudgetMs);
        },
      ),
      fuzzParameters(300),
    );
  });
});
