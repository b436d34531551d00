import type { SourceRef } from '../policy/text-provenance.ts';

/**
 * The shipped control data as parsed from its files, before Cordon builds its catalogue: the
 * compiled seed of surveillance-relevant entries (`control_entries_surveillance.json`) and the
 * verbatim EU Annex I extracts (`eu_2021_821_cyber_surveillance_extracts.json`). The adapter
 * produces these shapes; {@link buildControlCatalogue} turns them into entries.
 */
export interface CatalogueSource {
  readonly seed: SeedCatalogue;
  readonly euAnnex: EuAnnexSource;
}

/** Keys the compiled seed uses for regimes. */
export type SeedRegimeKey = 'WA' | 'EU' | 'UK' | 'US';

export interface SeedCatalogue {
  readonly source: SourceRef;
  readonly definitions: readonly SeedDefinition[];
  readonly entries: readonly SeedEntry[];
}

export interface SeedDefinition {
  readonly term: string;
  readonly text: string;
  readonly notes: readonly string[];
  /** The status as written in the data (`verbatim EU Annex I`, `paraphrase...`). */
  readonly status: string;
  readonly pointer: string;
}

export interface SeedEntry {
  readonly id: string;
  readonly title: string;
  readonly itemKind: string;
  readonly category?: string;
  readonly group?: string;
  readonly regimes: Partial<Readonly<Record<SeedRegimeKey, SeedRegimeView>>>;
  readonly surveillanceTags: readonly string[];
  readonly criteria?: SeedCriterion;
  readonly exclusions: readonly SeedExclusion[];
  /** Terms the entry defines inline (`handover interface`), with their compiled text. */
  readonly definitions: readonly { readonly term: string; readonly text: string }[];
  readonly definitionRefs: readonly string[];
  readonly related: readonly string[];
  readonly status: string;
  readonly verifyAt: readonly string[];
  /** JSON pointer of the entry in its file, for provenance and error messages. */
  readonly pointer: string;
}

/** A criterion node of the seed: a text leaf, or a group of children with an optional chapeau. */
export interface SeedCriterion {
  readonly id?: string;
  readonly text?: string;
  readonly combinator?: 'all-of' | 'any-of';
  readonly children?: readonly SeedCriterion[];
}

export interface SeedExclusion {
  readonly appliesTo: readonly string[];
  readonly text: string;
  readonly status?: string;
}

/** One regime's view of a seed entry. */
export interface SeedRegimeView {
  readonly ref?: string;
  readonly cyberSurveillanceListed?: boolean;
  readonly reasonsForControl: readonly string[];
  /** Verbatim rows of the regime's licence requirements, when the data has them. */
  readonly verbatimNotes: readonly {
    readonly label: string;
    readonly text: string;
    readonly pointer: string;
  }[];
  /** Every other remark (adoption date, licence notes, evidence), as label and text. */
  readonly notes: readonly { readonly label: string; readonly text: string }[];
  /** Group members (US crime-control ECCNs). */
  readonly members: readonly { readonly id: string; readonly text: string }[];
}

/** The verbatim EU extracts: Annex I entries and definitions. */
export interface EuAnnexSource {
  readonly source: SourceRef;
  readonly entries: readonly EuAnnexText[];
  readonly definitions: readonly EuAnnexDefinition[];
}

export interface EuAnnexText {
  /** The key in the file: `5A001.j`, `cat5_part2_note3_cryptography_note_a`. */
  readonly id: string;
  readonly text: string;
  /** JSON pointer of `text` (the entry itself when it is a plain string, else its `text`). */
  readonly textPointer: string;
  /** Enumerated items by key (`1`, `a`); their pointer is `<pointer>/items/<key>`. */
  readonly items: Readonly<Record<string, string>>;
  /** Notes by their key in the file (`note`, `notes_b`); single notes are one-element lists. */
  readonly notes: Readonly<
    Record<string, readonly { readonly text: string; readonly pointer: string }[]>
  >;
  readonly pointer: string;
}

export interface EuAnnexDefinition {
  readonly term: string;
  readonly text: string;
  /** JSON pointer of `text`. */
  readonly pointer: string;
  readonly notes: readonly { readonly text: string; readonly pointer: string }[];
}
