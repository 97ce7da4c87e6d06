import { useState, type FormEvent } from "react";
import { useQuery } from "@apollo/client/react";
import { graphql } from "../../gql";
import type { ImportOptionsInput } from "../../gql/graphql";
import { catalogImportMessages as t } from "../../messages";
import { Field } from "../../ui/form-fields";
import { parseGraphQLError } from "../../ui/graphql-errors";
import { ImportProgress } from "./ImportProgress";
import { reportUrl, uploadCatalogFile } from "./upload-file";
import { useImportResources } from "./use-import-resources";

export const CATALOG_IMPORT_PREVIEW_QUERY = graphql(`
  query CatalogImportPreview($id: ID!, $options: ImportOptionsInput) {
    catalogImport(id: $id) {
      id
      fileName
      preview(options: $options, first: 200) {
        layout
        encoding
        sheet
        sheets
        counts {
          total
          create
          update
          unchanged
          conflict
          rejected
          duplicate
          repairs
          needsReview
          disappeared
        }
        lineCount
        lines {
          rowNumber
          action
          column
          before
          after
          reason
        }
        disappeared {
          resourceId
          name
          sourceId
        }
      }
    }
  }
`);

const COUNT_KEYS = [
  "total",
  "create",
  "update",
  "unchanged",
  "conflict",
  "rejected",
  "duplicate",
  "repairs",
  "needsReview",
  "disappeared",
] as const;

/** The source facts typed in the form; blank ones are left to the file. */
function optionsOf(form: Record<string, string>): ImportOptionsInput {
  const out: ImportOptionsInput = {};
  for (const key of ["publisher", "dataset", "licence", "fileDate", "sheet"] as const) {
    const v = form[key]?.trim();
    if (v) out[key] = v;
  }
  return out;
}

/** 資源の取り込み (ADMIN, COORDINATOR): choose a file → check the preview → 取り込む, with progress → the result. */
export function CatalogImportPage() {
  const [form, setForm] = useState<Record<string, string>>({});
  const [file, setFile] = useState<File | null>(null);
  const [importId, setImportId] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [overwriteEdited, setOverwriteEdited] = useState(false);
  const [archiveDisappeared, setArchiveDisappeared] = useState(false);
  const options = optionsOf(form);
  const preview = useQuery(CATALOG_IMPORT_PREVIEW_QUERY, {
    variables: { id: importId ?? "", options },
    skip: !importId,
    fetchPolicy: "network-only",
  });
  const [start, started] = useImportResources();

  const set = (key: string) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });

  const upload = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setUploading(true);
    setUploadError(null);
    const res = await uploadCatalogFile(file);
    setUploading(false);
    if ("error" in res) setUploadError(res.error);
    else setImportId(res.id);
  };

  const reset = () => {
    setImportId(null);
    setFile(null);
    started.reset();
  };

  const p = preview.data?.catalogImport.preview;
  const running = started.data?.importResources.catalogImport;
  const startError = started.error ? parseGraphQLError(started.error) : null;
  const previewError = preview.error ? parseGraphQLError(preview.error) : null;

  return (
    <>
      <h1>{t.pageTitle}</h1>
      <p className="page-lead">{t.pageLead}</p>

      {!importId && (
        <form className="page-section" onSubmit={(e) => void upload(e)}>
          <Field label={t.fileLabel} hint={t.fileHint} required>
            {(props) => (
              <input
                {...props}
                type="file"
                accept=".csv,.xlsx,.json,text/csv"
                onChange={(e) => setFile(e.target.files?.[0] ?? null)}
              />
            )}
          </Field>
          <fieldset>
            <legend>{t.sourceLegend}</legend>
            {(["publisher", "dataset", "licence"] as const).map((key) => (
              <Field key={key} label={t[key]} hint={t[`${key}Hint`]}>
                {(props) => <input {...props} type="text" value={form[key] ?? ""} onChange={set(key)} />}
              </Field>
            ))}
            <Field label={t.fileDate}>
              {(props) => <input {...props} type="date" value={form.fileDate ?? ""} onChange={set("fileDate")} />}
            </Field>
          </fieldset>
          {uploadError && (
            <p className="notice notice--error" role="alert">
              {uploadError}
            </p>
          )}
          <button type="submit" className="button" disabled={!file || uploading}>
            {uploading ? t.uploading : t.upload}
          </button>
        </form>
      )}

      {importId && !p && !previewError && <p role="status">{t.previewLoading}</p>}
      {previewError && (
        <div className="notice notice--error" role="alert">
          <p>{previewError.message}</p>
          {Object.values(previewError.fieldErrors)
            .flat()
            .map((m) => (
              <p key={m}>{m}</p>
            ))}
          <button type="button" className="button button--secondary" onClick={reset}>
            {t.chooseAnother}
          </button>
        </div>
      )}

      {importId && p && (
        <section className="page-section" aria-labelledby="import-preview-title">
          <h2 id="import-preview-title">{t.previewTitle}</h2>
          <p>{t.fileSummary(preview.data!.catalogImport.fileName, p.layout, p.encoding)}</p>
          {p.sheets.length > 1 && (
            <Field label={t.sheet}>
              {(props) => (
                <select {...props} value={form.sheet ?? p.sheet ?? ""} onChange={set("sheet")} disabled={!!running}>
                  {p.sheets.map((s) => (
                    <option key={s}>{s}</option>
                  ))}
                </select>
              )}
            </Field>
          )}
          <table className="data-table">
            <caption>{t.countsTitle}</caption>
            <tbody>
              {COUNT_KEYS.map((key) => (
                <tr key={key}>
                  <th scope="row">{t.counts[key]}</th>
                  <td>{p.counts[key]}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>
            <a href={reportUrl(importId, options)} download>
              {t.report}
            </a>
          </p>

          <h3>{t.linesTitle}</h3>
          <p>{p.lineCount ? t.linesShown(p.lines.length, p.lineCount) : t.noLines}</p>
          {p.lines.length > 0 && (
            <table className="data-table">
              <thead>
                <tr>
                  {(["row", "action", "column", "before", "after", "reason"] as const).map((c) => (
                    <th key={c} scope="col">
                      {t.columns[c]}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {p.lines.map((l, i) => (
                  <tr key={i}>
                    <td>{l.rowNumber ?? ""}</td>
                    <td>{t.actions[l.action] ?? l.action}</td>
                    <td>{l.column}</td>
                    <td>{l.before}</td>
                    <td>{l.after}</td>
                    <td>{l.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}

          {p.disappeared.length > 0 && (
            <>
              <h3>{t.disappearedTitle}</h3>
              <p>{t.disappearedLead}</p>
              <ul>
                {p.disappeared.map((d) => (
                  <li key={d.resourceId}>
                    {d.name} ({d.sourceId})
                  </li>
                ))}
              </ul>
              <label>
                <input
                  type="checkbox"
                  checked={archiveDisappeared}
                  onChange={(e) => setArchiveDisappeared(e.target.checked)}
                  disabled={!!running}
                />
                {t.archiveDisappeared}
              </label>
            </>
          )}
          {p.counts.conflict > 0 && (
            <>
              <p>{t.conflictLead(p.counts.conflict)}</p>
              <label>
                <input
                  type="checkbox"
                  checked={overwriteEdited}
                  onChange={(e) => setOverwriteEdited(e.target.checked)}
                  disabled={!!running}
                />
                {t.overwriteEdited}
              </label>
            </>
          )}

          {startError && (
            <p className="notice notice--error" role="alert">
              {startError.message}
            </p>
          )}
          {!running && (
            <p>
              <button
                type="button"
                className="button"
                disabled={started.loading}
                onClick={() =>
                  void start({
                    variables: { input: { importId, ...options, overwriteEdited, archiveDisappeared } },
                  }).catch(() => undefined)
                }
              >
                {started.loading ? t.starting : t.start}
              </button>{" "}
              <button type="button" className="button button--secondary" onClick={reset}>
                {t.chooseAnother}
              </button>
            </p>
          )}
          {running && <ImportProgress id={importId} initial={running} />}
        </section>
      )}
    </>
  );
}
