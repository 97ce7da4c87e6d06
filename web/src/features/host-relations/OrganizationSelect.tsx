import { useState } from "react";
import { recordsMessages } from "../../messages";
import { Field } from "../../ui/form-fields";
import { useDebouncedValue } from "../../ui/use-debounced-value";
import { useOrganizationChoices } from "../catalog/OrganizationPicker";

const t = recordsMessages.cooperation;

/** An organization chosen from a name search (a city keeps hundreds); the chosen one stays listed while searching. */
export function OrganizationSelect({
  label,
  value,
  current,
  onChange,
  errors,
}: {
  label: string;
  value: string;
  current: { id: string; name: string } | null;
  onChange: (id: string) => void;
  errors: readonly string[];
}) {
  const [search, setSearch] = useState("");
  const found = useOrganizationChoices(useDebouncedValue(search.trim(), 250));
  const options = current && !found.some((o) => o.id === current.id) ? [current, ...found] : found;
  return (
    <>
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
      <Field label={label} required errors={errors}>
        {(props) => (
          <select
            {...props}
            className="field__control"
            required
            value={value}
            onChange={(e) => onChange(e.target.value)}
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
    </>
  );
}
