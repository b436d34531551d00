import type { Regime } from '../classification/control-entry.ts';
import type { CountryCode } from './country-code.ts';
import type { CitedText } from './text-provenance.ts';

/** Who enacted a sanctions or embargo regime; a policy applies only its own authority's regimes. */
export type SanctionsAuthority = 'eu' | 'uk' | 'us' | 'un' | 'no' | 'ca' | 'au';

export const sanctionsAuthorities: readonly SanctionsAuthority[] = [
  'eu',
  'uk',
  'us',
  'un',
  'no',
  'ca',
  'au',
];

/**
 * Which goods a regime catches:
 * - `control-list`: every item listed on that control list (EU Reg. 833/2014 Art. 2 catches every
 *   Annex I item of Regulation 2021/821);
 * - `ccl-categories`: items in an ECCN of these CCL categories (15 CFR 746.8(a)(1) as stored);
 * - `annex-not-shipped`: goods of an annex Cordon does not ship (833/2014 Annex VII): always a
 *   question, unless the item is listed on `exceptListedIn` (another provision then governs it);
 * - `interception-functions`: monitoring and interception equipment (UK Schedule 3 functions);
 * - `military-list`: military goods, recognised only from the exporter's rating (ML, PL, 0A5xx);
 * - `all-items`: every item (a comprehensive embargo such as 31 CFR 560.204).
 */
export type SanctionsGoods =
  | { readonly kind: 'control-list'; readonly list: Regime }
  | {
      readonly kind: 'ccl-categories';
      readonly categories: readonly string[];
      /** A later wording that extends the scope, cited so the officer knows the stored one is old. */
      readonly laterScope?: CitedText;
    }
  | { readonly kind: 'annex-not-shipped'; readonly annex: string; readonly exceptListedIn?: Regime }
  | { readonly kind: 'interception-functions' }
  | { readonly kind: 'military-list' }
  | { readonly kind: 'all-items' };

/** A derogation or exception the authority may grant: shown as a question, never assumed. */
export interface SanctionsDerogation {
  readonly id: string;
  readonly question: string;
  readonly text: CitedText;
}

/**
 * A sanctions or embargo measure as versioned data (`data/regulation/sanctions_regimes.json`):
 * whose law it is, which destinations and goods it catches, what it does (prohibits, or requires a
 * licence reviewed under a stated policy), the texts it rests on and its derogations.
 *
 * `inForce: 'to-verify'` marks a measure whose existence or scope the shipped data cannot vouch
 * for: a rule built on it is `undetermined`, never "not required" and never a prohibition.
 */
export interface SanctionsRegime {
  /** `eu-833/2014:art-2`, `us-ear:746.8`. */
  readonly id: string;
  readonly authority: SanctionsAuthority;
  readonly instrument: string;
  /** The article or section that decides: `Art. 2(1)`, `§ 746.8(a)(1), (b)`. */
  readonly provision: string;
  readonly title: string;
  readonly countries: readonly CountryCode[];
  readonly goods: SanctionsGoods;
  readonly effect: 'prohibited' | 'licence-required';
  /** For a licence requirement: the review policy (`denial`: a policy of denial). */
  readonly reviewPolicy?: { readonly kind: 'denial' | 'case-by-case'; readonly text: CitedText };
  readonly inForce: 'in-force' | 'to-verify';
  /** Binds only US persons and exports from the United States (OFAC). */
  readonly usPersonsOnly: boolean;
  readonly texts: readonly CitedText[];
  readonly derogations: readonly SanctionsDerogation[];
  /** The provision that forbids granting an authorisation in some cases (Art. 2(7), Art. 1c(2)). */
  readonly noGrant?: CitedText;
  /** `state-end-user`: no authorisation when a government or state-linked body receives the goods. */
  readonly noGrantWhen?: 'state-end-user';
}

/** The regimes of one authority that cover a country. */
export const sanctionsRegimesOn = (
  regimes: readonly SanctionsRegime[],
  ids: readonly string[],
  country: CountryCode,
): readonly SanctionsRegime[] =>
  regimes.filter((r) => ids.includes(r.id) && r.countries.includes(country));
