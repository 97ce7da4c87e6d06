import { useId, useState } from "react";
import { formatCalendarDate, scheduleMessages } from "../../messages";
import { FieldErrors } from "../../ui/form-fields";

/**
 * A list of calendar dates: each shown in words with its own 「削除」 button, and a date box with 「追加」. Used for a
 * rule's specific dates and for 臨時休止日.
 */
export function DateListField({
  legend,
  inputLabel,
  addLabel,
  dates,
  onChange,
  errors = [],
}: {
  legend: string;
  inputLabel: string;
  addLabel: string;
  dates: readonly string[];
  onChange: (dates: string[]) => void;
  errors?: readonly string[];
}) {
  const [draft, setDraft] = useState("");
  const inputId = useId();
  const errorId = useId();
  const add = () => {
    if (!draft) return;
    onChange([...new Set([...dates, draft])].sort());
    setDraft("");
  };
  return (
    <fieldset className="choice-group date-list" aria-describedby={errors.length ? errorId : undefined}>
      <legend className="field__label">{legend}</legend>
      {dates.length > 0 && (
        <ul className="date-list__items" role="list">
          {dates.map((date) => (
            <li key={date}>
              <span>{formatCalendarDate(date)}</span>
              <button
                type="button"
                className="button button--secondary button--small"
                aria-label={scheduleMessages.removeDate(formatCalendarDate(date))}
                onClick={() => onChange(dates.filter((d) => d !== date))}
              >
                {scheduleMessages.remove}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="date-list__add">
        <label htmlFor={inputId} className="date-list__label">
          {inputLabel}
        </label>
        <input
          id={inputId}
          className="field__control"
          type="date"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            // Enter adds the date instead of submitting the whole form.
            if (e.key === "Enter") {
              e.preventDefault();
              add();
            }
          }}
        />
        <button type="button" className="button button--secondary" onClick={add} disabled={!draft}>
          {addLabel}
        </button>
      </div>
      <FieldErrors id={errorId} messages={errors} />
    </fieldset>
  );
}
