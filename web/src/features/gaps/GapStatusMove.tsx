import { useState, type FormEvent } from "react";
import type { GapCard_ResourceGapFragment, ResourceGapStatus } from "../../gql/graphql";
import { RESOURCE_GAP_STATUS_LABELS, gapsMessages } from "../../messages";
import { Field } from "../../ui/form-fields";
import { fieldMessages, parseGraphQLError, type ParsedError } from "../../ui/graphql-errors";
import { ResourcePicker } from "./ResourcePicker";
import { useSetResourceGapStatus } from "./use-set-resource-gap-status";

const t = gapsMessages.move;

/** The gap's next steps as buttons; one opens a short form (a note; the new resource when it is 解決). */
export function GapStatusMove({
  gap,
  onMoved,
}: {
  gap: GapCard_ResourceGapFragment;
  onMoved: (message: string) => void;
}) {
  const [target, setTarget] = useState<ResourceGapStatus | null>(null);
  const [note, setNote] = useState("");
  const [resourceId, setResourceId] = useState<string | null>(null);
  const [error, setError] = useState<ParsedError | null>(null);
  const [move, { loading }] = useSetResourceGapStatus();

  const open = (status: ResourceGapStatus) => {
    setTarget(status);
    setError(null);
    setResourceId(null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!target) return;
    setError(null);
    try {
      await move({
        variables: {
          input: {
            id: gap.id,
            status: target,
            expectedVersion: gap.version,
            note: note.trim() || null,
            ...(target === "RESOLVED" ? { resolvedResourceId: resourceId } : {}),
          },
        },
      });
      onMoved(t.done(gap.need, RESOURCE_GAP_STATUS_LABELS[target]));
      setTarget(null);
      setNote("");
    } catch (e) {
      setError(parseGraphQLError(e));
    }
  };

  if (!target) {
    return (
      <div className="button-row">
        {gap.nextStatuses.map((status) => (
          <button key={status} type="button" className="button button--secondary" onClick={() => open(status)}>
            {t.to(RESOURCE_GAP_STATUS_LABELS[status])}
          </button>
        ))}
      </div>
    );
  }

  const label = RESOURCE_GAP_STATUS_LABELS[target];
  return (
    <form className="gap-move" onSubmit={(e) => void submit(e)} aria-label={t.heading(label)} noValidate>
      <h4>{t.heading(label)}</h4>
      {error && (
        <p className="notice notice--error" role="alert">
          {error.message}
        </p>
      )}
      {target === "RESOLVED" && (
        <ResourcePicker
          value={resourceId}
          onChange={setResourceId}
          errors={fieldMessages(error, "resolvedResourceId")}
        />
      )}
      <Field label={t.note} hint={t.noteHint} errors={fieldMessages(error, "note")}>
        {(props) => (
          <textarea
            {...props}
            className="field__control"
            rows={2}
            maxLength={2000}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        )}
      </Field>
      <div className="button-row">
        <button type="submit" className="button" disabled={loading}>
          {loading ? t.submitting : t.submit}
        </button>
        <button type="button" className="button button--secondary" onClick={() => setTarget(null)}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}
