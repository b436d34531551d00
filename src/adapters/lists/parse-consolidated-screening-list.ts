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
import { dayMonthYear, distinct, slugOf, splitList } from './list-values.ts';
import { readDelimited } from './read-delimited.ts';

/** The 29 columns of trade.gov's CSL CSV, in its order; every one must be present. */
export const cslColumns = [
  '_id',
  'source',
  'entity_number',
  'type',
  'programs',
  'name',
  'title',
  'addresses',
  'federal_register_notice',
  'start_date',
  'end_date',
  'standard_order',
  'license_requirement',
  'license_policy',
  'call_sign',
  'vessel_type',
  'gross_tonnage',
  'gross_registered_tonnage',
  'vessel_flag',
  'vessel_owner',
  'remarks',
  'source_list_url',
  'alt_names',
  'citizenships',
  'dates_of_birth',
  'nationalities',
  'places_of_birth',
  'source_information_url',
  'ids',
] as const;

type CslColumn = (typeof cslColumns)[number];

/**
 * The short tag of each CSL sub-list, from the text of its `source` column. A sub-list not named
 * here gets the abbreviation in its parentheses (`... (XYZ List) - ...` -> `XYZ`).
 */
const subListTags: readonly (readonly [RegExp, string])[] = [
  [/^Specially Designated Nationals/i, 'SDN'],
  [/^Entity List/i, 'EL'],
  [/^Denied Persons/i, 'DPL'],
  [/^Unverified List/i, 'UVL'],
  [/^Military End User/i, 'MEU'],
  [/^Sectoral Sanctions/i, 'SSI'],
  [/^Foreign Sanctions Evaders/i, 'FSE'],
  [/^Nonproliferation Sanctions/i, 'ISN'],
  [/^ITAR Debarred/i, 'DTC'],
  [/^Palestinian Legislative Council/i, 'PLC'],
  [/^Non-SDN Menu-Based Sanctions/i, 'MBS'],
  [/^Non-SDN Chinese Military-Industrial Complex/i, 'CMIC'],
  [/^(Correspondent Account or Payable-Through Account Sanctions|Capta)/i, 'CAP'],
  [/^Non-SDN Iranian Sanctions/i, 'NS-ISA'],
];

/** CSL `ids` entries that are facts about the listing rather than identifiers of the party. */
const notIdentifiers =
  /^(Target Type|Issuer Name|Secondary sanctions risk|Executive Order|Additional Sanctions Information|Transactions Prohibited|Organization Type|CAATSA Section|Gender|Nationality of Registration|Listing Date|Effective Date|Purchase\/Sales For Divestment Date|Organization Established Date|Vessel Year of Build|Aircraft Manufacture Date|Aircraft Model|Aircraft Operator|Other Vessel Type|IFCA Determination|Former Vessel Flag)\b/i;

const dateIds: readonly (readonly [RegExp, ListedDate['type']])[] = [
  [/^Listing Date/i, 'listed'],
  [/^Effective Date/i, 'start'],
  [
    /^(Purchase\/Sales For Divestment Date|Organization Established Date|Vessel Year of Build|Aircraft Manufacture Date)/i,
    'other',
  ],
];

const kinds: Readonly<Record<string, PartyKind>> = {
  individual: 'person',
  entity: 'organisation',
  vessel: 'vessel',
  aircraft: 'aircraft',
};

/**
 * Parses trade.gov's Consolidated Screening List CSV (29 columns, header row) into listed parties,
 * one per row, keeping the sub-list (`source`) in `subList` and its short tag (`EL`, `SDN`,
 * `DPL`, ...) as the first programme. The `;`-separated columns become lists; address countries,
 * written as codes or names, become ISO codes.
 *
 * Entity ids are `us-csl:<tag>:<_id>`: the same OFAC entity appears in several sub-lists with the
 * same `_id` (SSI and MBS, SDN and PLC), so the tag keeps them apart.
 *
 * Rows that cannot be read are skipped and each reported: a repeated header, a row with the wrong
 * number of fields, a row without a name, a last row cut off inside a quoted field (the file
 * carries no end marker, so a cut-off file loses only that row). A missing column fails.
 */
export function parseConsolidatedScreeningList(file: TextFile): Result<ParserOutput, ParseFailure> {
  const read = readDelimited(file.text, ',');
  const [header, ...rows] = read.records;
  if (header === undefined) {
    return err(
      failure({
        file: file.name,
        message: `the file is empty; expected the CSL header row (${cslColumns.join(',')})`,
      }),
    );
  }
  const headerNames = header.fields.map((f) => f.trim());
  const missing = cslColumns.filter((column) => !headerNames.includes(column));
  if (missing.length > 0) {
    return err(
      failure({
        file: file.name,
        line: header.line,
        message: `missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}; expected the Consolidated Screening List header (${cslColumns.join(',')})`,
      }),
    );
  }
  const index = new Map<CslColumn, number>(cslColumns.map((c) => [c, headerNames.indexOf(c)]));
  const headerKey = header.fields.join('\u0000');

  const skipped: ParseProblem[] = [];
  const records: ListedParty[] = [];
  for (const row of rows) {
    const at = { file: file.name, line: row.line };
    if (row.fields.join('\u0000') === headerKey) {
      skipped.push({ ...at, message: 'a repeated header row inside the data; skipped' });
      continue;
    }
    if (row.fields.length !== header.fields.length) {
      skipped.push({
        ...at,
        message: `expected ${header.fields.length} fields, found ${row.fields.length}; the row was skipped`,
      });
      continue;
    }
    const value = (column: CslColumn): string => (row.fields[index.get(column) ?? -1] ?? '').trim();
    if (value('name') === '') {
      skipped.push({ ...at, message: 'the name column is empty; the row was skipped' });
      continue;
    }
    records.push(toParty(value));
  }
  if (read.unterminated) {
    skipped.push({
      file: file.name,
      line: read.unterminated.line,
      message: `the file ends inside a quoted field after ${read.unterminated.fields.length} of ${header.fields.length} fields: it is truncated; the cut-off row was skipped`,
    });
  }
  return ok({ records, skipped });
}

function toParty(value: (column: CslColumn) => string): ListedParty {
  const subList = value('source');
  const tag = subListTag(subList);
  const id = value('_id') || value('entity_number') || slugOf(value('name'));

  const names: ListedName[] = [
    { value: value('name'), type: 'primary' },
    ...splitList(value('alt_names')).map((alias): ListedName => ({ value: alias, type: 'aka' })),
  ];
  const addresses = splitList(value('addresses')).map((text): ListedAddress => {
    const country = countryCodeOf(text.split(',').at(-1) ?? '');
    return { text, ...(country !== undefined ? { country } : {}) };
  });

  const identifiers: ListedIdentifier[] = [];
  const dates: ListedDate[] = [];
  let gender: 'male' | 'female' | undefined;
  for (const entry of splitList(value('ids'))) {
    const parts = entry.split(',').map((p) => p.trim());
    const type = parts[0] ?? '';
    const last = parts.at(-1) ?? '';
    const hasCountry =
      parts.length >= 3 && /^[A-Z]{2}$/.test(last) && countryCodeOf(last) !== undefined;
    const idValue = parts.slice(1, hasCountry ? -1 : undefined).join(', ');
    const dateType = dateIds.find(([pattern]) => pattern.test(type))?.[1];
    if (dateType !== undefined && idValue !== '') {
      dates.push({ type: dateType, value: dayMonthYear(idValue), label: type.replace(/:$/, '') });
    } else if (/^Gender$/i.test(type)) {
      const g = idValue.toLowerCase();
      if (g === 'male' || g === 'female') gender = g;
    } else if (!notIdentifiers.test(type) && idValue !== '') {
      identifiers.push({ type, value: idValue, ...(hasCountry ? { country: last } : {}) });
    }
  }
  for (const dob of splitList(value('dates_of_birth')))
    dates.push({ type: 'birth', value: dayMonthYear(dob) });
  if (value('start_date') !== '') dates.push({ type: 'start', value: value('start_date') });
  if (value('end_date') !== '') dates.push({ type: 'end', value: value('end_date') });

  const nationalities = distinct(
    [...splitList(value('citizenships')), ...splitList(value('nationalities'))]
      .map((c) => countryCodeOf(c))
      .filter((c): c is string => c !== undefined),
  );
  const vessel: VesselDetails = {
    ...(value('call_sign') !== '' ? { callSign: value('call_sign') } : {}),
    ...(value('vessel_type') !== '' ? { vesselType: value('vessel_type') } : {}),
    ...(value('gross_tonnage') !== '' ? { tonnage: value('gross_tonnage') } : {}),
    ...(value('gross_registered_tonnage') !== ''
      ? { grossRegisteredTonnage: value('gross_registered_tonnage') }
      : {}),
    ...(value('vessel_flag') !== '' ? { flag: value('vessel_flag') } : {}),
    ...(value('vessel_owner') !== '' ? { owner: value('vessel_owner') } : {}),
  };
  const flag = vessel.flag !== undefined ? countryCodeOf(vessel.flag) : undefined;
  const countries = distinct(
    [
      ...addresses.map((a) => a.country),
      ...nationalities,
      ...identifiers.map((i) => i.country),
      flag,
    ].filter((c): c is string => c !== undefined),
  );
  const placesOfBirth = splitList(value('places_of_birth'));
  const sourceUrl = value('source_information_url') || value('source_list_url');

  return {
    source: 'us-csl',
    entityId: `us-csl:${tag}:${id}`,
    entityNumber: id,
    kind: kinds[value('type').toLowerCase()] ?? 'unknown',
    names: names.filter((n, i) => names.findIndex((m) => m.value === n.value) === i),
    addresses,
    countries,
    programmes: distinct([tag, ...splitList(value('programs'))]),
    identifiers,
    dates,
    citations: splitList(value('federal_register_notice')),
    subList,
    ...(value('remarks') !== '' ? { remarks: value('remarks') } : {}),
    ...(value('license_requirement') !== ''
      ? { licenceRequirement: value('license_requirement') }
      : {}),
    ...(value('license_policy') !== '' ? { licenceReviewPolicy: value('license_policy') } : {}),
    ...(sourceUrl !== '' ? { sourceUrl } : {}),
    ...(value('title') !== '' ? { positions: [value('title')] } : {}),
    ...(nationalities.length > 0 ? { nationalities } : {}),
    ...(placesOfBirth.length > 0 ? { placesOfBirth } : {}),
    ...(gender !== undefined ? { gender } : {}),
    ...(Object.keys(vessel).length > 0 ? { vessel } : {}),
  };
}

/** `Entity List (EL) - Bureau of Industry and Security` -> `EL`. */
export function subListTag(subList: string): string {
  const known = subListTags.find(([pattern]) => pattern.test(subList));
  if (known) return known[1];
  const abbreviation = /\(([^()]+?)(?: List)?\)/.exec(subList)?.[1];
  return abbreviation ?? (slugOf(subList).toUpperCase() || 'CSL');
}
