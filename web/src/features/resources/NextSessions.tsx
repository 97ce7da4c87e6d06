import { type FragmentType, graphql, useFragment } from "../../gql";
import { formatCalendarDate, searchMessages } from "../../messages";
import { today as jstToday } from "@tsunagu/calendar";

export const NEXT_SESSIONS_FRAGMENT = graphql(`
  fragment NextSessions_resource on Resource {
    id
    scheduleText
    schedule {
      note
      closedDates
    }
    nextSessions(count: 5) {
      date
      label
    }
  }
`);

const t = searchMessages.detail;

/** 日程 in words (第2・第4火曜 10:00〜11:30, from the server) and 次回の開催 (holidays and closures already left out). */
export function NextSessions({
  resource: resourceRef,
  today = jstToday(),
}: {
  resource: FragmentType<typeof NEXT_SESSIONS_FRAGMENT>;
  today?: string;
}) {
  const resource = useFragment(NEXT_SESSIONS_FRAGMENT, resourceRef);
  const upcomingClosures = resource.schedule.closedDates.filter((date) => date >= today).sort();
  return (
    <>
      <section className="detail-section" aria-labelledby="schedule-heading">
        <h2 id="schedule-heading">{t.scheduleHeading}</h2>
        {resource.scheduleText && <p className="resource-detail__schedule">{resource.scheduleText}</p>}
        <dl className="facts">
          {resource.schedule.note && (
            <div className="fact">
              <dt>{t.scheduleNote}</dt>
              <dd>{resource.schedule.note}</dd>
            </div>
          )}
          {upcomingClosures.length > 0 && (
            <div className="fact">
              <dt>{t.closedDates}</dt>
              <dd>{upcomingClosures.map(formatCalendarDate).join("、")}</dd>
            </div>
          )}
        </dl>
      </section>
      <section className="detail-section" aria-labelledby="next-sessions-heading">
        <h2 id="next-sessions-heading">{t.nextSessionsHeading}</h2>
        {resource.nextSessions.length === 0 ? (
          <p>{t.nextSessionsNone}</p>
        ) : (
          <ul className="session-list">
            {resource.nextSessions.map((session) => (
              <li key={session.date + session.label}>
                <time dateTime={session.date}>{session.label}</time>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
