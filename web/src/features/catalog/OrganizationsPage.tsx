import { useState, type FormEvent } from "react";
import { useMutation, useQuery } from "@apollo/client/react";
import { graphql } from "../../gql";
import type { CityRelationship, OrgType } from "../../gql/graphql";
import { CITY_RELATIONSHIP_LABELS, ORG_TYPE_LABELS, catalogMessages, commonMessages } from "../../messages";
import { ErrorSummary } from "../../ui/error-summary";
import { Field } from "../../ui/form-fields";
import { fieldMessages, parseGraphQLError, type ParsedError } from "../../ui/graphql-errors";
import { useDebouncedValue } from "../../ui/use-debounced-value";

const ADMIN_ORGANIZATIONS = graphql(`
  query AdminOrganizations($text: String, $includeArchived: Boolean!) {
    organizations(text: $text, includeArchived: $includeArchived, first: 100) {
      totalCount
      edges {
        node {
          id
          name
          nameKana
          orgType
          cityRelationship
          contactName
          contactPhone
          contactEmail
          publicPhone
          publicEmail
          publicContactNote
          address
          archivedAt
        }
      }
    }
  }
`);

const CREATE = graphql(`
  mutation CreateAdminOrganization($input: CreateOrganizationInput!) {
    createOrganization(input: $input) {
      organization {
        id
        name
        nameKana
        orgType
        cityRelationship
        contactName
        contactPhone
        contactEmail
        publicPhone
        publicEmail
        publicContactNote
        address
        archivedAt
      }
    }
  }
`);

const UPDATE = graphql(`
  mutation UpdateAdminOrganization($input: UpdateOrganizationInput!) {
    updateOrganization(input: $input) {
      organization {
        id
        name
        nameKana
        orgType
        cityRelationship
        contactName
        contactPhone
        contactEmail
        publicPhone
        publicEmail
        publicContactNote
        address
        archivedAt
      }
    }
  }
`);

const ARCHIVE = graphql(`
  mutation SetOrganizationArchived($input: SetOrganizationArchivedInput!) {
    setOrganizationArchived(input: $input) {
      organization {
        id
        archivedAt
      }
    }
  }
`);

const t = catalogMessages.organizations;
const ORG_TYPES = Object.entries(ORG_TYPE_LABELS) as [OrgType, string][];
const RELATIONSHIPS = Object.entries(CITY_RELATIONSHIP_LABELS) as [CityRelationship, string][];

interface OrgForm {
  name: string;
  nameKana: string;
  orgType: OrgType;
  cityRelationship: CityRelationship;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
  publicPhone: string;
  publicEmail: string;
  publicContactNote: string;
  address: string;
}
const EMPTY: OrgForm = {
  name: "",
  nameKana: "",
  orgType: "RESIDENT_GROUP",
  cityRelationship: "INDEPENDENT",
  contactName: "",
  contactPhone: "",
  contactEmail: "",
  publicPhone: "",
  publicEmail: "",
  publicContactNote: "",
  address: "",
};
interface Org {
  id: string;
  name: string;
  nameKana: string;
  orgType: OrgType;
  cityRelationship: CityRelationship;
  contactName: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
  publicPhone: string | null;
  publicEmail: string | null;
  publicContactNote: string | null;
  address: string | null;
  archivedAt: string | null;
}

/** 団体の管理: search, add, edit, and 廃止 (never delete: listings, consents and matches refer to organizations). */
export function OrganizationsPage() {
  const [search, setSearch] = useState("");
  const [includeArchived, setIncludeArchived] = useState(false);
  const text = useDebouncedValue(search.trim(), 250);
  const query = useQuery(ADMIN_ORGANIZATIONS, { variables: { text: text || null, includeArchived } });
  const [create, creating] = useMutation(CREATE);
  const [update, updating] = useMutation(UPDATE);
  const [archive] = useMutation(ARCHIVE);
  const [editing, setEditing] = useState<Org | null>(null);
  const [form, setForm] = useState<OrgForm>(EMPTY);
  const [status, setStatus] = useState("");
  const [failure, setFailure] = useState<ParsedError | null>(null);
  const rows: Org[] = query.data?.organizations.edges.map((e) => e.node) ?? [];

  const startEdit = (org: Org) => {
    setEditing(org);
    setFailure(null);
    setForm({
      name: org.name,
      nameKana: org.nameKana,
      orgType: org.orgType,
      cityRelationship: org.cityRelationship,
      contactName: org.contactName ?? "",
      contactPhone: org.contactPhone ?? "",
      contactEmail: org.contactEmail ?? "",
      publicPhone: org.publicPhone ?? "",
      publicEmail: org.publicEmail ?? "",
      publicContactNote: org.publicContactNote ?? "",
      address: org.address ?? "",
    });
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setStatus("");
    setFailure(null);
    const input = {
      name: form.name.trim(),
      nameKana: form.nameKana.trim() || null,
      orgType: form.orgType,
      cityRelationship: form.cityRelationship,
      contactName: form.contactName.trim() || null,
      contactPhone: form.contactPhone.trim() || null,
      contactEmail: form.contactEmail.trim() || null,
      publicPhone: form.publicPhone.trim() || null,
      publicEmail: form.publicEmail.trim() || null,
      publicContactNote: form.publicContactNote.trim() || null,
      address: form.address.trim() || null,
    };
    try {
      if (editing) {
        await update({ variables: { input: { ...input, id: editing.id } } });
        setStatus(t.saved(input.name));
      } else {
        await create({ variables: { input } });
        setStatus(t.created(input.name));
        await query.refetch();
      }
      setEditing(null);
      setForm(EMPTY);
    } catch (err) {
      setFailure(parseGraphQLError(err));
    }
  };
  const setArchived = async (org: Org, archived: boolean) => {
    setStatus("");
    setFailure(null);
    try {
      await archive({ variables: { input: { id: org.id, archived } } });
      setStatus(archived ? t.archivedDone(org.name) : t.restoredDone(org.name));
      await query.refetch();
    } catch (err) {
      setFailure(parseGraphQLError(err));
    }
  };
  const textField = (key: keyof OrgForm, label: string, required = false) => (
    <Field label={label} required={required} errors={fieldMessages(failure, key)}>
      {(p) => (
        <input
          {...p}
          className="field__control"
          type="text"
          value={form[key]}
          onChange={(e) => setForm({ ...form, [key]: e.target.value })}
        />
      )}
    </Field>
  );
  const select = <T extends string>(key: "orgType" | "cityRelationship", label: string, options: [T, string][]) => (
    <Field label={label} errors={fieldMessages(failure, key)}>
      {(p) => (
        <select
          {...p}
          className="field__control"
          value={form[key]}
          onChange={(e) => setForm({ ...form, [key]: e.target.value })}
        >
          {options.map(([value, optionLabel]) => (
            <option key={value} value={value}>
              {optionLabel}
            </option>
          ))}
        </select>
      )}
    </Field>
  );

  return (
    <>
      <h1>{t.heading}</h1>
      <p className="page-lead">{t.lead}</p>
      <p role="status" className={status ? "notice notice--success" : "visually-hidden"}>
        {status}
      </p>
      <section className="page-section" aria-labelledby="org-form-heading">
        <h2 id="org-form-heading">{editing ? t.editHeading(editing.name) : t.newHeading}</h2>
        <form className="form" onSubmit={(e) => void submit(e)} noValidate>
          {failure && <ErrorSummary>{failure.message}</ErrorSummary>}
          {textField("name", t.name, true)}
          {textField("nameKana", t.nameKana)}
          {select("orgType", t.orgType, ORG_TYPES)}
          {select("cityRelationship", t.cityRelationship, RELATIONSHIPS)}
          <fieldset className="contact-group" aria-describedby="org-public-contact-hint">
            <legend>{t.publicContactHeading}</legend>
            <p className="field__hint" id="org-public-contact-hint">
              {t.publicContactHint}
            </p>
            {textField("publicPhone", t.publicPhone)}
            {textField("publicEmail", t.publicEmail)}
            {textField("publicContactNote", t.publicContactNote)}
          </fieldset>
          <fieldset className="contact-group" aria-describedby="org-staff-contact-hint">
            <legend>{t.staffContactHeading}</legend>
            <p className="field__hint" id="org-staff-contact-hint">
              {t.staffContactHint}
            </p>
            {textField("contactName", t.contactName)}
            {textField("contactPhone", t.contactPhone)}
            {textField("contactEmail", t.contactEmail)}
          </fieldset>
          {textField("address", t.address)}
          <div className="form__actions">
            <button type="submit" className="button" disabled={creating.loading || updating.loading}>
              {creating.loading || updating.loading ? t.saving : editing ? t.save : t.create}
            </button>
            {editing && (
              <button
                type="button"
                className="button button--secondary"
                onClick={() => {
                  setEditing(null);
                  setForm(EMPTY);
                }}
              >
                {t.cancel}
              </button>
            )}
          </div>
        </form>
      </section>
      <section className="page-section" aria-labelledby="org-list-heading">
        <h2 id="org-list-heading">{t.listHeading}</h2>
        <Field label={t.search}>
          {(p) => (
            <input
              {...p}
              className="field__control"
              type="search"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
            />
          )}
        </Field>
        <label className="choice">
          <input type="checkbox" checked={includeArchived} onChange={(e) => setIncludeArchived(e.target.checked)} />
          <span>{t.includeArchived}</span>
        </label>
        {query.loading && !query.data && <p role="status">{commonMessages.loading}</p>}
        {query.data && <p>{t.count(query.data.organizations.totalCount)}</p>}
        {query.data && rows.length === 0 && <p>{t.none}</p>}
        {rows.length > 0 && (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t.name}</th>
                <th scope="col">{t.orgType}</th>
                <th scope="col">{t.cityRelationship}</th>
                <th scope="col">{t.state}</th>
                <th scope="col">
                  <span className="visually-hidden">{t.actions}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((org) => (
                <tr key={org.id}>
                  <th scope="row">{org.name}</th>
                  <td>{ORG_TYPE_LABELS[org.orgType]}</td>
                  <td>{CITY_RELATIONSHIP_LABELS[org.cityRelationship]}</td>
                  <td>{org.archivedAt ? t.archived : t.current}</td>
                  <td>
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      aria-label={t.edit(org.name)}
                      onClick={() => startEdit(org)}
                    >
                      {t.editButton}
                    </button>{" "}
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      aria-label={org.archivedAt ? t.restore(org.name) : t.archive(org.name)}
                      onClick={() => void setArchived(org, !org.archivedAt)}
                    >
                      {org.archivedAt ? t.restoreButton : t.archiveButton}
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
