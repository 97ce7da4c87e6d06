import { useMemo, useState } from "react";
import { Link, useParams } from "react-router";
import { useQuery } from "@apollo/client/react";
import { graphql } from "../../gql";
import type { MatchStage } from "../../gql/graphql";
import { peopleMessages, personFormMessages, personRightsMessages } from "../../messages";
import { today as jstToday } from "@tsunagu/calendar";
import { FlashStatus } from "../../ui/flash-status";
import { parseGraphQLError } from "../../ui/graphql-errors";
import { isInProgress } from "../matching/board-model";
import { ConsentHistory } from "./ConsentHistory";
import { PersonMatches } from "./PersonMatches";
import { PersonProfile } from "./PersonProfile";
import { PersonRights } from "./PersonRights";
import { Suggestions } from "./Suggestions";
import { SupportPlans } from "./SupportPlans";

export const PERSON_DETAIL_QUERY = graphql(`
  query PersonDetail($id: ID!) {
    person(id: $id) {
      id
      displayName
      stoppedOn
      erasedAt
      # What this page itself decides: which resources already have a match in progress, and the hosts to offer
      # when recording a consent.
      matches {
        id
        stage
        resource {
          id
        }
        organization {
          id
          name
        }
      }
      ...PersonProfile_person
      ...ConsentHistory_person
      ...SupportPlans_person
      ...PersonMatches_person
    }
  }
`);

const t = peopleMessages.detail;

/** 本人の詳細: profile and needs, consent history, plans, matches, and suggestions to start a new one. */
export function PersonDetailPage() {
  const { personId = "" } = useParams();
  const { data, loading, error, refetch } = useQuery(PERSON_DETAIL_QUERY, { variables: { id: personId } });
  const [status, setStatus] = useState("");
  const person = data?.person;
  const today = jstToday();

  const inProgress = useMemo(() => {
    const byResource = new Map<string, MatchStage>();
    for (const match of person?.matches ?? [])
      if (isInProgress(match.stage)) byResource.set(match.resource.id, match.stage);
    return byResource;
  }, [person?.matches]);

  const hosts = useMemo(
    () => [...new Map((person?.matches ?? []).map((match) => [match.organization.id, match.organization])).values()],
    [person?.matches],
  );

  if (loading && !person) return <p role="status">{peopleMessages.list.loading}</p>;
  if (!person) {
    const notFound = error && parseGraphQLError(error).code === "NOT_FOUND";
    return (
      <>
        <h1>{peopleMessages.list.pageTitle}</h1>
        <div className="notice notice--error" role="alert">
          <p>{notFound ? t.notFound : t.loadError}</p>
          {!notFound && (
            <button type="button" className="button" onClick={() => void refetch().catch(() => {})}>
              {t.retry}
            </button>
          )}
        </div>
        <p>
          <Link to="/people">{t.backToList}</Link>
        </p>
      </>
    );
  }

  return (
    <>
      <p className="breadcrumb">
        <Link to="/people">{t.backToList}</Link>
      </p>
      <div className="page-title-row">
        <h1>
          {person.displayName}
          {person.erasedAt != null ? (
            <span className="badge badge--warn">{personRightsMessages.erasedBadge}</span>
          ) : (
            person.stoppedOn != null && <span className="badge badge--warn">{personRightsMessages.stoppedBadge}</span>
          )}
        </h1>
        <div className="title-actions">
          <Link className="button button--secondary" to={`/people/${person.id}/edit`}>
            {personFormMessages.editPage.openFromDetail}
          </Link>
          {person.stoppedOn == null && person.erasedAt == null && (
            <Link className="button button--secondary" to={`/people/${person.id}/card`}>
              {t.printCard}
            </Link>
          )}
        </div>
      </div>
      <FlashStatus />
      {/* Always in the page, so what it says next is announced; shown only once there is something to say. */}
      <p className={status ? "notice notice--success" : "visually-hidden"} role="status">
        {status}
      </p>

      <Section id="profile" title={t.profile}>
        <PersonProfile person={person} />
      </Section>
      <Section id="consents" title={t.consents}>
        <ConsentHistory person={person} hosts={hosts} onDone={setStatus} />
      </Section>
      <Section id="plans" title={t.plans}>
        <SupportPlans person={person} />
      </Section>
      <Section id="matches" title={t.matches}>
        <PersonMatches person={person} today={today} onMoved={setStatus} />
      </Section>
      {person.stoppedOn == null && person.erasedAt == null && (
        <Section id="suggestions" title={peopleMessages.suggestions.title}>
          <Suggestions personId={person.id} inProgress={inProgress} />
        </Section>
      )}
      <Section id="rights" title={personRightsMessages.section}>
        <PersonRights personId={person.id} onDone={setStatus} />
      </Section>
    </>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  const headingId = `person-${id}`;
  return (
    <section className="page-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {children}
    </section>
  );
}
