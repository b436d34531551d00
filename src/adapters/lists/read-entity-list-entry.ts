import { countryCodeOf } from '../../domain/lists/country-codes.ts';
import type { ListedName } from '../../domain/lists/listed-party.ts';

/** The parts of one Entity List entry's text: who is listed, under which other names, where. */
export interface EntityListEntryParts {
  readonly name: string;
  readonly aliases: readonly ListedName[];
  /** Each address as written, without the `; and` that joins them or the final period. */
  readonly addresses: readonly string[];
  /** Cross-references the entry makes, e.g. `(See alternate addresses under Pakistan).` */
  readonly notes: readonly string[];
}

const numberWords: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
};

/**
 * `a.k.a., the following seven aliases:` and its variants (`f.k.a.`, `a.k.a. the following alias:`,
 * `a.k.a., and the following two aliases:`, `the 2 following aliases`): the header of a list of
 * aliases, one per line, each line starting with an em dash.
 */
const countWord = `(?:\\d+|(?:${Object.keys(numberWords).join('|')})(?:[- ](?:${Object.keys(numberWords).join('|')}))?)`;
const aliasListHeader = new RegExp(
  `,?\\s*\\b(?:(a\\.k\\.a\\.?|f\\.k\\.a\\.?|also known as|formerly known as)\\s*,?\\s*)?(?:and\\s+|as\\s+)?(?:the\\s+)?(?:(${countWord})\\s+)?(follow(?:ing)?\\s+)?(?:the\\s+following\\s+)?(?:(${countWord})\\s+)?(alias(?:es)?|aliaes|entit(?:y|ies)|names?)\\b[^\\n:]*(:?)`,
  'gi',
);

/** `, a.k.a.,` written inline, followed by the aliases separated by commas. */
const inlineAlias = /,?\s*\(?\b(a\.k\.a\.|f\.k\.a\.|also known as|formerly known as)\s*,?\s*/i;

/** A clause that ends a name or an alias and introduces what the entry covers besides it. */
const coverageClause =
  /,?\s*(?:and\s+)?(?:to include|including)\s+(?:the\s+)?(?:following\s+)?(?:addresses|address|subordinates?|affiliated|subsidiar|its\s).*$/is;

const crossReference =
  /\(?\s*See (?:also )?(?:alternate )?address(?:es)? (?:under|in) [^)]*\)?\.?/gi;

/** A comma-separated part that only continues a company name: `Ltd.`, `Co., Ltd.`, `Sdn. Bhd.`. */
const legalFormPart =
  /^(?:(?:Co|Corp|Ltd|Limited|Inc|Incorporated|LLC|L\.L\.C|LLP|PLC|P\.L\.C|GmbH|AG|KG|SA|S\.A|SAS|S\.A\.S|SARL|S\.A\.R\.L|SRL|S\.R\.L|SL|S\.L|SpA|S\.p\.A|BV|B\.V|NV|N\.V|Pte|Pvt|Private|Pty|Sdn|Bhd|JSC|OJSC|CJSC|PJSC|OOO|ZAO|OAO|AO|PAO|Kft|Zrt|Oy|AB|AS|A\.S|ApS|LTDA|FZE|FZCO|FZC|FZ-LLC|DMCC|WLL|W\.L\.L|Jr|Sr|II|III|IV|de C\.V|C\.V|Company|Corporation|Limited Liability Company|LC|L\.C|SAL|S\.A\.L|Ltd\. Sti|Ltd\. Şti|Şti|A\.Ş|a\.ş)\.?\s*)+$/i;

/** Words that make a comma-separated part a unit of an organisation rather than a place. */
const organisationWord =
  /\b(Institute|Institut|Instituto|Academy|University|College|School|Bureau|Department|Dept|Laboratory|Laboratories|Lab|Factory|Plant|Works|Branch|Division|Ministry|Administration|Agency|Committee|Commission|Corps|Group|Company|Corporation|Enterprise|Enterprises|Association|Foundation|Directorate|Brigade|Regiment|Bank|Holding|Holdings|Design Bureau|Research|Authority|Organization|Organisation|Service|Services)\b/i;

/** Words that make a part an address (a digit, a street word, a country) rather than a name. */
const addressWord =
  /\b(Street|St|Str|Strasse|Straße|Road|Rd|Avenue|Ave|Av|Avenida|Boulevard|Blvd|Bulvar|Bulvari|Bulvarı|Lane|Ln|Drive|Dr|Highway|Hwy|Way|Building|Bldg|Bld|Floor|Fl|Room|Rm|Suite|Ste|Office|Flat|Apartment|Apt|Block|Blk|Tower|Plaza|Park|Zone|District|Dist|Province|Prefecture|County|City|Town|Township|Tsp|Village|Oblast|Krai|Kray|Region|Raion|Rayon|Territory|Territories|Area|Estate|Square|Sq|Ulitsa|Ul|Ulica|Prospekt|Prospect|Pr|Pereulok|Per|Pr-t|Shosse|Naberezhnaya|Proezd|Jalan|Jln|Taman|Lorong|Mah|Mahallesi|Sok|Sokak|Sokagi|Cad|Caddesi|Cd|Sk|Blok|Kat|Nagar|Marg|Sector|Phase|Plot|Market|Compound|Complex|Quarter|Mansion|Gardens?|Court|Ct|Place|Pl|Terrace|Crescent|Close|Gate|Bay|Harbour|Harbor|Airport|Campus|Kowloon|New Territories|Free Trade|New Area|Hi-Tech|High-Tech|Science and Technology Park|P\.?\s?O\.?\s?Box|Box|Postal|Zip|Metro|Station|Port|Wharf|Pier|Chome|Ku|Gu|Dong|Ri|Xiang|Lu|Jie|Hutong|Cun|Zhen|Qu|Shi|Sheng|Calle|Carrera|Rua|Via|Viale|Piazza|Rue|Chaussée|Platz|Gasse|Weg|Ring|Allee|Straat|Laan|Gracht|Vei|Gatan|Vägen|Katu|Tie|Utca|Ulice|Ulitsa|Iela|Gatve|Tänav|Sokolniki|Mikrorayon|Microdistrict|Dom|Korpus|Stroenie|Litera|Pom|Kv|Kvartira|Bldg\.)\b\.?/i;

/**
 * Reads the text of one Entity List entry: the listed name, its aliases (`a.k.a., the following
 * N aliases: —A; —B; and —C.`, or inline `a.k.a. X`, `f.k.a. Y`), and the addresses that follow
 * (several joined by `; and`).
 *
 * Where the names end and the address begins is not marked. The name is the first
 * comma-separated part, continued by parts that only complete it (`Co.`, `Ltd.`) or that name a
 * unit of the organisation (`, Institute of ...`) and hold no digit or street word; everything
 * after is the address. `Chengdu Huawei Technologies Co., Ltd., Chengdu, Sichuan, China.` gives
 * the name `Chengdu Huawei Technologies Co., Ltd.` and the address `Chengdu, Sichuan, China`.
 */
export function readEntityListEntry(text: string): EntityListEntryParts {
  const notes: string[] = [];
  const cleaned = text
    .replace(/\u00a0/g, ' ')
    .replace(text.includes('See ') ? crossReference : /$^/g, (note) => {
      notes.push(note.trim());
      return ' ';
    })
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join('\n');

  // The header needs the word alias, entity or name: most entries have none, so look first.
  const header = /alia|entit|name/i.test(cleaned)
    ? [...cleaned.matchAll(aliasListHeader)].find(isAliasHeader)
    : undefined;
  if (header) {
    const before = cleaned.slice(0, header.index);
    const type = aliasTypeOf(header[1] ?? '');
    const expected = countOf(header[2] ?? header[4]);
    const after = cleaned.slice(header.index + header[0].length);
    const lead = splitNameAndAddress(before);
    const { aliases, rest } = readAliasLines(after, type, expected);
    return {
      name: lead.name,
      aliases: [...lead.aliases, ...aliases],
      addresses: [...lead.addresses, ...splitAddresses(rest)],
      notes,
    };
  }
  // `The following Department of Atomic Energy entities:⏎—Nuclear reactors ...`: the first line
  // names the listing; the dash lines describe what it covers and stay in the entry text.
  const firstLine = cleaned.split('\n', 1)[0] ?? '';
  if (firstLine.endsWith(':') && /\n[—–-]/.test(cleaned)) {
    return { name: cleanName(firstLine.slice(0, -1)), aliases: [], addresses: [], notes };
  }
  const { name, aliases, addresses } = splitNameAndAddress(cleaned);
  return { name, aliases, addresses, notes };
}

/**
 * Whether a match of `aliasListHeader` is really one: with `a.k.a.` it needs "following" or a
 * colon (`a.k.a., the one alias:`); without, "following ... alias(es)" (`Tako LLC, the following
 * one alias:`), so that `The following Department of Atomic Energy entities:` is not.
 */
function isAliasHeader(match: RegExpMatchArray): boolean {
  const marker = match[1] !== undefined;
  const following = match[3] !== undefined;
  const aliasNoun = /^alia/i.test(match[5] ?? '');
  return marker ? following || match[6] === ':' : following && aliasNoun;
}

const aliasTypeOf = (marker: string): 'aka' | 'fka' =>
  /^(f\.k\.a\.|formerly)/i.test(marker) ? 'fka' : 'aka';

function countOf(word: string | undefined): number | undefined {
  if (word === undefined) return undefined;
  if (/^\d+$/.test(word)) return Number(word);
  const parts = word.toLowerCase().split(/[- ]/);
  let total = 0;
  for (const part of parts) {
    const n = numberWords[part];
    if (n === undefined) return undefined;
    total += n;
  }
  return total;
}

/**
 * The dash lines after an alias-list header. Anything after the aliases (or after a coverage
 * clause inside the last alias, as in `—Huawei Technology, and to include the following addresses
 * ...:`) is the rest of the entry: addresses, for the caller.
 */
function readAliasLines(
  text: string,
  type: 'aka' | 'fka',
  expected: number | undefined,
): { aliases: ListedName[]; rest: string } {
  const lines = text.split('\n');
  const aliases: ListedName[] = [];
  const rest: string[] = [];
  let reading = true;
  let listContinues = false;
  for (const [index, line] of lines.entries()) {
    const dashed = /^[—–-]\s*/.exec(line);
    // An alias may follow the colon on the header's own line, without a dash; and a list whose
    // item ends with `;` goes on even when the next line has no dash or the count is exceeded.
    const inlineFirst = index === 0 && dashed === null && !looksLikeAddress(line);
    const continued = listContinues && !looksLikeAddress(line);
    const full = expected !== undefined && aliases.length >= expected;
    if (reading && ((!full && dashed !== null) || inlineFirst || continued)) {
      const item = dashed ? line.slice(dashed[0].length) : line;
      listContinues = /(?:;|;\s*and|,\s*and)\s*$/i.test(item);
      const clause = coverageClause.exec(item);
      let alias = clause ? item.slice(0, clause.index) : item;
      if (clause) {
        // `—Beijing Huawei Longshine, to include the following subordinate. Q80-3-25R, ...`
        const afterClause = /^[^.:]*[.:]\s*(.*)$/s.exec(clause[0])?.[1] ?? '';
        if (afterClause !== '') rest.push(afterClause);
        reading = false;
      } else if (!listContinues) {
        // The last alias may run on into the address: `—Huawei Suzhou OpenLab, Suzhou, China.`
        const split = splitTrailingAddress(alias);
        alias = split.name;
        if (split.address !== '') {
          rest.push(split.address);
          reading = false;
        }
      }
      const value = cleanName(alias);
      if (value !== '') aliases.push({ value, type });
      continue;
    }
    reading = false;
    rest.push(line);
  }
  return { aliases, rest: rest.join('\n') };
}

/**
 * Splits an alias from an address written after it on the same line, when what follows is
 * plainly an address (a digit, a street word or a country): `Sovmortrans CJSC. Rakhmanovskiy
 * lane, 4, ...` or `Huawei Suzhou OpenLab, Suzhou, China`. Otherwise the whole text is the alias.
 */
function splitTrailingAddress(text: string): { name: string; address: string } {
  const sentence = splitSentence(text);
  if (sentence) return sentence;
  const parts = splitTopLevel(text);
  const length = nameLength(parts, false);
  const address = parts.slice(length).join(',').trim();
  if (address === '' || !looksLikeAddress(address)) return { name: text, address: '' };
  return { name: parts.slice(0, length).join(','), address };
}

/** `GOZ Obukhov Plant. Prospekt Obukhovskoi Oboroni 120, ...` -> name and address at the period. */
function splitSentence(text: string): { name: string; address: string } | undefined {
  for (const m of text.matchAll(/\.\s+/g)) {
    const before = text.slice(0, m.index + 1);
    const after = text.slice(m.index + m[0].length);
    if (endsWithAbbreviation(before)) continue;
    if (looksLikeAddress(splitTopLevel(after)[0] ?? ''))
      return { name: before.slice(0, -1), address: after };
  }
  return undefined;
}

/**
 * Splits `Name[, a.k.a. X, Y], address, address` at the point where the address begins, and the
 * address part into separate addresses.
 */
function splitNameAndAddress(text: string): {
  name: string;
  aliases: ListedName[];
  addresses: string[];
} {
  // A line break between name and address works as a comma: `Kelvo Inc⏎ 6600 21st Avenue, ...`.
  const flat = text
    .replace(/([,;])?\s*\n\s*/g, (_, mark: string | undefined) => `${mark ?? ','} `)
    // `'Yaltinskaya Kinodstudiya,'`: a closing quote belongs before the comma.
    .replace(/,(['’”])/g, '$1,')
    .trim();
  const inline = inlineAlias.exec(flat);
  const head = inline ? flat.slice(0, inline.index) : flat;
  const headParts = splitTopLevel(head);
  const sentence = splitSentence(headParts[0] ?? '');
  if (sentence) headParts.splice(0, 1, sentence.name, sentence.address);
  const nameEnd = nameLength(headParts);
  const name = cleanName(stripCoverage(headParts.slice(0, nameEnd).join(',')));
  if (!inline) {
    return { name, aliases: [], addresses: splitAddresses(headParts.slice(nameEnd).join(',')) };
  }
  const headAddress = headParts.slice(nameEnd).join(',');
  let type = aliasTypeOf(inline[1] ?? '');
  let tail = flat.slice(inline.index + inline[0].length);
  const aliases: ListedName[] = [];
  // `Name (a.k.a. X; Y), address`: the aliases end with the parenthesis.
  if (inline[0].includes('(')) {
    const close = tail.indexOf(')');
    const inside = close === -1 ? tail : tail.slice(0, close);
    // `(a.k.a. X; a.k.a. Y; f.k.a. Z)`: each item may carry its own marker.
    for (const item of inside.split(/;\s*(?:and\s+)?/)) {
      const marker = /^(a\.k\.a\.|f\.k\.a\.|also known as|formerly known as)\s*,?\s*/i.exec(
        item.trim(),
      );
      if (marker) type = aliasTypeOf(marker[1] ?? '');
      const value = cleanName(marker ? item.trim().slice(marker[0].length) : item).replace(
        /^[“"'](.*)[”"']$/,
        '$1',
      );
      if (value !== '') aliases.push({ value, type });
    }
    tail = close === -1 ? '' : tail.slice(close + 1).replace(/^[\s,.]+/, '');
    return {
      name,
      aliases,
      addresses: splitAddresses([headAddress, tail].filter((p) => p.trim() !== '').join(', ')),
    };
  }
  const parts = splitTopLevel(tail);
  let at = 0;
  while (at < parts.length) {
    let part = (parts[at] ?? '').trim();
    const marker = /^(a\.k\.a\.|f\.k\.a\.|also known as|formerly known as)\s*,?\s*/i.exec(part);
    if (marker) {
      type = aliasTypeOf(marker[1] ?? '');
      part = part.slice(marker[0].length);
    } else if (at > 0 && (!organisationWord.test(part) || looksLikeAddress(part))) {
      // After the first alias, only a part that names an organisation is another alias.
      break;
    }
    const length = nameLength([part, ...parts.slice(at + 1)], false);
    const alias = cleanName(
      stripCoverage([part, ...parts.slice(at + 1, at + length)].join(',')).replace(/\s+and$/i, ''),
    );
    if (alias !== '') aliases.push({ value: alias, type });
    at += length;
  }
  const address = [headAddress, parts.slice(at).join(',')]
    .filter((p) => p.trim() !== '')
    .join(', ');
  return { name, aliases, addresses: splitAddresses(address) };
}

/**
 * How many leading comma-separated parts form the name: the first, then any that only complete
 * it (a legal form) or, when `units` is set, name a unit of the organisation.
 */
function nameLength(parts: readonly string[], units = true): number {
  let length = 1;
  while (length < parts.length) {
    const part = (parts[length] ?? '').trim();
    const bare = part.replace(/\([^()]*\)/g, ' ').trim();
    if (bare === '' || legalFormPart.test(bare)) {
      length += 1;
      continue;
    }
    if (
      units &&
      organisationWord.test(part) &&
      !looksLikeAddress(part) &&
      !/^(and|to)\b/i.test(part)
    ) {
      length += 1;
      continue;
    }
    break;
  }
  return Math.min(length, parts.length);
}

function looksLikeAddress(text: string): boolean {
  const trimmed = text.trim();
  if (/\d/.test(trimmed) || addressWord.test(trimmed)) return true;
  return trimmed
    .split(',')
    .some((part) => countryCodeOf(part.replace(/[.\s]+$/, '').trim()) !== undefined);
}

/** Commas and semicolons outside parentheses separate parts; `Foo (Beijing, China) Ltd.` is one. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let k = 0; k < text.length; k += 1) {
    const c = text[k];
    if (c === '(') depth += 1;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if ((c === ',' || c === ';') && depth === 0) {
      parts.push(text.slice(start, k));
      start = k + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/** The addresses of an address section: `A; and B` and `A, Country, and B` are two. */
export function splitAddresses(text: string): string[] {
  const section = text
    .replace(/\s*\n\s*/g, ' ')
    .replace(
      /^\s*(?:The following addresses? appl(?:y|ies) to [^:]*:|Addresses? for [^:]*:|Address(?:es)?:)\s*/i,
      '',
    )
    .replace(/\s*\bAlt(?:ernate|\.)? Address(?:es)?:\s*/gi, '; ')
    .trim();
  if (section === '') return [];
  const addresses: string[] = [];
  for (const piece of section.split(/;\s*(?:and\s+)?/)) {
    // `..., Kabul, Afghanistan, and Dasht Qala, ...`: "and" separates addresses after a country.
    let rest = piece;
    for (;;) {
      const join = /,?\s+and\s+/g;
      let split: RegExpExecArray | null = null;
      for (let m = join.exec(rest); m !== null; m = join.exec(rest)) {
        const before = rest.slice(0, m.index).split(',').at(-1) ?? '';
        if (countryCodeOf(before.replace(/[\d\s.-]+$/, '').trim()) !== undefined) {
          split = m;
          break;
        }
      }
      if (!split) break;
      addresses.push(rest.slice(0, split.index));
      rest = rest.slice(split.index + split[0].length);
    }
    addresses.push(rest);
  }
  return addresses
    .map((a) =>
      a
        .trim()
        .replace(/^and\s+/i, '')
        .replace(/[\s,;.]+$/, '')
        .trim(),
    )
    .filter((a) => a !== '' && !/^and$/i.test(a));
}

/** A name ends where a coverage clause begins: `Ministry of Defence, including the Armed Forces ...`. */
const stripCoverage = (text: string): string =>
  text.replace(coverageClause, '').replace(/,\s*including\b.*$/is, '');

/**
 * Trims the punctuation that joins names (`;`, `; and`, `,`) and a sentence's final period, but
 * keeps the period of an abbreviation: `Candiru Ltd.;` -> `Candiru Ltd.`, `Hikvision.` -> `Hikvision`.
 */
function cleanName(text: string): string {
  let name = text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[—–-]\s*/, '')
    .replace(/(?:[;,]\s*(?:and)?|\s+and)\s*$/i, '')
    .replace(/[;,]+$/, '')
    .trim();
  if (name.endsWith('.') && !endsWithAbbreviation(name)) name = name.slice(0, -1).trim();
  return name.replace(/[;,]+$/, '').trim();
}

function endsWithAbbreviation(name: string): boolean {
  const last = /(\S+)\.$/.exec(name)?.[1] ?? '';
  if (
    /^(Co|Corp|Ltd|Inc|Bhd|Pte|Pvt|Sdn|Jr|Sr|St|No|Dept|Tech|Eng|Intl|Mfg|Ind|Bros|Assn|Sti|Şti|Ltda|Cia|Pty|Est|Int|Svcs|Ent|Grp|Hldgs)$/i.test(
      last,
    )
  ) {
    return true;
  }
  // `S.A.`, `L.L.C.`, `a.ş.` and single initials (`John Q.`).
  return (
    /(?:^|[\s(])(?:\p{L}\.)+\p{L}$/u.test(name.slice(0, -1)) ||
    /(?:^|\s)\p{Lu}$/u.test(name.slice(0, -1))
  );
}
