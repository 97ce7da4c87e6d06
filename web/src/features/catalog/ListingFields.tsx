import type { ReactNode } from "react";
import type { ResourceKind, ResourceStatus } from "../../gql/graphql";
import {
  ACCESSIBILITY_LABELS,
  PARTICIPATION_ROLE_LABELS,
  RESOURCE_KIND_LABELS,
  RESOURCE_STATUS_LABELS,
  TARGET_GROUP_LABELS,
  TRANSPORT_OPTION_LABELS,
  catalogMessages,
} from "../../messages";
import { CheckboxGroup, Field } from "../../ui/form-fields";
import type { FieldErrorMap, ListingFormState } from "./listing-form";

const t = catalogMessages.fields;
const options = <T extends string>(labels: Record<T, string>) =>
  (Object.entries(labels) as [T, string][]).map(([value, label]) => [value, label] as const);
const KIND_OPTIONS = options(RESOURCE_KIND_LABELS);
const STATUS_OPTIONS = options(RESOURCE_STATUS_LABELS);
const TARGET_OPTIONS = options(TARGET_GROUP_LABELS);
const ROLE_OPTIONS = options(PARTICIPATION_ROLE_LABELS);
const ACCESSIBILITY_OPTIONS = options(ACCESSIBILITY_LABELS);
const TRANSPORT_OPTIONS = options(TRANSPORT_OPTION_LABELS);

export interface FieldsProps {
  form: ListingFormState;
  onChange: (form: ListingFormState) => void;
  errors: FieldErrorMap;
}

type TextKey = {
  [K in keyof ListingFormState]: ListingFormState[K] extends string ? K : never;
}[keyof ListingFormState];
type FlagKey = {
  [K in keyof ListingFormState]: ListingFormState[K] extends boolean ? K : never;
}[keyof ListingFormState];

/** A one-line text box bound to a form key; its server messages are looked up under `errorKey` (the input's path). */
function TextInput({
  name,
  label,
  hint,
  required,
  errorKey = name,
  inputMode,
  type = "text",
  props: { form, onChange, errors },
}: {
  name: TextKey;
  label: string;
  hint?: ReactNode;
  required?: boolean;
  errorKey?: string;
  inputMode?: "numeric" | "decimal" | "tel" | "email";
  type?: "text" | "tel" | "email";
  props: FieldsProps;
}) {
  return (
    <Field label={label} hint={hint} required={required} errors={errors[errorKey] ?? []}>
      {(p) => (
        <input
          {...p}
          className="field__control"
          type={type}
          inputMode={inputMode}
          autoComplete="off"
          value={form[name]}
          onChange={(e) => onChange({ ...form, [name]: e.target.value })}
        />
      )}
    </Field>
  );
}

/** Yes/no facts of a listing, as checkboxes in one fieldset. */
function Flags({ legend, flags, props }: { legend: string; flags: [FlagKey, string][]; props: FieldsProps }) {
  const { form, onChange } = props;
  return (
    <CheckboxGroup<FlagKey>
      legend={legend}
      options={flags}
      values={flags.map(([k]) => k).filter((k) => form[k])}
      onChange={(on) => onChange({ ...form, ...Object.fromEntries(flags.map(([k]) => [k, on.includes(k)])) })}
    />
  );
}

export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="form-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

/** 基本情報: name, reading, kind, status and description (the organization picker sits beside them). */
export function BasicsFields(props: FieldsProps) {
  const { form, onChange, errors } = props;
  return (
    <>
      <TextInput name="name" label={t.name} required props={props} />
      <TextInput name="nameKana" label={t.nameKana} hint={t.nameKanaHint} props={props} />
      <Field label={t.kind} required errors={errors.kind ?? []}>
        {(p) => (
          <select
            {...p}
            className="field__control"
            value={form.kind}
            onChange={(e) => onChange({ ...form, kind: e.target.value as ResourceKind | "" })}
          >
            <option value="">{t.kindChoose}</option>
            {KIND_OPTIONS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t.status} errors={errors.status ?? []}>
        {(p) => (
          <select
            {...p}
            className="field__control"
            value={form.status}
            onChange={(e) => onChange({ ...form, status: e.target.value as ResourceStatus })}
          >
            {STATUS_OPTIONS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t.description} errors={errors.description ?? []}>
        {(p) => (
          <textarea
            {...p}
            className="field__control"
            rows={5}
            maxLength={4000}
            value={form.description}
            onChange={(e) => onChange({ ...form, description: e.target.value })}
          />
        )}
      </Field>
    </>
  );
}

/** 対象となる方: groups, ages and conditions. */
export function WhoFields(props: FieldsProps) {
  const { form, onChange, errors } = props;
  return (
    <>
      <CheckboxGroup
        legend={t.targetGroups}
        options={TARGET_OPTIONS}
        values={form.targetGroups}
        onChange={(targetGroups) => onChange({ ...form, targetGroups })}
        errors={errors.targetGroups}
      />
      <div className="form-row">
        <TextInput
          name="ageMin"
          label={t.ageMin}
          hint={t.ageHint}
          errorKey="eligibility.ageMin"
          inputMode="numeric"
          props={props}
        />
        <TextInput name="ageMax" label={t.ageMax} errorKey="eligibility.ageMax" inputMode="numeric" props={props} />
      </div>
      <Flags
        legend={t.conditions}
        flags={[
          ["certificateRequired", t.certificateRequired],
          ["residenceRequired", t.residenceRequired],
          ["requiresSupportPlan", t.requiresSupportPlan],
          ["referredCasesOnly", t.referredCasesOnly],
        ]}
        props={props}
      />
    </>
  );
}

/** 参加の形と活動. */
export function ParticipationFields(props: FieldsProps) {
  const { form, onChange, errors } = props;
  return (
    <>
      <CheckboxGroup
        legend={t.rolesOffered}
        options={ROLE_OPTIONS}
        values={form.rolesOffered}
        onChange={(rolesOffered) => onChange({ ...form, rolesOffered })}
        errors={errors.rolesOffered}
      />
      <TextInput name="activities" label={t.activities} hint={t.activitiesHint} props={props} />
    </>
  );
}

/** 場所と地域: venue, address, coordinates, 地区 and reach. */
export function PlaceFields({ areas, ...props }: FieldsProps & { areas: readonly { id: string; name: string }[] }) {
  const { form, onChange, errors } = props;
  return (
    <>
      <TextInput name="venueName" label={t.venueName} props={props} />
      <TextInput name="address" label={t.address} props={props} />
      <div className="form-row">
        <TextInput name="lat" label={t.lat} hint={t.coordinatesHint} inputMode="decimal" props={props} />
        <TextInput name="lng" label={t.lng} inputMode="decimal" props={props} />
      </div>
      <CheckboxGroup
        legend={t.areas}
        options={areas.map((a) => [a.id, a.name] as const)}
        values={form.areaIds}
        onChange={(areaIds) => onChange({ ...form, areaIds })}
        errors={errors.areaIds}
      />
      <Flags
        legend={t.reach}
        flags={[
          ["citywide", t.citywide],
          ["homeBased", t.homeBased],
          ["visiting", t.visiting],
        ]}
        props={props}
      />
    </>
  );
}

/** 定員と費用. */
export function CapacityFields(props: FieldsProps) {
  return (
    <div className="form-row">
      <TextInput name="capacity" label={t.capacity} hint={t.countHint} inputMode="numeric" props={props} />
      <TextInput name="openings" label={t.openings} inputMode="numeric" props={props} />
      <TextInput
        name="costPerSessionYen"
        label={t.costPerSessionYen}
        hint={t.costHint}
        inputMode="numeric"
        props={props}
      />
    </div>
  );
}

/** アクセスとバリアフリー, and whether a visit or a trial is possible. */
export function AccessFields(props: FieldsProps) {
  const { form, onChange, errors } = props;
  return (
    <>
      <CheckboxGroup
        legend={t.accessibility}
        options={ACCESSIBILITY_OPTIONS}
        values={form.accessibility}
        onChange={(accessibility) => onChange({ ...form, accessibility })}
        errors={errors.accessibility}
      />
      <TextInput name="nearestStop" label={t.nearestStop} props={props} />
      <CheckboxGroup
        legend={t.transportOptions}
        options={TRANSPORT_OPTIONS}
        values={form.transportOptions}
        onChange={(transportOptions) => onChange({ ...form, transportOptions })}
        errors={errors.transportOptions}
      />
      <Flags
        legend={t.trial}
        flags={[
          ["visitAllowed", t.visitAllowed],
          ["trialAllowed", t.trialAllowed],
        ]}
        props={props}
      />
    </>
  );
}

/** 公開される連絡先: the listing's phones and e-mail, and its 担当者名, which only staff and its hosts see. */
export function ContactFields(props: FieldsProps) {
  return (
    <>
      <TextInput name="contactPhone" label={t.contactPhone} type="tel" inputMode="tel" props={props} />
      <TextInput name="contactPhone2" label={t.contactPhone2} type="tel" inputMode="tel" props={props} />
      <TextInput name="contactEmail" label={t.contactEmail} type="email" inputMode="email" props={props} />
      {/* Last, after what is public: the one field of the group that is not. */}
      <TextInput name="contactName" label={t.contactName} hint={t.contactNameHint} props={props} />
    </>
  );
}
