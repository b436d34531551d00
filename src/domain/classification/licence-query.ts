import type { CountryCode } from '../policy/country-code.ts';
import type { DestinationMeasures } from '../policy/destination-measures.ts';
import type { JurisdictionCode } from '../policy/jurisdiction.ts';
import type { PolicyRuleKind } from '../policy/jurisdiction-policy.ts';
import type { LegalTexts } from '../policy/legal-texts.ts';
import type { CitedText, TextStatus } from '../policy/text-provenance.ts';
import type { ItemClassification } from './classify-item.ts';
import type { ControlCatalogue } from './control-catalogue.ts';

/** Roles of the parties to an export (spec: `parties[].role`). */
export const partyRoles = [
  'end-user',
  'consignee',
  'intermediate-consignee',
  'purchaser',
  'third-party',
] as const;
export type PartyRole = (typeof partyRoles)[number];

/** Types of party (spec: `parties[].type`). */
export const partyTypes = [
  'police',
  'intelligence',
  'military',
  'government-security',
  'government-other',
  'telecom-operator',
  'commercial',
  'academic',
  'individual',
  'unknown',
] as const;
export type PartyType = (typeof partyTypes)[number];

/** One restricted-list match of a party, as the screening engine reports it. */
export interface ScreeningHit {
  /** The list source (`us-bis-entity-list`, `us-csl`, `eu-fsf`, ...). */
  readonly source: string;
  readonly entityId: string;
  readonly name: string;
  readonly programmes: readonly string[];
  /** For bundled sources (the Consolidated Screening List): the list the row belongs to. */
  readonly subList?: string;
  /** Entity List: the licence requirement column, verbatim. */
  readonly licenceRequirement?: string;
  /** Entity List: the licence review policy column, verbatim. */
  readonly licenceReviewPolicy?: string;
  /** `strong`: a match; `review`: a possible match a person must clear. */
  readonly band: 'strong' | 'review';
  /** The list snapshot the hit came from, for provenance. */
  readonly snapshot?: { readonly id: string; readonly dataDate: string };
  /** Set when a person cleared the match as not the listed party: it then decides nothing. */
  readonly cleared?: MatchClearance;
}

/** Who cleared a party match, why and when: recorded with every assessment that relies on it. */
export interface MatchClearance {
  readonly by: string;
  readonly reason: string;
  readonly date?: string;
}

/**
 * A party of the transaction with its screening result. Defined here rather than taken from the
 * screening engine, so licence determination depends only on what it reads.
 */
export interface PartyScreening {
  readonly role: PartyRole;
  readonly name: string;
  readonly country?: CountryCode;
  readonly type?: PartyType;
  /**
   * Owned or controlled by the state, or acting on its behalf (a state telecom operator counts as
   * a public body or corporation under EU Reg. 359/2011 Art. 1b(2)); absent when not stated.
   */
  readonly stateLinked?: boolean;
  readonly hits: readonly ScreeningHit[];
}

/** What the exporter knows about the end use (EU Art. 4 and 5 turn on it). */
export interface EndUseKnowledge {
  readonly statement?: string;
  /**
   * The competent authority informed the exporter that the items are or may be intended for use
   * in connection with internal repression or serious violations of human rights or IHL (Art. 5(1)).
   */
  readonly informedByAuthority?: boolean;
  /** The exporter's due diligence found the items are intended for such use (Art. 5(2)). */
  readonly awareOfMisuse?: boolean;
  /** The exporter has grounds for suspecting such use (Art. 5(3)). */
  readonly suspectsMisuse?: boolean;
  /** What the exporter knows of a military end use: informed by the authority, aware, or none. */
  readonly militaryEndUse?: 'informed' | 'aware' | 'none';
}

/** One item to license: a label for messages, and its classification. */
export interface LicensableItem {
  readonly label: string;
  readonly classification: ItemClassification;
  /** What decides whether a foreign-made item is subject to the EAR (15 CFR 734.3). */
  readonly ear?: EarJurisdictionFacts;
}

/** The facts 15 CFR 734.3 and 734.4 turn on, as the exporter states them. */
export interface EarJurisdictionFacts {
  /** Country of origin (where the item was made). */
  readonly origin?: CountryCode;
  /** Controlled US-origin content, in percent of the item's value (de minimis, 15 CFR 734.4). */
  readonly usControlledContentPercent?: number;
  /** The item is a foreign direct product of US technology or software (15 CFR 734.9). */
  readonly foreignDirectProduct?: boolean;
}

/** A licence from a sanctions authority the applicant cites (OFAC, OFSI/OTSI, a member state). */
export interface SanctionsLicence {
  readonly authority: string;
  readonly reference: string;
}

/** A transaction, as licence determination sees it. All codes are already validated. */
export interface LicenceQuery {
  readonly destination: { readonly country: CountryCode; readonly region?: string };
  readonly items: readonly LicensableItem[];
  /** The parties with their screening results; absent when not screened (end-user rules then stay open). */
  readonly parties?: readonly PartyScreening[];
  readonly endUse?: EndUseKnowledge;
  /** The exporter's country: whether EAR rules reach a foreign exporter's items depends on it. */
  readonly exporter?: { readonly country: CountryCode };
  /** Licences from sanctions authorities the applicant cites (they lift a blocking-list prohibition for review). */
  readonly sanctionsLicences?: readonly SanctionsLicence[];
}

/** The reference data licence determination reads. */
export interface LicensingReference {
  readonly catalogue: ControlCatalogue;
  readonly measures: DestinationMeasures;
  readonly texts: LegalTexts;
}

/** What a licence review policy means for one item. */
export const reviewOutcomes = [
  'denial',
  'presumption-of-denial',
  'case-by-case',
  'presumption-of-approval',
  'unknown',
] as const;
export type ReviewOutcome = (typeof reviewOutcomes)[number];

/**
 * - `licence-required`: a licence (authorisation) is needed before export;
 * - `prohibited`: a ban, with at most narrow licensing grounds;
 * - `notify-authority`: the exporter must notify the authority, which decides (EU Art. 5(2)); the
 *   export cannot proceed until it has, so it counts as requiring a licence;
 * - `no-licence-required`: the rule was checked and requires none;
 * - `undetermined`: the rule may apply; something is missing (see `missing`);
 * - `not-applicable`: the rule does not concern this item or destination;
 * - `information`: worth knowing, no effect on the answer.
 */
export const basisEffects = [
  'licence-required',
  'prohibited',
  'notify-authority',
  'no-licence-required',
  'undetermined',
  'not-applicable',
  'information',
] as const;
export type BasisEffect = (typeof basisEffects)[number];

/** One reason in a licence determination: a rule, what it does here, and the texts it rests on. */
export interface LicenceBasis {
  readonly rule: string;
  readonly ruleKind: PolicyRuleKind;
  readonly title: string;
  readonly effect: BasisEffect;
  /** Cordon's explanation, in its own words: never legal text. */
  readonly summary: string;
  readonly citations: readonly CitedText[];
  /** The review policy that will apply (the Entity List entry's own, a denial rule). */
  readonly reviewPolicy?: CitedText;
  /**
   * What the review policy means for this item: `denial` (a policy of denial),
   * `presumption-of-denial`, `case-by-case`, `presumption-of-approval`, or `unknown` when the
   * policy text refers elsewhere or the item's classification is not known.
   */
  readonly review?: ReviewOutcome;
  /** A sanctions regime's instrument and provision, when the basis applies one. */
  readonly regime?: {
    readonly id: string;
    readonly instrument: string;
    readonly provision: string;
  };
  /** The item (index in the query) or party the basis is about. */
  readonly item?: number;
  readonly party?: { readonly role: PartyRole; readonly name: string };
  /** The weakest status of the citations: `verbatim` only when every text is. */
  readonly textStatus: TextStatus;
}

/** Something licence determination needs and does not have, naming the input field. */
export interface MissingInformation {
  readonly field: string;
  readonly question: string;
}

/** `true`, `false`, or `undetermined` when a rule may apply and something is missing. */
export type LicenceRequired = boolean | 'undetermined';

export interface LicenceDetermination {
  readonly jurisdiction: JurisdictionCode;
  /** Every policy applied (the EU block and the member state), with its version and hash. */
  readonly policies: readonly {
    readonly id: string;
    readonly version: number;
    readonly contentHash: string;
  }[];
  readonly required: LicenceRequired;
  readonly basis: readonly LicenceBasis[];
  readonly missing: readonly MissingInformation[];
}

/** Why no determination could be made for a jurisdiction. */
export type DeterminationError =
  | { readonly kind: 'no-policy'; readonly jurisdiction: string; readonly message: string }
  | { readonly kind: 'policy-incomplete'; readonly jurisdiction: string; readonly message: string };

/** What one rule says about a transaction: its bases and what it is missing. */
export interface RuleOutput {
  readonly basis: readonly LicenceBasis[];
  readonly missing: readonly MissingInformation[];
}
