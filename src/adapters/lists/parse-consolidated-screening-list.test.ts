import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  cslColumns,
  parseConsolidatedScreeningList,
  subListTag,
} from './parse-consolidated-screening-list.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const read = (file: string) => ({
  name: path.basename(file),
  text: fs.readFileSync(path.join(root, file), 'utf8'),
});

describe(parseConsolidatedScreeningList.name, () => {
  const partial = parseConsolidatedScreeningList(
    read('data/lists/us_csl/2023-11-30-partial/csl.csv'),
  );
  if (!partial.ok) throw new Error(JSON.stringify(partial.error));
  const { records, skipped } = partial.value;

  it('keeps the 4,226 good rows of the partial 2023 CSL', () => {
    expect(records).toHaveLength(4_226);
    expect(new Set(records.map((r) => r.entityId)).size).toBe(4_226);
  });

  it('skips and reports the repeated header row and the cut-off last row', () => {
    expect(skipped).toEqual([
      { file: 'csl.csv', line: 2, message: 'a repeated header row inside the data; skipped' },
      {
        file: 'csl.csv',
        line: 4233,
        message: expect.stringMatching(
          /ends inside a quoted field after 8 of 29 fields: it is truncated/,
        ),
      },
    ]);
  });

  it('keeps the sub-list and maps it to a short programme tag (the cut-off row was an SDN one)', () => {
    const counts = new Map<string, number>();
    for (const r of records)
      counts.set(r.programmes[0] ?? '', (counts.get(r.programmes[0] ?? '') ?? 0) + 1);
    expect(Object.fromEntries(counts)).toEqual({
      SDN: 1_737,
      EL: 919,
      DPL: 577,
      SSI: 288,
      UVL: 186,
      ISN: 144,
      DTC: 142,
      PLC: 78,
      MEU: 71,
      CMIC: 68,
      MBS: 14,
      FSE: 1,
      CAP: 1,
    });
    const el = records.find((r) => r.programmes[0] === 'EL');
    expect(el?.subList).toBe('Entity List (EL) - Bureau of Industry and Security');
  });

  it('gives an entity listed in two sub-lists an id per sub-list', () => {
    expect(
      records
        .filter((r) => r.entityNumber === '17014')
        .map((r) => r.entityId)
        .sort(),
    ).toEqual(['us-csl:MBS:17014', 'us-csl:SSI:17014']);
  });

  it('splits the ;-separated columns and reads address countries as ISO codes', () => {
    const hikvision = records.find(
      (r) => r.names[0]?.value === 'Hangzhou Hikvision Digital Technology Co., Ltd.',
    );
    expect(hikvision).toMatchObject({
      entityId: 'us-csl:CMIC:30946',
      kind: 'organisation',
      programmes: ['CMIC', 'CMIC-EO13959'],
      countries: ['CN'],
      addresses: [
        { text: '555, Qianmo Road, Binjiang District, Hangzhou, 310051, CN', country: 'CN' },
      ],
    });
    expect(hikvision?.names.map((n) => n.value)).toEqual([
      'Hangzhou Hikvision Digital Technology Co., Ltd.',
      'Hikvision',
      'Hangzhou Hikvision Digital Technology',
    ]);
    expect(hikvision?.identifiers).toContainEqual({
      type: 'Unified Social Credit Code (USCC)',
      value: '91330000733796106P',
      country: 'CN',
    });
    expect(hikvision?.dates).toContainEqual({
      type: 'listed',
      value: '2021-06-03',
      label: 'Listing Date (CMIC)',
    });
  });

  it('keeps the Entity List licence requirement and policy of EL rows', () => {
    const el = records.find((r) => r.programmes[0] === 'EL' && r.licenceRequirement !== undefined);
    expect(el?.licenceReviewPolicy).toBeDefined();
    expect(el?.citations.length).toBeGreaterThan(0);
  });

  it('reads the current CSV layout of 2025', () => {
    const current = parseConsolidatedScreeningList(
      read('data/lists/us_csl/2025-06-fixture/consolidated.csv'),
    );
    expect(current.ok && current.value.records).toHaveLength(13);
    expect(current.ok && current.value.skipped).toEqual([]);
  });

  it('fails a file without a column, naming the column', () => {
    const header = cslColumns.filter((c) => c !== 'alt_names').join(',');
    const parsed = parseConsolidatedScreeningList({ name: 'csl.csv', text: `${header}\n` });
    expect(!parsed.ok && parsed.error.problems[0]).toMatchObject({
      file: 'csl.csv',
      line: 1,
      message: expect.stringMatching(
        /^missing column alt_names; expected the Consolidated Screening List header/,
      ),
    });
  });

  it('fails a file of another format', () => {
    const parsed = parseConsolidatedScreeningList({
      name: 'csl.csv',
      text: '"Name"\t"Street_Address"\n"X"\t"Y"\n',
    });
    expect(parsed.ok).toBe(false);
  });
});

describe(subListTag.name, () => {
  it.each([
    ['Specially Designated Nationals (SDN) - Treasury Department', 'SDN'],
    ['Non-SDN Menu-Based Sanctions List (NS-MBS List) - Treasury Department', 'MBS'],
    ['Some Future List (SFL) - Commerce', 'SFL'],
  ])('tags %j as %s', (subList, tag) => {
    expect(subListTag(subList)).toBe(tag);
  });
});
