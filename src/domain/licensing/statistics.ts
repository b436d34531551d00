import type { LicenceCase } from './licence-case.ts';

/** One row of the decision statistics: how many decisions share a month, destination, outcome, criteria and item category. */
export interface DecisionStatisticsRow {
  readonly month: string;
  readonly destination: string;
  readonly outcome: string;
  /** The criterion codes the decisions cited, sorted; empty for decisions citing none. */
  readonly criteria: readonly string[];
  readonly itemCategory: string;
  readonly count: number;
}

/**
 * Counts finalised decisions by month, destination, outcome, criterion and item category (the
 * first character of the first control entry: 5 telecommunications, 4 computers, or `unlisted`):
 * the basis of a public transparency report. Every row counts decisions: a refusal citing three
 * criteria is one decision, in a row whose `criteria` lists the three.
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
    const criteria = [...new Set(decision.criteria.map((cr) => cr.code))].sort();
    const key = JSON.stringify([month, destination, decision.outcome, criteria, itemCategory]);
    const row = counts.get(key);
    counts.set(key, {
      month,
      destination,
      outcome: decision.outcome,
      criteria,
      itemCategory,
      count: (row?.count ?? 0) + 1,
    });
  }
  return [...counts.values()].sort(
    (a, b) =>
      a.month.localeCompare(b.month) ||
      a.destination.localeCompare(b.destination) ||
      a.outcome.localeCompare(b.outcome) ||
      a.criteria.join(' ').localeCompare(b.criteria.join(' ')),
  );
}
