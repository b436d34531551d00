import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEuFinancialSanctionsXml } from './parse-eu-financial-sanctions-xml.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const sample = fs.readFileSync(
  path.join(root, 'data/lists/format_samples/eu_fsf_2020-04-15/sample_eu_fsf.xml'),
  'utf8',
);

describe(parseEuFinancialSanctionsXml.name, () => {
  const parsed = parseEuFinancialSanctionsXml({ name: 'sample_eu_fsf.xml', text: sample });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  const { records, dataDate } = parsed.value;

  it('reads every sanctionEntity and takes the data date from generationDate', () => {
    expect(dataDate).toBe('2020-04-15');
    expect(records).toHaveLength(7);
    expect(records[0]?.entityId).toBe('eu-fsf:5295');
  });

  it('reads names, citizenship, birth dates with places, programme and regulation', () => {
    expect(records[0]).toMatchObject({
      kind: 'person',
      names: expect.arrayContaining([
        { value: 'Abid Hammadou', type: 'primary' },
        { value: 'Abdelhamid Abou Zeid', type: 'aka' },
      ]),
      nationalities: ['DZ'],
      programmes: ['TAQA'],
      citations: ['2019/555 (OJ L97)'],
      dates: expect.arrayContaining([
        { type: 'birth', value: '1965-12-12' },
        { type: 'birth', value: '1958', label: 'circa' },
        { type: 'listed', value: '2008-07-03' },
      ]),
      identifiers: [{ type: 'EU reference number', value: 'EU.2026.82' }],
    });
    expect(records[0]?.remarks).toMatch(/Mother's name is Benarouba Bachira/);
  });

  it('reads identification documents and addresses with ISO country codes', () => {
    const withPassport = records.find((r) =>
      r.identifiers.some((i) => i.type === 'National passport'),
    );
    expect(withPassport?.identifiers[0]).toEqual({ type: 'National passport', value: '488555' });
    const withAddress = records.find((r) => r.addresses.length > 0);
    expect(withAddress?.addresses[0]).toMatchObject({ region: 'North Kivu', country: 'CD' });
  });

  it('reads a weak alias and the full attribute set of the current format', () => {
    const text = `<?xml version="1.0" encoding="UTF-8"?>
<export xmlns="http://eu.europa.ec/fpi/fsd/export" generationDate="2026-09-21T10:00:00.000+02:00">
  <sanctionEntity designationDate="2024-05-20" unitedNationId="" euReferenceNumber="EU.9999.2" logicalId="900002">
    <regulation regulationType="regulation" programme="RUS" numberTitle="2024/1485 (OJ L)" logicalId="1"><publicationUrl>https://eur-lex.europa.eu/x</publicationUrl></regulation>
    <subjectType code="enterprise" classificationCode="E"/>
    <nameAlias wholeName="Sirius Trade LLC" strong="true" function="" gender="" logicalId="2"/>
    <nameAlias wholeName="Sirius Trading" strong="false" logicalId="3"/>
    <address street="1 Lenina" city="Minsk" zipCode="220030" countryIso2Code="BY" countryDescription="BELARUS" logicalId="4"/>
    <identification identificationTypeCode="regnumber" identificationTypeDescription="Registration Number" number="190000000" countryIso2Code="BY" knownFalse="false" logicalId="5"/>
    <remark>Exports dual-use goods.</remark>
  </sanctionEntity>
</export>`;
    const result = parseEuFinancialSanctionsXml({ name: 'fsf.xml', text });
    expect(result.ok && result.value.records[0]).toMatchObject({
      entityId: 'eu-fsf:900002',
      kind: 'organisation',
      names: [
        { value: 'Sirius Trade LLC', type: 'primary' },
        { value: 'Sirius Trading', type: 'weak-aka' },
      ],
      addresses: [
        {
          text: '1 Lenina, Minsk, 220030, BELARUS',
          city: 'Minsk',
          postalCode: '220030',
          country: 'BY',
        },
      ],
      identifiers: [
        { type: 'Registration Number', value: '190000000', country: 'BY' },
        { type: 'EU reference number', value: 'EU.9999.2' },
      ],
      programmes: ['RUS'],
      remarks: 'Exports dual-use goods.',
      sourceUrl: 'https://eur-lex.europa.eu/x',
    });
    expect(result.ok && result.value.dataDate).toBe('2026-09-21');
  });

  it('fails malformed XML with its line, and another XML document by its root element', () => {
    const malformed = parseEuFinancialSanctionsXml({
      name: 'fsf.xml',
      text: sample.replace('</nameAlias>', ''),
    });
    expect(!malformed.ok && malformed.error.problems[0]).toMatchObject({
      file: 'fsf.xml',
      line: expect.any(Number),
      message: expect.stringMatching(/^malformed XML/),
    });
    const other = parseEuFinancialSanctionsXml({ name: 'fsf.xml', text: '<CONSOLIDATED_LIST/>' });
    expect(!other.ok && other.error.problems[0]).toMatchObject({
      element: '<CONSOLIDATED_LIST>',
      message: expect.stringMatching(/<export> root/),
    });
  });
});
