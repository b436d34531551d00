import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseOfsiConsolidatedCsv } from './parse-ofsi-consolidated-csv.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const sample = fs.readFileSync(
  path.join(root, 'data/lists/format_samples/uk_hmt_conlist_2020-04-27/sample_hmt_conlist.csv'),
  'utf8',
);

/** The 2022+ header of ConList.csv, with the ship and entity columns OFSI added later. */
const currentHeader =
  'Name 6,Name 1,Name 2,Name 3,Name 4,Name 5,Title,Name Non-Latin Script,Non-Latin Script Type,Non-Latin Script Language,DOB,Town of Birth,Country of Birth,Nationality,Passport Number,Passport Details,National Identification Number,National Identification Details,Position,Address 1,Address 2,Address 3,Address 4,Address 5,Address 6,Post/Zip Code,Country,Other Information,Group Type,Alias Type,Alias Quality,Regime,Listed On,UK Sanctions List Date Designated,Last Updated,Group ID,IMO number,Current believed flag of ship,Type of ship';

describe(parseOfsiConsolidatedCsv.name, () => {
  const parsed = parseOfsiConsolidatedCsv({ name: 'sample_hmt_conlist.csv', text: sample });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  const { records, skipped, dataDate } = parsed.value;

  it('groups the rows of the 2020 sample by Group ID and takes the list date from its first line', () => {
    expect(dataDate).toBe('2020-04-27');
    expect(skipped).toEqual([]);
    expect(records.map((r) => r.entityId)).toEqual([
      'uk-hmt-ofsi:9053',
      'uk-hmt-ofsi:13063',
      'uk-hmt-ofsi:13754',
      'uk-hmt-ofsi:11039',
      'uk-hmt-ofsi:13017',
      'uk-hmt-ofsi:9215',
    ]);
  });

  it('reads the prime alias as the listed name, with its non-Latin script, birth, position and regime', () => {
    expect(records[0]).toMatchObject({
      kind: 'person',
      names: [
        { value: 'Mohsen HOJATI', type: 'primary' },
        { value: 'محسن حجتی', type: 'aka' },
      ],
      programmes: ['Iran (nuclear proliferation)'],
      positions: ['Head of Fajr Industrial Group'],
      dates: expect.arrayContaining([
        { type: 'birth', value: '1955-09-28' },
        { type: 'listed', value: '2007-03-24' },
      ]),
    });
  });

  it('keeps partial dates of birth as precise as written', () => {
    expect(records[1]?.dates.filter((d) => d.type === 'birth').map((d) => d.value)).toEqual([
      '1983-07-05',
      '1983',
      '1984-04',
    ]);
    expect(records[1]?.placesOfBirth).toEqual(['Kakhovka, Kherson Oblast, Ukraine']);
    expect(records[1]?.countries).toEqual(['UA']);
  });

  it('reads a ship of the current layout, with its IMO number and flag', () => {
    const text = [
      'Last Updated,05/06/2026',
      currentHeader,
      'ASTRA,,,,,,,,,,,,,,,,,,,,,,,,,,,"(UK Sanctions List Ref):RUS1234. (UK Statement of Reasons):A tanker.",Ship,Primary name,,Russia,09/05/2024,09/05/2024,09/05/2024,90001,9123456,Cameroon,Crude oil tanker',
      'ASTRA I,,,,,,,,,,,,,,,,,,,,,,,,,,,,Ship,AKA,Low,Russia,09/05/2024,09/05/2024,09/05/2024,90001,9123456,Cameroon,Crude oil tanker',
    ].join('\r\n');
    const result = parseOfsiConsolidatedCsv({ name: 'ConList.csv', text });
    expect(result.ok && result.value.dataDate).toBe('2026-06-05');
    expect(result.ok && result.value.records[0]).toMatchObject({
      entityId: 'uk-hmt-ofsi:90001',
      kind: 'vessel',
      names: [
        { value: 'ASTRA', type: 'primary' },
        { value: 'ASTRA I', type: 'weak-aka' },
      ],
      countries: ['CM'],
      vessel: { vesselType: 'Crude oil tanker', flag: 'Cameroon' },
      identifiers: expect.arrayContaining([
        { type: 'UK Sanctions List Ref', value: 'RUS1234' },
        { type: 'IMO', value: '9123456' },
      ]),
    });
  });

  it('fails a file without the Group ID column, and skips a row with a missing field', () => {
    const noGroup = parseOfsiConsolidatedCsv({
      name: 'ConList.csv',
      text: 'Name 6,Name 1,Group Type\nX,Y,Individual\n',
    });
    expect(!noGroup.ok && noGroup.error.problems[0]?.message).toMatch(
      /^no header row with Name 6, Name 1, Group Type, Group ID/,
    );
    const lines = sample.split('\n');
    const short = parseOfsiConsolidatedCsv({
      name: 'ConList.csv',
      text: [lines[0], lines[1], lines[2], 'HOJATI,Mohsen'].join('\n'),
    });
    expect(short.ok && short.value.skipped).toEqual([
      { file: 'ConList.csv', line: 4, message: 'expected 36 fields, found 2; the row was skipped' },
    ]);
  });
});
