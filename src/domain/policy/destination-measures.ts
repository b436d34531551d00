import type { CountryCode } from './country-code.ts';
import type { SanctionsRegime } from './sanctions-regime.ts';
import type { CitedText, SourceRef, TextStatus } from './text-provenance.ts';

/**
 * What the shipped data says about destinations: EAR country groups, arms embargoes and the
 * sanctions measures that ban or license monitoring and interception equipment. Licence
 * determination reads these; the human-rights assessment reads them as risk factors.
 */
export interface DestinationMeasures {
  readonly countryGroups: readonly CountryGroup[];
  readonly armsEmbargoes: readonly ArmsEmbargo[];
  readonly monitoringMeasures: readonly MonitoringMeasure[];
  readonly interceptionGoodsLists: readonly InterceptionGoodsList[];
  /** Sanctions and embargo regimes (EU 833/2014, EAR 746.8, ...) with their texts. */
  readonly sanctionsRegimes: readonly SanctionsRegime[];
}

/** How sure the compiler of the data was of a country group's membership. */
export type Confidence = 'high' | 'medium' | 'low' | 'unknown';

/** An EAR country group (15 CFR 740 Supp. 1), e.g. `A:1` or `E:1`. */
export interface CountryGroup {
  /** As the EAR writes it: `A:1`, `D:5`, `E:2`. */
  readonly id: string;
  readonly name: string;
  readonly members: readonly CountryCode[];
  readonly confidence: Confidence;
  /**
   * `seed-unverified` for every group: the shipped table was reconstructed from a third-party copy
   * (A groups) or from memory (D and E groups), never read in the eCFR itself.
   */
  readonly textStatus: TextStatus;
  readonly source: SourceRef;
  readonly note?: string;
}

/** Who imposed an embargo or measure. */
export type MeasureAuthority = 'un' | 'eu' | 'uk';

/** An arms embargo on a country (or a part of it), as the seed lists it. */
export interface ArmsEmbargo {
  readonly authority: MeasureAuthority;
  readonly country: CountryCode;
  /** `full`, `non-governmental forces`, `targeted`... as the seed describes it. */
  readonly scope: string;
  readonly textStatus: TextStatus;
  readonly source: SourceRef;
}

/**
 * A sanctions measure that prohibits, or requires prior authorisation for, the export of
 * monitoring or interception equipment to a country (EU Iran Reg. 359/2011 Art. 1b, EU Venezuela
 * Reg. 2017/2063 Art. 6, the UK interception and monitoring prohibitions...).
 */
export interface MonitoringMeasure {
  /** Stable id, e.g. `eu:IR:359/2011`. */
  readonly id: string;
  readonly authority: MeasureAuthority;
  readonly country: CountryCode;
  readonly instrument: string;
  /** Which list of goods the measure uses; `unspecified` when the shipped data does not say. */
  readonly goodsList: string;
  /**
   * The provision that makes the export prohibited or subject to prior authorisation. Verbatim for
   * the EU Iran and Venezuela provisions; a seed summary (unverified) for the others.
   */
  readonly licenceProvision: CitedText;
  /** The provision that forbids granting an authorisation in some cases (e.g. Art. 1b(2)). */
  readonly denialProvision?: CitedText;
  /**
   * `licence-required`: prohibited unless the competent authority authorises it first;
   * `prohibited`: a ban (with at most narrow licensing grounds), as the UK regimes are.
   */
  readonly effect: 'licence-required' | 'prohibited';
  /** True when the provision text was read in a stored official copy. */
  readonly verified: boolean;
}

/**
 * A list of interception and monitoring functions (the UK Schedule 3 list, the EU Venezuela Annex
 * II list): goods that can perform any of them fall under the measures that use the list.
 */
export interface InterceptionGoodsList {
  /** `uk-si-2019/135:sch-3`, `eu-2017/2063:annex-ii`. */
  readonly id: string;
  readonly title: string;
  readonly chapeau?: CitedText;
  /** The functions, with the ids Cordon uses to match items: `a` deep packet inspection ... `n` VoIP. */
  readonly functions: readonly { readonly id: InterceptionFunctionId; readonly text: CitedText }[];
  /** Software and technology paragraphs. */
  readonly software: readonly CitedText[];
}

/**
 * The fourteen interception and monitoring functions, identical in the UK Schedule 3 list and the
 * EU Venezuela Annex II list (and, by Art. 1b(3), the kind of goods in the EU Iran Annex IV).
 */
export type InterceptionFunctionId =
  'a' | 'b' | 'c' | 'd' | 'e' | 'f' | 'g' | 'h' | 'i' | 'j' | 'k' | 'l' | 'm' | 'n';

export const interceptionFunctionIds: readonly InterceptionFunctionId[] = [
  'a',
  'b',
  'c',
  'd',
  'e',
  'f',
  'g',
  'h',
  'i',
  'j',
  'k',
  'l',
  'm',
  'n',
];

/** The EAR country groups a country belongs to, e.g. `['A:1', 'A:2', 'A:4', 'A:5']` for Norway. */
export const countryGroupsOf = (
  measures: DestinationMeasures,
  country: CountryCode,
): readonly CountryGroup[] => measures.countryGroups.filter((g) => g.members.includes(country));

/** The country group with this id (`A:1`), if the data has it. */
export const countryGroup = (measures: DestinationMeasures, id: string): CountryGroup | undefined =>
  measures.countryGroups.find((g) => g.id === id);

/** Arms embargoes of one authority on a country. */
export const armsEmbargoesOn = (
  measures: DestinationMeasures,
  country: CountryCode,
  authorities: readonly MeasureAuthority[],
): readonly ArmsEmbargo[] =>
  measures.armsEmbargoes.filter((e) => e.country === country && authorities.includes(e.authority));

/** Monitoring-equipment measures of one authority on a country. */
export const monitoringMeasuresOn = (
  measures: DestinationMeasures,
  country: CountryCode,
  authority: MeasureAuthority,
): readonly MonitoringMeasure[] =>
  measures.monitoringMeasures.filter((m) => m.country === country && m.authority === authority);
