import { useId, type ReactNode } from "react";
import { commonMessages } from "../messages";

/**
 * Small form widgets with a visible label, hint and server messages wired together (aria-describedby, aria-invalid).
 * The server's per-field messages (`extensions.fields`) are passed in as `errors`.
 */

export function FieldErrors({ id, messages }: { id: string; messages: readonly string[] }) {
  if (!messages.length) return null;
  return (
    <ul className="field__errors" id={id}>
      {messages.map((message) => (
        <li key={message}>{message}</li>
      ))}
    </ul>
  );
}

/** ids for a control's hint and errors, and the props that connect them to it. */
export function useDescribedBy(hint: ReactNode | undefined, errors: readonly string[]) {
  const base = useId();
  const hintId = `${base}-hint`;
  const errorId = `${base}-errors`;
  const ids = [hint ? hintId : null, errors.length ? errorId : null].filter(Boolean).join(" ");
  return {
    hintId,
    errorId,
    controlProps: {
      "aria-describedby": ids || undefined,
      "aria-invalid": errors.length ? (true as const) : undefined,
    },
  };
}

interface ChoiceProps<T extends string> {
  legend: string;
  /** Shows 必須 beside the legend (hidden from the group's accessible name, which stays the legend). */
  required?: boolean;
  options: readonly (readonly [T, string])[];
  hint?: ReactNode;
  errors?: readonly string[];
  className?: string;
}

function Legend({ text, required }: { text: string; required: boolean }) {
  return (
    <legend className="field__label">
      {text}
      {required && (
        <span className="field__required" aria-hidden="true">
          {commonMessages.required}
        </span>
      )}
    </legend>
  );
}

/** One choice of a few, as radio buttons in a fieldset. */
export function RadioGroup<T extends string>({
  legend,
  options,
  value,
  onChange,
  hint,
  errors = [],
  className,
  required = false,
}: ChoiceProps<T> & { value: T | null; onChange: (value: T) => void }) {
  const name = useId();
  const { hintId, errorId, controlProps } = useDescribedBy(hint, errors);
  return (
    <fieldset className={`choice-group ${className ?? ""}`} aria-describedby={controlProps["aria-describedby"]}>
      <Legend text={legend} required={required} />
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      <div className="choice-group__options">
        {options.map(([optionValue, label]) => (
          <label key={optionValue} className="choice">
            <input
              type="radio"
              name={name}
              value={optionValue}
              checked={value === optionValue}
              onChange={() => onChange(optionValue)}
            />
            <span>{label}</span>
          </label>
        ))}
      </div>
      <FieldErrors id={errorId} messages={errors} />
    </fieldset>
  );
}

/** Any number of a few, as checkboxes in a fieldset. */
export function CheckboxGroup<T extends string>({
  legend,
  options,
  values,
  onChange,
  hint,
  errors = [],
  className,
  required = false,
}: ChoiceProps<T> & { values: readonly T[]; onChange: (values: T[]) => void }) {
  const { hintId, errorId, controlProps } = useDescribedBy(hint, errors);
  const toggle = (option: T, on: boolean) =>
    onChange(options.map(([v]) => v).filter((v) => (v === option ? on : values.includes(v))));
  return (
    <fieldset className={`choice-group ${className ?? ""}`} aria-describedby={controlProps["aria-describedby"]}>
      <Legend text={legend} required={required} />
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      <div className="choice-group__options">
        {options.map(([optionValue, label]) => (
          <label key={optionValue} className="choice">
            <input
              type="checkbox"
              value={optionValue}
              checked={values.includes(optionValue)}
              onChange={(e) => toggle(optionValue, e.target.checked)}
            />
            <span>{label}</span>
          </label>
        ))}
      </div>
      <FieldErrors id={errorId} messages={errors} />
    </fieldset>
  );
}

/** A labelled single control (input, select, textarea) given as a render function of its id and aria props. */
export function Field({
  label,
  hint,
  errors = [],
  className,
  required = false,
  children,
}: {
  label: string;
  /** Shows 必須 beside the label (the control's own `required` is what assistive technology announces). */
  required?: boolean;
  hint?: ReactNode;
  errors?: readonly string[];
  className?: string;
  children: (props: { id: string } & ReturnType<typeof useDescribedBy>["controlProps"]) => ReactNode;
}) {
  const id = useId();
  const { hintId, errorId, controlProps } = useDescribedBy(hint, errors);
  return (
    <div className={`field ${className ?? ""}`}>
      <label className="field__label" htmlFor={id}>
        {label}
        {required && (
          <span className="field__required" aria-hidden="true">
            {commonMessages.required}
          </span>
        )}
      </label>
      {children({ id, ...controlProps })}
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      <FieldErrors id={errorId} messages={errors} />
    </div>
  );
}
