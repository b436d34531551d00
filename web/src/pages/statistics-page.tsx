import { api } from '../api/client.ts';
import { StatisticsSchema, type Statistics } from '../../../src/contracts/cases.ts';
import { BarChart, type Bar } from '../components/bar-chart.tsx';
import { PageTitle, Show, useLoad } from '../components/common.tsx';

type Row = Statistics['rows'][number];

/**
 * Decisions per label. Each row counts decisions, so a row adds its count once to each label it
 * has: a refusal citing three criteria is one decision under each of the three criteria.
 */
export function decisionTotals(
  rows: readonly Row[],
  labelsOf: (row: Row) => readonly string[],
  sort: 'value' | 'label',
): Bar[] {
  const sums = new Map<string, number>();
  for (const r of rows) {
    const labels = labelsOf(r);
    for (const label of labels.length > 0 ? new Set(labels) : ['—'])
      sums.set(label, (sums.get(label) ?? 0) + r.count);
  }
  const bars = [...sums].map(([label, value]) => ({ label, value }));
  return sort === 'label'
    ? bars.sort((a, b) => a.label.localeCompare(b.label))
    : bars.sort((a, b) => b.value - a.value || a.label.localeCompare(b.label));
}

const one = (key: 'outcome' | 'destination' | 'itemCategory' | 'month') => (r: Row) =>
  r[key] ? [r[key]] : [];

/** Decisions by destination, criterion, item category, outcome and month, with a CSV export. */
export function StatisticsPage() {
  const [loaded] = useLoad(
    () => api(StatisticsSchema, 'GET', '/v1/statistics/decisions?format=json').then((s) => s.rows),
    'statistics',
  );
  return (
    <>
      <PageTitle title="Statistics">Decision statistics</PageTitle>
      <p>
        <a
          className="button"
          href="/v1/statistics/decisions?format=csv"
          download="cordon-decisions.csv"
        >
          Download as CSV
        </a>
      </p>
      <Show loaded={loaded} what="the statistics">
        {(rows) => (
          <div className="charts">
            <p>{rows.reduce((n, r) => n + r.count, 0)} countersigned decisions.</p>
            <BarChart
              title="Decisions by outcome"
              bars={decisionTotals(rows, one('outcome'), 'value')}
            />
            <BarChart
              title="Decisions by destination"
              bars={decisionTotals(rows, one('destination'), 'value')}
            />
            <BarChart
              title="Decisions citing each criterion (a decision citing several counts under each)"
              bars={decisionTotals(rows, (r) => r.criteria, 'value')}
            />
            <BarChart
              title="Decisions by item category"
              bars={decisionTotals(rows, one('itemCategory'), 'value')}
            />
            <BarChart
              title="Decisions by month"
              bars={decisionTotals(rows, one('month'), 'label')}
            />
          </div>
        )}
      </Show>
    </>
  );
}
