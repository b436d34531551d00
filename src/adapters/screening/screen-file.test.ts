import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildListedParty } from '../../../test/factories/listed-party.ts';
import { screenFile, type ScreenFileProgress } from './screen-file.ts';

const parties = [
  buildListedParty({
    source: 'us-bis-entity-list',
    entityNumber: 'CN:hikvision',
    names: [
      { value: 'Hangzhou Hikvision Digital Technology Co., Ltd.', type: 'primary' },
      { value: 'Hikvision', type: 'aka' },
    ],
    countries: ['CN'],
  }),
  ...Array.from({ length: 10 }, (_, i) =>
    buildListedParty({ names: [{ value: `NORTHERN STAR SHIPPING ${i}`, type: 'primary' }] }),
  ),
];

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cordon-screen-file-'));
afterAll(() => {
  fs.rmSync(work, { recursive: true, force: true });
});
let files = 0;
const file = (content: string | Uint8Array, ext = 'csv'): string => {
  files += 1;
  const name = path.join(work, `f${String(files)}.${ext}`);
  fs.writeFileSync(name, content);
  return name;
};
const output = (ext: string) => path.join(work, `out${String((files += 1))}.${ext}`);

describe(screenFile.name, { timeout: 60_000 }, () => {
  it('holds each worker to its heap limit, and names the limit when a worker runs out of it', async () => {
    // Ten thousand listed names do not fit in a 1 MB heap: the worker stops, the run says why.
    const many = Array.from({ length: 10_000 }, (_, i) =>
      buildListedParty({
        names: [{ value: `Listed Trading Company Number ${String(i)}`, type: 'primary' }],
      }),
    );
    const result = await screenFile({
      input: file('name\nHikvision\n'),
      output: output('jsonl'),
      parties: many,
      workers: 1,
      workerHeapMb: 1,
    });
    expect(result).toMatchObject({ ok: false, error: { kind: 'worker-failed' } });
    expect(!result.ok && result.error.message).toMatch(/heap limit is 1 MB/);
  });

  it('writes one JSON line per row, in order, with the row, its columns and the screening contract', async () => {
    const out = output('jsonl');
    const progress: ScreenFileProgress[] = [];
    const result = await screenFile({
      input: file('id,name,country\n1,Hikvision,CN\n2,,CN\n3,Maple Leaf Bakery,CA,extra\n'),
      output: out,
      column: 'name',
      countryColumn: 'country',
      parties,
      workers: 1,
      batchSize: 1,
      snapshot: ['us-bis-entity-list@2026-07-23.00000000'],
      onProgress: (p) => progress.push(p),
    });
    expect(result.ok && result.value).toMatchObject({
      rows: 3,
      rowsWithMatches: 1,
      rowsWithStrongMatches: 1,
      rowsWithProblems: 2,
      format: 'jsonl',
    });
    expect(result.ok && result.value.problems).toEqual([
      { row: 2, line: 3, problem: 'empty "name"' },
      { row: 3, line: 4, problem: 'expected 3 fields, found 4' },
    ]);
    const text = fs.readFileSync(out, 'utf8').trim().split('\n');
    const lines = text.map((l) => JSON.parse(l) as Record<string, unknown>);
    // Each line is exactly the JSON of its record, keys in the contract's order.
    for (const [k, line] of lines.entries()) {
      expect(Object.keys(line)).toEqual([
        'row',
        'columns',
        'query',
        'snapshot',
        'matches',
        'problems',
      ]);
      expect(text[k]).toBe(JSON.stringify(line));
    }
    expect(lines.map((l) => l['row'])).toEqual([1, 2, 3]);
    expect(lines[0]).toMatchObject({
      columns: { id: '1', name: 'Hikvision', country: 'CN' },
      query: { name: 'Hikvision', country: 'CN' },
      snapshot: ['us-bis-entity-list@2026-07-23.00000000'],
      matches: [expect.objectContaining({ entityId: parties[0]?.entityId, band: 'strong' })],
    });
    expect(lines[1]).toMatchObject({ matches: [], problems: ['empty "name"'] });
    expect(progress.at(-1)?.rowsDone).toBe(3);
  });

  it('writes CSV with the input columns and the top match when the output is not .jsonl', async () => {
    const out = output('csv');
    const result = await screenFile({
      input: file('name\n"Hikvision, Hangzhou"\n'),
      output: out,
      parties,
      workers: 1,
    });
    expect(result.ok).toBe(true);
    const [header, row] = fs.readFileSync(out, 'utf8').trim().split('\n');
    expect(header).toBe(
      'row,name,match_count,top_band,top_score,top_entity_id,top_source,top_name,top_matched_name,matches,problems',
    );
    expect(row).toContain('"Hikvision, Hangzhou"');
    expect(row).toContain(parties[0]?.entityId);
  });

  it('refuses a file without the named column, naming it and the columns it has', async () => {
    const result = await screenFile({
      input: file('id,company\n1,Hikvision\n'),
      output: output('jsonl'),
      column: 'name',
      parties,
      workers: 1,
    });
    expect(!result.ok && result.error).toMatchObject({
      kind: 'missing-column',
      column: 'name',
      message: 'the header has no column "name" (columns: id, company)',
    });
  });

  it('refuses a file that is not UTF-8, naming the line of the first bad byte', async () => {
    // "Sèvres" written in ISO-8859-1: è is the single byte 0xe8.
    const latin1 = new Uint8Array([
      ...new TextEncoder().encode('name\nHikvision\nS'),
      0xe8,
      ...new TextEncoder().encode('vres\n'),
    ]);
    const result = await screenFile({
      input: file(latin1),
      output: output('jsonl'),
      parties,
      workers: 1,
    });
    expect(!result.ok && result.error).toMatchObject({ kind: 'not-utf8', line: 3 });
  });

  it('refuses an empty file and an input that does not exist', async () => {
    const empty = await screenFile({ input: file(''), output: output('csv'), parties, workers: 1 });
    expect(!empty.ok && empty.error.kind).toBe('missing-column');
    const missing = await screenFile({
      input: path.join(work, 'nope.csv'),
      output: output('csv'),
      parties,
      workers: 1,
    });
    expect(!missing.ok && missing.error.kind).toBe('input-unreadable');
  });
});
