import { useState } from "react";
import { NetworkStatus } from "@apollo/client";
import { useQuery } from "@apollo/client/react";
import { type FragmentType, graphql, useFragment } from "../../gql";
import {
  AGE_BAND_LABELS,
  INTAKE_FIELD_LABELS,
  INTAKE_OUTCOME_LABELS,
  INTAKE_ROUTE_LABELS,
  formatDate,
  formatFiscalYear,
  recordsMessages,
} from "../../messages";
import { FiscalYearSelect, RecordsNav, useFiscalYearParam } from "../../ui/records-nav";
import { RecordListSection } from "../../ui/record-list";
import { useAreas } from "../resources/use-areas";
import { IntakeForm, type IntakeDraft } from "./IntakeForm";
import { LinkIntakeForm } from "./LinkIntakeForm";
import { INTAKE_FIELDS } from "./use-save-intake";

const INTAKES = graphql(`
  query ConsultationIntakes($fiscalYear: Int, $first: Int!, $after: String) {
    consultationIntakes(fiscalYear: $fiscalYear, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          ...IntakeRecord_consultationIntake
        }
      }
    }
  }
`);

const m = recordsMessages;
const t = recordsMessages.intakes;
const PAGE = 50;

type LinkTarget = { id: string; version: number; label: string };

function IntakeRow({
  intakeRef,
  onEdit,
  onLink,
}: {
  intakeRef: FragmentType<typeof INTAKE_FIELDS>;
  onEdit: (draft: IntakeDraft) => void;
  onLink: (target: LinkTarget) => void;
}) {
  const intake = useFragment(INTAKE_FIELDS, intakeRef);
  const linked = intake.person ? intake.person.displayName : intake.linked ? t.linkedHidden : t.linkedNo;
  const label = `${formatDate(intake.receivedOn)}の相談受付`;
  return (
    <tr>
      <td>{formatDate(intake.receivedOn)}</td>
      <td>{INTAKE_ROUTE_LABELS[intake.route]}</td>
      <td>{INTAKE_FIELD_LABELS[intake.field]}</td>
      <td>{intake.area?.name ?? ""}</td>
      <td>{intake.ageBand ? AGE_BAND_LABELS[intake.ageBand] : ""}</td>
      <td>{INTAKE_OUTCOME_LABELS[intake.outcome]}</td>
      <td>{linked}</td>
      <td>{intake.note}</td>
      <td>
        {intake.viewerCan.update && (
          <button
            type="button"
            className="button button--secondary"
            aria-label={m.editLabel(label)}
            onClick={() =>
              onEdit({
                id: intake.id,
                version: intake.version,
                receivedOn: intake.receivedOn,
                route: intake.route,
                field: intake.field,
                areaId: intake.area?.id ?? null,
                ageBand: intake.ageBand ?? null,
                outcome: intake.outcome,
                note: intake.note,
              })
            }
          >
            {m.edit}
          </button>
        )}{" "}
        {intake.viewerCan.link && !intake.linked && (
          <button
            type="button"
            className="button button--secondary"
            aria-label={t.linkLabel(label)}
            onClick={() => onLink({ id: intake.id, version: intake.version, label })}
          >
            {t.link}
          </button>
        )}
      </td>
    </tr>
  );
}

/** 相談受付 (`/records/intakes?fy=2025`): one 年度's consultations, newest first; record a new one or correct one. */
export function IntakesPage() {
  const [fiscalYear, setFiscalYear, choices] = useFiscalYearParam();
  const { areas } = useAreas();
  const [form, setForm] = useState<{ editing: IntakeDraft | null } | { linking: LinkTarget } | null>(null);
  const [confirmation, setConfirmation] = useState("");
  const [moreFailed, setMoreFailed] = useState(false);
  const query = useQuery(INTAKES, {
    variables: { fiscalYear, first: PAGE },
    notifyOnNetworkStatusChange: true,
  });
  const list = query.data?.consultationIntakes;

  const open = (editing: IntakeDraft | null) => {
    setConfirmation("");
    setForm({ editing });
  };
  const openLink = (linking: LinkTarget) => {
    setConfirmation("");
    setForm({ linking });
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
      {form && "linking" in form ? (
        <section className="host-section">
          <LinkIntakeForm key={form.linking.id} intake={form.linking} onDone={close} onCancel={() => close()} />
        </section>
      ) : form ? (
        <section className="host-section">
          <IntakeForm
            key={form.editing?.id ?? "new"}
            editing={form.editing}
            areas={areas}
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
        label={t.listCaption(formatFiscalYear(fiscalYear))}
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
          <caption>{t.listCaption(formatFiscalYear(fiscalYear))}</caption>
          <thead>
            <tr>
              <th scope="col">{t.receivedOn}</th>
              <th scope="col">{t.route}</th>
              <th scope="col">{t.field}</th>
              <th scope="col">{t.area}</th>
              <th scope="col">{t.ageBand}</th>
              <th scope="col">{t.outcome}</th>
              <th scope="col">{t.linked}</th>
              <th scope="col">{t.note}</th>
              <th scope="col">{m.actions}</th>
            </tr>
          </thead>
          <tbody>
            {list?.edges.map((edge) => (
              <IntakeRow key={edge.node.id} intakeRef={edge.node} onEdit={open} onLink={openLink} />
            ))}
          </tbody>
        </table>
      </RecordListSection>
    </>
  );
}
