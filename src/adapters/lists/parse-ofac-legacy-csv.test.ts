import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ListedParty } from '../../domain/lists/listed-party.ts';
import type { ParserOutput, TextFile } from './list-parse-types.ts';
import { parseOfacLegacyCsv } from './parse-ofac-legacy-csv.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const read = (file: string): TextFile => ({
  name: path.basename(file),
  text: fs.readFileSync(path.join(root, file), 'utf8'),
});
const named = (records: readonly ListedParty[], name: string) =>
  records.find((r) => r.names[0]?.value === name);

describe(parseOfacLegacyCsv.name, () => {
  describe('on the shipped SDN (sdn.csv of 2024-05-03 with the aliases and addresses of 2025-02)', () => {
    let output: ParserOutput;
    beforeAll(() => {
      const parsed = parseOfacLegacyCsv('us-ofac-sdn', {
        primary: read('data/lists/us_ofac_sdn/2024-05-03/sdn.csv'),
        aliases: read('data/lists/us_ofac_sdn/2025-02-27/alt.csv'),
        addresses: read('data/lists/us_ofac_sdn/2025-02-27/add.csv'),
        comments: read('data/lists/us_ofac_sdn/2025-02-27/sdn_comments.csv'),
      });
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
      output = parsed.value;
    });

    it('reads all 14,965 entities and stops at the Ctrl-Z end-of-file byte', () => {
      expect(output.records).toHaveLength(14_965);
      expect(output.records.every((r) => !r.names.some((n) => n.value.includes('\x1a')))).toBe(
        true,
      );
    });

    it('skips, one problem per row, the 1,468 aliases whose entity is not in the older sdn.csv', () => {
      const orphanAliases = output.skipped.filter((p) => p.file === 'alt.csv');
      expect(orphanAliases).toHaveLength(1_468);
      expect(orphanAliases[0]).toMatchObject({
        line: expect.any(Number),
        message: expect.stringMatching(/^alias of ent_num \d+, which is not in the entity file/),
      });
      expect(output.skipped.every((p) => /not in the entity file/.test(p.message))).toBe(true);
    });

    it('keeps OFAC remarks verbatim and takes the quoted a.k.a. of the remarks as a weak alias', () => {
      const bank = named(output.records, 'BANCO NACIONAL DE CUBA');
      expect(bank).toMatchObject({
        entityId: 'us-ofac-sdn:306',
        entityNumber: '306',
        kind: 'organisation',
        programmes: ['CUBA'],
        remarks: "a.k.a. 'BNC'.",
      });
      expect(bank?.names).toEqual([
        { value: 'BANCO NACIONAL DE CUBA', type: 'primary' },
        { value: 'NATIONAL BANK OF CUBA', type: 'aka' },
        { value: 'BNC', type: 'weak-aka' },
      ]);
      expect(bank?.addresses).toContainEqual({
        text: 'Zweierstrasse 35, Zurich CH-8022, Switzerland',
        country: 'CH',
      });
    });

    it('reads dates of birth, nationality, places of birth, gender and passports from the remarks', () => {
      const withPassport = output.records.find((r) =>
        r.identifiers.some((i) => i.type === 'Passport' && i.country !== undefined),
      );
      expect(withPassport).toBeDefined();
      const person = output.records.find(
        (r) =>
          r.kind === 'person' &&
          r.dates.some((d) => /^\d{4}-\d{2}-\d{2}$/.test(d.value)) &&
          r.gender !== undefined,
      );
      expect(person?.nationalities?.length ?? 0).toBeGreaterThan(0);
      expect(person?.placesOfBirth?.length ?? 0).toBeGreaterThan(0);
    });

    it('lists the Xinjiang Public Security Bureau (GLOMAG) with its aliases', () => {
      const bureau = named(output.records, 'XINJIANG PUBLIC SECURITY BUREAU');
      expect(bureau?.programmes).toContain('GLOMAG');
      expect(bureau?.names.map((n) => n.value)).toContain('XINJIANG BUREAU OF PUBLIC SECURITY');
      expect(bureau?.countries).toContain('CN');
    });

    it('splits several programmes and reads websites, tax ids and links to other parties', () => {
      const positive = named(output.records, 'AKTSIONERNOE OBSHCHESTVO POZITIV TEKNOLODZHIZ');
      expect(positive?.programmes).toEqual([
        'NPWMD',
        'CYBER2',
        'CAATSA - RUSSIA',
        'RUSSIA-EO14024',
      ]);
      expect(positive?.names).toContainEqual({ value: 'JSC POSITIVE TECHNOLOGIES', type: 'aka' });
      expect(positive?.identifiers).toEqual(
        expect.arrayContaining([
          { type: 'Website', value: 'www.ptsecurity.com' },
          { type: 'Tax ID No.', value: '7718668887', country: 'RU' },
        ]),
      );
      expect(positive?.linkedTo).toEqual(['FEDERAL SECURITY SERVICE']);
    });

    it('maps SDN types to kinds and keeps the vessel columns', () => {
      const kinds = new Set(output.records.map((r) => r.kind));
      expect(kinds).toEqual(new Set(['person', 'organisation', 'vessel', 'aircraft']));
      const ebano = named(output.records, 'EBANO');
      expect(ebano).toMatchObject({
        kind: 'vessel',
        vessel: {
          vesselType: 'General Cargo',
          tonnage: '2595',
          grossRegisteredTonnage: '1865',
          flag: 'Panama',
        },
        identifiers: [{ type: 'Vessel Registration Identification', value: 'IMO 7406784' }],
      });
      expect(ebano?.names.filter((n) => n.type === 'weak-aka').map((n) => n.value)).toEqual([
        'ANA I',
        'SAND SWAN',
      ]);
      expect(ebano?.addresses).toEqual([]);
    });

    it('appends sdn_comments.csv to the remarks that were cut at 1,000 characters', () => {
      const group = output.records.find((r) => r.entityNumber === '27307');
      expect(group?.remarks?.length ?? 0).toBeGreaterThan(1_000);
      expect(group?.names.map((n) => n.value)).toContain('APPLEWORM');
    });
  });

  it('joins the consistent 2021 SDN snapshot without a single orphan', () => {
    const parsed = parseOfacLegacyCsv('us-ofac-sdn', {
      primary: read('data/lists/us_ofac_sdn/2021-07-07/sdn.csv'),
      aliases: read('data/lists/us_ofac_sdn/2021-07-07/alt.csv'),
      addresses: read('data/lists/us_ofac_sdn/2021-07-07/add.csv'),
      comments: read('data/lists/us_ofac_sdn/2021-07-07/sdn_comments.csv'),
    });
    expect(parsed.ok && parsed.value.records.length).toBe(8_976);
    expect(parsed.ok && parsed.value.skipped).toEqual([]);
  });

  it('reads the non-SDN consolidated files, with Hikvision under NS-CMIC', () => {
    const parsed = parseOfacLegacyCsv('us-ofac-nonsdn', {
      primary: read('data/lists/us_ofac_nonsdn/2025-12-19/cons_prim.csv'),
      aliases: read('data/lists/us_ofac_nonsdn/2025-12-19/cons_alt.csv'),
      addresses: read('data/lists/us_ofac_nonsdn/2025-12-19/cons_add.csv'),
      comments: read('data/lists/us_ofac_nonsdn/2025-12-19/cons_comments.csv'),
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
    expect(parsed.value.records).toHaveLength(442);
    const hikvision = named(
      parsed.value.records,
      'HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO., LTD.',
    );
    expect(hikvision).toMatchObject({
      entityId: 'us-ofac-nonsdn:30946',
      programmes: ['CMIC-EO13959'],
      countries: ['CN'],
    });
    expect(hikvision?.names).toContainEqual({ value: 'HIKVISION', type: 'aka' });
    expect(hikvision?.dates).toContainEqual({
      type: 'listed',
      value: '2021-06-03',
      label: 'Listing Date (CMIC)',
    });
  });

  describe('on bad input', () => {
    const entities =
      '36,"AEROCARIBBEAN AIRLINES",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n';
    const files = (primary: string, aliases = '36,12,"aka","AERO-CARIBBEAN",-0- \r\n\x1a') => ({
      primary: { name: 'sdn.csv', text: primary },
      aliases: { name: 'alt.csv', text: aliases },
      addresses: { name: 'add.csv', text: '36,25,-0- ,"Havana","Cuba",-0- \r\n\x1a' },
    });

    it('reads quoted fields with commas and doubled quotes', () => {
      const parsed = parseOfacLegacyCsv(
        'us-ofac-sdn',
        files(
          '173,"ANGLO-CARIBBEAN CO., LTD.",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"a.k.a. \'THE ""BEST"" CO\'."\r\n\x1a',
          '',
        ),
      );
      expect(parsed.ok && parsed.value.records[0]?.names).toEqual([
        { value: 'ANGLO-CARIBBEAN CO., LTD.', type: 'primary' },
        { value: 'THE "BEST" CO', type: 'weak-aka' },
      ]);
    });

    it('fails a file cut off inside a quoted field, naming the file and line', () => {
      const parsed = parseOfacLegacyCsv('us-ofac-sdn', files(`${entities}173,"ANGLO-CARIBBEAN CO`));
      expect(parsed.ok).toBe(false);
      expect(!parsed.ok && parsed.error.problems[0]).toMatchObject({
        file: 'sdn.csv',
        line: 2,
        message: expect.stringMatching(/truncated/),
      });
    });

    it('fails a file whose last row is cut off without the end-of-file marker', () => {
      const parsed = parseOfacLegacyCsv(
        'us-ofac-sdn',
        files(`${entities}173,"ANGLO-CARIBBEAN",-0- ,"CUBA"`),
      );
      expect(!parsed.ok && parsed.error.problems[0]).toMatchObject({
        file: 'sdn.csv',
        line: 2,
        message: expect.stringMatching(/truncated/),
      });
    });

    it('fails the wrong file in the place of sdn.csv, saying which columns it expected', () => {
      const parsed = parseOfacLegacyCsv(
        'us-ofac-sdn',
        files('36,12,"aka","AERO-CARIBBEAN",-0- \r\n'),
      );
      expect(!parsed.ok && parsed.error.problems[0]).toMatchObject({
        file: 'sdn.csv',
        line: 1,
        message: expect.stringMatching(/expected 12 fields, found 5.*ent_num, SDN_Name, SDN_Type/),
      });
    });

    it('skips and reports a later row with a missing column, keeping the others', () => {
      const parsed = parseOfacLegacyCsv(
        'us-ofac-sdn',
        files(`${entities}173,"ANGLO",-0- ,"CUBA"\r\n\x1a`),
      );
      expect(parsed.ok && parsed.value.records.map((r) => r.entityNumber)).toEqual(['36']);
      expect(parsed.ok && parsed.value.skipped).toEqual([
        { file: 'sdn.csv', line: 2, message: 'expected 12 fields, found 4; the row was skipped' },
      ]);
    });
  });
});
