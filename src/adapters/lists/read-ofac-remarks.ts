import { countryCodeOf } from '../../domain/lists/country-codes.ts';
import type { ListedDate, ListedIdentifier, ListedName } from '../../domain/lists/listed-party.ts';
import { dayMonthYear } from './list-values.ts';

/** What OFAC's free-text remarks hold in structured form. The remarks stay verbatim as well. */
export interface OfacRemarkFacts {
  /** `a.k.a. 'X'` in the remarks: OFAC's low-quality ("weak") aliases. */
  readonly weakAliases: readonly ListedName[];
  readonly identifiers: readonly ListedIdentifier[];
  readonly dates: readonly ListedDate[];
  /** ISO alpha-2 of `nationality X` and `citizen X`. */
  readonly nationalities: readonly string[];
  readonly placesOfBirth: readonly string[];
  readonly gender?: 'male' | 'female';
  readonly linkedTo: readonly string[];
}

/**
 * OFAC's identifier types as they appear in remarks (`Passport X (Country)`), longest first so
 * that `Diplomatic Passport` wins over `Passport`. Types not listed here are still recognised
 * when the value ends with a country in parentheses.
 */
const identifierTypes = [
  'Aircraft Construction Number (also called L/N or S/N or F/N)',
  "Aircraft Manufacturer's Serial Number (MSN)",
  'Aircraft Mode S Transponder Code',
  'Aircraft Serial Identification',
  'Aircraft Tail Number',
  'Afghan Money Service Provider License Number',
  'Business Registration Document #',
  'Business Registration Number',
  'Business Number',
  'Birth Certificate Number',
  'BIK (RU)',
  'Branch Unit Number',
  'C.I.F.',
  'C.R. No.',
  'C.U.I.P.',
  'C.U.I.T.',
  'C.U.I.',
  'C.U.R.P. #',
  'C.U.R.P.',
  'Cartilla de Servicio Militar Nacional',
  'Cedula No.',
  'Central Registration System Number',
  'Certificate of Incorporation Number',
  'Chamber of Commerce Number',
  'Chinese Commercial Code',
  "Citizen's Card Number",
  'Commercial Registry Number',
  'Company Number',
  'Credencial electoral',
  'D-U-N-S Number',
  'D.N.I.',
  'Diplomatic Passport',
  "Driver's License No.",
  'Dubai Chamber of Commerce Membership No.',
  'Economic Register Number (CBLS)',
  'Electoral Registry No.',
  'Email Address',
  'Enterprise Number',
  'Equity Ticker',
  'Fax No.',
  'Fax:',
  'Fax',
  'File Number',
  'Folio Mercantil No.',
  'Government Gazette Number',
  'I.F.E.',
  'Identification Number',
  'Immigration No.',
  'ISIN',
  'Istanbul Chamber of Comm. No.',
  'Italian Fiscal Code:',
  'Italian Fiscal Code',
  'Kenyan ID No.',
  'LE Number',
  'Legal Entity Number',
  'License',
  'Matricula Mercantil No',
  'Military Registration Number',
  'MMSI',
  'N.I.E.',
  'National Foreign ID Number',
  'National ID No.',
  'NIT #',
  'Numero de Identidad',
  'Numero Unico de Identificacao Tributaria (NUIT)',
  'Organization Code',
  'Other Vessel Call Sign',
  'Other Vessel Flag',
  'Paraguayan tax identification number',
  'Passport Booklet:',
  'Passport Booklet',
  'Passport',
  'Permit Number',
  'Personal ID Card',
  'Phone Number',
  'PHONE',
  'FAX',
  'Pilot License Number',
  'Public Registration Number',
  'R.F.C. #',
  'R.F.C.',
  'Refugee ID Card',
  'Registered Charity No.',
  'Registration ID',
  'Registration Number',
  'Residency Number',
  'RFC',
  'RIF #',
  'Romanian C.R.',
  'Romanian Permanent Resident',
  'RTN',
  'RUC #',
  'SRE Permit No.',
  'SSN',
  'Stateless Person ID Card',
  'Stateless Person Passport',
  'SWIFT/BIC',
  'Tax ID No.',
  'Tazkira National ID Card',
  'Telephone No.',
  'Telephone:',
  'Telephone',
  'Trade License No.',
  'Travel Document Number',
  'Turkish Identification Number',
  'UAE Identification',
  'UK Company Number',
  'Unified Social Credit Code (USCC)',
  'United Social Credit Code Certificate (USCCC)',
  'US FEIN',
  'V.A.T. Number',
  'Vessel Registration Identification',
  'VisaNumberID',
  'Website',
];

/** The identifier types by their first word, longest first: a segment is tried only against its own. */
const identifierTypesByFirstWord = new Map<string, string[]>();
for (const type of [...identifierTypes].sort((a, b) => b.length - a.length)) {
  const first = type.split(' ', 1)[0] ?? type;
  const list = identifierTypesByFirstWord.get(first);
  if (list) list.push(type);
  else identifierTypesByFirstWord.set(first, [type]);
}

/** Dated facts OFAC writes as `Label date`; the type says how screening may use the date. */
const labelledDates: readonly { readonly pattern: RegExp; readonly type: ListedDate['type'] }[] = [
  { pattern: /^(Organization Established Date):?\s+(.+)$/, type: 'other' },
  { pattern: /^(Listing Date \([^)]*\)):?\s+(.+)$/, type: 'listed' },
  { pattern: /^(Effective Date \([^)]*\)):?\s+(.+)$/, type: 'start' },
  { pattern: /^(Purchase\/Sales For Divestment Date \([^)]*\)):?\s+(.+)$/, type: 'other' },
  { pattern: /^(Aircraft Manufacture Date):?\s+(.+)$/, type: 'other' },
  { pattern: /^(Vessel Year of Build):?\s+(.+)$/, type: 'other' },
];

const quotedAlias = /^(a\.k\.a\.|f\.k\.a\.|n\.k\.a\.),?\s+(.+)$/i;

/**
 * Reads the structured parts of an OFAC remarks field (`DOB 05 Mar 1961; POB Baghdad, Iraq;
 * nationality Iraq; Passport A123 (Iraq) issued 2001; a.k.a. 'ABU X'; Linked To: Y.`). Parts it
 * does not recognise are left alone: the remarks themselves are kept verbatim on the record.
 */
export function readOfacRemarks(remarks: string): OfacRemarkFacts {
  const weakAliases: ListedName[] = [];
  const identifiers: ListedIdentifier[] = [];
  const dates: ListedDate[] = [];
  const nationalities: string[] = [];
  const placesOfBirth: string[] = [];
  const linkedTo: string[] = [];
  let gender: 'male' | 'female' | undefined;

  const trimmed = remarks.trimEnd();
  const body = trimmed.endsWith('.') ? trimmed.slice(0, -1) : trimmed;
  for (const raw of body.split(';')) {
    const part = raw.trim().replace(/^alt\.\s+/i, '');
    if (part === '') continue;

    const alias = quotedAlias.exec(part);
    if (alias) {
      const value = unquote(alias[2] ?? '');
      if (value !== '') weakAliases.push({ value, type: 'weak-aka' });
      continue;
    }
    const dob = /^DOB\s+(.+)$/.exec(part);
    if (dob) {
      dates.push({ type: 'birth', value: dayMonthYear(dob[1] ?? '') });
      continue;
    }
    const pob = /^POB\s+(.+)$/.exec(part);
    if (pob) {
      placesOfBirth.push((pob[1] ?? '').trim());
      continue;
    }
    const nationality = /^(?:nationality|citizen)\s+(?:possibly\s+)?(.+)$/i.exec(part);
    if (nationality) {
      const code = countryCodeOf(nationality[1] ?? '');
      if (code !== undefined) nationalities.push(code);
      continue;
    }
    const sex = /^Gender\s+(Male|Female)$/i.exec(part);
    if (sex) {
      gender = (sex[1] ?? '').toLowerCase() === 'male' ? 'male' : 'female';
      continue;
    }
    const linked = /^Linked To:\s*(.+)$/.exec(part);
    if (linked) {
      linkedTo.push((linked[1] ?? '').trim());
      continue;
    }
    const dated = readLabelledDate(part);
    if (dated) {
      dates.push(dated);
      continue;
    }
    const identifier = readIdentifier(part);
    if (identifier) identifiers.push(identifier);
  }

  return {
    weakAliases,
    identifiers,
    dates,
    nationalities,
    placesOfBirth,
    linkedTo,
    ...(gender !== undefined ? { gender } : {}),
  };
}

function readLabelledDate(part: string): ListedDate | undefined {
  for (const { pattern, type } of labelledDates) {
    const match = pattern.exec(part);
    if (match) return { type, value: dayMonthYear(match[2] ?? ''), label: match[1] ?? '' };
  }
  return undefined;
}

/** `Passport A123 (Iraq) issued 01 Jan 2001 expires 01 Jan 2011` -> type, value, country, details. */
function readIdentifier(part: string): ListedIdentifier | undefined {
  const currency = /^(Digital Currency Address - [A-Z0-9]+)\s+(\S+)$/.exec(part);
  if (currency) return { type: currency[1] ?? '', value: currency[2] ?? '' };

  const candidates = identifierTypesByFirstWord.get(part.split(' ', 1)[0] ?? '') ?? [];
  const known = candidates.find((type) => part.startsWith(`${type} `));
  let type: string;
  let rest: string;
  if (known !== undefined) {
    type = known.replace(/:$/, '');
    rest = part.slice(known.length + 1).trim();
  } else {
    // An unknown type is accepted only in OFAC's unmistakable shape: `Words VALUE (Country)`.
    const generic = /^([A-Za-z][A-Za-z.'/# -]*?)\s+(\S*\d\S*.*\(([^()]+)\))$/.exec(part);
    if (!generic || countryCodeOf(generic[3] ?? '') === undefined) return undefined;
    if (
      /^(Executive Order|Secondary sanctions|Transactions Prohibited|CAATSA|Additional Sanctions)/i.test(
        part,
      )
    ) {
      return undefined;
    }
    type = generic[1] ?? '';
    rest = generic[2] ?? '';
  }
  if (rest === '') return undefined;

  let details: string | undefined;
  const dated = /\s+((?:issued|expires)\s.*)$/.exec(rest);
  if (dated) {
    details = dated[1];
    rest = rest.slice(0, dated.index);
  }
  let country: string | undefined;
  const inParentheses = /\s*\(([^()]+)\)$/.exec(rest);
  if (inParentheses) {
    country = countryCodeOf(inParentheses[1] ?? '');
    if (country !== undefined) rest = rest.slice(0, inParentheses.index);
  }
  const value = rest.trim();
  if (value === '') return undefined;
  return {
    type,
    value,
    ...(country !== undefined ? { country } : {}),
    ...(details !== undefined ? { details } : {}),
  };
}

/** `'ABU X'` -> `ABU X`: OFAC quotes remark aliases in single quotes. */
const unquote = (text: string): string =>
  text
    .trim()
    .replace(/^'(.*)'$/s, '$1')
    .trim();
