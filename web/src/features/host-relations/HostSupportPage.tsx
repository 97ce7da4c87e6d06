import { useState } from "react";
import { NetworkStatus } from "@apollo/client";
import { useQuery } from "@apollo/client/react";
import { type FragmentType, graphql, useFragment } from "../../gql";
import {
  CONTACT_METHOD_LABELS,
  HOST_SUPPORT_KIND_LABELS,
  formatDate,
  formatFiscalYear,
  recordsMessages,
} from "../../messages";
import { RecordListSection } from "../../ui/record-list";
import { FiscalYearSelect, RecordsNav, useFiscalYearParam } from "../../ui/records-nav";
import { HostSupportForm, type HostSupportDraft } from "./HostSupportForm";
import { HOST_SUPPORT_FIELDS } from "./use-host-relations";

const HOST_SUPPORTS = graphql(`
  query HostSupports($fiscalYear: Int, $first: Int!, $after: String) {
    hostSupports(fiscalYear: $fiscalYear, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          ...HostSupportRecord_hostSupport
        }
      }
    }
  }
`);

const m = recordsMessages;
const t = recordsMessages.hostSupport;
const PAGE = 50;

function HostSupportRow({
  supportRef,
  onEdit,
}: {
  supportRef: FragmentType<typeof HOST_SUPPORT_FIELDS>;
  onEdit: (draft: HostSupportDraft) => void;
}) {
  const s = useFragment(HOST_SUPPORT_FIELDS, supportRef);
  const organization = s.organization?.name ?? "";
  return (
    <tr>
      <td>{formatDate(s.givenOn)}</td>
      <td>{organization}</td>
      <td>{HOST_SUPPORT_KIND_LABELS[s.kind]}</td>
      <td>{CONTACT_METHOD_LABELS[s.method]}</td>
      <td>{s.note}</td>
      <td>
        <button
          type="button"
          className="button button--secondary"
          aria-label={m.editLabel(`${formatDate(s.givenOn)}の${organization}への受け入れ先支援`)}
          onClick={() =>
            onEdit({
              id: s.id,
              version: s.version,
              organization: s.organization ?? null,
              givenOn: s.givenOn,
              kind: s.kind,
              method: s.method,
              note: s.note,
            })
          }
        >
          {m.edit}
        </button>
      </td>
    </tr>
  );
}

/** 受け入れ先支援 (`/records/host-support?fy=2025`): support given to host organizations outside any match. */
export function HostSupportPage() {
  const [fiscalYear, setFiscalYear, choices] = useFiscalYearParam();
  const [form, setForm] = useState<{ editing: HostSupportDraft | null } | null>(null);
  const [confirmation, setConfirmation] = useState("");
  const [moreFailed, setMoreFailed] = useState(false);
  const query = useQuery(HOST_SUPPORTS, {
    variables: { fiscalYear, first: PAGE },
    notifyOnNetworkStatusChange: true,
  });
  const list = query.data?.hostSupports;
  const caption = t.listCaption(formatFiscalYear(fiscalYear));

  const open = (editing: HostSupportDraft | null) => {
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
          <HostSupportForm
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
              <th scope="col">{t.givenOn}</th>
              <th scope="col">{t.organization}</th>
              <th scope="col">{t.kind}</th>
              <th scope="col">{t.method}</th>
              <th scope="col">{t.note}</th>
              <th scope="col">{m.actions}</th>
            </tr>
          </thead>
          <tbody>
            {list?.edges.map((edge) => (
              <HostSupportRow key={edge.node.id} supportRef={edge.node} onEdit={open} />
            ))}
          </tbody>
        </table>
      </RecordListSection>
    </>
  );
}
