/** A restricted-party list the jurisdiction's own law makes binding, as its policy names it. */
export interface BindingList {
  /** The list source (`us-bis-entity-list`, `uk-hmt-ofsi`). */
  readonly source: string;
  /** Sub-lists inside bundled sources that count as this list (`Entity List` in the CSL). */
  readonly subLists: readonly string[];
  /** The policy rule that binds it, and its title. */
  readonly rule: string;
  readonly title: string;
}

/** A list snapshot the parties were screened against. */
export interface ScreenedSnapshot {
  readonly id: string;
  readonly source: string;
  /** The date of the list's data (ISO), as its publisher dated it. */
  readonly dataDate: string;
}

/** One binding list: screened, not screened at all (not imported), or screened but older than allowed. */
export interface ListCoverage {
  readonly source: string;
  readonly rule: string;
  readonly title: string;
  readonly status: 'screened' | 'not-screened' | 'stale';
  /** The snapshot screened against, when one was. */
  readonly snapshot?: ScreenedSnapshot;
  /** Days between the snapshot's data date and the assessment date. */
  readonly ageDays?: number;
}

/** What the screening of an assessment covered, measured against the deployment's freshness limit. */
export interface ScreeningCoverage {
  /** `CORDON_LIST_MAX_AGE_DAYS`: a binding list older than this is stale. */
  readonly maxAgeDays: number;
  /** The date the ages are counted to (the assessment's date, or its `asOf`). */
  readonly asOf: string;
  readonly lists: readonly ListCoverage[];
  /** True when every binding list was screened and none is stale. */
  readonly complete: boolean;
}

const dayMs = 86_400_000;

/** Whole days from `from` to `to` (ISO dates); `undefined` when either is not a date. */
export function daysBetween(from: string, to: string): number | undefined {
  const a = Date.parse(from.slice(0, 10));
  const b = Date.parse(to.slice(0, 10));
  if (Number.isNaN(a) || Number.isNaN(b)) return undefined;
  return Math.floor((b - a) / dayMs);
}

/**
 * Which lists that bind the jurisdiction the parties were screened against, and how old each is.
 * A binding list with no snapshot among those screened is `not-screened` (not imported: "no
 * match" on it means nothing); one whose data date is more than `maxAgeDays` before `asOf` is
 * `stale`. A bundled list (the Consolidated Screening List) counts for the sub-lists it carries.
 *
 * @example
 * screeningCoverage([{ source: 'uk-hmt-ofsi', ... }], [{ source: 'us-ofac-sdn', ... }], '2026-12-06', 90)
 * // { complete: false, lists: [{ source: 'uk-hmt-ofsi', status: 'not-screened' }] }
 */
export function screeningCoverage(
  binding: readonly BindingList[],
  snapshots: readonly ScreenedSnapshot[],
  asOf: string,
  maxAgeDays: number,
): ScreeningCoverage {
  const lists = binding.map((list): ListCoverage => {
    const candidates = snapshots.filter(
      (s) => s.source === list.source || (s.source === 'us-csl' && list.subLists.length > 0),
    );
    // The freshest snapshot that carries the list speaks for it.
    const snapshot = [...candidates].sort((a, b) => b.dataDate.localeCompare(a.dataDate))[0];
    const base = { source: list.source, rule: list.rule, title: list.title };
    if (!snapshot) return { ...base, status: 'not-screened' };
    const age = daysBetween(snapshot.dataDate, asOf);
    return {
      ...base,
      status: age === undefined || age > maxAgeDays ? 'stale' : 'screened',
      snapshot,
      ...(age !== undefined ? { ageDays: age } : {}),
    };
  });
  return { maxAgeDays, asOf, lists, complete: lists.every((l) => l.status === 'screened') };
}
