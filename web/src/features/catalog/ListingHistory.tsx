import { useMemo } from "react";
import { useQuery } from "@apollo/client/react";
import { graphql } from "../../gql";
import { catalogMessages, commonMessages, formatDateTime } from "../../messages";
import { useAreas } from "../resources/use-areas";
import { fieldLabel, formatHistoryValue } from "./history-format";
import { useOrganizationChoices } from "./OrganizationPicker";

const LISTING_HISTORY = graphql(`
  query ListingHistory($id: ID!) {
    resource(id: $id) {
      id
      changeHistory {
        id
        kind
        changedAt
        actorName
        importedFrom
        changes {
          field
          before
          after
        }
      }
    }
  }
`);

const h = catalogMessages.history;

/** 変更履歴: who changed the listing, when, and each field from what to what (newest first). Staff only. */
export function ListingHistory({ resourceId }: { resourceId: string }) {
  // Fresh on every visit: the page is often reopened right after an edit, whose entry the cache cannot know of.
  const { data, loading, error } = useQuery(LISTING_HISTORY, {
    variables: { id: resourceId },
    fetchPolicy: "cache-and-network",
  });
  const { names: areaNames } = useAreas();
  const organizations = useOrganizationChoices("");
  const names = useMemo(
    () => new Map([...areaNames, ...organizations.map((o) => [o.id, o.name] as const)]),
    [areaNames, organizations],
  );
  const entries = data?.resource.changeHistory ?? [];
  return (
    <section className="page-section listing-history" aria-labelledby="listing-history-heading">
      <h3 id="listing-history-heading">{h.heading}</h3>
      {loading && !data && <p role="status">{commonMessages.loading}</p>}
      {error && !data && (
        <p className="notice notice--error" role="alert">
          {commonMessages.loadError}
        </p>
      )}
      {data && entries.length === 0 && <p>{h.none}</p>}
      {entries.length > 0 && (
        <ol className="listing-history__list">
          {entries.map((entry) => (
            <li key={entry.id} className="listing-history__entry">
              <p>
                <time dateTime={entry.changedAt}>{formatDateTime(entry.changedAt)}</time>{" "}
                <strong>{h.kinds[entry.kind]}</strong> — {entry.actorName ?? h.system}
                {entry.importedFrom && <> ({h.imported(entry.importedFrom)})</>}
              </p>
              {entry.changes.length > 0 && (
                <table className="listing-history__changes">
                  <thead>
                    <tr>
                      <th scope="col">{h.field}</th>
                      <th scope="col">{h.before}</th>
                      <th scope="col">{h.after}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {entry.changes.map((c) => (
                      <tr key={c.field}>
                        <th scope="row">{fieldLabel(c.field)}</th>
                        <td>{entry.kind === "CREATE" ? "" : formatHistoryValue(c.field, c.before, names)}</td>
                        <td>{formatHistoryValue(c.field, c.after, names)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
