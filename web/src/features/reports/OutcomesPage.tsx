import { useId } from "react";
import { useSearchParams } from "react-router";
import { useQuery } from "@apollo/client/react";
import { graphql } from "../../gql";
import { fiscalYearOf, today as jstToday } from "@tsunagu/calendar";
import { formatCalendarDate, formatFiscalYear, reportMessages as m } from "../../messages";
import { downloadText, outcomeCsv } from "./outcome-csv";
import { OutcomeCharts } from "./OutcomeCharts";
import { MonthlyTable, OutcomeTable } from "./OutcomeTable";
import { fiscalYearFromParam, fiscalYearOptions } from "./outcome-model";

export const OUTCOMES_QUERY = graphql(`
  query Outcomes($fiscalYear: Int!) {
    outcomeSummary(fiscalYear: $fiscalYear) {
      fiscalYear
      asOf
      periodStart
      periodEnd
      matchingCount
      startedCount
      reopenedCount
      settlingRate3Months {
        numerator
        denominator
        rate
      }
      settlingRate6Months {
        numerator
        denominator
        rate
      }
      changeRate {
        numerator
        denominator
        rate
      }
      consentRate {
        numerator
        denominator
        rate
      }
      followUps {
        dueCount
        onTimeCount
        lateCount
        overdueCount
        dueTodayCount
        onTimeRate {
          numerator
          denominator
          rate
        }
      }
      monthly {
        month
        matchingCount
        startedCount
      }
    }
  }
`);

/** 成果: one 年度's figures (`?fy=2025`; this 年度 by default) as a table with definitions, charts and a CSV. */
export function OutcomesPage() {
  const yearId = useId();
  const [params, setParams] = useSearchParams();
  const options = fiscalYearOptions(fiscalYearOf(jstToday()));
  const fiscalYear = fiscalYearFromParam(params.get("fy"), options);
  const { data, loading, error, refetch } = useQuery(OUTCOMES_QUERY, { variables: { fiscalYear } });
  const summary = data?.outcomeSummary.fiscalYear === fiscalYear ? data.outcomeSummary : undefined;
  const today = jstToday();

  return (
    <>
      <h1>{m.pageTitle}</h1>
      <p className="page-lead">{m.pageLead}</p>

      <div className="toolbar">
        <div className="field">
          <label className="field__label" htmlFor={yearId}>{m.fiscalYear}</label>
          <select
            id={yearId}
            className="field__control"
            value={fiscalYear}
            onChange={(e) => setParams(e.target.value === String(options[0]) ? {} : { fy: e.target.value }, { replace: true })}
          >
            {options.map((year) => <option key={year} value={year}>{formatFiscalYear(year)}</option>)}
          </select>
        </div>
        <button
          type="button"
          className="button button--secondary"
          disabled={!summary}
          onClick={() => summary && downloadText(outcomeCsv(summary, today), m.csvFileName(formatFiscalYear(summary.fiscalYear)))}
        >
          {m.downloadCsv}
        </button>
      </div>

      <p className="results__status" role="status">
        {loading && !summary
          ? m.loading
          : summary
            ? `${m.period(formatCalendarDate(summary.periodStart), formatCalendarDate(summary.periodEnd))} ${m.asOf(formatCalendarDate(summary.asOf))}`
            : ""}
      </p>
      {error && !summary && (
        <div className="notice notice--error" role="alert">
          <p>{m.loadError}</p>
          <button type="button" className="button" onClick={() => void refetch().catch(() => {})}>{m.retry}</button>
        </div>
      )}

      {summary && (
        <>
          <OutcomeTable summary={summary} />
          <MonthlyTable summary={summary} today={today} />
          <section className="page-section" aria-labelledby="outcome-charts">
            <h2 id="outcome-charts">{m.charts.title}</h2>
            <p className="section-lead">{m.charts.note}</p>
            <OutcomeCharts summary={summary} today={today} />
          </section>
        </>
      )}
    </>
  );
}
