import { useEffect, useState, type FormEvent } from "react";
import { Link } from "react-router";
import type { AuditAction, UserRole } from "../../gql/graphql";
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS, adminMessages, commonMessages } from "../../messages";
import { CheckboxGroup, Field } from "../../ui/form-fields";
import { AUDIT_ACTIONS, AUDIT_TEXT_MAX, auditFilterProblems, type AuditFilter } from "./audit-filter";

const t = adminMessages.audit;
const ACTION_OPTIONS = AUDIT_ACTIONS.map((a) => [a, AUDIT_ACTION_LABELS[a]] as const);
const ROLE_OPTIONS = Object.entries(commonMessages.roles) as [UserRole, string][];
const ENTITY_OPTIONS = Object.entries(AUDIT_ENTITY_LABELS);

export interface UserChoice {
  id: string;
  displayName: string;
  role: UserRole;
  active: boolean;
}

/**
 * The filter as a form: edited freely, applied with 「この条件で表示」 (one history entry per search, so 戻る returns to
 * the previous one). The URL is the truth: when it changes (戻る/進む, a row's link) the form shows it again.
 */
export function AuditFilterForm({
  filter,
  users,
  usersFailed,
  errors,
  onApply,
}: {
  filter: AuditFilter;
  users: readonly UserChoice[];
  usersFailed: boolean;
  /** Problems of the filter in the URL: the client's checks, or the server's `filter.*` messages. */
  errors: Record<string, string[]>;
  onApply: (filter: AuditFilter) => void;
}) {
  const [draft, setDraft] = useState(filter);
  const [draftErrors, setDraftErrors] = useState<Record<string, string[]> | null>(null);
  const urlKey = JSON.stringify(filter);
  useEffect(() => {
    setDraft(filter);
    setDraftErrors(null);
    // Only a different filter in the URL resets the form; `filter` is a new object on every render.
  }, [urlKey]);

  const shown = draftErrors ?? errors;
  const messages = (key: keyof AuditFilter) => shown[`filter.${key}`] ?? [];
  const set = <K extends keyof AuditFilter>(key: K, value: AuditFilter[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problems = auditFilterProblems(draft);
    if (Object.keys(problems).length) {
      setDraftErrors(problems);
      return;
    }
    setDraftErrors(null);
    onApply(draft);
  };

  // A user or type named by the URL but not (or not yet) in the lists still shows as chosen.
  const actorMissing = draft.actorUserId && !users.some((u) => u.id === draft.actorUserId);
  const entityMissing = draft.entityType && !(draft.entityType in AUDIT_ENTITY_LABELS);

  return (
    <form className="filters audit-filters" role="search" aria-label={t.filtersLabel} onSubmit={submit} noValidate>
      <fieldset className="choice-group audit-filters__period">
        <legend className="field__label">{t.period}</legend>
        <div className="field-row">
          <Field label={t.from} errors={messages("from")}>
            {(props) => (
              <input
                {...props}
                className="field__control"
                type="date"
                value={draft.from}
                onChange={(e) => set("from", e.target.value)}
              />
            )}
          </Field>
          <Field label={t.to} errors={messages("to")}>
            {(props) => (
              <input
                {...props}
                className="field__control"
                type="date"
                value={draft.to}
                onChange={(e) => set("to", e.target.value)}
              />
            )}
          </Field>
        </div>
      </fieldset>

      <CheckboxGroup<AuditAction>
        legend={t.actions}
        className="audit-filters__actions"
        options={ACTION_OPTIONS}
        values={draft.actions}
        onChange={(actions) => set("actions", actions)}
        errors={messages("actions")}
      />

      <Field label={t.actorRole} errors={messages("actorRole")}>
        {(props) => (
          <select
            {...props}
            className="field__control"
            value={draft.actorRole}
            onChange={(e) => set("actorRole", e.target.value as UserRole | "")}
          >
            <option value="">{t.all}</option>
            {ROLE_OPTIONS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        )}
      </Field>

      <Field label={t.actor} errors={messages("actorUserId")} hint={usersFailed ? t.usersLoadError : undefined}>
        {(props) => (
          <select
            {...props}
            className="field__control"
            value={draft.actorUserId}
            onChange={(e) => set("actorUserId", e.target.value)}
          >
            <option value="">{t.all}</option>
            {users.map((u) => (
              <option key={u.id} value={u.id}>
                {t.userOption(u.displayName, commonMessages.roles[u.role], u.active)}
              </option>
            ))}
            {actorMissing && <option value={draft.actorUserId}>{t.unknownUser(draft.actorUserId)}</option>}
          </select>
        )}
      </Field>

      <Field label={t.entityType} errors={messages("entityType")}>
        {(props) => (
          <select
            {...props}
            className="field__control"
            value={draft.entityType}
            onChange={(e) => set("entityType", e.target.value)}
          >
            <option value="">{t.all}</option>
            {ENTITY_OPTIONS.map(([value, label]) => (
              <option key={value} value={value}>{`${label} (${value})`}</option>
            ))}
            {entityMissing && <option value={draft.entityType}>{draft.entityType}</option>}
          </select>
        )}
      </Field>

      <Field label={t.recordId} hint={t.idHint} errors={messages("recordId")}>
        {(props) => (
          <input
            {...props}
            className="field__control"
            type="text"
            autoComplete="off"
            spellCheck={false}
            maxLength={AUDIT_TEXT_MAX.recordId}
            value={draft.recordId}
            onChange={(e) => set("recordId", e.target.value)}
          />
        )}
      </Field>

      <Field label={t.personId} errors={messages("personId")}>
        {(props) => (
          <input
            {...props}
            className="field__control"
            type="text"
            autoComplete="off"
            spellCheck={false}
            maxLength={36}
            value={draft.personId}
            onChange={(e) => set("personId", e.target.value)}
          />
        )}
      </Field>

      <Field label={t.requestId} errors={messages("requestId")}>
        {(props) => (
          <input
            {...props}
            className="field__control"
            type="text"
            autoComplete="off"
            spellCheck={false}
            maxLength={AUDIT_TEXT_MAX.requestId}
            value={draft.requestId}
            onChange={(e) => set("requestId", e.target.value)}
          />
        )}
      </Field>

      <Field label={t.operation} hint={t.operationHint} errors={messages("operation")}>
        {(props) => (
          <input
            {...props}
            className="field__control"
            type="text"
            autoComplete="off"
            spellCheck={false}
            maxLength={AUDIT_TEXT_MAX.operation}
            value={draft.operation}
            onChange={(e) => set("operation", e.target.value)}
          />
        )}
      </Field>

      <div className="form__actions audit-filters__actions-row">
        <button type="submit" className="button">
          {t.apply}
        </button>
        <Link to="/admin/audit">{t.clear}</Link>
      </div>
    </form>
  );
}
