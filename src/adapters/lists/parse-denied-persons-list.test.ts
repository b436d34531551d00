import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { federalRegisterCitations, parseDeniedPersonsList } from './parse-denied-persons-list.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const text = fs.readFileSync(path.join(root, 'data/lists/us_bis_dpl/2022-09-07/dpl.txt'), 'utf8');

describe(parseDeniedPersonsList.name, () => {
  const parsed = parseDeniedPersonsList({ name: 'dpl.txt', text });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  const { records, skipped } = parsed.value;

  it('reads all 581 rows of the 2022 DPL, each with a unique id', () => {
    expect(records).toHaveLength(581);
    expect(skipped).toEqual([]);
    expect(new Set(records.map((r) => r.entityId)).size).toBe(581);
  });

  it('keeps each denial with its address, order dates and Federal Register citations', () => {
    const dahua = records.find((r) => r.names[0]?.value === 'DAHUA ELECTRONICS CORPORATION');
    expect(dahua).toMatchObject({
      entityId: 'us-bis-dpl:dahua-electronics-corporation:2017-09-28',
      kind: 'organisation',
      programmes: ['DPL'],
      addresses: [
        {
          text: '134-12 59HT AVENUE, FLUSHING, NY, 11355',
          city: 'FLUSHING',
          region: 'NY',
          postalCode: '11355',
        },
      ],
      dates: [
        { type: 'start', value: '2017-09-28' },
        { type: 'end', value: '2025-11-19' },
        { type: 'other', value: '2017-10-10', label: 'Last update' },
      ],
      citations: ['82 F.R. 46480 10/5/2017'],
    });
  });

  it('numbers a second row of the same order (the same party at another address)', () => {
    const nasser = records
      .filter((r) => r.names[0]?.value === 'ABDULAH AL NASSER')
      .map((r) => r.entityId);
    expect(nasser).toEqual([
      'us-bis-dpl:abdulah-al-nasser:2002-03-04',
      'us-bis-dpl:abdulah-al-nasser:2002-03-04~2',
    ]);
  });

  it('fails a file without the DPL columns, naming them', () => {
    const wrong = parseDeniedPersonsList({
      name: 'dpl.txt',
      text: '"Name"\t"Street_Address"\t"City"\n"X"\t"Y"\t"Z"\n',
    });
    expect(!wrong.ok && wrong.error.problems[0]?.message).toMatch(
      /^missing columns State, Country, Postal_Code/,
    );
  });

  it('skips and reports a row with a missing field and a row cut off at the end', () => {
    const lines = text.split('\n');
    const broken = [
      lines[0],
      lines[1],
      lines[2]?.split('\t').slice(0, 5).join('\t'),
      lines[3]?.slice(0, 20),
    ].join('\n');
    const result = parseDeniedPersonsList({ name: 'dpl.txt', text: broken });
    expect(result.ok && result.value.records).toHaveLength(1);
    expect(result.ok && result.value.skipped).toEqual([
      {
        file: 'dpl.txt',
        line: 3,
        message: 'expected 12 tab-separated fields, found 5; the row was skipped',
      },
      {
        file: 'dpl.txt',
        line: 4,
        message:
          'the file ends inside a quoted field: it is truncated; the cut-off row was skipped',
      },
    ]);
  });
});

describe(federalRegisterCitations.name, () => {
  it('splits citations the DPL runs together', () => {
    expect(
      federalRegisterCitations('68 F.R. 38290 6/27/03 71 F.R. 38843 7/10/06 72 F.R. 4236 1/30/07'),
    ).toEqual(['68 F.R. 38290 6/27/03', '71 F.R. 38843 7/10/06', '72 F.R. 4236 1/30/07']);
    expect(federalRegisterCitations('82 F.R. 16788, 16789 4/6/2017')).toEqual([
      '82 F.R. 16788, 16789 4/6/2017',
    ]);
  });
});
