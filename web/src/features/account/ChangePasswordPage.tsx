import { useState, type FormEvent } from "react";
import { adminMessages, errorMessages } from "../../messages";
import { Field } from "../../ui/form-fields";
import { parseGraphQLError } from "../../ui/graphql-errors";
import { EMPTY_PASSWORD_FORM, toChangePasswordInput, type PasswordForm } from "./password-form";
import { useChangePassword } from "./use-change-password";
import { ErrorSummary } from "../../ui/error-summary";

const t = adminMessages.password;

/** パスワードの変更, for every signed-in role. */
export function ChangePasswordPage() {
  const [form, setForm] = useState<PasswordForm>(EMPTY_PASSWORD_FORM);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [changed, setChanged] = useState(false);
  const [show, setShow] = useState(false);
  const [change, { loading }] = useChangePassword();
  const set = (key: keyof PasswordForm, value: string) => setForm((f) => ({ ...f, [key]: value }));
  const field = (key: string) => errors[key] ?? [];
  const type = show ? "text" : "password";

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setChanged(false);
    setFailure(null);
    const checked = toChangePasswordInput(form);
    if (!checked.ok) {
      setErrors(checked.errors);
      setFailure(errorMessages.checkInput);
      return;
    }
    setErrors({});
    try {
      await change({ variables: { input: checked.input } });
      setForm(EMPTY_PASSWORD_FORM);
      setShow(false);
      setChanged(true);
    } catch (err) {
      const parsed = parseGraphQLError(err);
      setErrors(parsed.fieldErrors);
      setFailure(parsed.message);
    }
  };

  return (
    <>
      <h1>{t.pageTitle}</h1>
      <p className="page-lead">{t.pageLead}</p>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-label={t.pageTitle}>
        <div className="form-section">
          <Field label={t.current} required errors={field("currentPassword")}>
            {(props) => (
              <input
                {...props}
                className="field__control"
                type={type}
                required
                autoComplete="current-password"
                spellCheck={false}
                value={form.currentPassword}
                onChange={(e) => set("currentPassword", e.target.value)}
              />
            )}
          </Field>
          <Field label={t.next} required hint={adminMessages.passwordPolicy} errors={field("newPassword")}>
            {(props) => (
              <input
                {...props}
                className="field__control"
                type={type}
                required
                autoComplete="new-password"
                spellCheck={false}
                value={form.newPassword}
                onChange={(e) => set("newPassword", e.target.value)}
              />
            )}
          </Field>
          <Field label={t.confirm} required hint={t.confirmHint} errors={field("confirmation")}>
            {(props) => (
              <input
                {...props}
                className="field__control"
                type={type}
                required
                autoComplete="new-password"
                spellCheck={false}
                value={form.confirmation}
                onChange={(e) => set("confirmation", e.target.value)}
              />
            )}
          </Field>
          <label className="choice">
            <input type="checkbox" checked={show} onChange={(e) => setShow(e.target.checked)} />
            <span>{t.showPasswords}</span>
          </label>
        </div>
        {failure && <ErrorSummary>{failure}</ErrorSummary>}
        <div role="status">{changed && <p className="notice notice--success">{t.changed}</p>}</div>
        <div className="form__actions">
          <button type="submit" className="button" disabled={loading}>
            {loading ? t.submitting : t.submit}
          </button>
        </div>
      </form>
    </>
  );
}
