import { useEffect } from "react";
import { useQuery } from "@apollo/client/react";
import { graphql, useFragment, type FragmentType } from "../../gql";
import { catalogImportMessages as t } from "../../messages";

export const IMPORT_PROGRESS_FRAGMENT = graphql(`
  fragment ImportProgress_catalogImport on CatalogImport {
    id
    state
    error
    progress {
      done
      total
    }
    result {
      created
      updated
      unchanged
      overwritten
      conflictsKept
      archived
      changedSincePreview {
        rowNumber
        column
        after
        reason
      }
    }
  }
`);

export const IMPORT_PROGRESS_QUERY = graphql(`
  query ImportProgress($id: ID!) {
    catalogImport(id: $id) {
      ...ImportProgress_catalogImport
    }
  }
`);

const POLL_MS = 500;

/** The running import: a progress bar, polled until it is done; then what it did. */
export function ImportProgress({
  id,
  initial,
}: {
  id: string;
  initial: FragmentType<typeof IMPORT_PROGRESS_FRAGMENT>;
}) {
  const first = useFragment(IMPORT_PROGRESS_FRAGMENT, initial);
  const running = first.state === "RUNNING";
  const query = useQuery(IMPORT_PROGRESS_QUERY, { variables: { id }, pollInterval: running ? POLL_MS : 0 });
  const current = useFragment(IMPORT_PROGRESS_FRAGMENT, query.data?.catalogImport) ?? first;
  const { stopPolling } = query;
  useEffect(() => {
    if (current.state !== "RUNNING") stopPolling();
  }, [current.state, stopPolling]);

  if (current.state === "DONE" && current.result) {
    return (
      <div className="notice notice--success" role="status">
        <h2>{t.doneTitle}</h2>
        <p>{t.result(current.result)}</p>
        {current.result.changedSincePreview.length > 0 && (
          <>
            <h3>{t.changedSincePreviewTitle}</h3>
            <ul>
              {current.result.changedSincePreview.map((l) => (
                <li key={l.rowNumber ?? l.after}>
                  {t.changedSincePreviewLine(l.rowNumber, l.after, l.column)} {l.reason}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    );
  }
  if (current.state === "FAILED") {
    return (
      <div className="notice notice--error" role="alert">
        <h2>{t.failedTitle}</h2>
        <p>{current.error}</p>
      </div>
    );
  }
  const done = current.progress?.done ?? 0;
  const total = Math.max(current.progress?.total ?? 1, 1);
  return (
    <div role="status">
      <label>
        {t.progressLabel}
        <progress max={total} value={done} aria-valuetext={t.progress(done, total)} />
      </label>
      <p>{t.progress(done, total)}</p>
    </div>
  );
}
