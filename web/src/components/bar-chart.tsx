import { useId } from 'react';

export interface Bar {
  readonly label: string;
  readonly value: number;
}

/** A horizontal bar chart in plain SVG, with the numbers as a table for screen readers. */
export function BarChart({
  title,
  bars,
}: {
  readonly title: string;
  readonly bars: readonly Bar[];
}) {
  const id = useId();
  const max = Math.max(1, ...bars.map((b) => b.value));
  const rowHeight = 28;
  const labelWidth = 190;
  const chartWidth = 420;
  const height = Math.max(rowHeight, bars.length * rowHeight) + 8;
  return (
    <figure className="chart">
      <figcaption id={`${id}-title`}>{title}</figcaption>
      {bars.length === 0 ? (
        <p>No decisions yet.</p>
      ) : (
        <>
          <svg
            role="img"
            aria-labelledby={`${id}-title`}
            viewBox={`0 0 ${labelWidth + chartWidth + 60} ${height}`}
            width="100%"
            preserveAspectRatio="xMinYMin meet"
          >
            {bars.map((b, i) => {
              const y = 4 + i * rowHeight;
              const w = Math.max(2, (b.value / max) * chartWidth);
              return (
                <g key={b.label}>
                  <text x={labelWidth - 8} y={y + 17} textAnchor="end" className="chart-label">
                    {b.label.length > 26 ? `${b.label.slice(0, 25)}…` : b.label}
                  </text>
                  <rect
                    x={labelWidth}
                    y={y + 3}
                    width={w}
                    height={rowHeight - 8}
                    className="chart-bar"
                  />
                  <text x={labelWidth + w + 6} y={y + 17} className="chart-value">
                    {b.value}
                  </text>
                </g>
              );
            })}
          </svg>
          <table className="visually-hidden">
            <caption>{title}</caption>
            <tbody>
              {bars.map((b) => (
                <tr key={b.label}>
                  <th scope="row">{b.label}</th>
                  <td>{b.value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </figure>
  );
}
