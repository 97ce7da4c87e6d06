import { useState, type FormEvent } from "react";
import { Link, useNavigate } from "react-router";
import { errorMessages, personFormMessages } from "../../messages";
import { today as jstToday } from "@tsunagu/calendar";
import { flashState } from "../../ui/flash-status";
import { parseGraphQLError } from "../../ui/graphql-errors";
import { useAreas } from "../resources/use-areas";
import { BasisFields } from "./form/BasisFields";
import { NeedsFields } from "./form/NeedsFields";
import { ProfileFields } from "./form/ProfileFields";
import {
  initialNewPersonForm,
  toCreatePersonInput,
  type FieldErrorMap,
  type NewPersonFormState,
} from "./form/person-form";
import { useCreatePerson } from "./form/use-create-person";
import { ErrorSummary } from "../../ui/error-summary";

const t = personFormMessages.newPage;

/** 本人の登録: who the person is, their needs, and on what basis they are held (consent or a 支援会議). */
export function PersonNewPage() {
  const navigate = useNavigate();
  const today = jstToday();
  const { areas, loading: areasLoading } = useAreas();
  const [form, setForm] = useState<NewPersonFormState>(() => initialNewPersonForm(today));
  const [errors, setErrors] = useState<FieldErrorMap>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [create, { loading: saving }] = useCreatePerson();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    const checked = toCreatePersonInput(form);
    if (!checked.ok) {
      setErrors(checked.errors);
      setFailure(errorMessages.checkInput);
      return;
    }
    try {
      const { data } = await create({ variables: { input: checked.input } });
      const person = data?.createPerson.person;
      if (person) void navigate(`/people/${person.id}`, { state: flashState(t.saved(person.displayName)) });
    } catch (err) {
      const parsed = parseGraphQLError(err);
      setErrors(parsed.fieldErrors);
      setFailure(parsed.message);
    }
  };

  return (
    <>
      <p className="breadcrumb">
        <Link to="/people">{personFormMessages.editPage.backToList}</Link>
      </p>
      <h1>{t.pageTitle}</h1>
      <p className="page-lead">{t.lead}</p>

      <form className="form person-form" onSubmit={(e) => void submit(e)} noValidate>
        <ProfileFields
          form={form.person}
          onChange={(person) => setForm({ ...form, person })}
          errors={errors}
          areas={areas}
          areasLoading={areasLoading}
          registeredOn={{
            value: form.registeredOn,
            max: today,
            onChange: (registeredOn) => setForm({ ...form, registeredOn }),
          }}
        />
        <NeedsFields
          needs={form.person.needs}
          onChange={(needs) => setForm({ ...form, person: { ...form.person, needs } })}
          errors={errors}
        />
        <BasisFields
          basis={form.basis}
          onChange={(basis) => setForm({ ...form, basis })}
          errors={errors}
          today={today}
        />
        {failure && <ErrorSummary>{failure}</ErrorSummary>}
        <div className="form__actions">
          <button type="submit" className="button" disabled={saving}>
            {saving ? t.submitting : t.submit}
          </button>
          <Link to="/people">{t.cancel}</Link>
        </div>
      </form>
    </>
  );
}
