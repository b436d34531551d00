import { countryCodeOf } from '../../domain/lists/country-codes.ts';
import type { ListedDate, ListedParty, PartyKind } from '../../domain/lists/listed-party.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import {
  failure,
  type ParseFailure,
  type ParseProblem,
  type ParserOutput,
  type TextFile,
} from './list-parse-types.ts';
import { collapseSpace, monthDayYear, slugOf, withUniqueEntityIds } from './list-values.ts';
import { readDelimited } from './read-delimited.ts';

/** The columns of BIS's dpl.txt; every one must be present. */
export const dplColumns = [
  'Name',
  'Street_Address',
  'City',
  'State',
  'Country',
  'Postal_Code',
  'Effective_Date',
  'Expiration_Date',
  'Standard_Order',
  'Last_Update',
  'Action',
  'FR_Citation',
] as const;

type DplColumn = (typeof dplColumns)[number];

/** Legal forms that make a denied party an organisation; without one the kind stays unknown. */
const legalForm =
  /\b(LTD|LIMITED|INC|INCORPORATED|CORP|CORPORATION|CO|COMPANY|LLC|L\.L\.C|GMBH|S\.A|SA|SRL|S\.R\.L|B\.V|BV|AG|PLC|PTE|PVT|LLP|ENTERPRISES?|INTERNATIONAL|TRADING|INDUSTRIES|GROUP|TECHNOLOGY|TECHNOLOGIES|ELECTRONICS|SYSTEMS|AVIATION|AIRLINES?)\b\.?/;

/**
 * Parses BIS's Denied Persons List (`dpl.txt`: tab-separated, quoted, header row) into listed
 * parties, one per row: a person or firm denied at one address, with its order's effective and
 * expiry dates and its Federal Register citations.
 *
 * The DPL has no numbers, so ids are derived: `us-bis-dpl:<name>:<effective date>`, which stays
 * the same while the denial order does. One order that names the same party at two addresses
 * gives two rows; the second gets `~2` (see `withUniqueEntityIds`).
 */
export function parseDeniedPersonsList(file: TextFile): Result<ParserOutput, ParseFailure> {
  const read = readDelimited(file.text, '\t');
  const [header, ...rows] = read.records;
  if (header === undefined) {
    return err(
      failure({
        file: file.name,
        message: `the file is empty; expected the DPL header row (${dplColumns.join(', ')})`,
      }),
    );
  }
  const headerNames = header.fields.map((f) => f.trim());
  const missing = dplColumns.filter((column) => !headerNames.includes(column));
  if (missing.length > 0) {
    return err(
      failure({
        file: file.name,
        line: header.line,
        message: `missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}; expected the tab-separated Denied Persons List header (${dplColumns.join(', ')})`,
      }),
    );
  }
  const index = new Map<DplColumn, number>(dplColumns.map((c) => [c, headerNames.indexOf(c)]));

  const skipped: ParseProblem[] = [];
  const records: ListedParty[] = [];
  for (const row of rows) {
    const at = { file: file.name, line: row.line };
    if (row.fields.length !== header.fields.length) {
      skipped.push({
        ...at,
        message: `expected ${header.fields.length} tab-separated fields, found ${row.fields.length}; the row was skipped`,
      });
      continue;
    }
    const value = (column: DplColumn): string =>
      collapseSpace(row.fields[index.get(column) ?? -1] ?? '');
    if (value('Name') === '') {
      skipped.push({ ...at, message: 'the Name column is empty; the row was skipped' });
      continue;
    }
    records.push(toParty(value));
  }
  if (read.unterminated) {
    skipped.push({
      file: file.name,
      line: read.unterminated.line,
      message: 'the file ends inside a quoted field: it is truncated; the cut-off row was skipped',
    });
  }
  return ok({ records: withUniqueEntityIds(records), skipped });
}

function toParty(value: (column: DplColumn) => string): ListedParty {
  const name = value('Name');
  const effective = monthDayYear(value('Effective_Date'));
  const country = countryCodeOf(value('Country'));
  const text = [
    value('Street_Address'),
    value('City'),
    value('State'),
    value('Postal_Code'),
    value('Country'),
  ]
    .filter((part) => part !== '')
    .join(', ');
  const dates: ListedDate[] = [];
  if (effective !== '') dates.push({ type: 'start', value: effective });
  if (value('Expiration_Date') !== '')
    dates.push({ type: 'end', value: monthDayYear(value('Expiration_Date')) });
  if (value('Last_Update') !== '')
    dates.push({ type: 'other', value: value('Last_Update'), label: 'Last update' });
  const kind: PartyKind = legalForm.test(name.toUpperCase()) ? 'organisation' : 'unknown';
  const entityNumber = `${slugOf(name)}:${effective}`;

  return {
    source: 'us-bis-dpl',
    entityId: `us-bis-dpl:${entityNumber}`,
    entityNumber,
    kind,
    names: [{ value: name, type: 'primary' }],
    addresses:
      text === ''
        ? []
        : [
            {
              text,
              ...(value('City') !== '' ? { city: value('City') } : {}),
              ...(value('State') !== '' ? { region: value('State') } : {}),
              ...(value('Postal_Code') !== '' ? { postalCode: value('Postal_Code') } : {}),
              ...(country !== undefined ? { country } : {}),
            },
          ],
    countries: country !== undefined ? [country] : [],
    programmes: ['DPL'],
    identifiers: [],
    dates,
    citations: federalRegisterCitations(value('FR_Citation')),
    ...(value('Action') !== '' ? { remarks: value('Action') } : {}),
  };
}

/**
 * `68 F.R. 38290 6/27/03 71 F.R. 38843 7/10/06` -> `['68 F.R. 38290 6/27/03', '71 F.R. 38843 7/10/06']`:
 * the DPL runs several citations together in one column.
 */
export function federalRegisterCitations(text: string): string[] {
  const found = text.match(/\d+\s*F\.?\s*R\.?\s+\d[\d,\s]*?\s+\d{1,2}\/\d{1,2}\/\d{2,4}/g);
  return found && found.length > 0 ? found.map((c) => c.trim()) : text === '' ? [] : [text];
}
