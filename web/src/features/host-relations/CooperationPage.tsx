import { useState } from "react";
import { NetworkStatus } from "@apollo/client";
import { useQuery } from "@apollo/client/react";
import { type FragmentType, graphql, useFragment } from "../../gql";
import {
  COOPERATION_ANSWER_LABELS,
  COOPERATION_KIND_LABELS,
  formatDate,
  formatFiscalYear,
  recordsMessages,
} from "../../messages";
import { RecordListSection } from "../../ui/record-list";
import { FiscalYearSelect, RecordsNav, useFiscalYearParam } from "../../ui/records-nav";
import { CooperationForm, type CooperationDraft } from "./CooperationForm";
import { COOPERATION_FIELDS } from "./use-host-relations";

const COOPERATION_REQUESTS = graphql(`
  query CooperationRequests($fiscalYear: Int, $first: Int!, $after: String) {
    cooperationRequests(fiscalYear: $fiscalYear, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          ...CooperationRecord_cooperationRequest
        }
      }
    }
  }
`);

const m = recordsMessages;
const t = recordsMessages.cooperation;
const PAGE = 50;

function CooperationRow({
  requestRef,
  onEdit,
}: {
  requestRef: FragmentType<typeof COOPERATION_FIELDS>;
  onEdit: (draft: CooperationDraft) => void;
}) {
  const r = useFragment(COOPERATION_FIELDS, requestRef);
  const organization = r.organization?.name ?? "";
  return (
    <tr>
      <td>{formatDate(r.requestedOn)}</td>
      <td>{organization}</td>
      <td>{COOPERATION_KIND_LABELS[r.kind]}</td>
      <td>{COOPERATION_ANSWER_LABELS[r.answer]}</td>
      <td>{r.answeredOn ? formatDate(r.answeredOn) : ""}</td>
      <td>{r.person?.displayName ?? t.noPerson}</td>
      <td>{r.note}</td>
      <td>
        <button
          type="button"
          className="button button--secondary"
          aria-label={m.editLabel(`${formatDate(r.requestedOn)}の${organization}への協力依頼`)}
          onClick={() =>
            onEdit({
              id: r.id,
              version: r.version,
              organization: r.organization ?? null,
              requestedOn: r.requestedOn,
              kind: r.kind,
              answer: r.answer,
              answeredOn: r.answeredOn ?? null,
              person: r.person ?? null,
              resourceGapId: r.resourceGapId ?? null,
              note: r.note,
            })
          }
        >
          {m.edit}
        </button>
      </td>
    </tr>
  );
}

/** 協力依頼 (`/records/cooperation?fy=2025`): one 年度's requests to organizations, whatever their answer. */
export function CooperationPage() {
  const [fiscalYear, setFiscalYear, choices] = useFiscalYearParam();
  const [form, setForm] = useState<{ editing: CooperationDraft | null } | null>(null);
  const [confirmation, setConfirmation] = useState("");
  const [moreFailed, setMoreFailed] = useState(false);
  const query = useQuery(COOPERATION_REQUESTS, {
    variables: { fiscalYear, first: PAGE },
    notifyOnNetworkStatusChange: true,
  });
  const list = query.data?.cooperationRequests;
  const caption = t.listCaption(formatFiscalYear(fiscalYear));

  const open = (editing: CooperationDraft | null) => {
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
      {form ? (
        <section className="host-section">
          <CooperationForm
            key={form.editing?.id ?? "new"}
            editing={form.editing}
            onDone={close}
            onCancel={() => close()}
          />
        </section>
      ) : (
        <p>
          <button type="button" className="button" onClick={() => open(null)}>
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
              <th scope="col">{t.requestedOn}</th>
              <th scope="col">{t.organization}</th>
              <th scope="col">{t.kind}</th>
              <th scope="col">{t.answer}</th>
              <th scope="col">{t.answeredOn}</th>
              <th scope="col">{t.person}</th>
              <th scope="col">{t.note}</th>
              <th scope="col">{m.actions}</th>
            </tr>
          </thead>
          <tbody>
            {list?.edges.map((edge) => (
              <CooperationRow key={edge.node.id} requestRef={edge.node} onEdit={open} />
            ))}
          </tbody>
        </table>
      </RecordListSection>
    </>
  );
}
