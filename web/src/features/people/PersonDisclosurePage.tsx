import { useEffect, useState, type ReactNode } from "react";
import { Link, useParams } from "react-router";
import {
  ACCESSIBILITY_LABELS,
  GROUP_SIZE_LABELS,
  MOBILITY_LABELS,
  NEEDS_FIELD_LABELS,
  PARTICIPATION_ROLE_LABELS,
  RESOURCE_KIND_LABELS,
  TARGET_GROUP_LABELS,
  TIME_BAND_LABELS,
  WEEKDAY_LABELS,
  AGE_BAND_LABELS,
  AUDIT_ACTION_LABELS,
  CERTIFICATE_LABELS,
  CHANGE_TYPE_LABELS,
  CONSENT_FACT_LABELS,
  CONSENT_METHOD_LABELS,
  CONSENT_PURPOSE_LABELS,
  CONSENT_STATE_LABELS,
  CONTACT_METHOD_LABELS,
  CONTACT_PREFERENCE_LABELS,
  COOPERATION_ANSWER_LABELS,
  COOPERATION_KIND_LABELS,
  CORRECTION_FIELD_LABELS,
  ERASURE_COUNT_LABELS,
  HOST_RESPONSE_LABELS,
  HOUSEHOLD_ISSUE_LABELS,
  INTAKE_FIELD_LABELS,
  INTAKE_OUTCOME_LABELS,
  INTAKE_ROUTE_LABELS,
  MATCH_STAGE_LABELS,
  MEETING_KIND_LABELS,
  PARTICIPATION_LEVEL_LABELS,
  SUPPORT_PLAN_STATUS_LABELS,
  SUPPORT_PLAN_VERSION_LABELS,
  commonMessages,
  formatDateTime,
  personRightsMessages,
} from "../../messages";

const m = personRightsMessages.disclosure;

/** The needs' coded values, labelled as on the person page. */
const NEEDS_VALUE_LABELS: Record<string, Record<string, string>> = {
  wantedKinds: RESOURCE_KIND_LABELS,
  targetGroups: TARGET_GROUP_LABELS,
  weekdays: WEEKDAY_LABELS,
  timeBands: TIME_BAND_LABELS,
  mobility: MOBILITY_LABELS,
  groupSize: GROUP_SIZE_LABELS,
  accessibility: ACCESSIBILITY_LABELS,
  roles: PARTICIPATION_ROLE_LABELS,
};

/** A disclosure row as the server writes it (server/src/person-rights/disclosure.service.ts): codes, not labels. */
type Row = Record<string, unknown>;
interface Disclosure {
  generatedAt: string;
  generatedBy: { displayName: string } | null;
  person: Row & { displayName: string; needs: Row };
  erasure: Row | null;
  corrections: Row[];
  consents: Row[];
  supportPlans: Row[];
  matches: (Row & { transitions: Row[]; attendance: Row[] })[];
  followUps: Row[];
  intakes: Row[];
  meetings: Row[];
  cooperationRequests: Row[];
  hostViews: (Row & { shownToHost: Row[] })[];
  accessLog: Row[];
  accessLogTruncated: boolean;
}

type Labels = Record<string, string>;
const label = (labels: Labels, v: unknown) => (typeof v === "string" ? (labels[v] ?? v) : "");
const labelList = (labels: Labels, v: unknown) => (Array.isArray(v) ? v.map((x) => label(labels, x)).join("、") : "");
/** A value of the file as text: JSON holds strings, numbers, booleans, null and lists of them here. */
const text = (v: unknown): string => {
  if (v === null || v === undefined) return "";
  if (typeof v === "boolean") return v ? "はい" : "いいえ";
  if (Array.isArray(v)) return v.map(text).join("、");
  if (typeof v === "number") return String(v);
  if (typeof v !== "string") return JSON.stringify(v);
  return /^\d{4}-\d{2}-\d{2}T/.test(v) ? formatDateTime(v) : v;
};

/** One table; an empty list says so. */
function Table({ head, rows }: { head: string[]; rows: ReactNode[][] }) {
  if (!rows.length) return <p>{m.none}</p>;
  return (
    <div className="table-scroll">
      <table className="data-table disclosure__table">
        <thead>
          <tr>
            {head.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((cells, i) => (
            <tr key={i}>
              {cells.map((c, j) => (
                <td key={j}>{c}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="page-section disclosure__section">
      <h2>{title}</h2>
      {children}
    </section>
  );
}

/**
 * 開示: everything held about one person, readable and printable on A4, from the same JSON the download gives
 * (GET /export/person/:id/disclosure.json; each load is a DISCLOSURE row in the audit log).
 */
export function PersonDisclosurePage() {
  const { personId = "" } = useParams();
  const [data, setData] = useState<Disclosure | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let live = true;
    fetch(`/export/person/${encodeURIComponent(personId)}/disclosure.json`, { credentials: "same-origin" })
      .then(async (res) => {
        if (!res.ok) throw new Error(String(res.status));
        const body = (await res.json()) as Disclosure;
        if (live) setData(body);
      })
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [personId]);

  if (failed)
    return (
      <>
        <h1>{m.pageTitle("")}</h1>
        <p className="notice notice--error" role="alert">
          {m.loadError}
        </p>
        <p>
          <Link to={`/people/${personId}`}>{m.back}</Link>
        </p>
      </>
    );
  if (!data) return <p role="status">{m.loading}</p>;

  const p = data.person;
  const needs = p.needs;
  return (
    <div className="disclosure">
      <p className="breadcrumb no-print">
        <Link to={`/people/${personId}`}>{m.back}</Link>
      </p>
      <div className="page-title-row">
        <h1>{m.pageTitle(p.displayName)}</h1>
        <div className="title-actions no-print">
          <button type="button" className="button" onClick={() => window.print()}>
            {m.print}
          </button>
          <a className="button button--secondary" href={`/export/person/${personId}/disclosure.json?download=1`}>
            {personRightsMessages.disclosure.download}
          </a>
        </div>
      </div>
      <p>{m.lead}</p>
      <p>{m.generated(formatDateTime(data.generatedAt), data.generatedBy?.displayName ?? "")}</p>

      <Section title={m.sections.profile}>
        <dl className="disclosure__facts">
          {(
            [
              ["表示名", p.displayName],
              ["よみがな", p.nameKana],
              ["生まれ年", p.birthYear],
              ["年齢層", label(AGE_BAND_LABELS, p.ageBand)],
              ["地域", p.area],
              ["自宅付近 (約100m単位)", p.homeLat != null ? `${text(p.homeLat)}, ${text(p.homeLng)}` : ""],
              ["連絡方法", label(CONTACT_PREFERENCE_LABELS, p.contactPreference)],
              ["連絡先のメモ", p.contactNote],
              ["世帯の状況", p.householdNote],
              ["世帯の課題", labelList(HOUSEHOLD_ISSUE_LABELS, p.householdIssues)],
              ["障害者手帳", labelList(CERTIFICATE_LABELS, p.certificates)],
              ["参加の段階", label(PARTICIPATION_LEVEL_LABELS, p.participationLevel)],
              ["担当者", p.coordinator],
              ["相談受付日", p.registeredOn],
              ["利用停止日", p.stoppedOn],
              ["利用停止の理由", p.stopReason],
              ["消去した日時", p.erasedAt],
              ["登録日時", p.createdAt],
              ["最終更新", p.updatedAt],
            ] as [string, unknown][]
          ).map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{text(v) || "—"}</dd>
            </div>
          ))}
        </dl>
        <h3>{m.sections.needs}</h3>
        <dl className="disclosure__facts">
          {Object.entries(needs).map(([k, v]) => (
            <div key={k}>
              <dt>{NEEDS_FIELD_LABELS[k] ?? k}</dt>
              <dd>{(NEEDS_VALUE_LABELS[k] ? labelList(NEEDS_VALUE_LABELS[k], [v].flat()) : text(v)) || "—"}</dd>
            </div>
          ))}
        </dl>
      </Section>

      {data.erasure && (
        <Section title={m.sections.erasure}>
          <p>{text(data.erasure.erasedAt)}</p>
          <ul>
            {Object.entries(data.erasure.counts as Record<string, number>).map(([k, n]) => (
              <li key={k}>
                {ERASURE_COUNT_LABELS[k] ?? k}: {n}
              </li>
            ))}
          </ul>
        </Section>
      )}

      <Section title={m.sections.corrections}>
        <Table
          head={["日時", "項目", "訂正前", "訂正後", "理由", "訂正した人"]}
          rows={data.corrections.map((c) => [
            text(c.correctedAt),
            CORRECTION_FIELD_LABELS[String(c.field)] ?? text(c.field),
            text(c.before),
            text(c.after),
            text(c.reason),
            text(c.correctedBy),
          ])}
        />
      </Section>

      <Section title={m.sections.consents}>
        <Table
          head={["目的", "受け入れ先", "伝えてよい事柄", "方法", "同意日", "期限", "状態", "メモ", "撤回"]}
          rows={data.consents.map((c) => [
            label(CONSENT_PURPOSE_LABELS, c.purpose),
            text(c.organization) || "—",
            labelList(CONSENT_FACT_LABELS, c.facts),
            label(CONSENT_METHOD_LABELS, c.method),
            text(c.givenOn),
            text(c.expiresOn),
            label(CONSENT_STATE_LABELS, c.state),
            text(c.note),
            c.withdrawnAt ? `${text(c.withdrawnAt)} ${text(c.withdrawalReason)}` : "",
          ])}
        />
      </Section>

      <Section title={m.sections.plans}>
        <Table
          head={["種類", "目標", "合意日", "見直し日", "状態"]}
          rows={data.supportPlans.map((s) => [
            label(SUPPORT_PLAN_VERSION_LABELS, s.planVersion),
            text(s.goals),
            text(s.agreedOn),
            text(s.reviewOn),
            label(SUPPORT_PLAN_STATUS_LABELS, s.status),
          ])}
        />
      </Section>

      <Section title={m.sections.matches}>
        {data.matches.length === 0 && <p>{m.none}</p>}
        {data.matches.map((match) => (
          <div key={String(match.id)} className="disclosure__match">
            <h3>
              {text(match.resource)} ({text(match.organization)}) — {label(MATCH_STAGE_LABELS, match.stage)}
            </h3>
            <p>
              {text(match.rationale)} {match.hostResponse ? label(HOST_RESPONSE_LABELS, match.hostResponse) : ""}{" "}
              {text(match.hostResponseReason)}
            </p>
            <Table
              head={["日付", "段階", "理由", "記録した人"]}
              rows={match.transitions.map((tr) => [
                text(tr.effectiveOn),
                label(MATCH_STAGE_LABELS, tr.toStage),
                text(tr.reason),
                text(tr.by),
              ])}
            />
          </div>
        ))}
      </Section>

      <Section title={m.sections.followUps}>
        <Table
          head={["連絡日", "資源", "方法", "変化", "様子", "受け入れ先の声"]}
          rows={data.followUps.map((f) => [
            text(f.contactedOn),
            text(f.resource),
            label(CONTACT_METHOD_LABELS, f.method),
            f.changeObserved ? label(CHANGE_TYPE_LABELS, f.changeType) || "あり" : "なし",
            text(f.narrative),
            text(f.hostFeedback),
          ])}
        />
      </Section>

      <Section title={m.sections.intakes}>
        <Table
          head={["受付日", "経路", "分野", "結果", "メモ"]}
          rows={data.intakes.map((i) => [
            text(i.receivedOn),
            label(INTAKE_ROUTE_LABELS, i.route),
            label(INTAKE_FIELD_LABELS, i.field),
            label(INTAKE_OUTCOME_LABELS, i.outcome),
            text(i.note),
          ])}
        />
      </Section>

      <Section title={m.sections.meetings}>
        <Table
          head={["開催日", "種類", "件名"]}
          rows={data.meetings.map((r) => [text(r.heldOn), label(MEETING_KIND_LABELS, r.kind), text(r.title)])}
        />
      </Section>

      <Section title={m.sections.cooperation}>
        <Table
          head={["依頼日", "団体", "種類", "回答", "メモ"]}
          rows={data.cooperationRequests.map((c) => [
            text(c.requestedOn),
            text(c.organization),
            label(COOPERATION_KIND_LABELS, c.kind),
            label(COOPERATION_ANSWER_LABELS, c.answer),
            text(c.note),
          ])}
        />
      </Section>

      <Section title={m.sections.hostViews}>
        <Table
          head={["受け入れ先", "資源", "紹介日", m.factsShownToday, m.shownToHost]}
          rows={data.hostViews.map((v) => [
            text(v.organization),
            text(v.resource),
            text(v.referredOn),
            labelList(CONSENT_FACT_LABELS, v.factsShownToday) || m.none,
            v.shownToHost.length
              ? v.shownToHost
                  .map((r) => `${text(r.firstShownAt)}〜${text(r.lastShownAt)} ${m.times(Number(r.times))}`)
                  .join(" / ")
              : m.none,
          ])}
        />
      </Section>

      <Section title={m.sections.accessLog}>
        {data.accessLogTruncated && <p className="notice notice--warn">{m.truncated}</p>}
        <Table
          head={["日時", "操作", "対象", "利用者", "役割"]}
          rows={data.accessLog.map((e) => [
            text(e.occurredAt),
            label(AUDIT_ACTION_LABELS, e.action),
            text(e.entityType),
            [text(e.actor), text(e.actorOrganization)].filter(Boolean).join(" / "),
            label(commonMessages.roles, e.actorRole),
          ])}
        />
      </Section>
    </div>
  );
}
