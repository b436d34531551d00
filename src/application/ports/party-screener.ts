import type { CordonError } from '../../domain/shared/errors.ts';
import type { Result } from '../../domain/shared/result.ts';

/** A party to screen: its name and, when known, its country (ISO alpha-2) and type. */
export interface PartyToScreen {
  readonly name: string;
  readonly country?: string;
  readonly type?: string;
}

/** One restricted-list match of a party, in the screening contract's shape plus list columns. */
export interface PartyMatch {
  readonly entityId: string;
  readonly source: string;
  readonly name: string;
  readonly matchedName: string;
  readonly score: number;
  readonly band: 'strong' | 'review';
  /** How the names were compared, in one line. */
  readonly explanation: string;
  readonly programmes: readonly string[];
  readonly subList?: string;
  /** Entity List columns, verbatim. */
  readonly licenceRequirement?: string;
  readonly licenceReviewPolicy?: string;
  /** The snapshot the listing came from. */
  readonly snapshot: { readonly id: string; readonly dataDate: string };
}

/** The parties screened against one set of list snapshots. */
export interface PartiesScreening {
  readonly snapshots: readonly {
    readonly id: string;
    readonly source: string;
    readonly dataDate: string;
  }[];
  /** In the order given. */
  readonly parties: readonly { readonly matches: readonly PartyMatch[] }[];
}

/** Screens the parties of an application against the lists (the active ones, or as of a date or snapshot). */
export interface PartyScreener {
  /**
   * `asOf`: snapshot ids (comma-separated) to use for their sources, or a date (YYYY-MM-DD): for
   * each source the newest snapshot whose data date is not later.
   */
  screenParties(
    parties: readonly PartyToScreen[],
    options?: { readonly asOf?: string },
  ): Promise<Result<PartiesScreening, CordonError>>;
}
