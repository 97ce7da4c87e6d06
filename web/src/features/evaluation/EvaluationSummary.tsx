import { evaluationMessages as m, formatFiscalYear } from "../../messages";
import { breakdownTables, type Report } from "./evaluation-model";

type BucketRow = Report["byJigyo"][number];
const BUCKET_COLUMNS = [
  ["atLeast100", m.buckets.AT_LEAST_100],
  ["atLeast75", m.buckets.AT_LEAST_75],
  ["atLeast50", m.buckets.AT_LEAST_50],
  ["atLeast25", m.buckets.AT_LEAST_25],
  ["above0", m.buckets.ABOVE_0],
  ["zero", m.buckets.ZERO],
] as const;

function BucketTable({
  id,
  title,
  caption,
  rowHeader,
  rows,
  labelOf,
}: {
  id: string;
  title: string;
  caption: string;
  rowHeader: string;
  rows: readonly BucketRow[];
  labelOf: (row: BucketRow) => string;
}) {
  return (
    <section className="page-section summary-table" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      <div className="table-scroll">
        <table className="data-table">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{rowHeader}</th>
              {BUCKET_COLUMNS.map(([key, label]) => (
                <th key={key} scope="col">
                  {label}
                </th>
              ))}
              <th scope="col">{m.summary.total}</th>
              <th scope="col">{m.summary.noTarget}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key} className={row.key === "TOTAL" ? "data-table__total" : undefined}>
                <th scope="row">{labelOf(row)}</th>
                {BUCKET_COLUMNS.map(([key]) => (
                  <td key={key} className="data-table__number">
                    {m.summary.count(row[key])}
                  </td>
                ))}
                <td className="data-table__number">{m.summary.count(row.total)}</td>
                <td className="data-table__number">{m.summary.count(row.noTarget)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** The 参加支援 funnel as a table (the accessible source) and bars of the same numbers. */
function Funnel({ report }: { report: Report }) {
  const f = report.funnel;
  const steps = [
    { key: "intakes", label: m.funnel.intakes, value: f.intakes, text: m.funnel.count(f.intakes), detail: "" },
    { key: "consents", label: m.funnel.consents, value: f.consents, text: m.funnel.people(f.consents), detail: "" },
    {
      key: "planPersons",
      label: m.funnel.planPersons,
      value: f.planPersons,
      text: m.funnel.people(f.planPersons),
      detail: m.funnel.planDetail(f.newPlanPersons, f.replanPersons),
    },
    {
      key: "supportedPersons",
      label: m.funnel.supportedPersons,
      value: f.supportedPersons,
      text: m.funnel.people(f.supportedPersons),
      detail: m.funnel.supportedDetail(f.carriedOverPersons),
    },
    {
      key: "cooperationOrganizations",
      label: m.funnel.cooperationOrganizations,
      value: f.cooperationOrganizations,
      text: m.funnel.organizations(f.cooperationOrganizations),
      detail: "",
    },
    { key: "matchings", label: m.funnel.matchings, value: f.matchings, text: m.funnel.count(f.matchings), detail: "" },
  ];
  const max = Math.max(1, ...steps.slice(0, 3).map((s) => s.value));
  return (
    <section className="page-section funnel" aria-labelledby="evaluation-funnel">
      <h3 id="evaluation-funnel">{m.funnel.title}</h3>
      <p className="section-lead">{m.funnel.lead}</p>
      <div className="table-scroll">
        <table className="data-table">
          <caption className="visually-hidden">{m.funnel.caption(formatFiscalYear(report.fiscalYear))}</caption>
          <thead>
            <tr>
              <th scope="col">{m.funnel.columns.step}</th>
              <th scope="col">{m.funnel.columns.value}</th>
              <th scope="col">{m.funnel.columns.detail}</th>
            </tr>
          </thead>
          <tbody>
            {steps.map((s) => (
              <tr key={s.key}>
                <th scope="row">{s.label}</th>
                <td className="data-table__number">{s.text}</td>
                <td>{s.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {/* 相談受付 → 同意 → プラン, with the plan bar split into 新規 and 再プラン. */}
      <div className="funnel__bars" aria-hidden="true">
        {steps.slice(0, 3).map((s) => (
          <div key={s.key} className="funnel__bar-row">
            <span className="funnel__bar-label">{s.label}</span>
            <span className="funnel__bar-track">
              {s.key === "planPersons" ? (
                <>
                  <span className="funnel__bar" style={{ width: `${(f.newPlanPersons / max) * 100}%` }} />
                  <span
                    className="funnel__bar funnel__bar--replan"
                    style={{ width: `${(f.replanPersons / max) * 100}%` }}
                  />
                </>
              ) : (
                <span className="funnel__bar" style={{ width: `${(s.value / max) * 100}%` }} />
              )}
            </span>
            <span className="funnel__bar-value">{s.text}</span>
          </div>
        ))}
      </div>
    </section>
  );
}

function Breakdowns({ report, areaNames }: { report: Report; areaNames: ReadonlyMap<string, string> }) {
  const tables = breakdownTables(report.rows, areaNames);
  const year = formatFiscalYear(report.fiscalYear);
  return (
    <section className="page-section" aria-labelledby="evaluation-breakdowns">
      <h3 id="evaluation-breakdowns">{m.breakdowns.title}</h3>
      <p className="section-lead">{m.breakdowns.lead}</p>
      {tables.length === 0 && <p>{m.breakdowns.none}</p>}
      {tables.map(({ axis, lines }) => (
        <div key={axis} className="breakdown">
          <h4 id={`breakdown-${axis}`}>{m.breakdowns.axes[axis]}</h4>
          <div className="table-scroll">
            <table className="data-table">
              <caption className="visually-hidden">{m.breakdowns.caption(m.breakdowns.axes[axis], year)}</caption>
              <thead>
                <tr>
                  <th scope="col">{m.breakdowns.columns.indicator}</th>
                  <th scope="col">{m.breakdowns.columns.key}</th>
                  <th scope="col">{m.breakdowns.columns.value}</th>
                </tr>
              </thead>
              <tbody>
                {lines.map((line) => (
                  <tr key={`${line.indicatorId}:${line.key}`}>
                    <td>{line.indicator}</td>
                    <th scope="row">{line.label}</th>
                    <td className="data-table__number">{m.value(line.value, line.unit)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      ))}
    </section>
  );
}

/** 達成状況のまとめ: the bucket tables by 事業 and by 分野, the 参加支援 funnel and the breakdowns. */
export function EvaluationSummary({ report, areaNames }: { report: Report; areaNames: ReadonlyMap<string, string> }) {
  const year = formatFiscalYear(report.fiscalYear);
  return (
    <section className="evaluation-section evaluation-summary" aria-labelledby="evaluation-summary">
      <h2 id="evaluation-summary">{m.summary.title}</h2>
      <p className="section-lead">{m.summary.lead}</p>
      <BucketTable
        id="evaluation-by-jigyo"
        title={m.summary.byJigyo}
        caption={m.summary.byJigyoCaption(year)}
        rowHeader={m.summary.rowHeader.jigyo}
        rows={report.byJigyo}
        labelOf={(row) => (row.key === "TOTAL" ? m.summary.totalRow : (m.jigyo[Number(row.key)] ?? row.label))}
      />
      <BucketTable
        id="evaluation-by-bunya"
        title={m.summary.byBunya}
        caption={m.summary.byBunyaCaption(year)}
        rowHeader={m.summary.rowHeader.bunya}
        rows={report.byBunya}
        labelOf={(row) => (row.key === "TOTAL" ? m.summary.totalRow : row.label)}
      />
      <Funnel report={report} />
      <Breakdowns report={report} areaNames={areaNames} />
    </section>
  );
}
