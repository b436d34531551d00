import { countryCodeOf } from '../../domain/lists/country-codes.ts';
import type {
  ListedAddress,
  ListedDate,
  ListedIdentifier,
  ListedName,
  ListedParty,
  PartyKind,
  VesselDetails,
} from '../../domain/lists/listed-party.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import {
  failure,
  type ParseFailure,
  type ParseProblem,
  type ParserOutput,
  type TextFile,
} from './list-parse-types.ts';
import { collapseSpace, dayMonthYearSlashed, distinct, distinctBy } from './list-values.ts';
import { readDelimited, type DelimitedRecord } from './read-delimited.ts';

/** The columns without which a row cannot be read; all the others are used when present. */
const requiredColumns = ['Name 6', 'Name 1', 'Group Type', 'Group ID'] as const;

/**
 * The OFSI columns Cordon reads, each with the header spellings OFSI has used (matched without
 * regard to case, spaces or punctuation).
 */
const columnNames = {
  name6: ['Name 6'],
  name1: ['Name 1'],
  name2: ['Name 2'],
  name3: ['Name 3'],
  name4: ['Name 4'],
  name5: ['Name 5'],
  title: ['Title'],
  nonLatinName: ['Name Non-Latin Script'],
  dob: ['DOB'],
  townOfBirth: ['Town of Birth'],
  countryOfBirth: ['Country of Birth'],
  nationality: ['Nationality'],
  passportNumber: ['Passport Number', 'Passport Details Number'],
  passportDetails: ['Passport Details'],
  nationalIdNumber: ['National Identification Number', 'NI Number'],
  nationalIdDetails: ['National Identification Details', 'NI Details'],
  position: ['Position'],
  address1: ['Address 1'],
  address2: ['Address 2'],
  address3: ['Address 3'],
  address4: ['Address 4'],
  address5: ['Address 5'],
  address6: ['Address 6'],
  postCode: ['Post/Zip Code', 'Post Code', 'Zip Code'],
  country: ['Country'],
  otherInformation: ['Other Information'],
  groupType: ['Group Type'],
  aliasType: ['Alias Type'],
  aliasQuality: ['Alias Quality'],
  regime: ['Regime'],
  listedOn: ['Listed On'],
  ukDesignated: ['UK Sanctions List Date Designated', 'Date Designated'],
  lastUpdated: ['Last Updated'],
  groupId: ['Group ID'],
  ukReference: ['UK Sanctions List Ref', 'Unique ID'],
  entityType: ['Type of entity', 'Entity Type'],
  subsidiaries: ['Subsidiaries'],
  parentCompany: ['Parent company'],
  businessRegistration: ['Business Registration Number(s)', 'Business Registration Number'],
  email: ['Email address', 'Email'],
  phone: ['Phone number', 'Phone'],
  website: ['Website'],
  imoNumber: ['IMO number', 'IMO'],
  shipFlag: ['Current believed flag of ship', 'Flag of ship'],
  previousFlags: ['Previous flags'],
  shipType: ['Type of ship'],
  tonnage: ['Tonnage of ship'],
  shipLength: ['Length of ship'],
  yearBuilt: ['Year Built'],
  hullId: ['Hull identification number (HIN)'],
  shipOwner: ['Current owner/operator(s)'],
  previousOwners: ['Previous owner/operator(s)'],
} as const;

type Column = keyof typeof columnNames;
const columnKey = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]+/g, '');

const kinds: Readonly<Record<string, PartyKind>> = {
  individual: 'person',
  entity: 'organisation',
  ship: 'vessel',
};

/**
 * Parses HM Treasury's OFSI consolidated list CSV (`ConList.csv`): a `Last Updated` line, a header,
 * then one row per name of a target, grouped by `Group ID` into one listed party. The row whose
 * alias type is `Prime Alias` / `Primary name` gives the listed name; `AKA` rows give aliases
 * (`Low` quality ones as weak aliases). Every column of the format is read when present (names in
 * Latin and other scripts, birth, nationality, passports, national ids, positions, addresses,
 * regimes, listing dates, ship and entity details), so a current file imports fully.
 */
export function parseOfsiConsolidatedCsv(file: TextFile): Result<ParserOutput, ParseFailure> {
  const read = readDelimited(file.text, ',');
  const headerIndex = read.records.findIndex((r) =>
    r.fields.some((f) => columnKey(f) === 'groupid'),
  );
  const header = read.records[headerIndex];
  if (header === undefined) {
    return err(
      failure({
        file: file.name,
        message: `no header row with ${requiredColumns.join(', ')}; expected the OFSI consolidated list CSV (ConList.csv)`,
      }),
    );
  }
  const positions = new Map(header.fields.map((f, i) => [columnKey(f), i]));
  const missing = requiredColumns.filter((c) => !positions.has(columnKey(c)));
  if (missing.length > 0) {
    return err(
      failure({
        file: file.name,
        line: header.line,
        message: `missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}; expected the OFSI consolidated list header`,
      }),
    );
  }
  const index = new Map<Column, number>();
  for (const [column, names] of Object.entries(columnNames) as [Column, readonly string[]][]) {
    const at = names.map((n) => positions.get(columnKey(n))).find((i) => i !== undefined);
    if (at !== undefined) index.set(column, at);
  }

  const dataDate = readListDate(read.records.slice(0, Math.max(headerIndex, 0)));
  const skipped: ParseProblem[] = [];
  const groups = new Map<string, DelimitedRecord[]>();
  for (const row of read.records.slice(headerIndex + 1)) {
    const at = { file: file.name, line: row.line };
    if (row.fields.length !== header.fields.length) {
      skipped.push({
        ...at,
        message: `expected ${header.fields.length} fields, found ${row.fields.length}; the row was skipped`,
      });
      continue;
    }
    const groupId = (row.fields[index.get('groupId') ?? -1] ?? '').trim();
    if (groupId === '') {
      skipped.push({ ...at, message: 'the Group ID is empty; the row was skipped' });
      continue;
    }
    const group = groups.get(groupId);
    if (group) group.push(row);
    else groups.set(groupId, [row]);
  }
  if (read.unterminated) {
    skipped.push({
      file: file.name,
      line: read.unterminated.line,
      message: 'the file ends inside a quoted field: it is truncated; the cut-off row was skipped',
    });
  }

  const records: ListedParty[] = [];
  for (const [groupId, rows] of groups) {
    const party = toParty(groupId, rows, index);
    if (party) records.push(party);
    else
      skipped.push({
        file: file.name,
        line: rows[0]?.line ?? 0,
        message: `Group ID ${groupId} has no name; skipped`,
      });
  }
  return ok({ records, skipped, ...(dataDate !== undefined ? { dataDate } : {}) });
}

/** `Last Updated,27/04/2020` (or `Last Updated:`) before the header: the date of the list. */
function readListDate(preamble: readonly DelimitedRecord[]): string | undefined {
  for (const record of preamble) {
    if (!/^last updated/i.test(record.fields[0]?.trim() ?? '')) continue;
    const date = dayMonthYearSlashed(record.fields[1] ?? '');
    if (/^\d{4}-\d{2}-\d{2}$/.test(date)) return date;
  }
  return undefined;
}

function toParty(
  groupId: string,
  rows: readonly DelimitedRecord[],
  index: ReadonlyMap<Column, number>,
): ListedParty | undefined {
  const cell = (row: DelimitedRecord, column: Column): string => {
    const at = index.get(column);
    return at === undefined ? '' : collapseSpace(row.fields[at] ?? '');
  };
  const all = (column: Column): string[] =>
    distinct(rows.map((row) => cell(row, column)).filter((v) => v !== ''));

  const names: ListedName[] = [];
  for (const row of rows) {
    const value = collapseSpace(
      (['name1', 'name2', 'name3', 'name4', 'name5', 'name6'] as const)
        .map((c) => cell(row, c))
        .join(' '),
    );
    if (value === '') continue;
    const aliasType = cell(row, 'aliasType').toLowerCase();
    const primary = /^(prime alias|primary name)$/.test(aliasType);
    const type = primary
      ? 'primary'
      : cell(row, 'aliasQuality').toLowerCase() === 'low'
        ? 'weak-aka'
        : /^(fka|formerly)/.test(aliasType)
          ? 'fka'
          : 'aka';
    names.push({ value, type });
    const nonLatin = cell(row, 'nonLatinName');
    if (nonLatin !== '') names.push({ value: nonLatin, type: primary ? 'aka' : type });
  }
  // The listed name first; a group without a primary row takes its first name as primary.
  names.sort((a, b) => Number(b.type === 'primary') - Number(a.type === 'primary'));
  const distinctNames = distinctBy(names, (n) => n.value).map((n, i) =>
    i === 0
      ? { ...n, type: 'primary' as const }
      : n.type === 'primary'
        ? { ...n, type: 'aka' as const }
        : n,
  );
  if (distinctNames.length === 0) return undefined;

  const addresses = distinctBy(
    rows.flatMap((row): ListedAddress[] => {
      const lines = (
        ['address1', 'address2', 'address3', 'address4', 'address5', 'address6'] as const
      )
        .map((c) => cell(row, c))
        .filter((v) => v !== '');
      const postalCode = cell(row, 'postCode');
      const countryName = cell(row, 'country');
      if (lines.length === 0 && postalCode === '' && countryName === '') return [];
      const country = countryCodeOf(countryName);
      return [
        {
          text: [...lines, postalCode, countryName].filter((v) => v !== '').join(', '),
          ...(postalCode !== '' ? { postalCode } : {}),
          ...(country !== undefined ? { country } : {}),
        },
      ];
    }),
    (a) => a.text,
  );

  const identifiers: ListedIdentifier[] = [];
  for (const row of rows) {
    const passport = cell(row, 'passportNumber');
    if (passport !== '') {
      const details = cell(row, 'passportDetails');
      identifiers.push({
        type: 'Passport',
        value: passport,
        ...(details !== '' ? { details } : {}),
      });
    }
    const nationalId = cell(row, 'nationalIdNumber');
    if (nationalId !== '') {
      const details = cell(row, 'nationalIdDetails');
      identifiers.push({
        type: 'National Identification Number',
        value: nationalId,
        ...(details !== '' ? { details } : {}),
      });
    }
  }
  const otherInformation = all('otherInformation');
  const ukReference =
    all('ukReference')[0] ??
    otherInformation
      .map((o) => /\(UK Sanctions List Ref\)\s*:\s*([A-Z]{2,}\d+)/i.exec(o)?.[1])
      .find((r) => r !== undefined);
  if (ukReference !== undefined)
    identifiers.push({ type: 'UK Sanctions List Ref', value: ukReference });
  for (const [column, type] of [
    ['businessRegistration', 'Business Registration Number'],
    ['email', 'Email Address'],
    ['phone', 'Phone Number'],
    ['website', 'Website'],
    ['imoNumber', 'IMO'],
    ['hullId', 'Hull Identification Number'],
  ] as const) {
    for (const value of all(column)) identifiers.push({ type, value });
  }

  const dates: ListedDate[] = [
    ...all('dob').map((d): ListedDate => ({ type: 'birth', value: dayMonthYearSlashed(d) })),
    ...all('listedOn').map((d): ListedDate => ({ type: 'listed', value: dayMonthYearSlashed(d) })),
    ...all('ukDesignated').map((d): ListedDate => ({
      type: 'listed',
      value: dayMonthYearSlashed(d),
      label: 'UK Sanctions List Date Designated',
    })),
    ...all('lastUpdated').map((d): ListedDate => ({
      type: 'other',
      value: dayMonthYearSlashed(d),
      label: 'Last Updated',
    })),
    ...all('yearBuilt').map((d): ListedDate => ({ type: 'other', value: d, label: 'Year Built' })),
  ];

  const nationalities = distinct(
    all('nationality')
      .flatMap((n) => n.split(/\(\d+\)|[,;]/))
      .map((n) => countryCodeOf(n.trim()))
      .filter((c): c is string => c !== undefined),
  );
  const placesOfBirth = distinct(
    rows
      .map((row) =>
        [cell(row, 'townOfBirth'), cell(row, 'countryOfBirth')].filter((v) => v !== '').join(', '),
      )
      .filter((v) => v !== ''),
  );
  const birthCountries = all('countryOfBirth').map((c) => countryCodeOf(c));
  const vessel: VesselDetails = {
    ...(all('shipType')[0] !== undefined ? { vesselType: all('shipType').join('; ') } : {}),
    ...(all('tonnage')[0] !== undefined ? { tonnage: all('tonnage').join('; ') } : {}),
    ...(all('shipFlag')[0] !== undefined ? { flag: all('shipFlag').join('; ') } : {}),
    ...(all('shipOwner')[0] !== undefined ? { owner: all('shipOwner').join('; ') } : {}),
  };
  const flagCountries = all('shipFlag').map((f) => countryCodeOf(f));
  const countries = distinct(
    [
      ...addresses.map((a) => a.country),
      ...nationalities,
      ...birthCountries,
      ...flagCountries,
    ].filter((c): c is string => c !== undefined),
  );
  const extraNotes = [
    ...all('entityType').map((v) => `Type of entity: ${v}`),
    ...all('parentCompany').map((v) => `Parent company: ${v}`),
    ...all('subsidiaries').map((v) => `Subsidiaries: ${v}`),
    ...all('previousFlags').map((v) => `Previous flags: ${v}`),
    ...all('previousOwners').map((v) => `Previous owner/operator(s): ${v}`),
    ...all('shipLength').map((v) => `Length of ship: ${v}`),
  ];
  const remarks = [...otherInformation, ...extraNotes].join('\n');
  const positions = all('position');
  const first = rows[0];
  const groupType = first ? cell(first, 'groupType').toLowerCase() : '';

  return {
    source: 'uk-hmt-ofsi',
    entityId: `uk-hmt-ofsi:${groupId}`,
    entityNumber: groupId,
    kind: kinds[groupType] ?? 'unknown',
    names: distinctNames,
    addresses,
    countries,
    programmes: all('regime'),
    identifiers: distinctBy(identifiers, (i) => `${i.type}|${i.value}`),
    dates: distinctBy(dates, (d) => `${d.type}|${d.value}|${d.label ?? ''}`),
    citations: [],
    ...(remarks !== '' ? { remarks } : {}),
    ...(positions.length > 0 ? { positions } : {}),
    ...(nationalities.length > 0 ? { nationalities } : {}),
    ...(placesOfBirth.length > 0 ? { placesOfBirth } : {}),
    ...(Object.keys(vessel).length > 0 ? { vessel } : {}),
  };
}
