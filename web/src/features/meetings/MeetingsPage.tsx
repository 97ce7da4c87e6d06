import { useState } from "react";
import { NetworkStatus } from "@apollo/client";
import { useQuery } from "@apollo/client/react";
import { type FragmentType, graphql, useFragment } from "../../gql";
import { useViewer } from "../../app/viewer";
import { MEETING_KIND_LABELS, formatDate, formatFiscalYear, recordsMessages } from "../../messages";
import { RecordListSection } from "../../ui/record-list";
import { FiscalYearSelect, RecordsNav, useFiscalYearParam } from "../../ui/records-nav";
import { MeetingForm, type MeetingDraft } from "./MeetingForm";
import { MEETING_FIELDS } from "./use-save-meeting";

const MEETINGS = graphql(`
  query MeetingRecords($fiscalYear: Int, $first: Int!, $after: String) {
    meetingRecords(fiscalYear: $fiscalYear, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          ...MeetingRecord_meetingRecord
        }
      }
    }
  }
`);

const m = recordsMessages;
const t = recordsMessages.meetings;
const PAGE = 50;
const names = (items: readonly { name: string }[]) => (items.length ? items.map((i) => i.name).join("、") : t.none);

function MeetingRow({
  meetingRef,
  onEdit,
}: {
  meetingRef: FragmentType<typeof MEETING_FIELDS>;
  onEdit: (draft: MeetingDraft) => void;
}) {
  const r = useFragment(MEETING_FIELDS, meetingRef);
  const persons = r.persons.map((p) => ({ id: p.id, name: p.displayName }));
  const hidden = r.personCount - persons.length;
  const kind = MEETING_KIND_LABELS[r.kind];
  if (r.restricted) {
    return (
      <tr>
        <td>{formatDate(r.heldOn)}</td>
        <td>{kind}</td>
        <td colSpan={4}>{t.restricted}</td>
        <td>{t.personCount(r.personCount)}</td>
        <td />
      </tr>
    );
  }
  return (
    <tr>
      <td>{formatDate(r.heldOn)}</td>
      <td>{kind}</td>
      <td>{r.title}</td>
      <td>{names(r.organizations)}</td>
      <td>{names(r.attendees.map((a) => ({ name: a.displayName })))}</td>
      <td>{r.decisions}</td>
      <td>
        {t.personCount(r.personCount)}
        {persons.length > 0 && `: ${names(persons)}`}
        {hidden > 0 && persons.length > 0 && ` / ${t.hiddenPersons(hidden)}`}
      </td>
      <td>
        {r.viewerCan.update && (
          <button
            type="button"
            className="button button--secondary"
            aria-label={m.editLabel(`${formatDate(r.heldOn)}の「${r.title ?? ""}」`)}
            onClick={() =>
              onEdit({
                id: r.id,
                version: r.version,
                heldOn: r.heldOn,
                kind: r.kind,
                title: r.title ?? "",
                decisions: r.decisions ?? "",
                supportMeetingGroupId: r.supportMeetingGroupId ?? null,
                organizations: r.organizations.map((o) => ({ id: o.id, name: o.name })),
                attendees: r.attendees.map((a) => ({ id: a.id, name: a.displayName })),
                persons,
              })
            }
          >
            {m.edit}
          </button>
        )}
      </td>
    </tr>
  );
}

/** 会議の記録 (`/records/meetings?fy=2025`): one 年度's meetings; a 支援会議's content only for its members. */
export function MeetingsPage() {
  const { viewer } = useViewer();
  const [fiscalYear, setFiscalYear, choices] = useFiscalYearParam();
  const [form, setForm] = useState<{ editing: MeetingDraft | null } | null>(null);
  const [confirmation, setConfirmation] = useState("");
  const [moreFailed, setMoreFailed] = useState(false);
  const query = useQuery(MEETINGS, { variables: { fiscalYear, first: PAGE }, notifyOnNetworkStatusChange: true });
  const list = query.data?.meetingRecords;
  const caption = t.listCaption(formatFiscalYear(fiscalYear));

  const open = (editing: MeetingDraft | null) => {
    setConfirmation("");
    setForm({ editing });
  };
  const close = (message = "") => {
    setForm(null);
    setConfirmation(message);
  };
  const loadMore = () => {
    if (!list?.pageInfo.endCursor) return;
    setMoreFailed(false);
    query.fetchMore({ variables: { after: list.pageInfo.endCursor } }).catch(() => setMoreFailed(true));
  };

  return (
    <>
      <h1>{t.heading}</h1>
      <RecordsNav />
      <p className="page-lead">{t.lead}</p>
      <p role="status">{confirmation}</p>
      {form && viewer ? (
        <section className="host-section">
          <MeetingForm
            key={form.editing?.id ?? "new"}
            editing={form.editing}
            me={{ id: viewer.id, name: viewer.displayName }}
            onDone={close}
            onCancel={() => close()}
          />
        </section>
      ) : (
        <p>
          <button type="button" className="button" disabled={!viewer} onClick={() => open(null)}>
            {m.open}
          </button>
        </p>
      )}
      <div className="toolbar">
        <FiscalYearSelect value={fiscalYear} choices={choices} onChange={setFiscalYear} />
      </div>
      <RecordListSection
        label={caption}
        loading={query.loading}
        failed={Boolean(query.error)}
        onRetry={() => void query.refetch().catch(() => {})}
        total={list?.totalCount ?? null}
        shown={list?.edges.length ?? 0}
        hasMore={Boolean(list?.pageInfo.hasNextPage)}
        loadingMore={query.networkStatus === NetworkStatus.fetchMore}
        moreFailed={moreFailed}
        onLoadMore={loadMore}
      >
        <table className="data-table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.heldOn}</th>
              <th scope="col">{t.kind}</th>
              <th scope="col">{t.title}</th>
              <th scope="col">{t.organizations}</th>
              <th scope="col">{t.attendees}</th>
              <th scope="col">{t.decisions}</th>
              <th scope="col">{t.persons}</th>
              <th scope="col">{m.actions}</th>
            </tr>
          </thead>
          <tbody>
            {list?.edges.map((edge) => (
              <MeetingRow key={edge.node.id} meetingRef={edge.node} onEdit={open} />
            ))}
          </tbody>
        </table>
      </RecordListSection>
    </>
  );
}
