import type { ComponentChildren } from 'preact';
import './charts.css';

export interface Column {
  /** Short axis label (a day). */
  label: string;
  /** One value per series, stacked from the bottom. */
  values: number[];
}

export interface Series {
  name: string;
  /** chart-s0, chart-s1 …: colours from charts.css. */
  className: string;
}

const WIDTH = 320;
const HEIGHT = 150;
const AXIS = 18;
const TOP = 14;

/**
 * Stacked columns (e.g. submissions per day, on time and late). Only the first, middle and last
 * columns are labelled: enough to read the span on a phone; the table has every column.
 */
export const ColumnChart = ({
  columns,
  series,
  summary,
  table,
  tableLabel,
}: {
  columns: Column[];
  series: Series[];
  summary: string;
  table: ComponentChildren;
  tableLabel: string;
}) => {
  const totals = columns.map((c) => c.values.reduce((a, b) => a + b, 0));
  const max = Math.max(1, ...totals);
  const plot = HEIGHT - AXIS - TOP;
  const step = WIDTH / Math.max(1, columns.length);
  const barWidth = Math.max(1, step * 0.7);
  const labelled = new Set([0, Math.floor((columns.length - 1) / 2), columns.length - 1]);
  return (
    <figure class="chart">
      <svg
        role="img"
        aria-label={summary}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        preserveAspectRatio="xMinYMin meet"
      >
        <g aria-hidden="true">
          <text x="0" y="10" class="chart-value">
            {max}
          </text>
          <line x1="0" x2={WIDTH} y1={TOP} y2={TOP} class="chart-grid" />
          <line x1="0" x2={WIDTH} y1={TOP + plot} y2={TOP + plot} class="chart-axis" />
          {columns.map((c, i) => {
            let y = TOP + plot;
            const x = i * step + (step - barWidth) / 2;
            return (
              <g key={c.label + i}>
                {c.values.map((v, s) => {
                  const h = (v / max) * plot;
                  y -= h;
                  return v ? (
                    <rect
                      key={s}
                      x={x}
                      y={y}
                      width={barWidth}
                      height={h}
                      class={`chart-bar ${series[s]?.className ?? ''}`}
                    />
                  ) : null;
                })}
                {labelled.has(i) && (
                  <text
                    x={Math.min(Math.max(x + barWidth / 2, 20), WIDTH - 20)}
                    y={HEIGHT - 4}
                    text-anchor="middle"
                    class="chart-label"
                  >
                    {c.label}
                  </text>
                )}
              </g>
            );
          })}
        </g>
      </svg>
      {series.length > 1 && (
        <ul class="chart-legend" aria-hidden="true">
          {series.map((s) => (
            <li key={s.name}>
              <span class={`chart-swatch ${s.className}`} />
              {s.name}
            </li>
          ))}
        </ul>
      )}
      <details class="chart-data">
        <summary>{tableLabel}</summary>
        {table}
      </details>
    </figure>
  );
};
