import type { ScheduleFrequency, Weekday } from "../../gql/graphql";
import { WEEKDAY_LABELS, WEEKDAYS_IN_ORDER, scheduleMessages } from "../../messages";
import { CheckboxGroup, Field, RadioGroup } from "../../ui/form-fields";
import { fieldMessages, type ParsedError } from "../../ui/graphql-errors";
import { DateListField } from "./DateListField";
import { NTH_WEEKS, newRule, type RuleForm, type ScheduleForm } from "./schedule-form";

const t = scheduleMessages;
const FREQUENCIES: readonly (readonly [ScheduleFrequency, string])[] = [
  ["WEEKLY", t.WEEKLY],
  ["MONTHLY_NTH_WEEKDAY", t.MONTHLY_NTH_WEEKDAY],
  ["SPECIFIC_DATES", t.SPECIFIC_DATES],
];
const WEEKDAY_OPTIONS = WEEKDAYS_IN_ORDER.map((d) => [d, WEEKDAY_LABELS[d]] as const);
const NTH_OPTIONS = NTH_WEEKS.map((n) => [String(n), t.nthWeek(n)] as const);

/** The listing's schedule: one block per rule (毎週 / 毎月 第○週 / 日付を指定), then holidays, closures and a note. */
export function ScheduleEditor({
  form,
  onChange,
  error,
}: {
  form: ScheduleForm;
  onChange: (form: ScheduleForm) => void;
  error: ParsedError | null;
}) {
  const setRule = (index: number, rule: RuleForm) =>
    onChange({ ...form, rules: form.rules.map((r, i) => (i === index ? rule : r)) });
  return (
    <div className="schedule-editor">
      {form.rules.length === 0 && <p>{t.noRules}</p>}
      {form.rules.map((rule, index) => (
        <RuleEditor
          key={rule.key}
          index={index}
          rule={rule}
          error={error}
          onChange={(next) => setRule(index, next)}
          onRemove={() => onChange({ ...form, rules: form.rules.filter((_, i) => i !== index) })}
        />
      ))}
      <p>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => onChange({ ...form, rules: [...form.rules, newRule()] })}
        >
          {t.addRule}
        </button>
      </p>

      <fieldset className="choice-group">
        <legend className="field__label">{t.closures}</legend>
        <div className="choice-group__options choice-group__options--stacked">
          <label className="choice">
            <input
              type="checkbox"
              checked={form.closedOnHolidays}
              onChange={(e) => onChange({ ...form, closedOnHolidays: e.target.checked })}
            />
            <span>{t.closedOnHolidays}</span>
          </label>
          <label className="choice">
            <input
              type="checkbox"
              checked={form.closedYearEnd}
              onChange={(e) => onChange({ ...form, closedYearEnd: e.target.checked })}
            />
            <span>{t.closedYearEnd}</span>
          </label>
        </div>
      </fieldset>
      <DateListField
        legend={t.closedDates}
        inputLabel={t.closedDateToAdd}
        addLabel={t.addClosedDate}
        dates={form.closedDates}
        onChange={(closedDates) => onChange({ ...form, closedDates })}
        errors={fieldMessages(error, "schedule.closedDates")}
      />
      <Field label={t.note} errors={fieldMessages(error, "schedule.note")}>
        {(props) => (
          <input
            {...props}
            className="field__control"
            type="text"
            maxLength={200}
            value={form.note}
            onChange={(e) => onChange({ ...form, note: e.target.value })}
          />
        )}
      </Field>
    </div>
  );
}

function RuleEditor({
  index,
  rule,
  error,
  onChange,
  onRemove,
}: {
  index: number;
  rule: RuleForm;
  error: ParsedError | null;
  onChange: (rule: RuleForm) => void;
  onRemove: () => void;
}) {
  const errorsOf = (field: string) => fieldMessages(error, `schedule.rules.${index}.${field}`);
  return (
    <fieldset className="schedule-rule">
      <legend className="schedule-rule__legend">{t.rule(index + 1)}</legend>
      <RadioGroup
        legend={t.frequency}
        options={FREQUENCIES}
        value={rule.frequency}
        onChange={(frequency) => onChange({ ...rule, frequency })}
        errors={errorsOf("frequency")}
      />
      {rule.frequency === "MONTHLY_NTH_WEEKDAY" && (
        <CheckboxGroup
          legend={t.nthWeeks}
          options={NTH_OPTIONS}
          values={rule.nthWeeks.map(String)}
          onChange={(values) => onChange({ ...rule, nthWeeks: values.map(Number) })}
          errors={errorsOf("nthWeeks")}
        />
      )}
      {rule.frequency !== "SPECIFIC_DATES" ? (
        <CheckboxGroup<Weekday>
          legend={t.weekdays}
          options={WEEKDAY_OPTIONS}
          values={rule.weekdays}
          onChange={(weekdays) => onChange({ ...rule, weekdays })}
          errors={errorsOf("weekdays")}
        />
      ) : (
        <DateListField
          legend={t.dates}
          inputLabel={t.dateToAdd}
          addLabel={t.addDate}
          dates={rule.dates}
          onChange={(dates) => onChange({ ...rule, dates })}
          errors={errorsOf("dates")}
        />
      )}
      <div className="schedule-rule__times">
        <Field label={t.startTime} errors={errorsOf("startTime")}>
          {(props) => (
            <input
              {...props}
              className="field__control"
              type="time"
              step={300}
              required
              value={rule.startTime}
              onChange={(e) => onChange({ ...rule, startTime: e.target.value })}
            />
          )}
        </Field>
        <Field label={t.endTime} errors={errorsOf("endTime")}>
          {(props) => (
            <input
              {...props}
              className="field__control"
              type="time"
              step={300}
              required
              value={rule.endTime}
              onChange={(e) => onChange({ ...rule, endTime: e.target.value })}
            />
          )}
        </Field>
      </div>
      <p>
        <button type="button" className="button button--secondary button--small" onClick={onRemove}>
          {t.removeRule(index + 1)}
        </button>
      </p>
    </fieldset>
  );
}
