import type { CountryCode } from '../policy/country-code.ts';
import type { CitedText } from '../policy/text-provenance.ts';
import type { RiskLevel } from './human-rights-policy.ts';

/**
 * A country indicator dataset a user imported (V-Dem, Freedom House, PTS...): Cordon ships the
 * importer, not the data, where the licence does not allow it. Every import of a source is a new
 * version (`vdem@1`, `vdem@2`); the highest version is current, and an assessment records the
 * id, version and content hash of every dataset its policy read.
 */
export interface IndicatorDataset {
  /** `<source>@<version>`, e.g. `vdem@2`. */
  readonly id: string;
  /** The dataset's id in the shipped licensing data (`vdem`, `freedom_house`, `pts`...). */
  readonly source: string;
  readonly version: number;
  /** The file's name as given to the importer (without its folder). */
  readonly fileName: string;
  /** SHA-256 of the file's bytes. */
  readonly contentHash: string;
  /** Only this year's rows were imported (`--year`); absent when every year was. */
  readonly year?: number;
  /** The indicator columns imported (`v2x_civlib`, `v2x_clphy`...). */
  readonly indicators: readonly string[];
  /** Country-years imported. */
  readonly rowCount: number;
  /** Rows left out because their entity has no ISO 3166 code (historical polities such as DDR). */
  readonly skippedEntities: readonly string[];
  readonly importedAt: Date;
  readonly importerVersion: string;
}

/** The id of a source's dataset version: `vdem@2`. */
export const indicatorDatasetId = (source: string, version: number): string =>
  `${source}@${version}`;

/** One country-year of a dataset: the indicator values it has (a missing value is absent). */
export interface IndicatorRow {
  readonly country: CountryCode;
  readonly year: number;
  readonly values: Readonly<Record<string, number>>;
}

/** A dataset with its rows: what an assessment reads. */
export interface LoadedIndicatorDataset {
  readonly dataset: IndicatorDataset;
  readonly rows: readonly IndicatorRow[];
}

/** How the dataset records that an assessment used it (spec: `provenance.indicators[]`). */
export interface IndicatorProvenance {
  readonly id: string;
  readonly source: string;
  readonly version: number;
  readonly contentHash: string;
  readonly fileName: string;
  readonly year?: number;
}

/**
 * A policy's use of an imported indicator: which source and column, which way is worse, and the
 * values at which the destination counts as medium, high or unacceptable risk.
 *
 * @example
 * // V-Dem physical violence index: 0 = no protection from political killings and torture, 1 = full.
 * { id: 'vdem-clphy', source: 'vdem', indicator: 'v2x_clphy', higherIs: 'better',
 *   riskAt: { medium: 0.7, high: 0.5, unacceptable: 0.25 }, basis: ... }
 */
export interface CountryIndicatorRule {
  readonly id: string;
  readonly source: string;
  readonly indicator: string;
  /** `better`: low values are risky (V-Dem civil liberties); `worse`: high values are (PTS). */
  readonly higherIs: 'better' | 'worse';
  /** The value at (or beyond) which each level starts. */
  readonly riskAt: {
    readonly medium: number;
    readonly high: number;
    readonly unacceptable: number;
  };
  /** Why the authority reads this indicator (its own words, labelled). */
  readonly basis: CitedText;
}

/** What one indicator rule says about a country: a level from a value, or why there is none. */
export type IndicatorReading =
  | {
      readonly kind: 'value';
      readonly rule: CountryIndicatorRule;
      readonly dataset: IndicatorDataset;
      readonly year: number;
      readonly value: number;
      readonly level: RiskLevel;
    }
  | { readonly kind: 'no-dataset'; readonly rule: CountryIndicatorRule }
  | {
      readonly kind: 'no-value';
      readonly rule: CountryIndicatorRule;
      readonly dataset: IndicatorDataset;
    };

/**
 * The risk level a value falls in under a rule's thresholds.
 *
 * @example
 * indicatorLevel({ higherIs: 'better', riskAt: { medium: 0.7, high: 0.5, unacceptable: 0.25 } }, 0.4) // 'high'
 */
export function indicatorLevel(
  rule: Pick<CountryIndicatorRule, 'higherIs' | 'riskAt'>,
  value: number,
): RiskLevel {
  const reaches = (threshold: number) =>
    rule.higherIs === 'better' ? value <= threshold : value >= threshold;
  if (reaches(rule.riskAt.unacceptable)) return 'unacceptable';
  if (reaches(rule.riskAt.high)) return 'high';
  if (reaches(rule.riskAt.medium)) return 'medium';
  return 'low';
}

/**
 * What each of the policy's indicator rules says about a country: the most recent year of the
 * current dataset of the rule's source that has a value for the country, or that there is no
 * dataset or no value (neither raises the risk; the evidence says so).
 */
export function readIndicators(
  rules: readonly CountryIndicatorRule[],
  datasets: readonly LoadedIndicatorDataset[],
  country: CountryCode,
): readonly IndicatorReading[] {
  return rules.map((rule): IndicatorReading => {
    const loaded = datasets.find((d) => d.dataset.source === rule.source);
    if (!loaded) return { kind: 'no-dataset', rule };
    let best: IndicatorRow | undefined;
    for (const row of loaded.rows) {
      if (row.country !== country || row.values[rule.indicator] === undefined) continue;
      if (!best || row.year > best.year) best = row;
    }
    const value = best?.values[rule.indicator];
    if (!best || value === undefined) return { kind: 'no-value', rule, dataset: loaded.dataset };
    return {
      kind: 'value',
      rule,
      dataset: loaded.dataset,
      year: best.year,
      value,
      level: indicatorLevel(rule, value),
    };
  });
}

/** The provenance record of a dataset. */
export const indicatorProvenance = (d: IndicatorDataset): IndicatorProvenance => ({
  id: d.id,
  source: d.source,
  version: d.version,
  contentHash: d.contentHash,
  fileName: d.fileName,
  ...(d.year !== undefined ? { year: d.year } : {}),
});
