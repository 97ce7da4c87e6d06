import { useId } from "react";
import { Link, useSearchParams } from "react-router";
import { useQuery } from "@apollo/client/react";
import { fiscalYearOf, today as jstToday } from "@tsunagu/calendar";
import { evaluationMessages as m, formatFiscalYearJa } from "../../messages";
import { useViewer } from "../../app/viewer";
import { useAreas } from "../resources/use-areas";
import { EVALUATION_REPORT_QUERY } from "./evaluation-queries";
import { canWriteEvaluation, reportYearOptions, sectionsOf, yearFromParam } from "./evaluation-model";
import { EvaluationSummary } from "./EvaluationSummary";
import { IndicatorItem } from "./IndicatorItem";
import { NarrativeBlock } from "./NarrativeForm";

/**
 * 実施状況報告 (`?fy=2025`; this 年度 by default): one section per 事業 with every indicator's target, actual and
 * 達成率 over four 年度, the two narratives, then the summary tables. Prints on A4, one 事業 per page.
 */
export function EvaluationReportPage() {
  const yearId = useId();
  const [params, setParams] = useSearchParams();
  const current = fiscalYearOf(jstToday());
  const options = reportYearOptions(current);
  const fiscalYear = yearFromParam(params.get("fy"), options, current);
  const { viewer } = useViewer();
  const canWrite = canWriteEvaluation(viewer?.role);
  const { names: areaNames } = useAreas();
  // Targets are set on their own screen: coming back, the report is read again (達成率 follow them).
  const { data, loading, error, refetch } = useQuery(EVALUATION_REPORT_QUERY, {
    variables: { fiscalYear },
    fetchPolicy: "cache-and-network",
  });
  const report = data?.evaluationReport.fiscalYear === fiscalYear ? data.evaluationReport : undefined;

  return (
    <div className="evaluation-report">
      <h1>{m.pageTitle}</h1>
      <p className="page-lead">{m.pageLead}</p>

      <div className="toolbar no-print">
        <div className="field">
          <label className="field__label" htmlFor={yearId}>
            {m.fiscalYear}
          </label>
          <select
            id={yearId}
            className="field__control"
            value={fiscalYear}
            onChange={(e) =>
              setParams(Number(e.target.value) === current ? {} : { fy: e.target.value }, { replace: true })
            }
          >
            {options.map((year) => (
              <option key={year} value={year}>
                {formatFiscalYearJa(year)}
              </option>
            ))}
          </select>
        </div>
        <button type="button" className="button button--secondary" onClick={() => window.print()}>
          {m.print}
        </button>
        {/* Files made by the server from the same report (behind the session cookie, like the page). */}
        <a
          className="button button--secondary"
          href={`/export/evaluation-report.xlsx?fiscalYear=${fiscalYear}`}
          download
        >
          {m.exportXlsx}
        </a>
        <a
          className="button button--secondary"
          href={`/export/evaluation-report.csv?fiscalYear=${fiscalYear}`}
          download
        >
          {m.exportCsv}
        </a>
        <Link className="button button--secondary" to={`/reports/evaluation/targets?fy=${fiscalYear}`}>
          {m.targetsLink}
        </Link>
      </div>
      <p className="evaluation-report__year">{formatFiscalYearJa(fiscalYear)}</p>
      {!canWrite && viewer && <p className="notice no-print">{m.readOnly}</p>}

      <p className="results__status no-print" role="status">
        {loading && !report ? m.loading : ""}
      </p>
      {error && !report && (
        <div className="notice notice--error" role="alert">
          <p>{m.loadError}</p>
          <button type="button" className="button" onClick={() => void refetch().catch(() => {})}>
            {m.retry}
          </button>
        </div>
      )}

      {report &&
        sectionsOf(report).map((section) => (
          <section
            key={section.jigyo}
            className="evaluation-section"
            aria-labelledby={`jigyo-${section.jigyo}`}
            data-jigyo={section.jigyo}
          >
            <h2 id={`jigyo-${section.jigyo}`}>{m.jigyo[section.jigyo]}</h2>
            {section.rows.length === 0 && <p>{m.noIndicators}</p>}
            {section.rows.map((item) => (
              <IndicatorItem key={item.row.indicatorId} item={item} fiscalYear={fiscalYear} canWrite={canWrite} />
            ))}
            <NarrativeBlock
              jigyo={section.jigyo}
              fiscalYear={fiscalYear}
              narrative={section.narrative}
              canWrite={canWrite}
            />
          </section>
        ))}
      {report && <EvaluationSummary report={report} areaNames={areaNames} />}
    </div>
  );
}
