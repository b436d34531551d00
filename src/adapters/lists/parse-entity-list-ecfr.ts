import { countryCodeOf } from '../../domain/lists/country-codes.ts';
import type { ListedAddress, ListedParty, PartyKind } from '../../domain/lists/listed-party.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import {
  failure,
  type ParseFailure,
  type ParseProblem,
  type ParserOutput,
  type TextFile,
} from './list-parse-types.ts';
import { collapseSpace, distinct, isoDay, slugOf } from './list-values.ts';
import {
  readEntityListEntry,
  splitAddresses,
  type EntityListEntryParts,
} from './read-entity-list-entry.ts';
import {
  attributeOf,
  childElements,
  childrenOf,
  findAll,
  parseXml,
  tagOf,
  textValue,
  type XmlNode,
} from './xml-nodes.ts';

const supplementTitle = 'Supplement No. 4 to Part 744';

/** The table's columns, as their headings start; a table without them is not the Entity List. */
const expectedHeadings = [
  'Country',
  'Entity',
  'License requirement',
  'License review',
  'Federal Register',
];

/** One row of Supplement No. 4 with its continuation rows (affiliates, subordinate institutions). */
interface TableEntry {
  readonly row: number;
  readonly country: string;
  readonly entity: string;
  readonly licenceRequirement: string;
  readonly reviewPolicy: string;
  readonly citations: string;
  readonly continuations: string[];
}

/**
 * Parses the Entity List (15 CFR part 744, Supplement No. 4) from the eCFR XML of part 744: one
 * listed party per table row, with the country (an empty country cell carries the one above),
 * the name, aliases and addresses read from the entity text (see `readEntityListEntry`), the
 * licence requirement and review policy verbatim (footnote marks as superscripts, the footnotes
 * themselves in `remarks`), and the Federal Register citations as a list. `entryText` keeps the
 * whole cell, the authoritative text.
 *
 * Rows with empty licence columns continue the row above (Huawei's 22 affiliated entities, the
 * subordinate institutions of CASIC's Second Academy): each affiliate or institution becomes a
 * party of its own, with its parent's licence terms and `parentEntityId`.
 *
 * The Entity List has no numbers: ids are `us-bis-entity-list:<country code>:<name slug>`, stable
 * while the name is, and made unique within a snapshot by `withUniqueEntityIds`.
 */
export function parseEntityListEcfr(file: TextFile): Result<ParserOutput, ParseFailure> {
  const document = parseXml(file.name, file.text);
  if (!document.ok) return err(failure(document.error));
  const supplement = findAll(document.value, 'DIV9').find(
    (div) => attributeOf(div, 'N').trim() === supplementTitle,
  );
  if (supplement === undefined) {
    return err(
      failure({
        file: file.name,
        element: `<DIV9 N="${supplementTitle}">`,
        message: `no ${supplementTitle} (the Entity List) in this file; expected the eCFR XML of 15 CFR part 744`,
      }),
    );
  }
  const table = findAll(childrenOf(supplement), 'TABLE')[0];
  if (table === undefined) {
    return err(
      failure({ file: file.name, element: '<TABLE>', message: `${supplementTitle} has no table` }),
    );
  }
  const headings = findAll(childElements(table, 'THEAD'), 'TH').map((th) =>
    collapseSpace(cellText(th, false)),
  );
  const missing = expectedHeadings.filter(
    (h) => !headings.some((found) => found.toLowerCase().startsWith(h.toLowerCase())),
  );
  if (missing.length > 0) {
    return err(
      failure({
        file: file.name,
        element: '<THEAD>',
        message: `missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}; expected the five columns ${expectedHeadings.join(', ')}`,
      }),
    );
  }

  const footnotes = readFootnotes(table);
  const skipped: ParseProblem[] = [];
  const entries: TableEntry[] = [];
  let country = '';
  const rows = findAll(childElements(table, 'TBODY'), 'TR');
  for (const [index, tr] of rows.entries()) {
    const at = { file: file.name, element: `<TR> ${index + 1}` };
    const cells = childElements(tr, 'TD');
    if (cells.length !== 5) {
      skipped.push({
        ...at,
        message: `expected 5 cells (country, entity, license requirement, license review policy, Federal Register citation), found ${cells.length}; the row was skipped`,
      });
      continue;
    }
    const [countryCell, entityCell, requirementCell, policyCell, citationCell] = cells.map(
      (cell, k) => cellText(cell, k === 2 || k === 3, k === 1),
    ) as [string, string, string, string, string];
    const ownCountry = collapseSpace(countryCell);
    if (ownCountry !== '') country = ownCountry;
    const entity = entityCell.trim();
    const continuation = [requirementCell, policyCell, citationCell].every((c) => c.trim() === '');
    const previous = entries.at(-1);
    if (continuation && previous !== undefined && ownCountry === '') {
      if (entity !== '') previous.continuations.push(entity);
      continue;
    }
    if (entity === '') {
      skipped.push({ ...at, message: 'the entity cell is empty; the row was skipped' });
      continue;
    }
    if (country === '') {
      skipped.push({
        ...at,
        message: 'no country for this row (and none above it); the row was skipped',
      });
      continue;
    }
    entries.push({
      row: index + 1,
      country,
      entity,
      licenceRequirement: collapseSpace(requirementCell),
      reviewPolicy: collapseSpace(policyCell),
      citations: citationCell,
      continuations: [],
    });
  }
  if (entries.length === 0) {
    return err(
      failure({
        file: file.name,
        element: '<TBODY>',
        message: `${supplementTitle} has no entries`,
      }),
    );
  }

  const records: ListedParty[] = [];
  // Ids come from names, and two entries can share one: the second gets `~2` (in table order,
  // so ids stay put while the list does), and its affiliates point at that id.
  const claimed = new Map<string, number>();
  const claim = (entityNumber: string): string => {
    const count = (claimed.get(entityNumber) ?? 0) + 1;
    claimed.set(entityNumber, count);
    return count === 1 ? entityNumber : `${entityNumber}~${count}`;
  };
  for (const entry of entries) {
    const blocks = splitEntryBlocks([entry.entity, ...entry.continuations]);
    const parts = readEntityListEntry(blocks.main);
    if (parts.name === '') {
      skipped.push({
        file: file.name,
        element: `<TR> ${entry.row}`,
        message: 'no name could be read from the entity text; the row was skipped',
      });
      continue;
    }
    records.push(...toParties(entry, blocks, parts, footnotes, claim));
  }
  const dataDate = /\/on\/(\d{4}-\d{2}-\d{2})\//.exec(
    attributeOf(supplement, 'hierarchy_metadata'),
  )?.[1];
  return ok({
    records,
    skipped,
    ...(dataDate !== undefined ? { dataDate } : {}),
  });
}

function toParties(
  entry: TableEntry,
  blocks: EntryBlocks,
  parts: EntityListEntryParts,
  footnotes: ReadonlyMap<string, string>,
  claim: (entityNumber: string) => string,
): ListedParty[] {
  const countryCode = countryCodeOf(entry.country);
  const citations = federalRegisterCitations(entry.citations);
  const listedOn = citations
    .map(citationDay)
    .filter((d): d is string => d !== undefined)
    .sort()[0];
  const marks = [
    ...`${entry.licenceRequirement} ${entry.reviewPolicy}`.matchAll(/[¹²³⁴⁵⁶⁷⁸⁹⁰]+/g),
  ].map((m) => m[0]);
  const notes = distinct(marks)
    .map((mark) => footnotes.get(mark))
    .filter((n): n is string => n !== undefined);
  const key = countryCode ?? slugOf(entry.country);

  const shared = {
    source: 'us-bis-entity-list',
    claim,
    countryCode,
    citations,
    listedOn,
    licenceRequirement: entry.licenceRequirement,
    reviewPolicy: entry.reviewPolicy,
    remarks: [...parts.notes, ...notes].join(' '),
  };
  const parent = party(
    shared,
    key,
    parts.name,
    parts,
    [...parts.addresses, ...blocks.sharedAddresses],
    unmarked([entry.entity, ...entry.continuations].join('\n')),
  );
  const children = blocks.entities.flatMap((text) => {
    const childParts = readEntityListEntry(text);
    if (childParts.name === '') return [];
    return party(
      shared,
      key,
      childParts.name,
      childParts,
      [...childParts.addresses, ...blocks.sharedAddresses],
      text,
      parent.entityId,
    );
  });
  return [parent, ...children];
}

function party(
  shared: {
    source: string;
    claim: (entityNumber: string) => string;
    countryCode: string | undefined;
    citations: string[];
    listedOn: string | undefined;
    licenceRequirement: string;
    reviewPolicy: string;
    remarks: string;
  },
  key: string,
  name: string,
  parts: EntityListEntryParts,
  addressTexts: readonly string[],
  entryText: string,
  parentEntityId?: string,
): ListedParty {
  const addresses = addressTexts.map((text): ListedAddress => {
    const country = addressCountry(text) ?? shared.countryCode;
    return { text, ...(country !== undefined ? { country } : {}) };
  });
  const entityNumber = shared.claim(`${key}:${slugOf(name) || 'entry'}`);
  const countries = distinct(
    [shared.countryCode, ...addresses.map((a) => a.country)].filter(
      (c): c is string => c !== undefined,
    ),
  );
  return {
    source: shared.source,
    entityId: `${shared.source}:${entityNumber}`,
    entityNumber,
    kind: kindOf(name),
    names: [{ value: name, type: 'primary' }, ...parts.aliases.filter((a) => a.value !== name)],
    addresses,
    countries,
    programmes: ['EL'],
    identifiers: [],
    dates: shared.listedOn !== undefined ? [{ type: 'listed', value: shared.listedOn }] : [],
    citations: shared.citations,
    entryText,
    ...(shared.licenceRequirement !== '' ? { licenceRequirement: shared.licenceRequirement } : {}),
    ...(shared.reviewPolicy !== '' ? { licenceReviewPolicy: shared.reviewPolicy } : {}),
    ...(shared.remarks !== '' ? { remarks: shared.remarks } : {}),
    ...(parentEntityId !== undefined ? { parentEntityId } : {}),
  };
}

/** An entry's own text, the texts of the parties it brings along, and addresses they share. */
interface EntryBlocks {
  readonly main: string;
  readonly entities: readonly string[];
  readonly sharedAddresses: readonly string[];
}

/**
 * Splits an entry's text (its cell and its continuation rows) into the listed entity itself and
 * the parties it brings along: `Affiliated entities:` followed by one affiliate per line (alias
 * lines start with a dash), `Subordinate institution` blocks, and `The following addresses apply
 * to the entity and to the ... subordinate institutions:` (addresses for all of them).
 */
function splitEntryBlocks(texts: readonly string[]): EntryBlocks {
  const main: string[] = [];
  const entities: string[][] = [];
  const shared: string[] = [];
  let state: 'main' | 'affiliates' | 'subordinate' | 'shared' = 'main';
  // eCFR sets each affiliate's name in italics; where it does, that is what starts an affiliate.
  const italicNames = texts.some((text) => /(?:^|\n)\s*\uE000(?!\s*and\s*\uE001)/.test(text));
  for (const text of texts) {
    for (const raw of text.split('\n')) {
      const line = raw.trim();
      const plain = unmarked(line);
      if (line === '') continue;
      const affiliates = /^Affiliated entities\s*:?\s*(.*)$/i.exec(plain);
      const subordinate = /^Subordinate institutions?\s*:?\s*(.*)$/i.exec(plain);
      const sharedHeader = /^The following addresses? appl(?:y|ies) to [^:]*:?\s*(.*)$/i.exec(
        plain,
      );
      if (affiliates) {
        state = 'affiliates';
        if (affiliates[1]) entities.push([affiliates[1]]);
      } else if (subordinate) {
        state = 'subordinate';
        entities.push(subordinate[1] ? [subordinate[1]] : []);
      } else if (sharedHeader) {
        state = 'shared';
        if (sharedHeader[1]) shared.push(sharedHeader[1]);
      } else if (state === 'main') {
        main.push(unmarked(line));
      } else if (state === 'shared') {
        shared.push(unmarked(line));
      } else if (state === 'affiliates' && startsAffiliate(line, italicNames)) {
        entities.push([unmarked(line)]);
      } else {
        const current = entities.at(-1);
        if (current) current.push(unmarked(line));
        else entities.push([unmarked(line)]);
      }
    }
  }
  const sharedText = shared.join('\n');
  return {
    main: main.join('\n'),
    entities: entities.filter((lines) => lines.length > 0).map((lines) => lines.join('\n')),
    sharedAddresses: splitAddresses(sharedText),
  };
}

/**
 * Whether a line of an affiliates list starts the next affiliate: its name in italics when the
 * text marks names so; otherwise any line that is not an alias line (`—...`) and does not continue
 * a list ending in `;` (`—Huawei Marine;⏎ HMN Technologies;⏎ ...`).
 */
function startsAffiliate(line: string, italicNames: boolean): boolean {
  if (italicNames) return /^\uE000(?!\s*and\s*\uE001)/.test(line);
  return !/^[—–-]/.test(line);
}

/** Italic text is marked with U+E000 ... U+E001 (private use) while splitting an entry; this removes the marks. */
const unmarked = (text: string): string => text.replace(/[\uE000\uE001]/g, '');

/** The country an address names (`..., Tel Aviv-Yafo, Israel 4672222`), if it names one. */
function addressCountry(text: string): string | undefined {
  const parts = text.split(',');
  for (let k = parts.length - 1; k >= Math.max(0, parts.length - 3); k -= 1) {
    const candidate = (parts[k] ?? '')
      .replace(/[\d#-]+/g, ' ')
      .replace(/[.()]/g, ' ')
      .trim();
    if (candidate === '') continue;
    const code = countryCodeOf(candidate);
    if (code !== undefined) return code;
  }
  return undefined;
}

const organisation =
  /\b(Co|Corp|Corporation|Company|Ltd|Limited|Inc|LLC|L\.L\.C|LLP|PLC|GmbH|AG|S\.A|SA|SARL|SRL|B\.V|N\.V|Pte|Pvt|Sdn|Bhd|JSC|OJSC|CJSC|PJSC|OOO|ZAO|OAO|AO|PAO|FZE|FZCO|DMCC|Group|Institute|Institut|Academy|University|College|School|Bureau|Department|Center|Centre|Laboratory|Factory|Plant|Works|Ministry|Agency|Committee|Corps|Enterprise|Enterprises|Association|Foundation|Bank|Holding|Holdings|Industries|Industry|Industrial|Technology|Technologies|Tech|Electronics|Systems|Trading|International|Aviation|Airlines|Logistics|Engineering|Solutions|Services|Shipping|Import|Export|Research|Design|Office|Force|Forces|Army|Navy|Police|Security|Government|Directorate|Organization|Organisation)\b/i;

/** The Entity List does not say; a legal form or an institution word makes it an organisation. */
const kindOf = (name: string): PartyKind =>
  /^Address \d+/i.test(name) ? 'unknown' : organisation.test(name) ? 'organisation' : 'unknown';

/** `84 FR 54004, 10/9/19. 85 FR 34505, 6/5/20.` -> one citation each, as written. */
export function federalRegisterCitations(text: string): string[] {
  const found = text.match(
    /\d+\s+FR\s+(?:FR\s+)?\d[\d,\s]*?(?:\s*preview citation details)?[,.]?\s+\d{1,2}\/\d{1,2}\/\d{2,4}/g,
  );
  if (found && found.length > 0) return found.map((c) => collapseSpace(c));
  const whole = collapseSpace(text).replace(/\.$/, '');
  return whole === '' ? [] : [whole];
}

/** The date of a citation, `84 FR 54004, 10/9/19` -> `2019-10-09` (two-digit years are 19xx from 50). */
function citationDay(citation: string): string | undefined {
  const m = /(\d{1,2})\/(\d{1,2})\/(\d{2,4})$/.exec(citation);
  if (!m) return undefined;
  const [, month = '', day = '', year = ''] = m;
  const fullYear = year.length === 4 ? year : Number(year) >= 50 ? `19${year}` : `20${year}`;
  return isoDay(`${fullYear}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`);
}

/** The table's footnotes by their mark (`¹`), from `<TFOOT>`. */
function readFootnotes(table: XmlNode): Map<string, string> {
  const notes = new Map<string, string>();
  for (const tr of findAll(childElements(table, 'TFOOT'), 'TR')) {
    const text = collapseSpace(cellText(tr, true));
    const mark = /^([¹²³⁴⁵⁶⁷⁸⁹⁰]+)/.exec(text)?.[1];
    if (mark !== undefined) notes.set(mark, text);
  }
  return notes;
}

const superscripts: Readonly<Record<string, string>> = {
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
};

/**
 * The text of a cell: line breaks for `<br/>`, the words of `<E>` (italics) as they are (marked
 * with U+E000/U+E001 when `markItalics` is set, for `splitEntryBlocks`), and
 * footnote marks (`<sup>1</sup>`) as superscript digits when `footnoteMarks` is set (in the licence
 * columns; elsewhere `3<sup>rd</sup>` is just `3rd`).
 */
function cellText(node: XmlNode, footnoteMarks: boolean, markItalics = false): string {
  let text = '';
  for (const child of childrenOf(node)) {
    const tag = tagOf(child);
    if (tag === '#text') text += textValue(child);
    else if (tag === 'br') text += '\n';
    else if (tag === 'sup' || tag === 'SU') {
      const inner = cellText(child, false);
      text +=
        footnoteMarks && /^[\d,\s]+$/.test(inner)
          ? inner.replace(/\d/g, (d) => superscripts[d] ?? d).replace(/\s+/g, '')
          : inner;
    } else if (tag === 'E' && markItalics) {
      text += `\uE000${cellText(child, footnoteMarks)}\uE001`;
    } else text += cellText(child, footnoteMarks, markItalics);
  }
  return text;
}
