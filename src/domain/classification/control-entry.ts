import type { CitedText, SourceRef, TextStatus } from '../policy/text-provenance.ts';

/**
 * The control regimes whose lists Cordon holds. Wassenaar is the common base; the EU (Annex I of
 * Regulation 2021/821), the UK and the US (the Commerce Control List) implement it with national
 * additions (US 9xx ECCNs, the EU Article 5 catch-all).
 */
export type Regime = 'wassenaar' | 'eu' | 'uk' | 'us';

export const regimes: readonly Regime[] = ['wassenaar', 'eu', 'uk', 'us'];

/** Human names of the regimes' lists, for messages. */
export const regimeNames: Readonly<Record<Regime, string>> = {
  wassenaar: 'Wassenaar Arrangement List of Dual-Use Goods and Technologies',
  eu: 'EU dual-use list (Annex I to Regulation (EU) 2021/821)',
  uk: 'UK dual-use list',
  us: 'US Commerce Control List (15 CFR 774 Supp. 1)',
};

/** What an entry covers: goods, software, technology; or a group, a catch-all, a proposed rule. */
export type EntryKind =
  'equipment' | 'software' | 'technology' | 'group' | 'catch-all' | 'proposed';

/**
 * Whether the entry is a listed control in force, a catch-all for non-listed items (EU Art. 5:
 * never "listed"), or a proposal that is not law (the US facial-recognition controls of 2024).
 */
export type EntryStatus = 'in-force' | 'catch-all' | 'proposed';

/**
 * A criterion tree: the entry controls an item when the tree holds. Leaves are single conditions
 * (each linked to a question Cordon can ask); inner nodes combine them with all-of / any-of.
 */
export type CriterionNode = CriterionLeaf | CriterionGroup;

export interface CriterionLeaf {
  readonly kind: 'leaf';
  /** The criterion's id within its entry, as the list numbers it (`j.1.a`, `f.2`, `b`). */
  readonly id: string;
  readonly text: CitedText;
  /**
   * The facts (questions) that decide this leaf, and how they combine: most leaves are one fact;
   * `5D001.e.1` needs two (hard-selector search and a handover interface), `5D001.e.2` either of two.
   */
  readonly facts: readonly string[];
  readonly factMode: 'all' | 'any';
}

export interface CriterionGroup {
  readonly kind: 'all-of' | 'any-of';
  readonly id: string;
  /** The chapeau ("Performing all of the following on a carrier class IP network"), if any. */
  readonly text?: CitedText;
  readonly children: readonly CriterionNode[];
}

/** A note that takes items out of an entry ("5A001.j does not control ... marketing purpose"). */
export interface Exclusion {
  /** `note`, `note-2`..., unique within the entry. */
  readonly id: string;
  /** The criteria the note limits (`f.1`, `f.2`); empty when it limits the whole entry. */
  readonly appliesTo: readonly string[];
  readonly text: CitedText;
  /** The facts that, if any is true, make the exclusion apply. */
  readonly facts: readonly string[];
}

/** A defined term of the lists ("intrusion software", "hard selectors"), linked from entries. */
export interface Definition {
  /** Lower case, as the lists quote it: `intrusion software`. */
  readonly term: string;
  /** The best text Cordon has: the verbatim EU Annex I definition where shipped. */
  readonly text: CitedText;
  /** Notes and technical notes of the definition (what it does not include, ...). */
  readonly notes: readonly CitedText[];
  /** Other wordings (e.g. the compiled paraphrase) shown for comparison. */
  readonly alternatives: readonly CitedText[];
}

/**
 * One control entry as one regime lists it. The same number (`5A001.j`) appears in several
 * regimes with different texts and statuses (the EU text is verbatim, the Wassenaar one a
 * paraphrase), so the catalogue keys entries by `regime:id`.
 */
export interface ControlEntry {
  /** `eu:5A001.j`: unique in the catalogue. */
  readonly key: string;
  /** The common number (`5A001.j`), or Cordon's id for groups and catch-alls (`EU-ART5-NONLISTED`). */
  readonly id: string;
  readonly regime: Regime;
  /** How the regime itself writes the number: `5.A.1.j` in Wassenaar, `5A001.j` elsewhere. */
  readonly ref: string;
  readonly title: CitedText;
  readonly kind: EntryKind;
  readonly status: EntryStatus;
  /** Wassenaar category and group (`5-P1`, `A`), when known. */
  readonly category?: string;
  readonly group?: string;
  /** Absent for entries whose criteria the shipped data does not state. */
  readonly criteria?: CriterionNode;
  readonly exclusions: readonly Exclusion[];
  /** Notes, N.B.s and regime-specific remarks (US licence notes, dates of adoption). */
  readonly notes: readonly CitedText[];
  /** Terms defined in the catalogue that this entry uses. */
  readonly definitions: readonly string[];
  /** US reasons for control (`NS`, `AT`, `SL`, `EI`, `CC`, `RS`), empty for other regimes. */
  readonly reasonsForControl: readonly string[];
  /** Entries the data names as related (`5D001.a` for 5A001.j's software). */
  readonly related: readonly string[];
  /** Annex I cyber-surveillance entries (EU): the ones Article 5 does not need to catch. */
  readonly cyberSurveillance: boolean;
  readonly surveillanceTags: readonly string[];
  /** The weakest status of the entry's texts: `verbatim` only if every text is verbatim. */
  readonly textStatus: TextStatus;
  readonly source: SourceRef;
  /** Where to verify the entry against the official text. */
  readonly verifyAt: readonly string[];
}

/** Every leaf of a criterion tree, depth first. */
export function criterionLeaves(node: CriterionNode | undefined): readonly CriterionLeaf[] {
  if (!node) return [];
  if (node.kind === 'leaf') return [node];
  return node.children.flatMap(criterionLeaves);
}

/** Every node of a criterion tree, depth first, the root first. */
export function criterionNodes(node: CriterionNode | undefined): readonly CriterionNode[] {
  if (!node) return [];
  if (node.kind === 'leaf') return [node];
  return [node, ...node.children.flatMap(criterionNodes)];
}
