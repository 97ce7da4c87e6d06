import { useState, type FormEvent, type ReactNode } from "react";
import type { UpdateMunicipalSettingsInput, UserRole, Weekday } from "../../gql/graphql";
import {
  accountMessages,
  commonMessages,
  errorMessages,
  settingsMessages as t,
  WEEKDAY_LABELS,
  WEEKDAYS_IN_ORDER,
} from "../../messages";
import { ErrorSummary } from "../../ui/error-summary";
import { CheckboxGroup, Field, FieldErrors, useDescribedBy } from "../../ui/form-fields";
import { fieldMessages, type ParsedError } from "../../ui/graphql-errors";
import {
  changedSettings,
  toSettingsForm,
  type FlagField,
  type MunicipalSettingsForm as FormValues,
  type MunicipalSettingsValues,
  type NumberField,
} from "./municipal-settings-form";

const WEEKDAY_OPTIONS = WEEKDAYS_IN_ORDER.map((d) => [d, WEEKDAY_LABELS[d]] as const);
const ROLE_OPTIONS = (["ADMIN", "COORDINATOR", "HOST", "VIEWER"] as const).map(
  (r) => [r, commonMessages.roles[r]] as const,
);

function Section({ title, disabled, children }: { title: string; disabled: boolean; children: ReactNode }) {
  return (
    <fieldset className="form-section" disabled={disabled}>
      <legend>{title}</legend>
      {children}
    </fieldset>
  );
}

/** One yes/no setting: a checkbox with its hint and the server's messages under it. */
function Flag({
  label,
  hint,
  checked,
  errors,
  onChange,
}: {
  label: string;
  hint: string;
  checked: boolean;
  errors: readonly string[];
  onChange: (checked: boolean) => void;
}) {
  const { hintId, errorId, controlProps } = useDescribedBy(hint, errors);
  return (
    <div className="field">
      <label className="choice">
        <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} {...controlProps} />
        <span>{label}</span>
      </label>
      <p className="field__hint" id={hintId}>
        {hint}
      </p>
      <FieldErrors id={errorId} messages={errors} />
    </div>
  );
}

/**
 * 運用設定 in five groups, each field with what it changes in the coordinator's work. Saving sends only what changed;
 * the server's per-field messages (`extensions.fields`) show beside their fields. Without the right to change the
 * settings every control is disabled and there is no save button.
 */
export function MunicipalSettingsForm({
  saved,
  canUpdate,
  saving,
  error,
  onSubmit,
  onUnchanged,
}: {
  saved: MunicipalSettingsValues;
  canUpdate: boolean;
  saving: boolean;
  error: ParsedError | null;
  onSubmit: (input: UpdateMunicipalSettingsInput) => void;
  onUnchanged: () => void;
}) {
  const [form, setForm] = useState<FormValues>(() => toSettingsForm(saved));
  const [checked, setChecked] = useState<Record<string, string[]>>({});
  const errorsOf = (field: string) => [...(checked[field] ?? []), ...fieldMessages(error, field)];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const result = changedSettings(saved, form);
    if (!result.ok) {
      setChecked(result.fields);
      return;
    }
    setChecked({});
    if (Object.keys(result.input).length === 0) onUnchanged();
    else onSubmit(result.input);
  };
  const number = (field: NumberField | "settlingCheckMonths") => (
    <Field label={t.fields[field].label} hint={t.fields[field].hint} errors={errorsOf(field)}>
      {(p) => (
        <input
          {...p}
          className={`field__control ${field === "settlingCheckMonths" ? "" : "field__control--short"}`}
          type="text"
          inputMode={field === "settlingCheckMonths" ? "text" : "numeric"}
          value={form[field]}
          onChange={(e) => setForm({ ...form, [field]: e.target.value })}
        />
      )}
    </Field>
  );
  const flag = (field: FlagField) => (
    <Flag
      label={t.fields[field].label}
      hint={t.fields[field].hint}
      checked={form[field]}
      errors={errorsOf(field)}
      onChange={(value) => setForm({ ...form, [field]: value })}
    />
  );
  const failed = Object.keys(checked).length > 0;
  const readOnly = !canUpdate;
  return (
    <form className="form settings-form" onSubmit={submit} noValidate>
      {(failed || error) && <ErrorSummary>{failed ? errorMessages.checkInput : error!.message}</ErrorSummary>}
      <Section title={t.sections.followUp} disabled={readOnly}>
        {number("firstCheckDays")}
        {number("followUpMonths")}
        {number("settlingCheckMonths")}
        {number("onTimeGraceDays")}
      </Section>
      <Section title={t.sections.office} disabled={readOnly}>
        <CheckboxGroup<Weekday>
          legend={t.fields.openWeekdays.label}
          hint={t.fields.openWeekdays.hint}
          options={WEEKDAY_OPTIONS}
          values={form.openWeekdays}
          onChange={(openWeekdays) => setForm({ ...form, openWeekdays })}
          errors={errorsOf("openWeekdays")}
        />
        {flag("closedOnHolidays")}
        {flag("closedForYearEnd")}
      </Section>
      <Section title={t.sections.postClosure} disabled={readOnly}>
        {number("postClosureContacts")}
        {number("postClosureIntervalMonths")}
      </Section>
      <Section title={t.sections.matching} disabled={readOnly}>
        {flag("requireSupportPlanForMatch")}
      </Section>
      <Section title={t.sections.audit} disabled={readOnly}>
        {number("auditRetentionDays")}
      </Section>
      <Section title={t.sections.retention} disabled={readOnly}>
        {number("personRetentionYears")}
        {number("followUpNoteRetentionYears")}
        {number("intakeRetentionYears")}
        {number("meetingRetentionYears")}
      </Section>
      <Section title={accountMessages.settings.section} disabled={readOnly}>
        <CheckboxGroup<UserRole>
          legend={accountMessages.settings.legend}
          hint={accountMessages.settings.hint}
          options={ROLE_OPTIONS}
          values={form.twoFactorRequiredRoles}
          onChange={(twoFactorRequiredRoles) => setForm({ ...form, twoFactorRequiredRoles })}
          errors={errorsOf("twoFactorRequiredRoles")}
        />
      </Section>
      {canUpdate && (
        <div className="form__actions">
          <button type="submit" className="button button--large" disabled={saving}>
            {saving ? t.saving : t.save}
          </button>
        </div>
      )}
    </form>
  );
}
