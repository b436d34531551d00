import { api } from '../api/client.ts';
import type { Statistics } from '../api/view-types.ts';
import { BarChart, type Bar } from '../components/bar-chart.tsx';
import { PageTitle, Show, useLoad } from '../components/common.tsx';

type Row = Statistics['rows'][number];

function totals(
  rows: readonly Row[],
  key: keyof Omit<Row, 'count'>,
  sort: 'value' | 'label',
): Bar[] {
  const sums = new Map<string, number>();
  for (const r of rows) sums.set(r[key] || '—', (sums.get(r[key] || '—') ?? 0) + r.count);
  const bars = [...sums].map(([label, value]) => ({ label, value }));
  return sort === 'label'
    ? bars.sort((a, b) => a.label.localeCompare(b.label))
    : bars.sort((a, b) => b.value - a.value || a.label.localeCompare(b.label));
}

/** Decisions by destination, criterion, item category, outcome and month, with a CSV export. */
export function StatisticsPage() {
  const [loaded] = useLoad(
    () => api<Statistics>('GET', '/v1/statistics/decisions?format=json').then((s) => s.rows),
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
            <BarChart title="Decisions by outcome" bars={totals(rows, 'outcome', 'value')} />
            <BarChart
              title="Decisions by destination"
              bars={totals(rows, 'destination', 'value')}
            />
            <BarChart title="Decisions by criterion" bars={totals(rows, 'criterion', 'value')} />
            <BarChart
              title="Decisions by item category"
              bars={totals(rows, 'itemCategory', 'value')}
            />
            <BarChart title="Decisions by month" bars={totals(rows, 'month', 'label')} />
          </div>
        )}
      </Show>
    </>
  );
}
