import { useId } from "react";
import { evaluationMessages as m } from "../../messages";
import { chartMax } from "./evaluation-model";

const WIDTH = 260;
const HEIGHT = 130;
const TOP = 8;
const BOTTOM = 22;
const PLOT = HEIGHT - TOP - BOTTOM;

interface ChartYear {
  fiscalYear: number;
  target: number | null;
  actual: number | null;
}

/**
 * 4年度の実績 (bars) and 目標 (a thick line across each bar's slot), drawn by the app as inline SVG (nothing loaded
 * from elsewhere). Hatched bars and a solid target line read on a black-and-white print too. Hidden from assistive
 * technology: the table beside it holds the same numbers and is the accessible form.
 */
export function IndicatorChart({ name, years }: { name: string; years: readonly ChartYear[] }) {
  const patternId = `${useId()}-hatch`;
  const max = chartMax(years);
  const slot = WIDTH / Math.max(1, years.length);
  const barWidth = slot * 0.5;
  const y = (value: number) => TOP + PLOT - (value / max) * PLOT;

  return (
    <figure className="indicator-chart" aria-hidden="true">
      <svg
        width={WIDTH}
        height={HEIGHT}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        focusable="false"
        data-chart={name}
        className="indicator-chart__svg"
      >
        <defs>
          <pattern id={patternId} patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
            <rect width="6" height="6" className="indicator-chart__bar-fill" />
            <line x1="0" y1="0" x2="0" y2="6" className="indicator-chart__hatch" />
          </pattern>
        </defs>
        <line x1="0" x2={WIDTH} y1={TOP + PLOT} y2={TOP + PLOT} className="indicator-chart__axis" />
        {years.map((year, i) => {
          const x = i * slot + (slot - barWidth) / 2;
          return (
            <g key={year.fiscalYear} data-year={year.fiscalYear}>
              {year.actual !== null && (
                <rect
                  x={x}
                  y={y(year.actual)}
                  width={barWidth}
                  height={TOP + PLOT - y(year.actual)}
                  fill={`url(#${patternId})`}
                  className="indicator-chart__bar"
                  data-value={year.actual}
                />
              )}
              {year.target !== null && (
                <line
                  x1={i * slot + slot * 0.1}
                  x2={i * slot + slot * 0.9}
                  y1={y(year.target)}
                  y2={y(year.target)}
                  className="indicator-chart__target"
                  data-value={year.target}
                />
              )}
              <text x={i * slot + slot / 2} y={HEIGHT - 6} textAnchor="middle" className="indicator-chart__label">
                {year.fiscalYear}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="indicator-chart__legend">
        <span className="indicator-chart__key indicator-chart__key--actual">{m.indicator.legendActual}</span>
        <span className="indicator-chart__key indicator-chart__key--target">{m.indicator.legendTarget}</span>
      </figcaption>
    </figure>
  );
}
