/**
 * A party as a restricted list names it, normalised from whatever official format it came in
 * (OFAC CSV, the Consolidated Screening List, the Entity List in eCFR XML, ...). Screening,
 * licence determination and the assessment all read this one shape.
 */
export interface ListedParty {
  /** The list source, e.g. `us-ofac-sdn` (see `listSources`). */
  readonly source: string;
  /** Stable id across snapshots of the same source: `<source>:<entityNumber>`. */
  readonly entityId: string;
  /** The number or key the source itself gives the entry (OFAC ent_num, CSL `_id`, ...). */
  readonly entityNumber: string;
  readonly kind: PartyKind;
  /** Every name; the first one of type `primary` is the listed name. Never empty. */
  readonly names: readonly ListedName[];
  readonly addresses: readonly ListedAddress[];
  /** ISO 3166-1 alpha-2 codes (upper case) of every country the entry is tied to. */
  readonly countries: readonly string[];
  /** Sanctions programmes or list tags as the source writes them (`SDGT`, `GLOMAG`, `CYBER2`, `EL`). */
  readonly programmes: readonly string[];
  readonly identifiers: readonly ListedIdentifier[];
  readonly dates: readonly ListedDate[];
  /** The source's own remarks, verbatim. */
  readonly remarks?: string;
  /** For a source that bundles several lists (the CSL): which one this row belongs to. */
  readonly subList?: string;
  /** Entity List: the licence requirement column, verbatim. */
  readonly licenceRequirement?: string;
  /** Entity List: the licence review policy column, verbatim. */
  readonly licenceReviewPolicy?: string;
  /** Federal Register (or other) citations of the listing, verbatim, e.g. `84 FR 54002, 10/9/19`. */
  readonly citations: readonly string[];
  /** The official text of the entry when the source has one (Entity List: the whole cell). */
  readonly entryText?: string;
  readonly sourceUrl?: string;
  /** Nationalities and citizenships (ISO alpha-2, also in `countries`): they tell namesakes apart. */
  readonly nationalities?: readonly string[];
  /** Places of birth as the source writes them (`Baghdad, Iraq`). */
  readonly placesOfBirth?: readonly string[];
  /** Sex as the source states it: it tells namesakes apart. */
  readonly gender?: 'male' | 'female';
  /** Titles, positions or functions as the source writes them (OFAC Title, OFSI Position, EU function). */
  readonly positions?: readonly string[];
  /** For a vessel: what the source says about the ship, verbatim. */
  readonly vessel?: VesselDetails;
  /** Parties the source says this one is linked to (OFAC `Linked To:`), by name, verbatim. */
  readonly linkedTo?: readonly string[];
  /**
   * Entity List: the `entityId` of the entry that names this party as one of its affiliated
   * entities or subordinate institutions (they share its licence requirement and policy).
   */
  readonly parentEntityId?: string;
}

/** What a list says about a ship, verbatim (OFAC and CSL vessel columns, OFSI ship columns). */
export interface VesselDetails {
  readonly callSign?: string;
  readonly vesselType?: string;
  readonly tonnage?: string;
  readonly grossRegisteredTonnage?: string;
  readonly flag?: string;
  readonly owner?: string;
}

export type PartyKind = 'person' | 'organisation' | 'vessel' | 'aircraft' | 'unknown';

/** `weak-aka` is OFAC's "low quality a.k.a.": shown, but never enough on its own for a strong hit. */
export type NameType = 'primary' | 'aka' | 'fka' | 'nka' | 'weak-aka';

export interface ListedName {
  readonly value: string;
  readonly type: NameType;
}

export interface ListedAddress {
  /** The whole address as one line, as the source gives it or joined from its parts. */
  readonly text: string;
  readonly city?: string;
  readonly region?: string;
  readonly postalCode?: string;
  /** ISO 3166-1 alpha-2, when the country could be recognised. */
  readonly country?: string;
}

export interface ListedIdentifier {
  /** As the source names it: `Passport`, `National ID No.`, `Website`, `IMO`, `SWIFT/BIC`, ... */
  readonly type: string;
  readonly value: string;
  readonly country?: string;
  /** Issue and expiry dates or other notes on the document, as the source gives them. */
  readonly details?: string;
}

export interface ListedDate {
  readonly type: 'birth' | 'listed' | 'start' | 'end' | 'other';
  /** As precise as the source: `1961-03-05`, `1961-03`, `1961`, or verbatim text when unparseable. */
  readonly value: string;
  /**
   * The source's own name for the date when `type` alone does not say it:
   * `Organization Established Date`, `Listing Date (CMIC)`, `Last update`.
   */
  readonly label?: string;
}

/** The primary listed name of a party (the first `primary`, else the first name). */
export const primaryName = (party: ListedParty): string =>
  (party.names.find((n) => n.type === 'primary') ?? party.names[0])?.value ?? '';
