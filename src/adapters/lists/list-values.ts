import type { ListedParty } from '../../domain/lists/listed-party.ts';

const months: Readonly<Record<string, string>> = {
  jan: '01',
  feb: '02',
  mar: '03',
  apr: '04',
  may: '05',
  jun: '06',
  jul: '07',
  aug: '08',
  sep: '09',
  oct: '10',
  nov: '11',
  dec: '12',
};

/**
 * A date as OFAC writes it, as precise as written: `05 Mar 1961` -> `1961-03-05`,
 * `Mar 1961` -> `1961-03`, `1961` -> `1961`; anything else (`circa 1951`, `1961 to 1963`) verbatim.
 */
export function dayMonthYear(text: string): string {
  const value = text.trim();
  const full = /^(\d{1,2}) ([A-Za-z]{3})[a-z]* (\d{4})$/.exec(value);
  if (full) {
    const month = months[(full[2] ?? '').toLowerCase()];
    if (month !== undefined) return `${full[3] ?? ''}-${month}-${(full[1] ?? '').padStart(2, '0')}`;
  }
  const monthYear = /^([A-Za-z]{3})[a-z]* (\d{4})$/.exec(value);
  if (monthYear) {
    const month = months[(monthYear[1] ?? '').toLowerCase()];
    if (month !== undefined) return `${monthYear[2] ?? ''}-${month}`;
  }
  return value;
}

/** `06/19/2003` (month first, as BIS writes) -> `2003-06-19`; anything else verbatim. */
export function monthDayYear(text: string): string {
  const value = text.trim();
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  return m
    ? `${m[3] ?? ''}-${(m[1] ?? '').padStart(2, '0')}-${(m[2] ?? '').padStart(2, '0')}`
    : value;
}

/**
 * `28/09/1955` (day first, as HM Treasury writes) -> `1955-09-28`; a `00` day or month means
 * unknown: `00/04/1984` -> `1984-04`, `00/00/1936` -> `1936`. Anything else verbatim.
 */
export function dayMonthYearSlashed(text: string): string {
  const value = text.trim();
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  if (!m) return value;
  const [, day = '', month = '', year = ''] = m;
  if (Number(month) === 0) return year;
  if (Number(day) === 0) return `${year}-${month.padStart(2, '0')}`;
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/** The first `YYYY-MM-DD` of an ISO timestamp, or undefined when it is not one. */
export function isoDay(text: string | undefined): string | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(text?.trim() ?? '');
  return m?.[1];
}

/**
 * A key for ids made from names: letters and digits of any script, lower-cased, without accents,
 * joined by `-`. `Hangzhou Hikvision Digital Technology Co., Ltd.` ->
 * `hangzhou-hikvision-digital-technology-co-ltd`.
 */
export function slugOf(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 120)
    .replace(/-+$/, '');
}

/** The non-empty, trimmed parts of a `;`-separated list. */
export const splitList = (text: string, separator = ';'): string[] =>
  text
    .split(separator)
    .map((part) => part.trim())
    .filter((part) => part !== '');

/** The values in first-seen order, each once. */
export const distinct = <T>(values: Iterable<T>): T[] => [...new Set(values)];

/** The values in first-seen order, one per key. */
export function distinctBy<T>(values: Iterable<T>, key: (value: T) => string): T[] {
  const seen = new Set<string>();
  const kept: T[] = [];
  for (const value of values) {
    const k = key(value);
    if (seen.has(k)) continue;
    seen.add(k);
    kept.push(value);
  }
  return kept;
}

/** Whitespace runs (including line breaks and no-break spaces) collapsed to one space, trimmed. */
export const collapseSpace = (text: string): string => text.replace(/[\s\u00a0]+/g, ' ').trim();

/**
 * Makes entity ids unique within one snapshot: the second record with an id gets `~2`, the third
 * `~3`, in file order. Sources without their own numbers derive ids from names, and two listed
 * parties can share a name; file order keeps the suffixes stable while the list is unchanged.
 */
export function withUniqueEntityIds(records: readonly ListedParty[]): ListedParty[] {
  const seen = new Map<string, number>();
  return records.map((record) => {
    const count = (seen.get(record.entityId) ?? 0) + 1;
    seen.set(record.entityId, count);
    if (count === 1) return record;
    return {
      ...record,
      entityId: `${record.entityId}~${count}`,
      entityNumber: `${record.entityNumber}~${count}`,
    };
  });
}
