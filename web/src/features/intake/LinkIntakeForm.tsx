import { useState, type FormEvent } from "react";
import { useQuery } from "@apollo/client/react";
import { graphql } from "../../gql";
import { recordsMessages } from "../../messages";
import { ErrorSummary } from "../../ui/error-summary";
import { Field } from "../../ui/form-fields";
import { fieldMessages, parseGraphQLError, type ParsedError } from "../../ui/graphql-errors";
import { useDebouncedValue } from "../../ui/use-debounced-value";
import { useLinkIntake } from "./use-save-intake";

const PERSON_CHOICES = graphql(`
  query IntakePersonChoices($text: String) {
    persons(first: 20, text: $text) {
      edges {
        node {
          id
          displayName
        }
      }
    }
  }
`);

const t = recordsMessages.intakes;

/** 本人に結びつける: the person this consented consultation became, chosen from the persons the viewer sees. */
export function LinkIntakeForm({
  intake,
  onDone,
  onCancel,
}: {
  intake: { id: string; version: number; label: string };
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const [search, setSearch] = useState("");
  const [personId, setPersonId] = useState("");
  const [error, setError] = useState<ParsedError | null>(null);
  const text = useDebouncedValue(search.trim(), 250);
  const persons = useQuery(PERSON_CHOICES, { variables: { text: text || null } });
  const [link, { loading }] = useLinkIntake();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await link({
        variables: { input: { id: intake.id, personId: personId || null, expectedVersion: intake.version } },
      });
      onDone(t.linkDone);
    } catch (e) {
      setError(parseGraphQLError(e));
    }
  };

  return (
    <form className="record-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="intake-link-heading">
      <h2 id="intake-link-heading">{t.linkHeading(intake.label)}</h2>
      {error && <ErrorSummary>{error.message}</ErrorSummary>}
      <Field label={t.personSearch}>
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
      <Field
        label={t.person}
        required
        hint={t.linkHint}
        errors={[...fieldMessages(error, "personId"), ...fieldMessages(error, "id")]}
      >
        {(props) => (
          <select
            {...props}
            className="field__control"
            required
            value={personId}
            onChange={(e) => setPersonId(e.target.value)}
          >
            <option value="">{t.personChoose}</option>
            {(persons.data?.persons.edges ?? []).map(({ node }) => (
              <option key={node.id} value={node.id}>
                {node.displayName}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="button-row">
        <button type="submit" className="button" disabled={loading || !personId}>
          {t.linkSubmit}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {recordsMessages.cancel}
        </button>
      </div>
    </form>
  );
}
