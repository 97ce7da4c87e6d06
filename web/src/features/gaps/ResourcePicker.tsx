import { useId, useState } from "react";
import { useQuery } from "@apollo/client/react";
import { graphql } from "../../gql";
import { gapsMessages } from "../../messages";
import { FieldErrors } from "../../ui/form-fields";
import { useDebouncedValue } from "../../ui/use-debounced-value";

const PICK_RESOURCES = graphql(`
  query PickResources($text: String!) {
    resources(text: $text, first: 8) {
      edges {
        cursor
        node {
          id
          name
          organization {
            id
            name
          }
        }
      }
    }
  }
`);

const t = gapsMessages.move;
const MIN_TEXT = 2;

/** Choose the listing that met the need: type part of its name, pick one of the matches. */
export function ResourcePicker({
  value,
  onChange,
  errors,
}: {
  value: string | null;
  onChange: (id: string | null) => void;
  errors: readonly string[];
}) {
  const [text, setText] = useState("");
  const query = useDebouncedValue(text.trim(), 250);
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();
  const { data, loading } = useQuery(PICK_RESOURCES, { variables: { text: query }, skip: query.length < MIN_TEXT });
  const options = query.length >= MIN_TEXT ? (data?.resources.edges ?? []).map((e) => e.node) : [];

  return (
    <fieldset className="choice-group" aria-describedby={errors.length ? errorId : undefined}>
      <legend className="field__label">{t.resolvedResource}</legend>
      <div className="field">
        <label htmlFor={inputId}>{t.resourceSearch}</label>
        <input
          id={inputId}
          className="field__control"
          type="search"
          autoComplete="off"
          aria-describedby={hintId}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <p className="field__hint" id={hintId}>
          {t.resourceSearchHint}
        </p>
      </div>
      {query.length >= MIN_TEXT && !loading && options.length === 0 && <p>{t.resourceNone}</p>}
      {options.length > 0 && (
        <div className="choice-group__options choice-group__options--stacked">
          {options.map((resource) => (
            <label key={resource.id} className="choice">
              <input
                type="radio"
                name={`${inputId}-pick`}
                checked={value === resource.id}
                onChange={() => onChange(resource.id)}
              />
              <span>
                {resource.name} ({resource.organization.name})
              </span>
            </label>
          ))}
        </div>
      )}
      <FieldErrors id={errorId} messages={errors} />
    </fieldset>
  );
}
