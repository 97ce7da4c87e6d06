import { useState } from "react";
import { useQuery } from "@apollo/client/react";
import { useSearchParams } from "react-router";
import { graphql } from "../../gql";
import type { ResourceGapStatus } from "../../gql/graphql";
import { useViewer } from "../../app/viewer";
import { RESOURCE_GAP_STATUS_LABELS, commonMessages, gapsMessages as m } from "../../messages";
import { CheckboxGroup } from "../../ui/form-fields";
import { useAreas } from "../resources/use-areas";
import { GapCard } from "./GapCard";
import { RaiseGapForm, type GapPrefill } from "./RaiseGapForm";
import { SearchMissList } from "./SearchMissList";

const RESOURCE_GAPS = graphql(`
  query ResourceGaps($statuses: [ResourceGapStatus!]) {
    resourceGaps(statuses: $statuses) {
      id
      ...GapCard_resourceGap
    }
  }
`);

const STATUSES = Object.keys(RESOURCE_GAP_STATUS_LABELS) as ResourceGapStatus[];
const STATUS_OPTIONS = STATUSES.map((s) => [s, RESOURCE_GAP_STATUS_LABELS[s]] as const);

/** `?status=…` (repeatable) filters; `?need=`, `?searchText=`, `?areaId=`, `?personId=` open the form filled in. */
export function parseGapParams(params: URLSearchParams): { statuses: ResourceGapStatus[]; prefill: GapPrefill | null } {
  const statuses = [...new Set(params.getAll("status"))].filter((s): s is ResourceGapStatus =>
    (STATUSES as string[]).includes(s),
  );
  const need = params.get("need") ?? "";
  const searchText = params.get("searchText") ?? "";
  const prefill =
    need || searchText
      ? { need, searchText, areaId: params.get("areaId") ?? "", personId: params.get("personId") }
      : null;
  return { statuses, prefill };
}

/** 資源の不足: the list by status; coordinators record new gaps and move them along; viewers read. */
export function GapsPage() {
  const [params, setParams] = useSearchParams();
  const { statuses, prefill } = parseGapParams(params);
  const { viewer } = useViewer();
  const canEdit = viewer?.role === "ADMIN" || viewer?.role === "COORDINATOR";
  const isStaff = canEdit || viewer?.role === "VIEWER";
  const { areas } = useAreas();
  const [formOpen, setFormOpen] = useState(prefill !== null);
  const [confirmation, setConfirmation] = useState("");
  const { data, loading, error, refetch } = useQuery(RESOURCE_GAPS, {
    variables: { statuses: statuses.length ? statuses : null },
  });

  const setStatuses = (next: ResourceGapStatus[]) => {
    const nextParams = new URLSearchParams();
    for (const s of next) nextParams.append("status", s);
    setParams(nextParams, { preventScrollReset: true });
  };
  const closeForm = (message = "") => {
    setFormOpen(false);
    setConfirmation(message);
    // The prefill came from the address; once used (or dismissed) it should not reopen the form on reload.
    if (prefill) setStatuses(statuses);
  };

  return (
    <div className="gaps-page">
      <h1>{m.heading}</h1>
      <p className="page-lead">{m.lead}</p>
      <p role="status">{confirmation}</p>

      {canEdit &&
        (formOpen ? (
          <section className="host-section">
            <RaiseGapForm
              prefill={prefill ?? { need: "", searchText: "", areaId: "", personId: null }}
              areas={areas}
              onDone={() => closeForm(m.raise.done)}
              onCancel={() => closeForm()}
            />
          </section>
        ) : (
          <p>
            <button
              type="button"
              className="button"
              onClick={() => {
                setConfirmation("");
                setFormOpen(true);
              }}
            >
              {m.raise.open}
            </button>
          </p>
        ))}

      <CheckboxGroup
        legend={m.filterLegend}
        hint={m.filterHint}
        options={STATUS_OPTIONS}
        values={statuses}
        onChange={setStatuses}
        className="gaps-filter"
      />

      <section aria-labelledby="gaps-list-heading" aria-busy={loading}>
        <h2 id="gaps-list-heading">
          {m.listHeading}
          {data ? ` (${m.count(data.resourceGaps.length)})` : ""}
        </h2>
        {loading && !data && <p role="status">{commonMessages.loading}</p>}
        {error && !data && (
          <div className="notice notice--error" role="alert">
            <p>{m.loadError}</p>
            <button type="button" className="button" onClick={() => void refetch().catch(() => {})}>
              {commonMessages.retry}
            </button>
          </div>
        )}
        {data && data.resourceGaps.length === 0 && <p>{m.none}</p>}
        {data && data.resourceGaps.length > 0 && (
          <ul className="gap-list" role="list">
            {data.resourceGaps.map((gap) => (
              <li key={gap.id}>
                <GapCard gap={gap} canEdit={canEdit} onMoved={setConfirmation} />
              </li>
            ))}
          </ul>
        )}
      </section>

      {isStaff && <SearchMissList />}
    </div>
  );
}
