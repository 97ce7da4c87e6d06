import { useState, type FormEvent } from "react";
import { peopleMessages } from "../../messages";
import { Field } from "../../ui/form-fields";
import { parseGraphQLError } from "../../ui/graphql-errors";
import { useWithdrawConsent } from "./use-consent-mutations";

const t = peopleMessages.detail.withdraw;

/** 撤回を記録 for one active consent: asks why (the server requires it), then records it. */
export function WithdrawConsent({ consentId, onDone }: { consentId: string; onDone: (message: string) => void }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<string[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [withdraw, { loading }] = useWithdrawConsent();

  if (!open) {
    return <button type="button" className="button button--small button--secondary" onClick={() => setOpen(true)}>{t.open}</button>;
  }

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    try {
      await withdraw({ variables: { input: { consentId, reason: reason.trim() } } });
      setOpen(false);
      onDone(t.saved);
    } catch (err) {
      const parsed = parseGraphQLError(err);
      setErrors(parsed.fieldErrors.reason ?? []);
      setFailure(parsed.message);
    }
  };

  return (
    <form className="withdraw-form" onSubmit={(e) => void submit(e)} noValidate>
      <Field label={t.reason} errors={errors} required className="field--wide">
        {(props) => <textarea {...props} className="field__control" rows={2} maxLength={1000} required value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      {failure && <p className="notice notice--error" role="alert">{failure}</p>}
      <div className="form__actions">
        <button type="submit" className="button button--small" disabled={loading}>{loading ? t.saving : t.submit}</button>
        <button type="button" className="button button--small button--secondary" onClick={() => setOpen(false)}>{t.cancel}</button>
      </div>
    </form>
  );
}
