import type { LicenceCase } from './licence-case.ts';

/** One row of the decision statistics: a count for a month, destination, outcome and criterion. */
export interface DecisionStatisticsRow {
  readonly month: string;
  readonly destination: string;
  readonly outcome: string;
  /** The refusal criterion code, or `-` for decisions without one. */
  readonly criterion: string;
  readonly itemCategory: string;
  readonly count: number;
}

/**
 * Counts finalised decisions by month, destination, outcome, criterion and item category (the
 * first character of the first control entry: 5 telecommunications, 4 computers, or `unlisted`):
 * the basis of a public transparency report. A refusal citing two criteria counts under each.
 */
export function decisionStatistics(
  cases: readonly {
    readonly licenceCase: LicenceCase;
    readonly destination: string;
    readonly controlEntries: readonly string[];
  }[],
): DecisionStatisticsRow[] {
  const counts = new Map<string, DecisionStatisticsRow>();
  for (const { licenceCase: c, destination, controlEntries } of cases) {
    const decision = c.decision;
    if (decision?.countersignedAt === undefined) continue;
    const month = decision.countersignedAt.toISOString().slice(0, 7);
    const first = controlEntries[0];
    const itemCategory =
      first === undefined || /^EAR99$/i.test(first) ? 'unlisted' : `category ${first.charAt(0)}`;
    const criteria = decision.criteria.length > 0 ? decision.criteria.map((cr) => cr.code) : ['-'];
    for (const criterion of criteria) {
      const key = [month, destination, decision.outcome, criterion, itemCategory].join('|');
      const row = counts.get(key);
      counts.set(key, {
        month,
        destination,
        outcome: decision.outcome,
        criterion,
        itemCategory,
        count: (row?.count ?? 0) + 1,
      });
    }
  }
  return [...counts.values()].sort(
    (a, b) =>
      a.month.localeCompare(b.month) ||
      a.destination.localeCompare(b.destination) ||
      a.outcome.localeCompare(b.outcome) ||
      a.criterion.localeCompare(b.criterion),
  );
}
