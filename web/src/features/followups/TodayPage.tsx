import { Link } from "react-router";
import { useQuery } from "@apollo/client/react";
import { graphql } from "../../gql";
import type { MyFollowUpsDueQuery } from "../../gql/graphql";
import { FOLLOW_UP_KIND_LABELS, formatCalendarDate, followUpMessages } from "../../messages";
import { addDays, endOfWeek, today as jstToday } from "@tsunagu/calendar";
import { FlashStatus } from "../../ui/flash-status";
import { followUpPath } from "../matching/MatchCard";
import { splitDues, withinDaysForThisWeek } from "./today-model";

export const MY_FOLLOW_UPS_DUE_QUERY = graphql(`
  query MyFollowUpsDue($withinDays: Int!) {
    myFollowUpsDue(withinDays: $withinDays) {
      state
      daysOverdue
      due {
        id
        dueOn
        kind
      }
      match {
        id
        stageLabel
        person {
          id
          displayName
        }
        resource {
          id
          name
        }
      }
    }
  }
`);

const t = followUpMessages.today;
type Due = MyFollowUpsDueQuery["myFollowUpsDue"][number];

/** 今日・今週のフォローアップ: the signed-in coordinator's overdue, today's and the rest of this week's visits. */
export function TodayPage() {
  const today = jstToday();
  const { data, loading, error, refetch } = useQuery(MY_FOLLOW_UPS_DUE_QUERY, {
    variables: { withinDays: withinDaysForThisWeek(today) },
    fetchPolicy: "cache-and-network",
  });
  const sections = data ? splitDues(data.myFollowUpsDue, today) : null;
  const weekFrom = addDays(today, 1);
  const sunday = endOfWeek(today);

  return (
    <>
      <h1>{t.pageTitle}</h1>
      <p className="page-lead">{t.pageLead}</p>
      <FlashStatus />
      {loading && !data && <p role="status">{t.loading}</p>}
      {error && !data && (
        <div className="notice notice--error" role="alert">
          <p>{t.loadError}</p>
          <button type="button" className="button" onClick={() => void refetch().catch(() => {})}>
            {t.retry}
          </button>
        </div>
      )}
      {sections && (
        <>
          <DueSection id="overdue" title={t.overdue} dues={sections.overdue} empty={t.noneOverdue} overdue />
          <DueSection
            id="today"
            title={t.today}
            lead={formatCalendarDate(today)}
            dues={sections.today}
            empty={t.noneToday}
          />
          <DueSection
            id="week"
            title={t.thisWeek}
            lead={
              weekFrom <= sunday ? t.thisWeekRange(formatCalendarDate(weekFrom), formatCalendarDate(sunday)) : undefined
            }
            dues={sections.thisWeek}
            empty={t.noneThisWeek}
          />
        </>
      )}
    </>
  );
}

function DueSection({
  id,
  title,
  lead,
  dues,
  empty,
  overdue = false,
}: {
  id: string;
  title: string;
  lead?: string;
  dues: Due[];
  empty: string;
  overdue?: boolean;
}) {
  const titleId = `due-${id}`;
  return (
    <section
      className={`page-section due-section${overdue && dues.length ? " due-section--overdue" : ""}`}
      aria-labelledby={titleId}
    >
      <h2>
        <span id={titleId}>{title}</span> <span className="board__count">{dues.length}件</span>
      </h2>
      {lead && <p className="section-lead">{lead}</p>}
      {dues.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <ul className="due-list" role="list">
          {dues.map((d) => (
            <li key={d.due.id} className="due-item">
              <p className="due-item__who">
                <Link to={`/people/${d.match.person.id}`}>{d.match.person.displayName}</Link> — {d.match.resource.name}
              </p>
              <p className="due-item__what">
                {t.dueOn}: <time dateTime={d.due.dueOn}>{formatCalendarDate(d.due.dueOn)}</time>
                {" ・ "}
                {FOLLOW_UP_KIND_LABELS[d.due.kind]}
                {" ・ "}
                {d.match.stageLabel}
                {d.daysOverdue > 0 && <strong className="due-item__late"> {t.daysOverdue(d.daysOverdue)}</strong>}
              </p>
              <Link
                className="button button--small"
                to={followUpPath(d.match.id, "/today", d.due.id)}
                aria-label={t.recordLabel(d.match.person.displayName)}
              >
                {t.record}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
