import { useId } from "react";
import { Link } from "react-router";
import { type FragmentType, graphql, useFragment } from "../../gql";
import type { AuditLogTable_EventFragment } from "../../gql/graphql";
import {
  AUDIT_ACTION_LABELS,
  AUDIT_ENTITY_LABELS,
  adminMessages,
  commonMessages,
  formatDateTime,
} from "../../messages";
import { auditDetailNames } from "./audit-detail";
import { personAuditPath } from "./audit-filter";

export const AUDIT_LOG_TABLE_FRAGMENT = graphql(`
  fragment AuditLogTable_event on AuditEvent {
    id
    occurredAt
    action
    actorRole
    actorUserId
    actor {
      id
      displayName
    }
    entityType
    recordId
    personId
    operation
    requestId
    clientAddress
    detail
  }
`);

const t = adminMessages.audit;
const c = t.columns;

function Id({ value }: { value: string | null }) {
  return value ? <code className="audit-table__id">{value}</code> : <>{t.none}</>;
}

function Actor({ event }: { event: AuditLogTable_EventFragment }) {
  const name = event.actor?.displayName ?? (event.actorUserId ? t.deletedActor : t.noActor);
  return (
    <>
      {name}
      {event.actorRole && <span className="audit-table__sub">{commonMessages.roles[event.actorRole]}</span>}
    </>
  );
}

function Detail({ detail }: { detail: unknown }) {
  const { names, more } = auditDetailNames(detail);
  if (!names.length) return <>{t.none}</>;
  return (
    <ul className="audit-table__names" role="list">
      {names.map((name) => (
        <li key={name}>
          <code>{name}</code>
        </li>
      ))}
      {more > 0 && <li>{t.detailMore(more)}</li>}
    </ul>
  );
}

/**
 * One row per event, newest first. Ids are shown whole (they are what the filter takes); the table scrolls sideways
 * inside its own focusable region on a narrow screen.
 */
export function AuditLogTable({
  events: eventsRef,
  currentPersonId,
}: {
  events: readonly FragmentType<typeof AUDIT_LOG_TABLE_FRAGMENT>[];
  /** The person the list is already narrowed to: their rows need no link to it. */
  currentPersonId: string;
}) {
  const events = useFragment(AUDIT_LOG_TABLE_FRAGMENT, eventsRef);
  const captionId = useId();
  return (
    <div className="table-scroll audit-table-wide" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="data-table audit-table">
        <caption id={captionId} className="visually-hidden">
          {t.caption}
        </caption>
        <thead>
          <tr>
            <th scope="col">{c.occurredAt}</th>
            <th scope="col">{c.actor}</th>
            <th scope="col">{c.action}</th>
            <th scope="col">{c.entity}</th>
            <th scope="col">{c.recordId}</th>
            <th scope="col">{c.personId}</th>
            <th scope="col">{c.requestId}</th>
            <th scope="col">{c.clientAddress}</th>
            <th scope="col">{c.detail}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.id}>
              <th scope="row" className="audit-table__time">
                {formatDateTime(event.occurredAt)}
              </th>
              <td>
                <Actor event={event} />
              </td>
              <td>
                {AUDIT_ACTION_LABELS[event.action]}
                {event.operation && <code className="audit-table__sub">{event.operation}</code>}
              </td>
              <td>{event.entityType ? (AUDIT_ENTITY_LABELS[event.entityType] ?? event.entityType) : t.none}</td>
              <td>
                <Id value={event.recordId} />
              </td>
              <td>
                <Id value={event.personId} />
                {event.personId && event.personId !== currentPersonId && (
                  <Link className="audit-table__sub" to={personAuditPath(event.personId)}>
                    {t.allForPerson}
                    <span className="visually-hidden">{t.allForPersonSuffix(event.personId)}</span>
                  </Link>
                )}
              </td>
              <td>
                <Id value={event.requestId} />
              </td>
              <td>{event.clientAddress ?? t.serverSide}</td>
              <td>
                <Detail detail={event.detail} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
