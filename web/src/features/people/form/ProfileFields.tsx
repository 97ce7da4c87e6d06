import type {
  AgeBand,
  AreaType,
  Certificate,
  ContactPreference,
  HouseholdCircumstance,
  HouseholdIssue,
  ParticipationLevel,
} from "../../../gql/graphql";
import {
  AGE_BAND_LABELS,
  AREA_TYPE_LABELS,
  CONTACT_PREFERENCE_LABELS,
  CERTIFICATE_LABELS,
  HOUSEHOLD_CIRCUMSTANCE_LABELS,
  HOUSEHOLD_ISSUE_LABELS,
  PARTICIPATION_LEVEL_LABELS,
  personFormMessages,
} from "../../../messages";
import { CheckboxGroup, Field } from "../../../ui/form-fields";
import type { FieldErrorMap, PersonFormState } from "./person-form";

const t = personFormMessages.profile;
const AGE_BANDS = Object.entries(AGE_BAND_LABELS) as [AgeBand, string][];
const LEVELS = Object.entries(PARTICIPATION_LEVEL_LABELS) as [ParticipationLevel, string][];
const CONTACT_PREFERENCES = Object.entries(CONTACT_PREFERENCE_LABELS) as [ContactPreference, string][];
const HOUSEHOLD_ISSUES = Object.entries(HOUSEHOLD_ISSUE_LABELS) as [HouseholdIssue, string][];
const HOUSEHOLD_CIRCUMSTANCES = Object.entries(HOUSEHOLD_CIRCUMSTANCE_LABELS) as [HouseholdCircumstance, string][];
const CERTIFICATES = Object.entries(CERTIFICATE_LABELS) as [Certificate, string][];
const AREA_TYPES = Object.keys(AREA_TYPE_LABELS) as AreaType[];

export interface AreaOption {
  id: string;
  name: string;
  type: AreaType;
}

/**
 * 本人について, 連絡 and 世帯の状況: the same fields on 本人の登録 and 本人の情報を編集. `registeredOn` is asked only when
 * registering (it is the day the consultation was received, which an edit does not change).
 */
export function ProfileFields({
  form,
  onChange,
  errors,
  areas,
  areasLoading,
  registeredOn,
}: {
  form: PersonFormState;
  onChange: (form: PersonFormState) => void;
  errors: FieldErrorMap;
  areas: readonly AreaOption[];
  areasLoading: boolean;
  registeredOn?: { value: string; max: string; onChange: (value: string) => void };
}) {
  const set = (patch: Partial<PersonFormState>) => onChange({ ...form, ...patch });
  const err = (field: string) => errors[field] ?? [];
  const birthYearGiven = form.birthYear.trim() !== "";
  const areaGroups = AREA_TYPES.map((type) => [type, areas.filter((a) => a.type === type)] as const).filter(
    ([, list]) => list.length,
  );

  return (
    <>
      <fieldset className="form-section">
        <legend>{t.legend}</legend>
        <Field
          label={t.displayName}
          hint={t.displayNameHint}
          errors={err("displayName")}
          required
          className="field--wide"
        >
          {(props) => (
            <input
              {...props}
              type="text"
              className="field__control"
              required
              maxLength={100}
              autoComplete="off"
              value={form.displayName}
              onChange={(e) => set({ displayName: e.target.value })}
            />
          )}
        </Field>
        <Field label={t.nameKana} hint={t.nameKanaHint} errors={err("nameKana")} className="field--wide">
          {(props) => (
            <input
              {...props}
              type="text"
              className="field__control"
              maxLength={100}
              autoComplete="off"
              value={form.nameKana}
              onChange={(e) => set({ nameKana: e.target.value })}
            />
          )}
        </Field>
        <div className="field-row">
          <Field label={t.birthYear} hint={t.birthYearHint} errors={err("birthYear")}>
            {(props) => (
              <input
                {...props}
                type="text"
                inputMode="numeric"
                className="field__control field__control--short"
                maxLength={4}
                autoComplete="off"
                value={form.birthYear}
                onChange={(e) => set({ birthYear: e.target.value })}
              />
            )}
          </Field>
          <Field
            label={t.ageBand}
            hint={birthYearGiven ? t.ageBandFromBirthYear : t.ageBandHint}
            errors={err("ageBand")}
          >
            {(props) => (
              <select
                {...props}
                className="field__control"
                disabled={birthYearGiven}
                value={form.ageBand}
                onChange={(e) => set({ ageBand: e.target.value as AgeBand | "" })}
              >
                <option value="">{t.ageBandUnknown}</option>
                {AGE_BANDS.map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <Field label={t.area} hint={areasLoading ? t.areasLoading : t.areaHint} errors={err("areaId")}>
          {(props) => (
            <select
              {...props}
              className="field__control"
              value={form.areaId}
              onChange={(e) => set({ areaId: e.target.value })}
            >
              <option value="">{t.areaNone}</option>
              {areaGroups.map(([type, list]) => (
                <optgroup key={type} label={AREA_TYPE_LABELS[type]}>
                  {list.map((area) => (
                    <option key={area.id} value={area.id}>
                      {area.name}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          )}
        </Field>
        <Field label={t.participationLevel} hint={t.participationLevelHint} errors={err("participationLevel")}>
          {(props) => (
            <select
              {...props}
              className="field__control"
              value={form.participationLevel}
              onChange={(e) => set({ participationLevel: e.target.value as ParticipationLevel })}
            >
              {LEVELS.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
        {registeredOn && (
          <Field label={t.registeredOn} hint={t.registeredOnHint} errors={err("registeredOn")}>
            {(props) => (
              <input
                {...props}
                type="date"
                className="field__control"
                max={registeredOn.max}
                value={registeredOn.value}
                onChange={(e) => registeredOn.onChange(e.target.value)}
              />
            )}
          </Field>
        )}
      </fieldset>

      <fieldset className="form-section">
        <legend>{t.contactLegend}</legend>
        <Field label={t.contactPreference} errors={err("contactPreference")}>
          {(props) => (
            <select
              {...props}
              className="field__control"
              value={form.contactPreference}
              onChange={(e) => set({ contactPreference: e.target.value as ContactPreference | "" })}
            >
              <option value="">{t.contactPreferenceNone}</option>
              {CONTACT_PREFERENCES.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t.contactNote} hint={t.contactNoteHint} errors={err("contactNote")} className="field--wide">
          {(props) => (
            <textarea
              {...props}
              className="field__control"
              rows={2}
              maxLength={500}
              value={form.contactNote}
              onChange={(e) => set({ contactNote: e.target.value })}
            />
          )}
        </Field>
      </fieldset>

      <fieldset className="form-section">
        <legend>{t.householdLegend}</legend>
        <CheckboxGroup
          legend={t.householdIssues}
          options={HOUSEHOLD_ISSUES}
          values={form.householdIssues}
          onChange={(householdIssues) => set({ householdIssues })}
          errors={err("householdIssues")}
        />
        <CheckboxGroup
          legend={t.householdCircumstances}
          hint={t.householdCircumstancesHint}
          options={HOUSEHOLD_CIRCUMSTANCES}
          values={form.householdCircumstances}
          onChange={(householdCircumstances) => set({ householdCircumstances })}
          errors={err("householdCircumstances")}
        />
        <CheckboxGroup
          legend={t.certificates}
          hint={t.certificatesHint}
          options={CERTIFICATES}
          values={form.certificates}
          onChange={(certificates) => set({ certificates })}
          errors={err("certificates")}
        />
        <Field label={t.householdNote} errors={err("householdNote")} className="field--wide">
          {(props) => (
            <textarea
              {...props}
              className="field__control"
              rows={3}
              maxLength={2000}
              value={form.householdNote}
              onChange={(e) => set({ householdNote: e.target.value })}
            />
          )}
        </Field>
      </fieldset>
    </>
  );
}
