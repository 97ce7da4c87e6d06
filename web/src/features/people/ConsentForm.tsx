import { useState, type FormEvent } from "react";
import { useQuery } from "@apollo/client/react";
import { graphql } from "../../gql";
import type { ConsentFact, ConsentMethod, ConsentPurpose } from "../../gql/graphql";
import {
  CONSENT_FACT_LABELS,
  CONSENT_METHOD_LABELS,
  CONSENT_PURPOSE_LABELS,
  errorMessages,
  peopleMessages,
} from "../../messages";
import { today } from "@tsunagu/calendar";
import { CheckboxGroup, Field } from "../../ui/form-fields";
import { parseGraphQLError } from "../../ui/graphql-errors";
import { useRecordConsent } from "./use-consent-mutations";
import { ErrorSummary } from "../../ui/error-summary";
import { HostPersonFacts } from "../host/SharedFacts";

/** The host's view for the ticked facts, computed by the server with the referral's own projection; writes nothing. */
const CONSENT_PREVIEW = graphql(`
  query ConsentPreview($input: ConsentPreviewInput!) {
    consentPreview(input: $input) {
      displayName
      ...HostPerson_person
    }
  }
`);

const t = peopleMessages.detail.consentForm;
const PURPOSES = Object.entries(CONSENT_PURPOSE_LABELS) as [ConsentPurpose, string][];
const METHODS = Object.entries(CONSENT_METHOD_LABELS) as [ConsentMethod, string][];
const FACTS = Object.entries(CONSENT_FACT_LABELS) as [ConsentFact, string][];

export interface HostOption {
  id: string;
  name: string;
}

/**
 * 同意を記録: purpose, what may be told to hosts and to which one, how and when it was given, until when. The facts
 * and the host only mean something for a referral consent, so they are asked only then.
 */
export function ConsentForm({
  personId,
  hosts,
  onDone,
}: {
  personId: string;
  hosts: readonly HostOption[];
  onDone: (message: string) => void;
}) {
  const [record, { loading }] = useRecordConsent(personId);
  const [purpose, setPurpose] = useState<ConsentPurpose | "">("HOST_REFERRAL");
  const [facts, setFacts] = useState<ConsentFact[]>(["DISPLAY_NAME", "NEEDS"]);
  const [organizationId, setOrganizationId] = useState("");
  const [method, setMethod] = useState<ConsentMethod | "">("");
  const [givenOn, setGivenOn] = useState(today());
  const [expiresOn, setExpiresOn] = useState("");
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const referral = purpose === "HOST_REFERRAL";
  const preview = useQuery(CONSENT_PREVIEW, {
    variables: { input: { personId, facts } },
    skip: !referral,
    fetchPolicy: "network-only",
  });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const missing: Record<string, string[]> = {};
    if (!purpose) missing.purpose = [t.choosePurpose];
    if (!method) missing.method = [t.chooseMethod];
    if (!givenOn) missing.givenOn = [t.enterDate];
    if (!purpose || !method || !givenOn) {
      setErrors(missing);
      setFailure(errorMessages.checkInput);
      return;
    }
    setErrors({});
    setFailure(null);
    try {
      await record({
        variables: {
          input: {
            personId,
            purpose,
            method,
            givenOn,
            note: note.trim(),
            facts: referral ? facts : [],
            organizationId: referral && organizationId ? organizationId : null,
            expiresOn: expiresOn || null,
          },
        },
      });
      onDone(t.saved);
    } catch (err) {
      const parsed = parseGraphQLError(err);
      setErrors(parsed.fieldErrors);
      setFailure(parsed.message);
    }
  };

  return (
    <form
      className="form-section consent-form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-labelledby="consent-form-title"
    >
      <h3 id="consent-form-title">{t.title}</h3>
      <Field label={t.purpose} errors={errors.purpose ?? []} required>
        {(props) => (
          <select
            {...props}
            className="field__control"
            required
            value={purpose}
            onChange={(e) => setPurpose(e.target.value as ConsentPurpose | "")}
          >
            {PURPOSES.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        )}
      </Field>
      {referral && (
        <>
          <CheckboxGroup
            legend={t.facts}
            hint={t.factsHint}
            options={FACTS}
            values={facts}
            onChange={setFacts}
            errors={errors.facts ?? []}
          />
          <section className="consent-preview" aria-labelledby="consent-preview-heading" aria-live="polite">
            <h4 id="consent-preview-heading">{t.previewHeading}</h4>
            <p className="field__hint">{t.previewHint}</p>
            {preview.data ? (
              facts.length === 0 ? (
                <p>{t.previewNothing}</p>
              ) : (
                <HostPersonFacts person={preview.data.consentPreview} />
              )
            ) : (
              <p>{t.previewLoading}</p>
            )}
          </section>
          <Field label={t.host} hint={hosts.length ? t.hostHint : undefined} errors={errors.organizationId ?? []}>
            {(props) => (
              <select
                {...props}
                className="field__control"
                value={organizationId}
                onChange={(e) => setOrganizationId(e.target.value)}
              >
                <option value="">{t.hostAny}</option>
                {hosts.map((h) => (
                  <option key={h.id} value={h.id}>
                    {h.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </>
      )}
      <Field label={t.method} errors={errors.method ?? []} required>
        {(props) => (
          <select
            {...props}
            className="field__control"
            required
            value={method}
            onChange={(e) => setMethod(e.target.value as ConsentMethod | "")}
          >
            <option value="">—</option>
            {METHODS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="field-row">
        <Field label={t.givenOn} errors={errors.givenOn ?? []} required>
          {(props) => (
            <input
              {...props}
              type="date"
              className="field__control"
              required
              max={today()}
              value={givenOn}
              onChange={(e) => setGivenOn(e.target.value)}
            />
          )}
        </Field>
        <Field label={t.expiresOn} hint={t.expiresOnHint} errors={errors.expiresOn ?? []}>
          {(props) => (
            <input
              {...props}
              type="date"
              className="field__control"
              min={givenOn || undefined}
              value={expiresOn}
              onChange={(e) => setExpiresOn(e.target.value)}
            />
          )}
        </Field>
      </div>
      <Field label={t.note} errors={errors.note ?? []} className="field--wide">
        {(props) => (
          <textarea
            {...props}
            className="field__control"
            rows={2}
            maxLength={1000}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        )}
      </Field>
      {failure && <ErrorSummary>{failure}</ErrorSummary>}
      <div className="form__actions">
        <button type="submit" className="button" disabled={loading}>
          {loading ? t.saving : t.submit}
        </button>
      </div>
    </form>
  );
}
