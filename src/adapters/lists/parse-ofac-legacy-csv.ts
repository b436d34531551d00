import { countryCodeOf } from '../../domain/lists/country-codes.ts';
import type {
  ListedAddress,
  ListedName,
  ListedParty,
  NameType,
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
import { distinct, distinctBy } from './list-values.ts';
import { readDelimited, type DelimitedRecord } from './read-delimited.ts';
import { readOfacRemarks } from './read-ofac-remarks.ts';

/**
 * The files of one OFAC list in the legacy CSV layout: `sdn.csv` (or `cons_prim.csv`) with the
 * entities, `alt.csv` with their aliases, `add.csv` with their addresses and, optionally,
 * `sdn_comments.csv` with the remarks that did not fit the 1,000-character remarks column.
 */
export interface OfacLegacyFiles {
  readonly primary: TextFile;
  readonly aliases: TextFile;
  readonly addresses: TextFile;
  readonly comments?: TextFile;
}

/** The columns of each file, for messages: the legacy files have no header row. */
const layouts = {
  primary: {
    columns: [
      'ent_num',
      'SDN_Name',
      'SDN_Type',
      'Program',
      'Title',
      'Call_Sign',
      'Vess_type',
      'Tonnage',
      'GRT',
      'Vess_flag',
      'Vess_owner',
      'Remarks',
    ],
  },
  aliases: { columns: ['ent_num', 'alt_num', 'alt_type', 'alt_name', 'alt_remarks'] },
  addresses: {
    columns: [
      'ent_num',
      'add_num',
      'Address',
      'City/State/Province/Postal Code',
      'Country',
      'Add_remarks',
    ],
  },
  comments: { columns: ['ent_num', 'Remarks_Extended'] },
} as const;

type Role = keyof typeof layouts;

const aliasTypes: Readonly<Record<string, NameType>> = { aka: 'aka', fka: 'fka', nka: 'nka' };

/**
 * Parses OFAC's legacy CSV files (SDN or the non-SDN consolidated list) into listed parties. The
 * files have no header row, write `-0-` for an empty field and end with a Ctrl-Z byte. Remarks
 * are kept verbatim and also read for dates of birth, identifiers, nationalities, websites and
 * OFAC's weak aliases (`a.k.a. 'X'`). Aliases, addresses and comments whose `ent_num` is not in
 * the primary file are skipped and reported one problem per row (OFAC publishes the files
 * together; a mixed set, like the shipped 2024 SDN with 2025 aliases, has such orphans).
 *
 * A file whose first row does not have the layout's columns is the wrong file and fails; a later
 * row that does not is skipped and reported. A file cut off inside a quoted field fails.
 */
export function parseOfacLegacyCsv(
  source: 'us-ofac-sdn' | 'us-ofac-nonsdn',
  files: OfacLegacyFiles,
): Result<ParserOutput, ParseFailure> {
  const skipped: ParseProblem[] = [];
  const primary = readOfacFile(files.primary, 'primary', skipped);
  if (!primary.ok) return primary;
  const aliases = readOfacFile(files.aliases, 'aliases', skipped);
  if (!aliases.ok) return aliases;
  const addresses = readOfacFile(files.addresses, 'addresses', skipped);
  if (!addresses.ok) return addresses;
  const comments = files.comments ? readOfacFile(files.comments, 'comments', skipped) : ok([]);
  if (!comments.ok) return comments;

  const entities = new Map<string, DelimitedRecord>();
  for (const record of primary.value) {
    const id = record.fields[0] ?? '';
    if (entities.has(id)) {
      skipped.push({
        file: files.primary.name,
        line: record.line,
        message: `ent_num ${id} appears a second time; the row was skipped`,
      });
      continue;
    }
    entities.set(id, record);
  }

  const namesOf = groupByEntity(aliases.value, entities, files.aliases.name, 'alias', skipped);
  const addressesOf = groupByEntity(
    addresses.value,
    entities,
    files.addresses.name,
    'address',
    skipped,
  );
  const commentsOf = files.comments
    ? groupByEntity(comments.value, entities, files.comments.name, 'comment', skipped)
    : new Map<string, DelimitedRecord[]>();

  const records: ListedParty[] = [];
  for (const [id, record] of entities) {
    records.push(
      toParty(source, id, record.fields, namesOf.get(id), addressesOf.get(id), commentsOf.get(id)),
    );
  }
  return ok({ records, skipped });
}

/** The rows of one file with the layout's field count; `-0-` is turned into an empty field. */
function readOfacFile(
  file: TextFile,
  role: Role,
  skipped: ParseProblem[],
): Result<DelimitedRecord[], ParseFailure> {
  const { columns } = layouts[role];
  // The Ctrl-Z (0x1A) is an end-of-file marker from the DOS era; what follows it is not data.
  const marker = file.text.indexOf('\x1a');
  const text = marker === -1 ? file.text : file.text.slice(0, marker);
  const read = readDelimited(text, ',');
  if (read.unterminated) {
    return err(
      failure({
        file: file.name,
        line: read.unterminated.line,
        message: `the file ends inside a quoted field: it is truncated (expected the closing quote, the rest of the row and the end-of-file marker)`,
      }),
    );
  }
  const rows: DelimitedRecord[] = [];
  const last = read.records.at(-1);
  for (const record of read.records) {
    const fields = record.fields.map(ofacValue);
    const problem = rowProblem(fields, role);
    if (problem === undefined) {
      rows.push({ line: record.line, fields });
      continue;
    }
    const located = { file: file.name, line: record.line };
    if (rows.length === 0 && record === read.records[0]) {
      return err(
        failure({
          ...located,
          message: `${problem}; expected an OFAC ${describeRole(role)} with ${columns.length} fields (${columns.join(', ')}) and no header row`,
        }),
      );
    }
    if (record === last && marker === -1 && !read.endsWithNewline) {
      return err(
        failure({
          ...located,
          message: `${problem}; the last row is cut off: the file is truncated`,
        }),
      );
    }
    skipped.push({ ...located, message: `${problem}; the row was skipped` });
  }
  if (rows.length === 0 && role === 'primary') {
    return err(failure({ file: file.name, message: `no ${describeRole(role)} rows found` }));
  }
  return ok(rows);
}

function rowProblem(fields: readonly string[], role: Role): string | undefined {
  const expected = layouts[role].columns.length;
  if (fields.length !== expected) return `expected ${expected} fields, found ${fields.length}`;
  const id = fields[0] ?? '';
  if (!/^\d+$/.test(id)) return `ent_num "${id.slice(0, 40)}" is not a number`;
  if (role === 'primary' && (fields[1] ?? '') === '') return `SDN_Name is empty`;
  if (role === 'aliases' && (fields[3] ?? '') === '') return `alt_name is empty`;
  return undefined;
}

const describeRole = (role: Role): string =>
  ({
    primary: 'sdn.csv / cons_prim.csv (entities)',
    aliases: 'alt.csv / cons_alt.csv (aliases)',
    addresses: 'add.csv / cons_add.csv (addresses)',
    comments: 'sdn_comments.csv / cons_comments.csv (remarks continued)',
  })[role];

/** `-0-` (often followed by a space) is OFAC's empty value. */
const ofacValue = (value: string): string => {
  const trimmed = value.trim();
  return trimmed === '-0-' ? '' : trimmed;
};

function groupByEntity(
  rows: readonly DelimitedRecord[],
  entities: ReadonlyMap<string, DelimitedRecord>,
  fileName: string,
  what: string,
  skipped: ParseProblem[],
): Map<string, DelimitedRecord[]> {
  const grouped = new Map<string, DelimitedRecord[]>();
  for (const row of rows) {
    const id = row.fields[0] ?? '';
    if (!entities.has(id)) {
      skipped.push({
        file: fileName,
        line: row.line,
        message: `${what} of ent_num ${id}, which is not in the entity file; skipped`,
      });
      continue;
    }
    const list = grouped.get(id);
    if (list) list.push(row);
    else grouped.set(id, [row]);
  }
  return grouped;
}

const kinds: Readonly<Record<string, PartyKind>> = {
  individual: 'person',
  vessel: 'vessel',
  aircraft: 'aircraft',
  '': 'organisation',
};

function toParty(
  source: string,
  id: string,
  fields: readonly string[],
  aliasRows: readonly DelimitedRecord[] = [],
  addressRows: readonly DelimitedRecord[] = [],
  commentRows: readonly DelimitedRecord[] = [],
): ListedParty {
  const name = fields[1] ?? '';
  const type = fields[2] ?? '';
  const program = fields[3] ?? '';
  const title = fields[4] ?? '';
  const callSign = fields[5] ?? '';
  const vesselType = fields[6] ?? '';
  const tonnage = fields[7] ?? '';
  const grt = fields[8] ?? '';
  const flag = fields[9] ?? '';
  const owner = fields[10] ?? '';
  const ownRemarks = fields[11] ?? '';
  // sdn_comments.csv continues remarks that were cut at 1,000 characters, mid-word.
  const remarks = ownRemarks + commentRows.map((row) => row.fields[1] ?? '').join('');
  const facts = readOfacRemarks(remarks);

  const names: ListedName[] = [{ value: name, type: 'primary' }];
  for (const row of aliasRows) {
    names.push({
      value: row.fields[3] ?? '',
      type: aliasTypes[(row.fields[2] ?? '').toLowerCase()] ?? 'aka',
    });
  }
  names.push(...facts.weakAliases);

  // add.csv has all-empty placeholder rows (`-0-` everywhere but the numbers): not addresses.
  const addresses = addressRows
    .filter((row) => row.fields.slice(2, 5).some((field) => field !== ''))
    .map((row): ListedAddress => {
      const street = row.fields[2] ?? '';
      const place = row.fields[3] ?? '';
      const countryName = row.fields[4] ?? '';
      const country = countryCodeOf(countryName);
      return {
        // The middle column mixes city, region and postal code ("London EC3N 1DY"): kept in the text.
        text: [street, place, countryName].filter((part) => part !== '').join(', '),
        ...(country !== undefined ? { country } : {}),
      };
    });

  const vessel: VesselDetails = {
    ...(callSign !== '' ? { callSign } : {}),
    ...(vesselType !== '' ? { vesselType } : {}),
    ...(tonnage !== '' ? { tonnage } : {}),
    ...(grt !== '' ? { grossRegisteredTonnage: grt } : {}),
    ...(flag !== '' ? { flag } : {}),
    ...(owner !== '' ? { owner } : {}),
  };
  const flagCountry = flag !== '' ? countryCodeOf(flag) : undefined;
  const birthCountries = facts.placesOfBirth.map((place) =>
    countryCodeOf(place.split(',').at(-1) ?? ''),
  );

  const countries = distinct(
    [
      ...addresses.map((a) => a.country),
      ...facts.nationalities,
      ...birthCountries,
      ...facts.identifiers.map((i) => i.country),
      flagCountry,
    ].filter((code): code is string => code !== undefined),
  );

  return {
    source,
    entityId: `${source}:${id}`,
    entityNumber: id,
    kind: kinds[type.toLowerCase()] ?? 'unknown',
    names: distinctNames(names),
    addresses,
    countries,
    // Several programmes are written `SDGT] [IFSR`: OFAC's own brackets, split apart.
    programmes:
      program === '' ? [] : program.split(/\]\s*\[/).map((p) => p.replace(/[[\]]/g, '').trim()),
    identifiers: facts.identifiers,
    dates: distinctBy(facts.dates, (d) => `${d.type}|${d.value}|${d.label ?? ''}`),
    citations: [],
    ...(remarks !== '' ? { remarks } : {}),
    ...(title !== '' ? { positions: [title] } : {}),
    ...(facts.nationalities.length > 0 ? { nationalities: distinct(facts.nationalities) } : {}),
    ...(facts.placesOfBirth.length > 0 ? { placesOfBirth: facts.placesOfBirth } : {}),
    ...(facts.gender !== undefined ? { gender: facts.gender } : {}),
    ...(Object.keys(vessel).length > 0 ? { vessel } : {}),
    ...(facts.linkedTo.length > 0 ? { linkedTo: facts.linkedTo } : {}),
  };
}

/** The same name twice (an alias that repeats the primary name) is kept once, with its first type. */
function distinctNames(names: readonly ListedName[]): ListedName[] {
  const seen = new Set<string>();
  return names.filter((n) => {
    if (n.value === '' || seen.has(n.value)) return false;
    seen.add(n.value);
    return true;
  });
}
