import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatIndicatorProblem, parseIndicatorCsv } from './parse-indicator-csv.ts';

const fixture = readFileSync(
  path.resolve(import.meta.dirname, '../../../test/fixtures/indicators/synthetic-vdem-layout.csv'),
  'utf8',
);

describe(parseIndicatorCsv.name, () => {
  it('reads a V-Dem-layout file: alpha-3 codes become ISO alpha-2, NA is a missing value, historical polities are skipped', () => {
    const parsed = parseIndicatorCsv(fixture);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.indicators).toEqual(['v2x_civlib', 'v2x_clphy']);
    expect(parsed.value.rows).toContainEqual({
      country: 'CN',
      year: 2023,
      values: { v2x_civlib: 0.15, v2x_clphy: 0.12 },
    });
    expect(parsed.value.rows).toContainEqual({
      country: 'IR',
      year: 2023,
      values: { v2x_civlib: 0.21 },
    });
    expect(parsed.value.rows).toHaveLength(6);
    expect(parsed.value.skippedEntities).toEqual(['DDR']);
  });

  it('keeps only the year asked for, and only the columns asked for', () => {
    const parsed = parseIndicatorCsv(fixture, { year: 2022, columns: ['v2x_clphy'] });
    expect(parsed.ok && parsed.value).toEqual({
      indicators: ['v2x_clphy'],
      rows: [{ country: 'CN', year: 2022, values: { v2x_clphy: 0.14 } }],
      skippedEntities: [],
    });
  });

  it('names the line and column of every bad cell, so the file can be fixed in one go', () => {
    const parsed = parseIndicatorCsv(
      [
        'country_text_id,year,v2x_civlib,v2x_clphy',
        'CHN,2023,0.15,high',
        'China,2023,0.15,0.12',
        'NOR,23,0.96,0.97',
        'NOR,2023,0.96',
        'GBR,2023,0.91,0.93',
        'GBR,2023,0.90,0.92',
      ].join('\n'),
    );
    expect(!parsed.ok && parsed.error.map(formatIndicatorProblem)).toEqual([
      'line 2, column v2x_clphy: "high" is not a number',
      'line 3, column country_text_id: "China" is not a country code (ISO 3166-1 alpha-3 such as CHN, in capitals)',
      'line 4, column year: "23" is not a year (YYYY)',
      'line 5: has 3 field(s); the header has 4',
      'line 7, column country_text_id: GBR 2023 already appears on line 6',
    ]);
  });

  it('requires the identifier columns and every column named with --columns', () => {
    const parsed = parseIndicatorCsv('country,year,v2x_civlib\nCHN,2023,0.1\n', {
      columns: ['v2x_clphy'],
    });
    expect(!parsed.ok && parsed.error.map(formatIndicatorProblem)).toEqual([
      'line 1, column country_text_id: required column missing',
      'line 1, column v2x_clphy: no such column',
    ]);
  });

  it('refuses a file without a row for the year asked for rather than importing nothing', () => {
    const parsed = parseIndicatorCsv(fixture, { year: 1990 });
    expect(!parsed.ok && parsed.error.map(formatIndicatorProblem)).toEqual([
      'line 1: no country has a row for 1990',
    ]);
  });
});
