import type { ComponentChildren } from 'preact';
import './charts.css';

export interface Bar {
  label: string;
  value: number;
  /** A limit drawn as a tick across the bar (a paper's cap). */
  limit?: number | null;
  /** Draws the bar in the warning colour (a full paper). */
  warn?: boolean;
}

const WIDTH = 320;
const ROW = 40;
const BAR = 14;

/** Long labels are cut in the picture only; the table next to it has them whole. */
const cut = (text: string, max = 44) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * Horizontal bars, each with its label above it, so the picture keeps a readable size from 360 px
 * up (the SVG scales to its box; labels beside the bars would shrink to nothing on a phone). The
 * SVG is one image with a summary for screen readers; `table` gives the same numbers as a table,
 * which the caller renders (the chart only lays it out under a disclosure).
 */
export const BarChart = ({
  bars,
  summary,
  valueText,
  table,
  tableLabel,
}: {
  bars: Bar[];
  /** What the picture shows, in one sentence (the image's accessible name). */
  summary: string;
  valueText: (bar: Bar) => string;
  table: ComponentChildren;
  /** The disclosure's label, e.g. "Show as a table". */
  tableLabel: string;
}) => {
  const max = Math.max(1, ...bars.map((b) => Math.max(b.value, b.limit ?? 0)));
  const scale = (v: number) => (v / max) * (WIDTH - 60);
  const height = Math.max(ROW, bars.length * ROW);
  return (
    <figure class="chart chart-bars">
      <svg
        role="img"
        aria-label={summary}
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        preserveAspectRatio="xMinYMin meet"
      >
        {bars.map((b, i) => {
          const y = i * ROW;
          return (
            <g key={b.label + i} aria-hidden="true">
              <text x="0" y={y + 13} class="chart-label">
                {cut(b.label)}
              </text>
              <rect x="0" y={y + 18} width={WIDTH - 60} height={BAR} class="chart-track" />
              <rect
                x="0"
                y={y + 18}
                width={Math.max(b.value ? 2 : 0, scale(b.value))}
                height={BAR}
                class={b.warn ? 'chart-bar warn' : 'chart-bar'}
              />
              {b.limit != null && (
                <line x1={scale(b.limit)} x2={scale(b.limit)} y1={y + 15} y2={y + 35} class="chart-limit" />
              )}
              <text x={WIDTH - 54} y={y + 30} class="chart-value">
                {valueText(b)}
              </text>
            </g>
          );
        })}
      </svg>
      <details class="chart-data">
        <summary>{tableLabel}</summary>
        {table}
      </details>
    </figure>
  );
};
