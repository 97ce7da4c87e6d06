import { useState, type FormEvent } from "react";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import { useQuery } from "@apollo/client/react";
import { graphql, useFragment } from "../../gql";
import { CONTACT_METHOD_LABELS, errorMessages, formatCalendarDate, followUpMessages } from "../../messages";
import { today as jstToday } from "@tsunagu/calendar";
import { flashState } from "../../ui/flash-status";
import { parseGraphQLError } from "../../ui/graphql-errors";
import { initialFollowUpForm, toRecordFollowUpInput, type FieldErrorMap } from "./follow-up-input";
import { FollowUpFields } from "./FollowUpForm";
import { FOLLOW_UP_RECORD_FRAGMENT, useRecordFollowUp } from "./use-record-follow-up";
import { ErrorSummary } from "../../ui/error-summary";

export const FOLLOW_UP_FORM_QUERY = graphql(`
  query FollowUpForm($id: ID!) {
    match(id: $id) {
      id
      stageLabel
      person {
        id
        displayName
        participationLevel
      }
      resource {
        id
        name
      }
      followUpDues {
        id
        dueOn
        kind
        status
      }
      followUps {
        ...FollowUpRecordItem_record
      }
    }
  }
`);

const t = followUpMessages.form;
const RECENT_RECORDS = 3;

/** Where to go back to: a path inside the app (never another site), else the board. */
export function backPath(from: string | null): string {
  return from && from.startsWith("/") && !from.startsWith("//") ? from : "/matches";
}

export function FollowUpFormPage() {
  const { matchId = "" } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const back = backPath(params.get("from"));
  const today = jstToday();
  const { data, loading, error } = useQuery(FOLLOW_UP_FORM_QUERY, { variables: { id: matchId } });
  const match = data?.match;
  const records = useFragment(FOLLOW_UP_RECORD_FRAGMENT, match?.followUps ?? []);
  const [form, setForm] = useState(() => initialFollowUpForm(today, params.get("due") ?? ""));
  const [errors, setErrors] = useState<FieldErrorMap>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [record, { loading: saving }] = useRecordFollowUp(matchId, match?.person.id);

  if (loading && !match) return <p role="status">{followUpMessages.today.loading}</p>;
  if (!match) {
    return (
      <>
        <h1>{t.pageTitle}</h1>
        <p className="notice notice--error" role="alert">
          {error ? parseGraphQLError(error).message : t.loadError}
        </p>
        <p>
          <Link to={back}>{t.back}</Link>
        </p>
      </>
    );
  }

  const plannedDues = match.followUpDues.filter((d) => d.status === "PLANNED");
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    const checked = toRecordFollowUpInput(match.id, form);
    if (!checked.ok) {
      setErrors(checked.errors);
      setFailure(errorMessages.checkInput);
      return;
    }
    try {
      await record({ variables: { input: checked.input } });
      void navigate(back, { state: flashState(t.saved) });
    } catch (err) {
      const parsed = parseGraphQLError(err);
      setErrors(parsed.fieldErrors);
      setFailure(parsed.message);
    }
  };

  return (
    <>
      <p className="breadcrumb">
        <Link to={back}>{t.back}</Link>
      </p>
      <h1>{t.pageTitle}</h1>
      <p className="page-lead">
        <Link to={`/people/${match.person.id}`}>{match.person.displayName}</Link> — {match.resource.name}
        <span className="badge badge--cost">{match.stageLabel}</span>
      </p>

      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <FollowUpFields
          form={form}
          onChange={setForm}
          errors={errors}
          plannedDues={plannedDues}
          currentLevel={match.person.participationLevel}
          today={today}
        />
        {failure && <ErrorSummary>{failure}</ErrorSummary>}
        <div className="form__actions">
          <button type="submit" className="button" disabled={saving}>
            {saving ? t.submitting : t.submit}
          </button>
          <Link to={back}>{t.back}</Link>
        </div>
      </form>

      <section className="page-section" aria-labelledby="recent-records">
        <h2 id="recent-records">{t.recent}</h2>
        {records.length === 0 ? (
          <p>{t.recentNone}</p>
        ) : (
          <ol className="record-list" role="list">
            {records.slice(0, RECENT_RECORDS).map((r) => (
              <li key={r.id} className="record">
                <p className="record__title">
                  {formatCalendarDate(r.contactedOn)} {CONTACT_METHOD_LABELS[r.method]}
                  {r.isOutcomeEvaluation && <span className="badge badge--cost">{t.outcomeEvaluation}</span>}
                </p>
                {r.narrative && <p>{r.narrative}</p>}
                {r.recordedBy && <p className="record__meta">{t.recordedBy(r.recordedBy.displayName)}</p>}
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}
