import { useState } from "react";
import { evaluationMessages as m, formatFiscalYear } from "../../messages";
import { Field } from "../../ui/form-fields";
import { fieldMessages, type ParsedError } from "../../ui/graphql-errors";
import { IndicatorChart } from "./IndicatorChart";
import { parseAmount, type NumberedRow } from "./evaluation-model";
import { useSetIndicatorEnteredValues } from "./use-evaluation";

/** An empty cell: a dash to the eye, words to a screen reader. */
function Empty({ text = m.noneText }: { text?: string }) {
  return (
    <>
      <span aria-hidden="true">{m.none}</span>
      <span className="visually-hidden">{text}</span>
    </>
  );
}

const amount = (value: number | null, unit: string) => (value === null ? <Empty /> : m.value(value, unit));

/** One indicator: its №, name, unit, 分野, definition, the four 年度 as a table and a chart, and its 達成率 now. */
export function IndicatorItem({
  item: { number, row },
  fiscalYear,
  canWrite,
}: {
  item: NumberedRow;
  fiscalYear: number;
  canWrite: boolean;
}) {
  const headingId = `indicator-${row.indicatorId}`;
  const year = formatFiscalYear(fiscalYear);
  return (
    <article className="indicator" aria-labelledby={headingId} data-indicator={row.indicatorId}>
      <header className="indicator__header">
        <h3 id={headingId} className="indicator__title">
          <span className="indicator__number">{m.indicator.number(number)}</span> {row.name}
        </h3>
        <p className="indicator__meta">
          <span>{m.indicator.unit(row.unit)}</span>
          <span className="visually-hidden">{m.indicator.bunya}:</span>
          {row.bunya.map((b) => (
            <span key={b} className="tag">
              {b}
            </span>
          ))}
          {row.entered && <span className="tag tag--entered">{m.indicator.entered}</span>}
        </p>
      </header>
      <p className="indicator__rate">
        {m.indicator.rateNow(year)}:{" "}
        <strong>{row.rate === null ? <Empty text={m.indicator.noRateText} /> : m.rate(row.rate)}</strong>
        {row.bucket && <span className="tag tag--bucket"> {m.buckets[row.bucket]}</span>}
      </p>
      <div className="indicator__body">
        <div className="table-scroll">
          <table className="data-table indicator__table">
            <caption className="visually-hidden">{m.indicator.tableCaption(row.name)}</caption>
            <thead>
              <tr>
                <th scope="col">{m.columns.year}</th>
                <th scope="col">{m.columns.target}</th>
                <th scope="col">{m.columns.actual}</th>
                <th scope="col">{m.columns.rate}</th>
              </tr>
            </thead>
            <tbody>
              {row.years.map((y) => (
                <tr key={y.fiscalYear}>
                  <th scope="row">{formatFiscalYear(y.fiscalYear)}</th>
                  <td className="data-table__number">{amount(y.target, row.unit)}</td>
                  <td className="data-table__number">{amount(y.actual, row.unit)}</td>
                  <td className="data-table__number">
                    {y.rate === null ? <Empty text={m.indicator.noRateText} /> : m.rate(y.rate)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <IndicatorChart name={row.name} years={row.years} />
      </div>
      <details className="indicator__definition">
        <summary>{m.indicator.definition}</summary>
        <p>{row.definition}</p>
        {row.entered && <p>{m.indicator.enteredNote}</p>}
      </details>
      {row.entered && canWrite && (
        <EnteredValueForm
          indicatorId={row.indicatorId}
          name={row.name}
          fiscalYear={fiscalYear}
          current={row.years.find((y) => y.fiscalYear === fiscalYear)?.actual ?? null}
        />
      )}
    </article>
  );
}

/** The hand-entered 実績 of the report's 年度, for those who may write it. */
function EnteredValueForm({
  indicatorId,
  name,
  fiscalYear,
  current,
}: {
  indicatorId: string;
  name: string;
  fiscalYear: number;
  current: number | null;
}) {
  const [text, setText] = useState(current === null ? "" : String(current));
  const [status, setStatus] = useState("");
  const [failure, setFailure] = useState<ParsedError | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const [save, saving] = useSetIndicatorEnteredValues();

  const errors = localError
    ? [localError]
    : [...fieldMessages(failure, "values.0.value"), ...fieldMessages(failure, "fiscalYear")];
  return (
    <form
      className="indicator__entered no-print"
      noValidate
      aria-label={`${name} ${m.enteredValue.label(formatFiscalYear(fiscalYear))}`}
      onSubmit={(e) => {
        e.preventDefault();
        setStatus("");
        setFailure(null);
        setLocalError(null);
        const parsed = parseAmount(text);
        if (parsed.kind !== "number") {
          setLocalError(parsed.kind === "empty" ? m.enteredValue.empty : m.enteredValue.notNumber);
          return;
        }
        void save({ fiscalYear, values: [{ indicatorId, value: parsed.value }] }).then((result) => {
          if (result.ok) setStatus(m.enteredValue.saved);
          else setFailure(result.error);
        });
      }}
    >
      <Field label={m.enteredValue.label(formatFiscalYear(fiscalYear))} errors={errors}>
        {(props) => (
          <input
            {...props}
            className="field__control field__control--number"
            inputMode="decimal"
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        )}
      </Field>
      {failure && !errors.length && (
        <p className="notice notice--error" role="alert">
          {failure.message}
        </p>
      )}
      <button type="submit" className="button button--secondary" disabled={saving}>
        {saving ? m.enteredValue.saving : m.enteredValue.save}
      </button>
      <p role="status" className={status ? "notice notice--success" : "visually-hidden"}>
        {status}
      </p>
    </form>
  );
}
