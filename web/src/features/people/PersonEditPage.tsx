import { useState, type FormEvent } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { useQuery } from "@apollo/client/react";
import { type FragmentType, graphql, useFragment } from "../../gql";
import { errorMessages, personFormMessages } from "../../messages";
import { today as jstToday } from "@tsunagu/calendar";
import { flashState } from "../../ui/flash-status";
import { parseGraphQLError, type ParsedError } from "../../ui/graphql-errors";
import { useAreas } from "../resources/use-areas";
import { NeedsFields } from "./form/NeedsFields";
import { ProfileFields, type AreaOption } from "./form/ProfileFields";
import { SupportPlanEditor } from "./form/SupportPlanEditor";
import {
  PERSON_FORM_FRAGMENT,
  personFormFrom,
  toUpdatePersonInput,
  type FieldErrorMap,
  type PersonFormState,
} from "./form/person-form";
import { useUpdatePerson } from "./form/use-update-person";
import { ErrorSummary } from "../../ui/error-summary";

export const PERSON_EDIT_QUERY = graphql(`
  query PersonEdit($id: ID!) {
    person(id: $id) {
      id
      displayName
      version
      viewerCan {
        update
      }
      ...PersonForm_person
      ...SupportPlanEditor_person
    }
  }
`);

const t = personFormMessages.editPage;

/** 本人の情報を編集: the profile and needs (saved with the version they were loaded at), and the 支援プラン. */
export function PersonEditPage() {
  const { personId = "" } = useParams();
  const { data, loading, error, refetch } = useQuery(PERSON_EDIT_QUERY, { variables: { id: personId } });
  const { areas, loading: areasLoading } = useAreas();
  const [status, setStatus] = useState<{ text: string; failed?: boolean }>({ text: "" });
  const person = data?.person;
  const today = jstToday();

  const reload = async () => {
    setStatus({ text: "" });
    try {
      await refetch();
      setStatus({ text: t.reloaded });
    } catch {
      setStatus({ text: t.loadError, failed: true });
    }
  };

  if (loading && !person) return <p role="status">{t.loading}</p>;
  if (!person) {
    const notFound = error && parseGraphQLError(error).code === "NOT_FOUND";
    return (
      <>
        <h1>{t.pageTitle}</h1>
        <div className="notice notice--error" role="alert">
          <p>{notFound ? t.notFound : t.loadError}</p>
          {!notFound && (
            <button type="button" className="button" onClick={() => void refetch().catch(() => {})}>
              {t.retry}
            </button>
          )}
        </div>
        <p>
          <Link to="/people">{t.backToList}</Link>
        </p>
      </>
    );
  }

  const back = `/people/${person.id}`;
  return (
    <>
      <p className="breadcrumb">
        <Link to={back}>{t.back}</Link>
      </p>
      <h1>{t.pageTitle}</h1>
      <p className="page-lead">{t.lead(person.displayName)}</p>
      {/* Always in the page, so what it says next is announced; shown only once there is something to say. */}
      <p
        className={status.text ? `notice ${status.failed ? "notice--error" : "notice--success"}` : "visually-hidden"}
        role="status"
      >
        {status.text}
      </p>

      {person.viewerCan.update ? (
        <>
          {/* A reload after a CONFLICT brings a new version: the form starts again from what is saved now. */}
          <PersonEditForm
            key={person.version}
            person={person}
            areas={areas}
            areasLoading={areasLoading}
            onReload={reload}
          />
          <section className="page-section" aria-labelledby="person-edit-plans">
            <h2 id="person-edit-plans">{personFormMessages.plans.title}</h2>
            <SupportPlanEditor
              person={person}
              today={today}
              onStatus={(text) => setStatus({ text })}
              onReload={reload}
            />
          </section>
        </>
      ) : (
        <p className="notice notice--error" role="alert">
          {t.forbidden}
        </p>
      )}
    </>
  );
}

function PersonEditForm({
  person: personRef,
  areas,
  areasLoading,
  onReload,
}: {
  person: FragmentType<typeof PERSON_FORM_FRAGMENT>;
  areas: readonly AreaOption[];
  areasLoading: boolean;
  onReload: () => Promise<void>;
}) {
  const person = useFragment(PERSON_FORM_FRAGMENT, personRef);
  const navigate = useNavigate();
  const [form, setForm] = useState<PersonFormState>(() => personFormFrom(person));
  const [errors, setErrors] = useState<FieldErrorMap>({});
  const [failure, setFailure] = useState<ParsedError | { code: "CHECK"; message: string } | null>(null);
  const [update, { loading: saving }] = useUpdatePerson();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    const checked = toUpdatePersonInput(person.id, person.version, form);
    if (!checked.ok) {
      setErrors(checked.errors);
      setFailure({ code: "CHECK", message: errorMessages.checkInput });
      return;
    }
    try {
      await update({ variables: { input: checked.input } });
      void navigate(`/people/${person.id}`, { state: flashState(t.saved) });
    } catch (err) {
      const parsed = parseGraphQLError(err);
      setErrors(parsed.fieldErrors);
      setFailure(parsed);
    }
  };

  const conflict = failure?.code === "CONFLICT";
  return (
    <form className="form person-form" onSubmit={(e) => void submit(e)} noValidate>
      <ProfileFields form={form} onChange={setForm} errors={errors} areas={areas} areasLoading={areasLoading} />
      <NeedsFields needs={form.needs} onChange={(needs) => setForm({ ...form, needs })} errors={errors} />
      {failure && (
        <ErrorSummary>
          <p>{conflict ? t.conflict : failure.message}</p>
          {conflict && (
            <button type="button" className="button button--secondary" onClick={() => void onReload()}>
              {t.reload}
            </button>
          )}
        </ErrorSummary>
      )}
      <div className="form__actions">
        <button type="submit" className="button" disabled={saving}>
          {saving ? t.submitting : t.submit}
        </button>
        <Link to={`/people/${person.id}`}>{t.back}</Link>
      </div>
    </form>
  );
}
