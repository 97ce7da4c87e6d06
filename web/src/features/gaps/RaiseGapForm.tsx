import { useState, type FormEvent } from "react";
import type { TargetGroup } from "../../gql/graphql";
import { TARGET_GROUP_LABELS, gapsMessages } from "../../messages";
import { CheckboxGroup, Field } from "../../ui/form-fields";
import { fieldMessages, parseGraphQLError, type ParsedError } from "../../ui/graphql-errors";
import { useRaiseResourceGap } from "./use-raise-resource-gap";
import { ErrorSummary } from "../../ui/error-summary";

const t = gapsMessages.raise;
const TARGET_OPTIONS = (Object.keys(TARGET_GROUP_LABELS) as TargetGroup[]).map(
  (g) => [g, TARGET_GROUP_LABELS[g]] as const,
);

export interface GapPrefill {
  need: string;
  searchText: string;
  areaId: string;
  /** Where the gap came from, kept by the server and never listed. */
  personId: string | null;
}

/** 資源の不足を記録する: the need, for whom, where (and the search that found nothing, when it came from one). */
export function RaiseGapForm({
  prefill,
  areas,
  onDone,
  onCancel,
}: {
  prefill: GapPrefill;
  areas: readonly { id: string; name: string }[];
  onDone: () => void;
  onCancel: () => void;
}) {
  const [need, setNeed] = useState(prefill.need);
  const [targetGroups, setTargetGroups] = useState<TargetGroup[]>([]);
  const [areaId, setAreaId] = useState(prefill.areaId);
  const [searchText, setSearchText] = useState(prefill.searchText);
  const [error, setError] = useState<ParsedError | null>(null);
  const [raise, { loading }] = useRaiseResourceGap();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await raise({
        variables: {
          input: {
            need: need.trim(),
            targetGroups,
            areaId: areaId || null,
            searchText: searchText.trim() || null,
            ...(prefill.personId ? { personId: prefill.personId } : {}),
          },
        },
      });
      onDone();
    } catch (e) {
      setError(parseGraphQLError(e));
    }
  };

  return (
    <form className="gap-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="raise-heading">
      <h2 id="raise-heading">{t.heading}</h2>
      {error && <ErrorSummary>{error.message}</ErrorSummary>}
      <Field label={t.need} hint={t.needHint} errors={fieldMessages(error, "need")}>
        {(props) => (
          <textarea
            {...props}
            className="field__control"
            rows={3}
            maxLength={500}
            required
            value={need}
            onChange={(e) => setNeed(e.target.value)}
          />
        )}
      </Field>
      <CheckboxGroup
        legend={t.targetGroups}
        options={TARGET_OPTIONS}
        values={targetGroups}
        onChange={setTargetGroups}
        errors={fieldMessages(error, "targetGroups")}
      />
      <Field label={t.area} errors={fieldMessages(error, "areaId")}>
        {(props) => (
          <select {...props} className="field__control" value={areaId} onChange={(e) => setAreaId(e.target.value)}>
            <option value="">{t.areaAny}</option>
            {areas.map((area) => (
              <option key={area.id} value={area.id}>
                {area.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t.searchText} errors={fieldMessages(error, "searchText")}>
        {(props) => (
          <input
            {...props}
            className="field__control"
            type="text"
            maxLength={200}
            value={searchText}
            onChange={(e) => setSearchText(e.target.value)}
          />
        )}
      </Field>
      <div className="button-row">
        <button type="submit" className="button" disabled={loading}>
          {loading ? t.submitting : t.submit}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}
