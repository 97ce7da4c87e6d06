import { useId, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { useQuery } from "@apollo/client/react";
import { fiscalYearOf, today as jstToday } from "@tsunagu/calendar";
import { evaluationMessages as m, formatDateTime, formatFiscalYear, formatFiscalYearJa } from "../../messages";
import { useViewer } from "../../app/viewer";
import { ErrorSummary } from "../../ui/error-summary";
import { FieldErrors, useDescribedBy } from "../../ui/form-fields";
import { fieldMessages, type ParsedError } from "../../ui/graphql-errors";
import { EVALUATION_REPORT_QUERY, INDICATOR_TARGETS_QUERY } from "./evaluation-queries";
import { canWriteEvaluation, parseAmount, targetYearOptions, yearFromParam, type ReportRow } from "./evaluation-model";
import { useCarryTargetsForward, useSetIndicatorTargets } from "./use-evaluation";

type Target = { indicatorId: string; value: number; setAt: string; setByName: string | null };

/**
 * 目標値の設定 (`?fy=2026`): per indicator the 年度's target, last year's for reference and when it was last set;
 * 保存 sends the boxes that changed; 前年度の目標を引き継ぐ fills the indicators that have none, after a confirmation.
 */
export function TargetsPage() {
  const yearId = useId();
  const [params, setParams] = useSearchParams();
  const current = fiscalYearOf(jstToday());
  const options = targetYearOptions(current);
  const fiscalYear = yearFromParam(params.get("fy"), options, current);
  const { viewer } = useViewer();
  const canWrite = canWriteEvaluation(viewer?.role);
  // Here, not in the form: a save reads the targets again, and the form is made anew from what the server kept.
  const [status, setStatus] = useState("");
  // The report gives the indicators (name, unit, 手入力) and last year's target; the targets list, when each was set.
  const report = useQuery(EVALUATION_REPORT_QUERY, { variables: { fiscalYear }, fetchPolicy: "cache-and-network" });
  const targets = useQuery(INDICATOR_TARGETS_QUERY, { variables: { fiscalYear }, fetchPolicy: "cache-and-network" });
  const rows = report.data?.evaluationReport.fiscalYear === fiscalYear ? report.data.evaluationReport.rows : undefined;
  const set = targets.data?.indicatorTargets.every((t) => t.fiscalYear === fiscalYear)
    ? targets.data.indicatorTargets
    : undefined;

  return (
    <>
      <p className="back-link">
        <Link to={`/reports/evaluation${fiscalYear === current ? "" : `?fy=${fiscalYear}`}`}>{m.targets.back}</Link>
      </p>
      <h1>{m.targets.pageTitle}</h1>
      <p className="page-lead">{m.targets.pageLead}</p>
      <div className="toolbar">
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
      </div>
      {!canWrite && viewer && <p className="notice">{m.targets.readOnly}</p>}
      {(report.loading || targets.loading) && !(rows && set) && <p role="status">{m.loading}</p>}
      {(report.error || targets.error) && !(rows && set) && (
        <p className="notice notice--error" role="alert">
          {m.loadError}
        </p>
      )}
      {rows && set && (
        <>
          {canWrite && <CarryForward fiscalYear={fiscalYear} />}
          <TargetsForm
            // A fresh form for each 年度 and after each save (the server's values are what it shows).
            key={`${fiscalYear}:${set.map((t) => `${t.indicatorId}=${t.value}`).join(",")}`}
            fiscalYear={fiscalYear}
            rows={rows}
            targets={set}
            canWrite={canWrite}
            onStatus={setStatus}
          />
        </>
      )}
      <p role="status" className={status ? "notice notice--success" : "visually-hidden"}>
        {status}
      </p>
    </>
  );
}

function CarryForward({ fiscalYear }: { fiscalYear: number }) {
  const [confirming, setConfirming] = useState(false);
  const [status, setStatus] = useState("");
  const [failure, setFailure] = useState<ParsedError | null>(null);
  const [carry, carrying] = useCarryTargetsForward();
  const from = formatFiscalYear(fiscalYear - 1);
  const to = formatFiscalYear(fiscalYear);
  return (
    <div className="carry-forward">
      <button
        type="button"
        className="button button--secondary"
        onClick={() => {
          setStatus("");
          setFailure(null);
          setConfirming(true);
        }}
      >
        {m.targets.carryForward}
      </button>
      {confirming && (
        <section className="confirm-panel" aria-labelledby="carry-confirm">
          <h2 id="carry-confirm">{m.targets.carryConfirmTitle}</h2>
          <p>{m.targets.carryConfirmBody(from, to)}</p>
          <div className="form-actions">
            <button
              type="button"
              className="button"
              disabled={carrying}
              onClick={() => {
                void carry(fiscalYear - 1, fiscalYear).then((result) => {
                  if (result.ok) {
                    setConfirming(false);
                    setStatus(m.targets.carried(result.value.length));
                  } else setFailure(result.error);
                });
              }}
            >
              {m.targets.carryConfirm}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setConfirming(false)}>
              {m.targets.carryCancel}
            </button>
          </div>
          {failure && (
            <p className="notice notice--error" role="alert">
              {failure.message}
            </p>
          )}
        </section>
      )}
      <p role="status" className={status ? "notice notice--success" : "visually-hidden"}>
        {status}
      </p>
    </div>
  );
}

function TargetsForm({
  fiscalYear,
  rows,
  targets,
  canWrite,
  onStatus,
}: {
  fiscalYear: number;
  rows: readonly ReportRow[];
  targets: readonly Target[];
  canWrite: boolean;
  onStatus: (status: string) => void;
}) {
  const byId = new Map(targets.map((t) => [t.indicatorId, t]));
  const initial = Object.fromEntries(
    rows.map((r) => [r.indicatorId, byId.has(r.indicatorId) ? String(byId.get(r.indicatorId)!.value) : ""]),
  );
  const [values, setValues] = useState<Record<string, string>>(initial);
  const [failure, setFailure] = useState<ParsedError | null>(null);
  const [localErrors, setLocalErrors] = useState<Record<string, string[]>>({});
  const [sentIds, setSentIds] = useState<string[]>([]);
  const [save, saving] = useSetIndicatorTargets();

  // The server answers by position in `values` (values.3.value): read back to the indicator sent in that place.
  const errorsOf = (id: string) => {
    if (localErrors[id]) return localErrors[id];
    const index = sentIds.indexOf(id);
    return index < 0 ? [] : fieldMessages(failure, `values.${index}.value`);
  };
  const year = formatFiscalYear(fiscalYear);
  const previous = formatFiscalYear(fiscalYear - 1);

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onStatus("");
        setFailure(null);
        const changed: { indicatorId: string; value: number }[] = [];
        const invalid: Record<string, string[]> = {};
        for (const row of rows) {
          const text = values[row.indicatorId] ?? "";
          if (text === initial[row.indicatorId]) continue;
          const parsed = parseAmount(text);
          if (parsed.kind === "invalid") invalid[row.indicatorId] = [m.targets.notNumber];
          if (parsed.kind === "number") changed.push({ indicatorId: row.indicatorId, value: parsed.value });
        }
        setLocalErrors(invalid);
        if (Object.keys(invalid).length) return;
        if (!changed.length) {
          onStatus(m.targets.nothingChanged);
          return;
        }
        setSentIds(changed.map((c) => c.indicatorId));
        void save({ fiscalYear, values: changed }).then((result) => {
          if (result.ok) onStatus(m.targets.saved(changed.length));
          else setFailure(result.error);
        });
      }}
    >
      {failure && <ErrorSummary>{failure.message}</ErrorSummary>}
      {Object.keys(localErrors).length > 0 && <ErrorSummary>{m.targets.notNumber}</ErrorSummary>}
      <div className="table-scroll">
        <table className="data-table targets-table">
          <caption className="visually-hidden">{m.targets.caption(year)}</caption>
          <thead>
            <tr>
              <th scope="col">{m.targets.columns.indicator}</th>
              <th scope="col">{m.targets.columns.previous(previous)}</th>
              <th scope="col">{m.targets.columns.target(year)}</th>
              <th scope="col">{m.targets.columns.setAt}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <TargetRow
                key={row.indicatorId}
                row={row}
                fiscalYear={fiscalYear}
                target={byId.get(row.indicatorId) ?? null}
                value={values[row.indicatorId] ?? ""}
                onChange={(text) => setValues((v) => ({ ...v, [row.indicatorId]: text }))}
                errors={errorsOf(row.indicatorId)}
                canWrite={canWrite}
              />
            ))}
          </tbody>
        </table>
      </div>
      {canWrite && (
        <button type="submit" className="button" disabled={saving}>
          {saving ? m.targets.saving : m.targets.save}
        </button>
      )}
    </form>
  );
}

function TargetRow({
  row,
  fiscalYear,
  target,
  value,
  onChange,
  errors,
  canWrite,
}: {
  row: ReportRow;
  fiscalYear: number;
  target: Target | null;
  value: string;
  onChange: (text: string) => void;
  errors: string[];
  canWrite: boolean;
}) {
  const { errorId, controlProps } = useDescribedBy(undefined, errors);
  const previous = row.years.find((y) => y.fiscalYear === fiscalYear - 1)?.target ?? null;
  return (
    <tr data-indicator={row.indicatorId}>
      <th scope="row">
        {row.name} <span className="field__hint">({row.unit})</span>
        {row.entered && <span className="tag tag--entered">{m.indicator.entered}</span>}
      </th>
      <td className="data-table__number">{previous === null ? m.targets.notSet : m.value(previous, row.unit)}</td>
      <td>
        {canWrite ? (
          <>
            <input
              {...controlProps}
              className="field__control field__control--number"
              inputMode="decimal"
              aria-label={m.targets.inputLabel(row.name)}
              value={value}
              onChange={(e) => onChange(e.target.value)}
            />
            <FieldErrors id={errorId} messages={errors} />
          </>
        ) : target === null ? (
          m.targets.notSet
        ) : (
          m.value(target.value, row.unit)
        )}
      </td>
      <td>{target ? m.targets.setAt(formatDateTime(target.setAt), target.setByName) : m.targets.notSet}</td>
    </tr>
  );
}
