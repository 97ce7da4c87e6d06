import { useId, useState } from "react";
import { useQuery } from "@apollo/client/react";
import { graphql } from "../../../gql";
import type { ConsentFact, ConsentMethod, ConsentPurpose } from "../../../gql/graphql";
import {
  CONSENT_FACT_LABELS,
  CONSENT_METHOD_LABELS,
  CONSENT_PURPOSE_LABELS,
  commonMessages,
  personFormMessages,
} from "../../../messages";
import { CheckboxGroup, Field, FieldErrors, RadioGroup, useDescribedBy } from "../../../ui/form-fields";
import { useDebouncedValue } from "../../../ui/use-debounced-value";
import type { BasisFormState, ConsentFormState, FieldErrorMap } from "./person-form";

export const MY_SUPPORT_MEETING_GROUPS_QUERY = graphql(`
  query MySupportMeetingGroups {
    mySupportMeetingGroups {
      id
      name
    }
  }
`);

export const ORGANIZATION_OPTIONS_QUERY = graphql(`
  query OrganizationOptions($text: String, $first: Int!) {
    organizations(text: $text, first: $first) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

/** How many organizations the host list offers at once; typing narrows it. */
export const ORGANIZATION_OPTIONS_COUNT = 30;
const SEARCH_DEBOUNCE_MS = 250;

const t = personFormMessages.basis;
const PURPOSES = Object.entries(CONSENT_PURPOSE_LABELS) as [ConsentPurpose, string][];
const METHODS = Object.entries(CONSENT_METHOD_LABELS) as [ConsentMethod, string][];
const FACTS = Object.entries(CONSENT_FACT_LABELS) as [ConsentFact, string][];
const HOST_SCOPES = [
  ["ANY", t.hostAny],
  ["SPECIFIC", t.hostSpecific],
] as const;

/**
 * 登録の根拠: the person's consent (recorded with the registration) or a 支援会議 the viewer sits on. Each choice says
 * in plain words what it means for who sees the person. The 支援会議 choice is offered only to members of one.
 */
export function BasisFields({
  basis,
  onChange,
  errors,
  today,
}: {
  basis: BasisFormState;
  onChange: (basis: BasisFormState) => void;
  errors: FieldErrorMap;
  today: string;
}) {
  const name = useId();
  const noteId = useId();
  const err = (field: string) => errors[field] ?? [];
  const { data, loading } = useQuery(MY_SUPPORT_MEETING_GROUPS_QUERY);
  const groups = data?.mySupportMeetingGroups ?? [];
  const noGroups = !loading && groups.length === 0;
  const { hintId, errorId, controlProps } = useDescribedBy(t.hint, err("consent"));
  const set = (patch: Partial<BasisFormState>) => onChange({ ...basis, ...patch });

  const choices = [
    { kind: "CONSENT" as const, label: t.consent, note: t.consentNote, disabled: false },
    {
      kind: "MEETING" as const,
      label: t.meeting,
      note: noGroups ? `${t.meetingNote} ${t.meetingNoGroups}` : t.meetingNote,
      disabled: noGroups,
    },
  ];

  return (
    <fieldset className="form-section">
      <legend>{t.legend}</legend>
      <fieldset className="choice-group" aria-describedby={controlProps["aria-describedby"]}>
        <legend className="field__label">
          {t.choice}
          <span className="field__required" aria-hidden="true">
            {commonMessages.required}
          </span>
        </legend>
        <p className="field__hint" id={hintId}>
          {t.hint}
        </p>
        <div className="choice-group__options choice-group__options--stacked">
          {choices.map((choice) => (
            <div key={choice.kind} className="basis-choice">
              <label className="choice">
                <input
                  type="radio"
                  name={name}
                  value={choice.kind}
                  checked={basis.kind === choice.kind}
                  disabled={choice.disabled}
                  aria-describedby={`${noteId}-${choice.kind}`}
                  onChange={() => set({ kind: choice.kind })}
                />
                <span>{choice.label}</span>
              </label>
              <p className="choice__note basis-choice__note" id={`${noteId}-${choice.kind}`}>
                {choice.note}
              </p>
            </div>
          ))}
        </div>
        <FieldErrors id={errorId} messages={err("consent")} />
      </fieldset>

      {basis.kind === "CONSENT" && (
        <ConsentFields consent={basis.consent} onChange={(consent) => set({ consent })} errors={errors} today={today} />
      )}
      {basis.kind === "MEETING" && (
        <Field
          label={t.meetingGroup}
          hint={loading ? t.meetingGroupsLoading : undefined}
          errors={err("supportMeetingGroupId")}
          required
        >
          {(props) => (
            <select
              {...props}
              className="field__control"
              required
              value={basis.supportMeetingGroupId}
              onChange={(e) => set({ supportMeetingGroupId: e.target.value })}
            >
              <option value="">{t.meetingGroupChoose}</option>
              {groups.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
    </fieldset>
  );
}

/** The consent's content, as on 同意を記録 of 本人の詳細; the facts and the host are asked only for a referral. */
function ConsentFields({
  consent,
  onChange,
  errors,
  today,
}: {
  consent: ConsentFormState;
  onChange: (consent: ConsentFormState) => void;
  errors: FieldErrorMap;
  today: string;
}) {
  const set = (patch: Partial<ConsentFormState>) => onChange({ ...consent, ...patch });
  const err = (field: string) => errors[`consent.${field}`] ?? [];
  const referral = consent.purpose === "HOST_REFERRAL";

  return (
    <fieldset className="form-section basis-consent">
      <legend>{t.consentLegend}</legend>
      <Field label={t.purpose} errors={err("purpose")} required>
        {(props) => (
          <select
            {...props}
            className="field__control"
            required
            value={consent.purpose}
            onChange={(e) => set({ purpose: e.target.value as ConsentPurpose })}
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
            values={consent.facts}
            onChange={(facts) => set({ facts })}
            errors={err("facts")}
          />
          <RadioGroup
            legend={t.hostScope}
            options={HOST_SCOPES}
            value={consent.hostScope}
            onChange={(hostScope) => set({ hostScope })}
          />
          {consent.hostScope === "SPECIFIC" && (
            <OrganizationPicker
              value={consent.organization}
              onChange={(organization) => set({ organization })}
              errors={err("organizationId")}
            />
          )}
        </>
      )}
      <RadioGroup
        legend={t.method}
        required
        options={METHODS}
        value={consent.method || null}
        onChange={(method) => set({ method })}
        errors={err("method")}
      />
      <div className="field-row">
        <Field label={t.givenOn} errors={err("givenOn")} required>
          {(props) => (
            <input
              {...props}
              type="date"
              className="field__control"
              required
              max={today}
              value={consent.givenOn}
              onChange={(e) => set({ givenOn: e.target.value })}
            />
          )}
        </Field>
        <Field label={t.expiresOn} hint={t.expiresOnHint} errors={err("expiresOn")}>
          {(props) => (
            <input
              {...props}
              type="date"
              className="field__control"
              min={consent.givenOn || undefined}
              value={consent.expiresOn}
              onChange={(e) => set({ expiresOn: e.target.value })}
            />
          )}
        </Field>
      </div>
      <Field label={t.note} errors={err("note")} className="field--wide">
        {(props) => (
          <textarea
            {...props}
            className="field__control"
            rows={2}
            maxLength={1000}
            value={consent.note}
            onChange={(e) => set({ note: e.target.value })}
          />
        )}
      </Field>
    </fieldset>
  );
}

type Organization = { id: string; name: string };

/**
 * A specific host: a search box narrowing a plain select (no custom combobox to get wrong for screen readers). The
 * chosen organization stays in the list while the search changes.
 */
function OrganizationPicker({
  value,
  onChange,
  errors,
}: {
  value: Organization | null;
  onChange: (organization: Organization | null) => void;
  errors: readonly string[];
}) {
  const [text, setText] = useState("");
  const search = useDebouncedValue(text.trim(), SEARCH_DEBOUNCE_MS);
  const { data, previousData, loading } = useQuery(ORGANIZATION_OPTIONS_QUERY, {
    variables: { text: search || null, first: ORGANIZATION_OPTIONS_COUNT },
  });
  const found = (data ?? previousData)?.organizations.edges.map((e) => e.node) ?? [];
  const options = value && !found.some((o) => o.id === value.id) ? [value, ...found] : found;
  const status = loading ? t.organizationsLoading : found.length === 0 ? t.organizationsNone : "";

  return (
    <div>
      <Field label={t.orgSearch} hint={t.orgSearchHint}>
        {(props) => (
          <input
            {...props}
            type="search"
            className="field__control"
            autoComplete="off"
            maxLength={100}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        )}
      </Field>
      <Field label={t.organization} hint={status || undefined} errors={errors} required>
        {(props) => (
          <select
            {...props}
            className="field__control"
            required
            value={value?.id ?? ""}
            onChange={(e) => onChange(options.find((o) => o.id === e.target.value) ?? null)}
          >
            <option value="">{t.organizationChoose}</option>
            {options.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        )}
      </Field>
    </div>
  );
}
