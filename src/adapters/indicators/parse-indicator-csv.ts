import type { IndicatorRow } from '../../domain/human-rights/country-indicators.ts';
import { countryCodeOf } from '../../domain/lists/country-codes.ts';
import { parseCountryCode } from '../../domain/policy/country-code.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import { readDelimited } from '../lists/read-delimited.ts';

/** A problem with one cell (or the header) of an indicator file: line 1 is the header. */
export interface IndicatorFileProblem {
  readonly line: number;
  /** The column's header name; absent for a problem with the whole line. */
  readonly column?: string;
  readonly message: string;
}

/** What an indicator file holds once checked. */
export interface ParsedIndicatorFile {
  readonly indicators: readonly string[];
  readonly rows: readonly IndicatorRow[];
  /** Entities with a well-formed code that is not an ISO 3166 country (V-Dem's DDR, ZZB...). */
  readonly skippedEntities: readonly string[];
}

/** Options of `parseIndicatorCsv`. */
export interface IndicatorFileOptions {
  /** Keep only this year's rows. */
  readonly year?: number;
  /** Import only these columns (each must be in the header); by default every other column. */
  readonly columns?: readonly string[];
}

/** The identifier columns every indicator file has, as V-Dem names them. */
export const countryColumn = 'country_text_id';
export const yearColumn = 'year';

const missingValues = new Set(['', 'NA', 'N/A', 'NaN', '.']);
const numeric = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Reads a country-year indicator file in V-Dem's layout: a header line, then one line per country
 * and year with `country_text_id` (ISO 3166-1 alpha-3 such as `CHN`, or alpha-2), `year`, and one
 * column per indicator (`v2x_civlib`, `v2x_clphy`...). Every line is checked and every problem
 * returned with its line and column, so the file is fixed in one go; empty and `NA` cells are
 * missing values. Entities without an ISO code (historical polities) are skipped and named.
 *
 * @example
 * parseIndicatorCsv('country_text_id,year,v2x_clphy\nCHN,2023,0.12\n', { year: 2023 })
 * // ok({ indicators: ['v2x_clphy'], rows: [{ country: 'CN', year: 2023, values: { v2x_clphy: 0.12 } }], skippedEntities: [] })
 */
export function parseIndicatorCsv(
  text: string,
  options: IndicatorFileOptions = {},
): Result<ParsedIndicatorFile, readonly IndicatorFileProblem[]> {
  const problems: IndicatorFileProblem[] = [];
  const { records, unterminated } = readDelimited(text.replace(/^\uFEFF/, ''), ',');
  const header = records[0];
  if (!header) return err([{ line: 1, message: 'the file is empty: no header line' }]);
  const names = header.fields.map((f) => f.trim());
  const position = new Map<string, number>();
  names.forEach((name, i) => {
    if (name === '') problems.push({ line: 1, message: `column ${i + 1} has no name` });
    else if (position.has(name))
      problems.push({ line: 1, column: name, message: 'the column appears twice' });
    else position.set(name, i);
  });
  for (const required of [countryColumn, yearColumn])
    if (!position.has(required))
      problems.push({ line: 1, column: required, message: 'required column missing' });
  const indicators =
    options.columns ?? names.filter((n) => n !== '' && n !== countryColumn && n !== yearColumn);
  for (const c of options.columns ?? [])
    if (!position.has(c)) problems.push({ line: 1, column: c, message: 'no such column' });
  if (indicators.length === 0)
    problems.push({ line: 1, message: 'no indicator column besides country_text_id and year' });
  if (problems.length > 0) return err(problems);

  const at = (name: string) => position.get(name) ?? -1;
  const rows: IndicatorRow[] = [];
  const skipped = new Set<string>();
  const seen = new Map<string, number>();
  for (const record of records.slice(1)) {
    const { line, fields } = record;
    if (fields.length !== names.length) {
      problems.push({
        line,
        message: `has ${fields.length} field(s); the header has ${names.length}`,
      });
      continue;
    }
    const cell = (name: string) => (fields[at(name)] ?? '').trim();
    const rawYear = cell(yearColumn);
    const year = /^\d{4}$/.test(rawYear) ? Number(rawYear) : undefined;
    if (year === undefined)
      problems.push({ line, column: yearColumn, message: `"${rawYear}" is not a year (YYYY)` });
    const rawCountry = cell(countryColumn);
    let country: IndicatorRow['country'] | undefined;
    if (/^[A-Z]{2,3}$/.test(rawCountry)) {
      const code = countryCodeOf(rawCountry);
      const parsed = code === undefined ? undefined : parseCountryCode(code);
      if (parsed?.ok) country = parsed.value;
      else if (rawCountry.length === 3) {
        if (options.year === undefined || year === options.year) skipped.add(rawCountry);
      } else
        problems.push({
          line,
          column: countryColumn,
          message: `"${rawCountry}" is not an ISO 3166-1 country code`,
        });
    } else {
      problems.push({
        line,
        column: countryColumn,
        message: `"${rawCountry}" is not a country code (ISO 3166-1 alpha-3 such as CHN, in capitals)`,
      });
    }
    const values: Record<string, number> = {};
    for (const indicator of indicators) {
      const raw = cell(indicator);
      if (missingValues.has(raw)) continue;
      const value = numeric.test(raw) ? Number(raw) : Number.NaN;
      if (Number.isFinite(value)) values[indicator] = value;
      else problems.push({ line, column: indicator, message: `"${raw}" is not a number` });
    }
    if (year === undefined || country === undefined) continue;
    if (options.year !== undefined && year !== options.year) continue;
    const key = `${country}:${year}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problems.push({
        line,
        column: countryColumn,
        message: `${rawCountry} ${year} already appears on line ${earlier}`,
      });
      continue;
    }
    seen.set(key, line);
    rows.push({ country, year, values });
  }
  if (unterminated)
    problems.push({ line: unterminated.line, message: 'the file ends inside a quoted field' });
  if (problems.length === 0 && rows.length === 0)
    problems.push({
      line: 1,
      message:
        options.year !== undefined
          ? `no country has a row for ${options.year}`
          : 'no country-year rows',
    });
  if (problems.length > 0) return err(problems);
  return ok({ indicators, rows, skippedEntities: [...skipped].sort() });
}

/** A problem as one line of text: `line 7, column v2x_clphy: "high" is not a number`. */
export const formatIndicatorProblem = (p: IndicatorFileProblem): string =>
  `line ${p.line}${p.column !== undefined ? `, column ${p.column}` : ''}: ${p.message}`;
