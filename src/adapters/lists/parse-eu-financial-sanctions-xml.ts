import { countryCodeOf } from '../../domain/lists/country-codes.ts';
import type {
  ListedAddress,
  ListedDate,
  ListedIdentifier,
  ListedName,
  ListedParty,
  PartyKind,
} from '../../domain/lists/listed-party.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import {
  failure,
  type ParseFailure,
  type ParseProblem,
  type ParserOutput,
  type TextFile,
} from './list-parse-types.ts';
import { collapseSpace, distinct, distinctBy, isoDay } from './list-values.ts';
import {
  attributeOf,
  childElements,
  childrenOf,
  parseXml,
  tagOf,
  textValue,
  type XmlNode,
} from './xml-nodes.ts';

const kinds: Readonly<Record<string, PartyKind>> = {
  person: 'person',
  enterprise: 'organisation',
  vessel: 'vessel',
  aircraft: 'aircraft',
};

/**
 * Parses the EU Financial Sanctions File (the FSF XML, `<export generationDate=...>` with one
 * `<sanctionEntity>` per listed person or entity) into listed parties. It reads every element of
 * the format: the regulations (programmes and their Official Journal citations), the subject
 * type, every name alias (a non-`strong` alias becomes a weak alias), citizenships, birth dates
 * and places, addresses, identification documents and remarks. The data date is the file's
 * `generationDate`; ids are `eu-fsf:<logicalId>`, the EU's own stable id.
 */
export function parseEuFinancialSanctionsXml(file: TextFile): Result<ParserOutput, ParseFailure> {
  const document = parseXml(file.name, file.text);
  if (!document.ok) return err(failure(document.error));
  const root = document.value.find((node) => tagOf(node) === 'export');
  if (root === undefined) {
    const found = document.value.map(tagOf).find((tag) => !tag.startsWith('?') && tag !== '#text');
    return err(
      failure({
        file: file.name,
        element: found !== undefined ? `<${found}>` : 'root',
        message: `expected the <export> root element of the EU Financial Sanctions File`,
      }),
    );
  }
  const entities = childElements(root, 'sanctionEntity');
  if (entities.length === 0) {
    return err(
      failure({ file: file.name, element: '<export>', message: 'no <sanctionEntity> elements' }),
    );
  }
  const skipped: ParseProblem[] = [];
  const records: ListedParty[] = [];
  for (const [position, entity] of entities.entries()) {
    const logicalId = attributeOf(entity, 'logicalId').trim();
    const element = `<sanctionEntity logicalId="${logicalId}"> (#${position + 1})`;
    if (logicalId === '') {
      skipped.push({
        file: file.name,
        element,
        message: 'the logicalId attribute is missing; skipped',
      });
      continue;
    }
    const party = toParty(logicalId, entity);
    if (party === undefined) {
      skipped.push({ file: file.name, element, message: 'no <nameAlias> with a name; skipped' });
      continue;
    }
    records.push(party);
  }
  const dataDate = isoDay(attributeOf(root, 'generationDate'));
  return ok({ records, skipped, ...(dataDate !== undefined ? { dataDate } : {}) });
}

function toParty(logicalId: string, entity: XmlNode): ListedParty | undefined {
  const attr = (node: XmlNode, name: string) => collapseSpace(attributeOf(node, name));
  const children = (tag: string) => childElements(entity, tag);

  const names: ListedName[] = [];
  const positions: string[] = [];
  let gender: 'male' | 'female' | undefined;
  for (const alias of children('nameAlias')) {
    const whole =
      attr(alias, 'wholeName') ||
      collapseSpace(['firstName', 'middleName', 'lastName'].map((a) => attr(alias, a)).join(' '));
    if (whole === '') continue;
    const strong = attr(alias, 'strong').toLowerCase() !== 'false';
    names.push({
      value: whole,
      type: names.length === 0 && strong ? 'primary' : strong ? 'aka' : 'weak-aka',
    });
    if (attr(alias, 'function') !== '') positions.push(attr(alias, 'function'));
    const sex = attr(alias, 'gender').toUpperCase();
    if (sex === 'M') gender = 'male';
    if (sex === 'F') gender = 'female';
  }
  if (names.length === 0) return undefined;
  if (!names.some((n) => n.type === 'primary'))
    names[0] = { ...names[0], type: 'primary' } as ListedName;

  const regulations = children('regulation');
  const programmes = distinct(regulations.map((r) => attr(r, 'programme')).filter((p) => p !== ''));
  const citations = distinct(
    regulations.map((r) => attr(r, 'numberTitle')).filter((c) => c !== ''),
  );
  const url = regulations
    .map((r) => textOf(childElements(r, 'publicationUrl')[0]))
    .find((u) => u !== '');

  const nationalities = distinct(
    children('citizenship')
      .map((c) => countryOf(c))
      .filter((c): c is string => c !== undefined),
  );

  const dates: ListedDate[] = [];
  const placesOfBirth: string[] = [];
  const birthCountries: string[] = [];
  for (const birth of children('birthdate')) {
    const value = birthValue(birth, attr);
    if (value !== '') {
      dates.push({
        type: 'birth',
        value,
        ...(attr(birth, 'circa') === 'true' ? { label: 'circa' } : {}),
      });
    }
    const place = [
      attr(birth, 'place'),
      attr(birth, 'city'),
      attr(birth, 'region'),
      attr(birth, 'countryDescription'),
    ]
      .filter((p) => p !== '' && p !== '-' && p !== 'UNKNOWN')
      .join(', ');
    if (place !== '') placesOfBirth.push(place);
    const country = countryOf(birth);
    if (country !== undefined) birthCountries.push(country);
  }
  const designated = isoDay(attributeOf(entity, 'designationDate'));
  if (designated !== undefined) dates.push({ type: 'listed', value: designated });

  const addresses = children('address').map((address): ListedAddress => {
    const country = countryOf(address);
    const parts = ['street', 'poBox', 'place', 'city', 'zipCode', 'region']
      .map((a) => attr(address, a))
      .filter((p) => p !== '');
    const description = attr(address, 'countryDescription');
    if (description !== '' && description !== 'UNKNOWN') parts.push(description);
    return {
      text: parts.join(', '),
      ...(attr(address, 'city') !== '' ? { city: attr(address, 'city') } : {}),
      ...(attr(address, 'region') !== '' ? { region: attr(address, 'region') } : {}),
      ...(attr(address, 'zipCode') !== '' ? { postalCode: attr(address, 'zipCode') } : {}),
      ...(country !== undefined ? { country } : {}),
    };
  });

  const identifiers: ListedIdentifier[] = [];
  for (const id of children('identification')) {
    const value = attr(id, 'number') || attr(id, 'latinNumber');
    if (value === '') continue;
    const country = countryOf(id);
    const flags = ['diplomatic', 'knownExpired', 'knownFalse', 'reportedLost', 'revokedByIssuer']
      .filter((f) => attr(id, f) === 'true')
      .map((f) => f.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`));
    const details = [
      attr(id, 'issuedBy') !== '' ? `issued by ${attr(id, 'issuedBy')}` : '',
      attr(id, 'issueDate') !== '' ? `issued ${attr(id, 'issueDate')}` : '',
      attr(id, 'nameOnDocument') !== '' ? `name on document: ${attr(id, 'nameOnDocument')}` : '',
      ...flags,
      ...childElements(id, 'remark').map((r) => textOf(r)),
    ]
      .filter((d) => d !== '')
      .join('; ');
    identifiers.push({
      type:
        attr(id, 'identificationTypeDescription') ||
        attr(id, 'identificationTypeCode') ||
        'Identification',
      value,
      ...(country !== undefined ? { country } : {}),
      ...(details !== '' ? { details } : {}),
    });
  }
  const euReference = attr(entity, 'euReferenceNumber');
  if (euReference !== '') identifiers.push({ type: 'EU reference number', value: euReference });
  const unReference = attr(entity, 'unitedNationId');
  if (unReference !== '') identifiers.push({ type: 'UN reference number', value: unReference });

  const remarks = [
    attr(entity, 'designationDetails'),
    ...children('remark').map((r) => textOf(r)),
    ...children('nameAlias').flatMap((a) => childElements(a, 'remark').map((r) => textOf(r))),
    ...children('address').flatMap((a) => childElements(a, 'remark').map((r) => textOf(r))),
  ]
    .filter((r) => r !== '')
    .join('\n');

  const countries = distinct(
    [
      ...addresses.map((a) => a.country),
      ...nationalities,
      ...birthCountries,
      ...identifiers.map((i) => i.country),
    ].filter((c): c is string => c !== undefined),
  );
  const subject = childElements(entity, 'subjectType')[0];
  const kind = subject ? (kinds[attr(subject, 'code').toLowerCase()] ?? 'unknown') : 'unknown';

  return {
    source: 'eu-fsf',
    entityId: `eu-fsf:${logicalId}`,
    entityNumber: logicalId,
    kind,
    names: distinctBy(names, (n) => n.value),
    addresses: addresses.filter((a) => a.text !== '' || a.country !== undefined),
    countries,
    programmes,
    identifiers,
    dates: distinctBy(dates, (d) => `${d.type}|${d.value}|${d.label ?? ''}`),
    citations,
    ...(remarks !== '' ? { remarks } : {}),
    ...(url !== undefined ? { sourceUrl: url } : {}),
    ...(positions.length > 0 ? { positions: distinct(positions) } : {}),
    ...(nationalities.length > 0 ? { nationalities } : {}),
    ...(placesOfBirth.length > 0 ? { placesOfBirth: distinct(placesOfBirth) } : {}),
    ...(gender !== undefined ? { gender } : {}),
  };
}

/** A birth date as precise as given: `1965-12-12`, `1958`, or a range `1960 to 1965`. */
function birthValue(birth: XmlNode, attr: (node: XmlNode, name: string) => string): string {
  const full = isoDay(attr(birth, 'birthdate'));
  if (full !== undefined) return full;
  const year = attr(birth, 'year');
  const month = attr(birth, 'monthOfYear');
  const day = attr(birth, 'dayOfMonth');
  if (year !== '') {
    if (month === '') return year;
    const mm = month.padStart(2, '0');
    return day === '' ? `${year}-${mm}` : `${year}-${mm}-${day.padStart(2, '0')}`;
  }
  const from = attr(birth, 'yearRangeFrom');
  const to = attr(birth, 'yearRangeTo');
  return from !== '' || to !== '' ? `${from} to ${to}`.trim() : '';
}

/** ISO alpha-2 from `countryIso2Code` (`00` is the EU's "unknown"), else from the description. */
function countryOf(node: XmlNode): string | undefined {
  const code = attributeOf(node, 'countryIso2Code').trim().toUpperCase();
  if (code !== '' && code !== '00') return countryCodeOf(code) ?? undefined;
  const description = attributeOf(node, 'countryDescription').trim();
  return description !== '' && description !== 'UNKNOWN' ? countryCodeOf(description) : undefined;
}

/** The text inside an element (text children only), or '' for none. */
function textOf(node: XmlNode | undefined): string {
  if (node === undefined) return '';
  return collapseSpace(
    childrenOf(node)
      .map((child) => textValue(child))
      .join(''),
  );
}
