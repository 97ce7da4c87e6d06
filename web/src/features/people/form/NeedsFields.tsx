import type {
  Accessibility,
  GroupSizePreference,
  Mobility,
  ParticipationRole,
  ResourceKind,
  TargetGroup,
  TimeBand,
  Weekday,
} from "../../../gql/graphql";
import {
  ACCESSIBILITY_LABELS,
  GROUP_SIZE_LABELS,
  MOBILITY_LABELS,
  PARTICIPATION_ROLE_LABELS,
  RESOURCE_KIND_LABELS,
  TARGET_GROUP_LABELS,
  TIME_BANDS_IN_ORDER,
  TIME_BAND_LABELS,
  WEEKDAYS_IN_ORDER,
  WEEKDAY_LABELS,
  personFormMessages,
} from "../../../messages";
import { CheckboxGroup, Field, RadioGroup } from "../../../ui/form-fields";
import type { FieldErrorMap, NeedsFormState } from "./person-form";

const t = personFormMessages.needs;
const entries = <T extends string>(labels: Record<T, string>) => Object.entries(labels) as [T, string][];
const KINDS = entries<ResourceKind>(RESOURCE_KIND_LABELS);
const TARGET_GROUPS = entries<TargetGroup>(TARGET_GROUP_LABELS);
const WEEKDAYS = WEEKDAYS_IN_ORDER.map((d) => [d, WEEKDAY_LABELS[d]] as [Weekday, string]);
const TIME_BANDS = TIME_BANDS_IN_ORDER.map((b) => [b, TIME_BAND_LABELS[b]] as [TimeBand, string]);
const MOBILITIES = entries<Mobility>(MOBILITY_LABELS);
const GROUP_SIZES = entries<GroupSizePreference>(GROUP_SIZE_LABELS);
const ROLES = entries<ParticipationRole>(PARTICIPATION_ROLE_LABELS);
const ACCESSIBILITY = entries<Accessibility>(ACCESSIBILITY_LABELS);

/** Distances a coordinator can say aloud; a value recorded otherwise (by an import) stays selectable. */
const DISTANCES = [300, 500, 1000, 1500, 2000, 3000, 5000, 10000, 20000];

function distanceOptions(current: string): number[] {
  const value = Number(current);
  return current && !DISTANCES.includes(value) ? [...DISTANCES, value].sort((a, b) => a - b) : DISTANCES;
}

/**
 * The needs profile (NeedsInput): what the person would like to do, when, how they get about, and what they need.
 * Suggestions are ranked from it, so every item is a choice the matching understands. Errors are keyed `needs.*`.
 */
export function NeedsFields({
  needs,
  onChange,
  errors,
}: {
  needs: NeedsFormState;
  onChange: (needs: NeedsFormState) => void;
  errors: FieldErrorMap;
}) {
  const set = (patch: Partial<NeedsFormState>) => onChange({ ...needs, ...patch });
  const err = (field: string) => errors[`needs.${field}`] ?? [];

  return (
    <fieldset className="form-section">
      <legend>{t.legend}</legend>
      <p className="section-lead">{t.lead}</p>
      <Field
        label={t.wantedActivities}
        hint={t.wantedActivitiesHint}
        errors={err("wantedActivities")}
        className="field--wide"
      >
        {(props) => (
          <input
            {...props}
            type="text"
            className="field__control"
            autoComplete="off"
            value={needs.wantedActivities}
            onChange={(e) => set({ wantedActivities: e.target.value })}
          />
        )}
      </Field>
      <CheckboxGroup
        legend={t.wantedKinds}
        options={KINDS}
        values={needs.wantedKinds}
        onChange={(wantedKinds) => set({ wantedKinds })}
        errors={err("wantedKinds")}
      />
      <CheckboxGroup
        legend={t.targetGroups}
        options={TARGET_GROUPS}
        values={needs.targetGroups}
        onChange={(targetGroups) => set({ targetGroups })}
        errors={err("targetGroups")}
      />
      <CheckboxGroup
        legend={t.weekdays}
        options={WEEKDAYS}
        values={needs.weekdays}
        onChange={(weekdays) => set({ weekdays })}
        errors={err("weekdays")}
      />
      <CheckboxGroup
        legend={t.timeBands}
        options={TIME_BANDS}
        values={needs.timeBands}
        onChange={(timeBands) => set({ timeBands })}
        errors={err("timeBands")}
      />
      <RadioGroup
        legend={t.mobility}
        options={MOBILITIES}
        value={needs.mobility}
        onChange={(mobility) => set({ mobility })}
        errors={err("mobility")}
      />
      <Field label={t.maxTravel} errors={err("maxTravelMeters")}>
        {(props) => (
          <select
            {...props}
            className="field__control"
            value={needs.maxTravelMeters}
            onChange={(e) => set({ maxTravelMeters: e.target.value })}
          >
            <option value="">{t.maxTravelNone}</option>
            {distanceOptions(needs.maxTravelMeters).map((m) => (
              <option key={m} value={String(m)}>
                {t.maxTravelOption(m)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <RadioGroup
        legend={t.groupSize}
        options={GROUP_SIZES}
        value={needs.groupSize}
        onChange={(groupSize) => set({ groupSize })}
        errors={err("groupSize")}
      />
      <CheckboxGroup
        legend={t.roles}
        options={ROLES}
        values={needs.roles}
        onChange={(roles) => set({ roles })}
        errors={err("roles")}
      />
      <CheckboxGroup
        legend={t.accessibility}
        options={ACCESSIBILITY}
        values={needs.accessibility}
        onChange={(accessibility) => set({ accessibility })}
        errors={err("accessibility")}
      />
      <CheckboxGroup
        legend={t.cost}
        options={[["FREE_ONLY", t.freeOnly]] as const}
        values={needs.freeOnly ? ["FREE_ONLY"] : []}
        onChange={(values) => set({ freeOnly: values.length > 0 })}
        errors={err("freeOnly")}
      />
      <Field label={t.wishes} hint={t.wishesHint} errors={err("wishes")} className="field--wide">
        {(props) => (
          <textarea
            {...props}
            className="field__control"
            rows={3}
            maxLength={2000}
            value={needs.wishes}
            onChange={(e) => set({ wishes: e.target.value })}
          />
        )}
      </Field>
      <Field label={t.strengths} errors={err("strengths")} className="field--wide">
        {(props) => (
          <textarea
            {...props}
            className="field__control"
            rows={2}
            maxLength={2000}
            value={needs.strengths}
            onChange={(e) => set({ strengths: e.target.value })}
          />
        )}
      </Field>
      <Field label={t.otherPreferences} errors={err("otherPreferences")} className="field--wide">
        {(props) => (
          <textarea
            {...props}
            className="field__control"
            rows={2}
            maxLength={2000}
            value={needs.otherPreferences}
            onChange={(e) => set({ otherPreferences: e.target.value })}
          />
        )}
      </Field>
    </fieldset>
  );
}
