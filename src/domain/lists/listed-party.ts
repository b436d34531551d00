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
}

export interface ListedDate {
  readonly type: 'birth' | 'listed' | 'start' | 'end' | 'other';
  /** As precise as the source: `1961-03-05`, `1961-03`, `1961`, or verbatim text when unparseable. */
  readonly value: string;
}

/** The primary listed name of a party (the first `primary`, else the first name). */
export const primaryName = (party: ListedParty): string =>
  (party.names.find((n) => n.type === 'primary') ?? party.names[0])?.value ?? '';
