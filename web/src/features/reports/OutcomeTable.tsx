import { formatFiscalYear, reportMessages as m } from "../../messages";
import { followUpCounts, monthlyCounts, outcomeFigures, type Figure, type OutcomeSummaryData } from "./outcome-model";

function valueText(f: Figure): string {
  if (f.kind === "count") return m.count(f.value);
  return f.rate === null ? m.noDenominator : m.percent(f.rate);
}

/** The figures with their numerator, denominator and a one-line definition; then the follow-up counts. */
export function OutcomeTable({ summary }: { summary: OutcomeSummaryData }) {
  return (
    <>
      <section className="page-section" aria-labelledby="outcome-figures">
        <h2 id="outcome-figures">{m.figuresTitle}</h2>
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">{m.figuresCaption(formatFiscalYear(summary.fiscalYear))}</caption>
            <thead>
              <tr>
                <th scope="col">{m.columns.figure}</th>
                <th scope="col">{m.columns.value}</th>
                <th scope="col">{m.columns.definition}</th>
              </tr>
            </thead>
            <tbody>
              {outcomeFigures(summary).map((f) => (
                <tr key={f.key}>
                  <th scope="row">{f.label}</th>
                  <td className="data-table__number">
                    {valueText(f)}
                    {f.kind === "ratio" && <span className="data-table__detail"> {m.ratioDetail(f.numerator, f.denominator)}</span>}
                  </td>
                  <td className="data-table__definition">{f.definition}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section className="page-section" aria-labelledby="outcome-follow-ups">
        <h2 id="outcome-follow-ups">{m.followUps.title}</h2>
        <p className="section-lead">{m.followUps.caption}</p>
        <dl className="stat-list">
          {followUpCounts(summary).map((c) => (
            <div key={c.key} className={`stat${c.key === "overdueCount" && c.value > 0 ? " stat--alert" : ""}`}>
              <dt>{c.label}</dt>
              <dd>{m.count(c.value)}</dd>
            </div>
          ))}
        </dl>
      </section>
    </>
  );
}

/** A month not reached yet: a dash to the eye, words to a screen reader. */
function MonthCount({ value }: { value: number | null }) {
  if (value !== null) return <>{m.count(value)}</>;
  return (
    <>
      <span aria-hidden="true">{m.notReached}</span>
      <span className="visually-hidden">{m.notReachedText}</span>
    </>
  );
}

/** 月別の件数: the accessible form of the monthly chart (April to March); months not reached yet are left empty. */
export function MonthlyTable({ summary, today }: { summary: OutcomeSummaryData; today: string }) {
  return (
    <section className="page-section" aria-labelledby="outcome-monthly">
      <h2 id="outcome-monthly">{m.monthlyTitle}</h2>
      <div className="table-scroll">
        <table className="data-table">
          <caption className="visually-hidden">{m.monthlyCaption(formatFiscalYear(summary.fiscalYear))}</caption>
          <thead>
            <tr>
              <th scope="col">{m.monthlyColumns.month}</th>
              <th scope="col">{m.monthlyColumns.matching}</th>
              <th scope="col">{m.monthlyColumns.started}</th>
            </tr>
          </thead>
          <tbody>
            {monthlyCounts(summary, today).map((row) => (
              <tr key={row.month}>
                <th scope="row">{m.monthLabel(row.month)}</th>
                <td className="data-table__number"><MonthCount value={row.matchingCount} /></td>
                <td className="data-table__number"><MonthCount value={row.startedCount} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
