import { useState, type FormEvent } from "react";
import { commonMessages, errorMessages, supportMeetingMessages as t } from "../../messages";
import { ErrorSummary } from "../../ui/error-summary";
import { CheckboxGroup, Field } from "../../ui/form-fields";
import { fieldMessages, type ParsedError } from "../../ui/graphql-errors";
import type { UserRole } from "../../gql/graphql";

export interface SupportMeetingFormValues {
  name: string;
  memberIds: string[];
}

export interface MemberChoice {
  id: string;
  displayName: string;
  role: UserRole;
  active: boolean;
}

/**
 * Who is offered as a member: active 管理者・コーディネーター (the server refuses anyone else), and whoever already
 * sits on the meeting, so that a stopped account can be taken off it.
 */
export function memberOptions(users: readonly MemberChoice[], current: readonly string[]): [string, string][] {
  return users
    .filter((u) => current.includes(u.id) || (u.active && (u.role === "ADMIN" || u.role === "COORDINATOR")))
    .sort((a, b) => a.displayName.localeCompare(b.displayName, "ja"))
    .map((u) => [u.id, t.memberOption(u.displayName, commonMessages.roles[u.role], u.active)]);
}

/** 支援会議を作る / 編集: its name and its members (at least one). */
export function SupportMeetingForm({
  initial,
  users,
  usersLoading,
  usersFailed,
  editing,
  saving,
  error,
  onSubmit,
  onCancel,
}: {
  initial: SupportMeetingFormValues;
  users: readonly MemberChoice[];
  usersLoading: boolean;
  usersFailed: boolean;
  editing: boolean;
  saving: boolean;
  error: ParsedError | null;
  onSubmit: (values: SupportMeetingFormValues) => void;
  onCancel?: () => void;
}) {
  const [values, setValues] = useState(initial);
  const [checked, setChecked] = useState<Record<string, string[]>>({});
  const errorsOf = (field: string) => [...(checked[field] ?? []), ...fieldMessages(error, field)];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problems: Record<string, string[]> = {};
    if (!values.name.trim()) problems.name = [t.nameRequired];
    if (!values.memberIds.length) problems.memberIds = [t.membersRequired];
    setChecked(problems);
    if (Object.keys(problems).length) return;
    onSubmit({ name: values.name.trim(), memberIds: values.memberIds });
  };
  const failed = Object.keys(checked).length > 0;
  return (
    <form className="form" onSubmit={submit} noValidate>
      {(failed || error) && <ErrorSummary>{failed ? errorMessages.checkInput : error!.message}</ErrorSummary>}
      <Field label={t.name} hint={t.nameHint} errors={errorsOf("name")} required>
        {(p) => (
          <input
            {...p}
            className="field__control"
            type="text"
            maxLength={100}
            required
            value={values.name}
            onChange={(e) => setValues({ ...values, name: e.target.value })}
          />
        )}
      </Field>
      {usersLoading && <p role="status">{t.usersLoading}</p>}
      {usersFailed && (
        <p className="notice notice--error" role="alert">
          {t.usersLoadError}
        </p>
      )}
      <CheckboxGroup
        legend={t.members}
        hint={t.membersHint}
        required
        options={memberOptions(users, initial.memberIds)}
        values={values.memberIds}
        onChange={(memberIds) => setValues({ ...values, memberIds })}
        errors={errorsOf("memberIds")}
      />
      <div className="form__actions">
        <button type="submit" className="button" disabled={saving}>
          {saving ? t.saving : editing ? t.save : t.create}
        </button>
        {onCancel && (
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t.cancel}
          </button>
        )}
      </div>
    </form>
  );
}
