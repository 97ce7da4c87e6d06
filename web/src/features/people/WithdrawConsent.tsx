import { useState, type FormEvent } from "react";
import { useApolloClient } from "@apollo/client/react";
import { useNavigate } from "react-router";
import { peopleMessages, withSan } from "../../messages";
import { flashState } from "../../ui/flash-status";
import { Field } from "../../ui/form-fields";
import { parseGraphQLError } from "../../ui/graphql-errors";
import { PERSON_TRACK_QUERY, useWithdrawConsent } from "./use-consent-mutations";

const t = peopleMessages.detail.withdraw;

/**
 * 撤回を記録 for one active consent: asks why (the server requires it), then records it. A coordinator sees a person
 * only on a basis in force (an active consent, or a 支援会議 they sit on): withdrawing the last consent warns first,
 * and when the re-read says the person is no longer visible, the page goes back to 本人一覧 and says why.
 */
export function WithdrawConsent({
  consentId,
  personId,
  personName: name,
  lastActive,
  onDone,
}: {
  consentId: string;
  personId: string;
  personName: string;
  lastActive: boolean;
  onDone: (message: string) => void;
}) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<string[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [withdraw, { loading }] = useWithdrawConsent();
  const client = useApolloClient();
  const navigate = useNavigate();
  const warningId = `withdraw-warning-${consentId}`;

  if (!open) {
    return (
      <button type="button" className="button button--small button--secondary" onClick={() => setOpen(true)}>
        {t.open}
      </button>
    );
  }

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    try {
      await withdraw({ variables: { input: { consentId, reason: reason.trim() } } });
    } catch (err) {
      const parsed = parseGraphQLError(err);
      setErrors(parsed.fieldErrors.reason ?? []);
      setFailure(parsed.message);
      return;
    }
    setOpen(false);
    // The person's basis (track) is the server's rule; ask it rather than guess whether they are still visible.
    const stillVisible = await client
      .query({ query: PERSON_TRACK_QUERY, variables: { id: personId }, fetchPolicy: "network-only" })
      .then(
        () => true,
        (err: unknown) => parseGraphQLError(err).code !== "NOT_FOUND",
      );
    if (stillVisible) onDone(t.saved);
    else void navigate("/people", { state: flashState(t.savedHidden(withSan(name))) });
  };

  return (
    <form
      className="withdraw-form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-describedby={lastActive ? warningId : undefined}
    >
      {lastActive && (
        <p id={warningId} className="notice notice--warn">
          {t.lastActive}
        </p>
      )}
      <Field label={t.reason} errors={errors} required className="field--wide">
        {(props) => (
          <textarea
            {...props}
            className="field__control"
            rows={2}
            maxLength={1000}
            required
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        )}
      </Field>
      {failure && (
        <p className="notice notice--error" role="alert">
          {failure}
        </p>
      )}
      <div className="form__actions">
        <button type="submit" className="button button--small" disabled={loading}>
          {loading ? t.saving : t.submit}
        </button>
        <button type="button" className="button button--small button--secondary" onClick={() => setOpen(false)}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}
