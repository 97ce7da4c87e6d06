import { useState, type FormEvent } from "react";
import { type FragmentType, graphql, useFragment } from "../../gql";
import { HOST_RESPONSE_LABELS, hostMessages } from "../../messages";
import { ErrorSummary } from "../../ui/error-summary";
import { Field } from "../../ui/form-fields";
import { fieldMessages, parseGraphQLError, type ParsedError } from "../../ui/graphql-errors";
import { awaitsAnswer } from "./referral-answer";
import { useRespondToReferral } from "./use-respond-to-referral";

export const REFERRAL_RESPONSE_FRAGMENT = graphql(`
  fragment ReferralResponse_referral on Referral {
    id
    stage
    version
    canRespond
    canRecordAttendance
    hostResponse
    hostResponseReason
  }
`);

const t = hostMessages.referral;

/**
 * 受け入れる / お断りする while the coordinator awaits an answer; お断り asks why (checked here too, so the host reads
 * お断り, the word on the button, rather than the server's wording). Afterwards, the answer given and no buttons.
 */
export function ReferralResponse({
  referral: referralRef,
}: {
  referral: FragmentType<typeof REFERRAL_RESPONSE_FRAGMENT>;
}) {
  const referral = useFragment(REFERRAL_RESPONSE_FRAGMENT, referralRef);
  const [respond, { loading }] = useRespondToReferral();
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<ParsedError | null>(null);
  const [confirmation, setConfirmation] = useState("");
  const [reasonMissing, setReasonMissing] = useState(false);
  const asking = awaitsAnswer(referral);

  const send = async (response: "ACCEPTED" | "DECLINED") => {
    setError(null);
    try {
      await respond({
        variables: {
          input: { matchId: referral.id, response, ...(response === "DECLINED" ? { reason: reason.trim() } : {}) },
        },
      });
      setConfirmation(response === "ACCEPTED" ? t.accepted : t.declined);
      setDeclining(false);
    } catch (e) {
      setError(parseGraphQLError(e));
    }
  };
  const submitDecline = (event: FormEvent) => {
    event.preventDefault();
    // The server requires the reason too (respondToReferral); asked first here in the host's words.
    const missing = !reason.trim();
    setReasonMissing(missing);
    if (!missing) void send("DECLINED");
  };

  return (
    <section className="host-section" aria-labelledby="respond-heading">
      <h2 id="respond-heading">{t.respondHeading}</h2>
      <p role="status">{confirmation}</p>
      {error && <ErrorSummary>{error.message}</ErrorSummary>}
      {referral.hostResponse && (
        <dl className="facts">
          <div className="fact">
            <dt>{t.yourResponse}</dt>
            <dd>{HOST_RESPONSE_LABELS[referral.hostResponse]}</dd>
          </div>
          {referral.hostResponseReason && (
            <div className="fact">
              <dt>{t.responseReason}</dt>
              <dd>{referral.hostResponseReason}</dd>
            </div>
          )}
        </dl>
      )}
      {referral.hostResponse === "ACCEPTED" && <p>{t.changeAnswer}</p>}
      {asking && !declining && (
        <>
          <p>{t.respondLead}</p>
          <div className="button-row">
            <button
              type="button"
              className="button button--large"
              disabled={loading}
              onClick={() => void send("ACCEPTED")}
            >
              {t.accept}
            </button>
            <button
              type="button"
              className="button button--secondary button--large"
              disabled={loading}
              onClick={() => setDeclining(true)}
            >
              {t.decline}
            </button>
          </div>
        </>
      )}
      {asking && declining && (
        <form onSubmit={submitDecline} noValidate>
          <Field
            label={t.declineReason}
            hint={t.declineReasonHint}
            errors={reasonMissing ? [t.declineReasonRequired] : fieldMessages(error, "reason")}
          >
            {(props) => (
              <textarea
                {...props}
                className="field__control"
                rows={3}
                maxLength={1000}
                required
                autoFocus
                value={reason}
                onChange={(e) => setReason(e.target.value)}
              />
            )}
          </Field>
          <div className="button-row">
            <button type="submit" className="button button--large" disabled={loading}>
              {t.sendDecline}
            </button>
            <button
              type="button"
              className="button button--secondary button--large"
              onClick={() => setDeclining(false)}
            >
              {t.cancel}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
