import { useState, type FormEvent } from "react";
import type { AreaType } from "../../gql/graphql";
import { AREA_TYPE_LABELS, catalogMessages, errorMessages } from "../../messages";
import { ErrorSummary } from "../../ui/error-summary";
import { Field } from "../../ui/form-fields";
import { fieldMessages, type ParsedError } from "../../ui/graphql-errors";

const t = catalogMessages.areas;
const TYPES = Object.entries(AREA_TYPE_LABELS) as [AreaType, string][];

export interface AreaFormValues {
  name: string;
  type: AreaType;
  nameKana: string;
  code: string;
  centerLat: string;
  centerLng: string;
}

export interface AreaInputValues {
  name: string;
  type: AreaType;
  nameKana: string | null;
  code: string | null;
  centerLat: number | null;
  centerLng: number | null;
}

const decimal = (s: string): number | null | undefined => {
  const v = s.trim().replace(/[０-９．－]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  if (v === "") return null;
  return /^-?\d{1,3}(\.\d+)?$/.test(v) ? Number(v) : undefined;
};

/** The form → the API's values; a coordinate that is not a number is answered beside its box. */
export function toAreaInput(
  values: AreaFormValues,
): { ok: true; input: AreaInputValues } | { ok: false; fields: Record<string, string[]> } {
  const lat = decimal(values.centerLat);
  const lng = decimal(values.centerLng);
  const fields: Record<string, string[]> = {};
  if (!values.name.trim()) fields.name = [catalogMessages.validation.nameRequired];
  if (lat === undefined) fields.centerLat = [t.coordinate];
  if (lng === undefined) fields.centerLng = [t.coordinate];
  if (Object.keys(fields).length || lat === undefined || lng === undefined) return { ok: false, fields };
  return {
    ok: true,
    input: {
      name: values.name.trim(),
      type: values.type,
      nameKana: values.nameKana.trim() || null,
      code: values.code.trim() || null,
      centerLat: lat,
      centerLng: lng,
    },
  };
}

/** 地域を追加 / 編集: name, type (fixed once created), reading, code and the centre point. */
export function AreaForm({
  initial,
  editing,
  saving,
  error,
  onSubmit,
  onCancel,
}: {
  initial: AreaFormValues;
  editing: boolean;
  saving: boolean;
  error: ParsedError | null;
  onSubmit: (input: AreaInputValues) => void;
  onCancel?: () => void;
}) {
  const [values, setValues] = useState(initial);
  const [checked, setChecked] = useState<Record<string, string[]>>({});
  const errorsOf = (field: string) => [...(checked[field] ?? []), ...fieldMessages(error, field)];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const result = toAreaInput(values);
    if (!result.ok) {
      setChecked(result.fields);
      return;
    }
    setChecked({});
    onSubmit(result.input);
  };
  const text = (key: keyof AreaFormValues, label: string, hint?: string) => (
    <Field label={label} hint={hint} errors={errorsOf(key)} required={key === "name"}>
      {(p) => (
        <input
          {...p}
          className="field__control"
          type="text"
          value={values[key]}
          onChange={(e) => setValues({ ...values, [key]: e.target.value })}
        />
      )}
    </Field>
  );
  const failed = Object.keys(checked).length > 0;
  return (
    <form className="form area-form" onSubmit={submit} noValidate>
      {(failed || error) && <ErrorSummary>{failed ? errorMessages.checkInput : error!.message}</ErrorSummary>}
      {text("name", t.name)}
      <Field label={t.type} errors={errorsOf("type")}>
        {(p) => (
          <select
            {...p}
            className="field__control"
            value={values.type}
            disabled={editing}
            onChange={(e) => setValues({ ...values, type: e.target.value as AreaType })}
          >
            {TYPES.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        )}
      </Field>
      {text("nameKana", t.nameKana)}
      {text("code", t.code)}
      <div className="form-row">
        {text("centerLat", t.centerLat, t.centerHint)}
        {text("centerLng", t.centerLng)}
      </div>
      <div className="form__actions">
        <button type="submit" className="button" disabled={saving}>
          {saving ? t.saving : editing ? t.save : t.create}
        </button>
        {onCancel && (
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t.cancel}
          </button>
        )}
      </div>
    </form>
  );
}
