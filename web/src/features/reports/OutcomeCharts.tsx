import type { ReactElement } from "react";
import { Bar, BarChart, CartesianGrid, Cell, LabelList, Legend, ResponsiveContainer, XAxis, YAxis } from "recharts";
import { reportMessages as m } from "../../messages";
import { followUpCounts, monthlyCounts, outcomeFigures, type OutcomeSummaryData } from "./outcome-model";

// Colours from the page's palette (styles.css), written out: SVG presentation attributes do not read CSS variables
// reliably. Each has at least 3:1 contrast against white, and every bar is labelled with its value.
const ACCENT = "#0b5e6b";
const STARTED = "#1d5a2c";
const TEXT = "#1f2328";
const TICK = { fill: TEXT, fontSize: 13 };
const FOLLOW_UP_COLOURS: Record<string, string> = {
  dueCount: "#4a5058", onTimeCount: "#1d5a2c", lateCount: "#c77700", overdueCount: "#8a1c1c", dueTodayCount: "#1f4e8c",
};

/**
 * The tables' figures again as bars: matchings and starts month by month, counts, rates (%) and the follow-up
 * states. The charts repeat the tables beside them, so they are hidden from assistive technology (the tables are the
 * accessible form) and each one is described by its caption.
 */
export function OutcomeCharts({ summary, today }: { summary: OutcomeSummaryData; today: string }) {
  const figures = outcomeFigures(summary);
  const counts = figures.flatMap((f) => (f.kind === "count" ? [{ name: f.label, value: f.value }] : []));
  const rates = figures.flatMap((f) =>
    f.kind === "ratio" && f.rate !== null ? [{ name: f.label, value: Number(m.percentNumber(f.rate)) }] : [],
  );
  const followUps = followUpCounts(summary).map((c) => ({ key: c.key, name: c.label, value: c.value }));

  // A month not reached yet has no bar (null), not a zero-height one.
  const months = monthlyCounts(summary, today).map((row) => ({
    name: m.monthLabel(row.month), matching: row.matchingCount, started: row.startedCount,
  }));
  const monthlyChart = (
    <BarChart data={months} margin={{ top: 24, right: 16, bottom: 8, left: 0 }} accessibilityLayer={false}>
      <CartesianGrid strokeDasharray="3 3" vertical={false} />
      <XAxis dataKey="name" tick={TICK} interval={0} />
      <YAxis allowDecimals={false} tick={TICK} />
      <Legend wrapperStyle={{ color: TEXT }} />
      <Bar dataKey="matching" name={m.monthlyColumns.matching} fill={ACCENT} isAnimationActive={false} />
      <Bar dataKey="started" name={m.monthlyColumns.started} fill={STARTED} isAnimationActive={false} />
    </BarChart>
  );
  const countChart = (
    <BarChart data={counts} margin={{ top: 24, right: 16, bottom: 8, left: 0 }} accessibilityLayer={false}>
      <CartesianGrid strokeDasharray="3 3" vertical={false} />
      <XAxis dataKey="name" tick={TICK} interval={0} />
      <YAxis allowDecimals={false} tick={TICK} />
      <Bar dataKey="value" fill={ACCENT} isAnimationActive={false}>
        <LabelList dataKey="value" position="top" fill={TEXT} />
      </Bar>
    </BarChart>
  );
  const rateChart = rates.length ? (
    <BarChart data={rates} layout="vertical" margin={{ top: 8, right: 56, bottom: 8, left: 8 }} accessibilityLayer={false}>
      <CartesianGrid strokeDasharray="3 3" horizontal={false} />
      <XAxis type="number" domain={[0, (max: number) => Math.max(100, Math.ceil(max / 10) * 10)]} tick={TICK} unit="%" />
      <YAxis type="category" dataKey="name" width={200} tick={TICK} />
      <Bar dataKey="value" fill={ACCENT} isAnimationActive={false}>
        <LabelList dataKey="value" position="right" fill={TEXT} formatter={(v) => `${Number(v).toFixed(1)}%`} />
      </Bar>
    </BarChart>
  ) : null;
  // Horizontal bars: the four labels are too long to sit side by side under vertical ones.
  const followUpChart = (
    <BarChart data={followUps} layout="vertical" margin={{ top: 8, right: 40, bottom: 8, left: 8 }} accessibilityLayer={false}>
      <CartesianGrid strokeDasharray="3 3" horizontal={false} />
      <XAxis type="number" allowDecimals={false} tick={TICK} />
      <YAxis type="category" dataKey="name" width={150} tick={TICK} />
      <Bar dataKey="value" isAnimationActive={false}>
        {followUps.map((d) => <Cell key={d.key} fill={FOLLOW_UP_COLOURS[d.key]} />)}
        <LabelList dataKey="value" position="right" fill={TEXT} />
      </Bar>
    </BarChart>
  );

  return (
    <div className="charts">
      <ChartFigure caption={m.charts.monthly} chart={monthlyChart} />
      <ChartFigure caption={m.charts.counts} chart={countChart} />
      <ChartFigure caption={m.charts.rates} chart={rateChart} empty={m.charts.ratesNone} />
      <ChartFigure caption={m.charts.followUps} chart={followUpChart} />
    </div>
  );
}

function ChartFigure({ caption, chart, empty }: { caption: string; chart: ReactElement | null; empty?: string }) {
  return (
    <figure className="chart">
      <figcaption className="chart__caption">{caption}</figcaption>
      {chart ? (
        <div className="chart__plot" aria-hidden="true">
          <ResponsiveContainer width="100%" height={260}>{chart}</ResponsiveContainer>
        </div>
      ) : (
        <p className="chart__empty">{empty}</p>
      )}
    </figure>
  );
}
