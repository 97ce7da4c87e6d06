import { useState } from "react";
import { useMutation, useQuery } from "@apollo/client/react";
import { graphql } from "../../gql";
import { AREA_TYPE_LABELS, catalogMessages, commonMessages } from "../../messages";
import { parseGraphQLError, type ParsedError } from "../../ui/graphql-errors";
import { AreaForm, type AreaFormValues, type AreaInputValues } from "./AreaForm";

const ADMIN_AREAS = graphql(`
  query AdminAreas {
    areas(includeArchived: true) {
      id
      name
      nameKana
      type
      code
      centerLat
      centerLng
      archivedAt
    }
  }
`);

const CREATE_AREA = graphql(`
  mutation CreateAdminArea($input: CreateAreaInput!) {
    createArea(input: $input) {
      area {
        id
        name
        nameKana
        type
        code
        centerLat
        centerLng
        archivedAt
      }
    }
  }
`);

const UPDATE_AREA = graphql(`
  mutation UpdateAdminArea($input: UpdateAreaInput!) {
    updateArea(input: $input) {
      area {
        id
        name
        nameKana
        code
        centerLat
        centerLng
      }
    }
  }
`);

const SET_AREA_ARCHIVED = graphql(`
  mutation SetAdminAreaArchived($input: SetAreaArchivedInput!) {
    setAreaArchived(input: $input) {
      area {
        id
        archivedAt
      }
    }
  }
`);

const t = catalogMessages.areas;
const EMPTY: AreaFormValues = { name: "", type: "WELFARE_AREA", nameKana: "", code: "", centerLat: "", centerLng: "" };
const str = (v: number | null | undefined) => (v == null ? "" : String(v));

/**
 * 地域の管理 (administrators): every area with its centre point and whether it is 廃止; add one, edit one, and
 * archive an area instead of deleting it (listings and people keep it, new choices no longer offer it).
 */
export function AreasPage() {
  const { data, loading, error, refetch } = useQuery(ADMIN_AREAS);
  const [create, creating] = useMutation(CREATE_AREA);
  const [update, updating] = useMutation(UPDATE_AREA);
  const [setArchived] = useMutation(SET_AREA_ARCHIVED);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [status, setStatus] = useState("");
  const [failure, setFailure] = useState<ParsedError | null>(null);
  const areas = data?.areas ?? [];
  const editing = areas.find((a) => a.id === editingId) ?? null;

  const save = async (input: AreaInputValues) => {
    setStatus("");
    setFailure(null);
    try {
      if (editing) {
        const { type: _type, ...fields } = input;
        await update({ variables: { input: { ...fields, id: editing.id } } });
        setStatus(t.saved(input.name));
        setEditingId(null);
      } else {
        await create({ variables: { input } });
        setStatus(t.created(input.name));
        await refetch();
      }
      setFormKey((k) => k + 1);
    } catch (e) {
      setFailure(parseGraphQLError(e));
    }
  };
  const archive = async (area: { id: string; name: string }, archived: boolean) => {
    setStatus("");
    setFailure(null);
    try {
      await setArchived({ variables: { input: { id: area.id, archived } } });
      setStatus(archived ? t.archivedDone(area.name) : t.restoredDone(area.name));
    } catch (e) {
      setFailure(parseGraphQLError(e));
    }
  };

  return (
    <>
      <h1>{t.heading}</h1>
      <p className="page-lead">{t.lead}</p>
      <p role="status" className={status ? "notice notice--success" : "visually-hidden"}>
        {status}
      </p>

      <section className="page-section" aria-labelledby="area-form-heading">
        <h2 id="area-form-heading">{editing ? t.editHeading(editing.name) : t.newHeading}</h2>
        <AreaForm
          key={`${editingId ?? "new"}-${formKey}`}
          initial={
            editing
              ? {
                  name: editing.name,
                  type: editing.type,
                  nameKana: editing.nameKana,
                  code: editing.code ?? "",
                  centerLat: str(editing.centerLat),
                  centerLng: str(editing.centerLng),
                }
              : EMPTY
          }
          editing={!!editing}
          saving={creating.loading || updating.loading}
          error={failure}
          onSubmit={(input) => void save(input)}
          onCancel={editing ? () => setEditingId(null) : undefined}
        />
      </section>

      <section className="page-section" aria-labelledby="area-list-heading">
        <h2 id="area-list-heading">{t.listHeading}</h2>
        {loading && !data && <p role="status">{commonMessages.loading}</p>}
        {error && !data && (
          <p className="notice notice--error" role="alert">
            {commonMessages.loadError}
          </p>
        )}
        {areas.length > 0 && (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t.name}</th>
                <th scope="col">{t.type}</th>
                <th scope="col">{t.center}</th>
                <th scope="col">{t.state}</th>
                <th scope="col">
                  <span className="visually-hidden">{t.actions}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {areas.map((area) => (
                <tr key={area.id}>
                  <th scope="row">{area.name}</th>
                  <td>{AREA_TYPE_LABELS[area.type]}</td>
                  <td>
                    {area.centerLat != null && area.centerLng != null
                      ? `${area.centerLat}, ${area.centerLng}`
                      : t.centerNone}
                  </td>
                  <td>{area.archivedAt ? t.archived : t.inUse}</td>
                  <td>
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      aria-label={t.edit(area.name)}
                      onClick={() => setEditingId(area.id)}
                    >
                      {t.editButton}
                    </button>{" "}
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      aria-label={area.archivedAt ? t.restore(area.name) : t.archive(area.name)}
                      onClick={() => void archive(area, !area.archivedAt)}
                    >
                      {area.archivedAt ? t.restoreButton : t.archiveButton}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
