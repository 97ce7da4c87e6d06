import type { ContactMethod, Counterpart, ParticipationLevel, RelationshipStability } from "../../gql/graphql";
import {
  CONTACT_METHOD_LABELS,
  COUNTERPART_LABELS,
  FOLLOW_UP_KIND_LABELS,
  PARTICIPATION_LEVEL_LABELS,
  RELATIONSHIP_STABILITY_LABELS,
  formatCalendarDate,
  followUpMessages,
  type FollowUpKind,
} from "../../messages";
import { addDays } from "@tsunagu/calendar";
import { CheckboxGroup, Field, RadioGroup } from "../../ui/form-fields";
import { ChangeFields } from "./ChangeFields";
import type { FieldErrorMap, FollowUpFormState } from "./follow-up-input";

const t = followUpMessages.form;
const METHODS = Object.entries(CONTACT_METHOD_LABELS) as [ContactMethod, string][];
const COUNTERPARTS = Object.entries(COUNTERPART_LABELS) as [Counterpart, string][];
const LEVELS = Object.entries(PARTICIPATION_LEVEL_LABELS) as [ParticipationLevel, string][];
const STABILITY: [RelationshipStability | "", string][] = [
  ...(Object.entries(RELATIONSHIP_STABILITY_LABELS) as [RelationshipStability, string][]),
  ["", t.notAssessed],
];

export interface PlannedDue {
  id: string;
  dueOn: string;
  kind: FollowUpKind;
}

/** Every field of RecordFollowUpInput, grouped as the visit went: what was done, attendance, change, the host, next. */
export function FollowUpFields({
  form,
  onChange,
  errors,
  plannedDues,
  currentLevel,
  today,
}: {
  form: FollowUpFormState;
  onChange: (form: FollowUpFormState) => void;
  errors: FieldErrorMap;
  plannedDues: readonly PlannedDue[];
  currentLevel: ParticipationLevel | null;
  today: string;
}) {
  const set = (patch: Partial<FollowUpFormState>) => onChange({ ...form, ...patch });
  const err = (field: string) => errors[field] ?? [];

  return (
    <>
      <fieldset className="form-section">
        <legend>{t.contactGroup}</legend>
        {plannedDues.length ? (
          <Field label={t.due} errors={err("dueId")}>
            {(props) => (
              <select
                {...props}
                className="field__control"
                value={form.dueId}
                onChange={(e) => set({ dueId: e.target.value })}
              >
                <option value="">{t.dueAuto}</option>
                {plannedDues.map((due) => (
                  <option key={due.id} value={due.id}>
                    {t.dueOption(formatCalendarDate(due.dueOn), FOLLOW_UP_KIND_LABELS[due.kind])}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : (
          <p className="field__hint">{t.noDue}</p>
        )}
        <Field label={t.contactedOn} errors={err("contactedOn")} required>
          {(props) => (
            <input
              {...props}
              type="date"
              className="field__control"
              required
              max={today}
              value={form.contactedOn}
              onChange={(e) => set({ contactedOn: e.target.value })}
            />
          )}
        </Field>
        <RadioGroup
          legend={t.method}
          required
          options={METHODS}
          value={form.method}
          onChange={(method) => set({ method })}
          errors={err("method")}
        />
        <CheckboxGroup
          legend={t.counterparts}
          required
          options={COUNTERPARTS}
          values={form.counterparts}
          onChange={(counterparts) => set({ counterparts })}
          errors={err("counterparts")}
        />
      </fieldset>

      <fieldset className="form-section">
        <legend>{t.attendanceGroup}</legend>
        <p className="field__hint">{t.sessionsHint}</p>
        <div className="field-row">
          <Field label={t.sessionsPlanned} errors={err("sessionsPlanned")}>
            {(props) => (
              <input
                {...props}
                type="number"
                inputMode="numeric"
                min={0}
                max={100}
                className="field__control field__control--short"
                value={form.sessionsPlanned}
                onChange={(e) => set({ sessionsPlanned: e.target.value })}
              />
            )}
          </Field>
          <Field label={t.sessionsAttended} errors={err("sessionsAttended")}>
            {(props) => (
              <input
                {...props}
                type="number"
                inputMode="numeric"
                min={0}
                max={100}
                className="field__control field__control--short"
                value={form.sessionsAttended}
                onChange={(e) => set({ sessionsAttended: e.target.value })}
              />
            )}
          </Field>
        </div>
        <Field
          label={t.participationLevel}
          hint={currentLevel ? t.participationLevelNow(PARTICIPATION_LEVEL_LABELS[currentLevel]) : undefined}
          errors={err("participationLevel")}
        >
          {(props) => (
            <select
              {...props}
              className="field__control"
              value={form.participationLevel}
              onChange={(e) => set({ participationLevel: e.target.value as ParticipationLevel | "" })}
            >
              <option value="">{t.participationLevelKeep}</option>
              {LEVELS.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
      </fieldset>

      <fieldset className="form-section">
        <legend>{t.changeGroup}</legend>
        <ChangeFields value={form.change} onChange={(change) => set({ change })} errors={errors} />
      </fieldset>

      <fieldset className="form-section">
        <legend>{t.hostGroup}</legend>
        <RadioGroup
          legend={t.relationshipStability}
          options={STABILITY}
          value={form.relationshipStability}
          onChange={(relationshipStability) => set({ relationshipStability })}
          errors={err("relationshipStability")}
        />
        <Field label={t.hostFeedback} errors={err("hostFeedback")} className="field--wide">
          {(props) => (
            <textarea
              {...props}
              className="field__control"
              rows={3}
              maxLength={4000}
              value={form.hostFeedback}
              onChange={(e) => set({ hostFeedback: e.target.value })}
            />
          )}
        </Field>
        <Field label={t.hostGuidance} errors={err("hostGuidance")} className="field--wide">
          {(props) => (
            <textarea
              {...props}
              className="field__control"
              rows={3}
              maxLength={4000}
              value={form.hostGuidance}
              onChange={(e) => set({ hostGuidance: e.target.value })}
            />
          )}
        </Field>
      </fieldset>

      <fieldset className="form-section">
        <legend>{t.nextGroup}</legend>
        <Field label={t.nextDueOn} hint={t.nextDueOnHint} errors={err("nextDueOn")}>
          {(props) => (
            <input
              {...props}
              type="date"
              className="field__control"
              min={form.contactedOn ? addDays(form.contactedOn, 1) : undefined}
              value={form.nextDueOn}
              onChange={(e) => set({ nextDueOn: e.target.value })}
            />
          )}
        </Field>
      </fieldset>
    </>
  );
}
