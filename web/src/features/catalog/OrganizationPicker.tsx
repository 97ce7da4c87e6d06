import { useState } from "react";
import { useQuery } from "@apollo/client/react";
import { graphql } from "../../gql";
import { catalogMessages } from "../../messages";
import { Field } from "../../ui/form-fields";
import { useDebouncedValue } from "../../ui/use-debounced-value";

const ORGANIZATION_CHOICES = graphql(`
  query OrganizationChoices($text: String, $first: Int!) {
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

const t = catalogMessages.fields;

/** Organizations whose name contains `text` (all, first 100, when empty), あいうえお順. */
export function useOrganizationChoices(text: string) {
  const { data } = useQuery(ORGANIZATION_CHOICES, { variables: { text: text || null, first: 100 } });
  return data?.organizations.edges.map((e) => e.node) ?? [];
}

/**
 * 運営する団体: a name search narrowing a list (a city may keep hundreds of organizations after an import), and the
 * chosen one kept in the list even when the search would hide it.
 */
export function OrganizationPicker({
  value,
  current,
  onChange,
  errors,
  disabled = false,
}: {
  value: string;
  /** Editing: a listing stays with its organization; the box shows it without offering a change. */
  disabled?: boolean;
  /** The organization saved on the listing, shown while the list loads. */
  current?: { id: string; name: string } | null;
  onChange: (id: string) => void;
  errors: readonly string[];
}) {
  const [search, setSearch] = useState("");
  const text = useDebouncedValue(search.trim(), 250);
  const found = useOrganizationChoices(text);
  const options = current && !found.some((o) => o.id === current.id) ? [current, ...found] : found;
  return (
    <div className="organization-picker">
      {!disabled && (
        <Field label={t.organizationSearch}>
          {(props) => (
            <input
              {...props}
              className="field__control"
              type="search"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
            />
          )}
        </Field>
      )}
      <Field label={t.organization} required errors={errors}>
        {(props) => (
          <select
            {...props}
            className="field__control"
            value={value}
            disabled={disabled}
            onChange={(e) => onChange(e.target.value)}
          >
            <option value="">{options.length ? t.organizationChoose : t.organizationNone}</option>
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
