import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { GraphQLError } from "graphql";
import type { MockLink } from "@apollo/client/testing";
import { AuditChainStatusDocument, AuditLogDocument, AuditUserChoicesDocument } from "../../gql/graphql";
import { renderPage } from "../../ui/test-utils";
import { AuditLogPage } from "./AuditLogPage";

afterEach(cleanup);

const PERSON = "0b6f3c1e-9a4d-4b7e-8c2a-1f2e3d4c5b6a";
const COORDINATOR = "7d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6";
const ADMIN = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d";

const userChoices: MockLink.MockedResponse = {
  request: { query: AuditUserChoicesDocument, variables: { first: 100 } },
  result: {
    data: {
      users: {
        __typename: "UserConnection",
        totalCount: 2,
        pageInfo: { __typename: "PageInfo", hasNextPage: false, endCursor: "c2" },
        edges: [
          {
            __typename: "UserEdge",
            node: {
              __typename: "User",
              id: ADMIN,
              displayName: "管理 太郎",
              email: "admin@example.jp",
              role: "ADMIN",
              active: true,
            },
          },
          {
            __typename: "UserEdge",
            node: {
              __typename: "User",
              id: COORDINATOR,
              displayName: "佐藤 みのり",
              email: "coordinator@example.jp",
              role: "COORDINATOR",
              active: true,
            },
          },
        ],
      },
    },
  },
  delay: 0,
};

const event = (id: string, overrides: Record<string, unknown> = {}) => ({
  __typename: "AuditEvent",
  id,
  occurredAt: "2026-11-22T01:05:00.000Z",
  action: "READ",
  actorRole: "COORDINATOR",
  actorUserId: COORDINATOR,
  actor: { __typename: "User", id: COORDINATOR, displayName: "佐藤 みのり" },
  entityType: "Person",
  recordId: PERSON,
  personId: PERSON,
  operation: "person",
  requestId: `req-${id}`,
  clientAddress: "10.0.0.7",
  detail: { fields: ["displayName", "needs"] },
  ...overrides,
});

const page = (events: ReturnType<typeof event>[], totalCount: number, hasNextPage = false, endCursor = "cursor-1") => ({
  data: {
    auditLog: {
      __typename: "AuditEventConnection",
      totalCount,
      pageInfo: { __typename: "PageInfo", hasNextPage, endCursor },
      edges: events.map((node) => ({ __typename: "AuditEventEdge", node })),
    },
  },
});

const auditMock = (
  variables: Record<string, unknown>,
  result: MockLink.MockedResponse["result"],
): MockLink.MockedResponse => ({
  request: { query: AuditLogDocument, variables },
  result,
  delay: 0,
});

function renderAudit(url: string, mocks: MockLink.MockedResponse[]) {
  return renderPage(<AuditLogPage />, { path: "/admin/audit", url, mocks: [userChoices, ...mocks] });
}

const auditCalls = (sent: { operationName: string; variables: Record<string, unknown> }[]) =>
  sent.filter((s) => s.operationName === "AuditLog").map((s) => s.variables);

describe("AuditLogPage", () => {
  it("shows the newest events with Japanese labels, the count, and says that reading is recorded", async () => {
    renderAudit("/admin/audit", [
      auditMock(
        { first: 50 },
        page(
          [
            event("e1"),
            event("e2", {
              action: "UPDATE",
              operation: "transitionMatch",
              entityType: "Match",
              recordId: "m-1",
              personId: null,
              clientAddress: null,
              detail: { to: "STABLE" },
            }),
            event("e3", {
              action: "LOGIN_FAILED",
              actor: null,
              actorUserId: null,
              actorRole: null,
              entityType: null,
              recordId: null,
              personId: null,
              operation: "login",
              detail: {},
            }),
          ],
          3,
        ),
      ),
    ]);

    expect(screen.getByRole("heading", { level: 1, name: "監査ログ" })).toBeTruthy();
    expect(screen.getByText(/この画面で監査ログを見たことも、条件とともに監査ログに記録されます/)).toBeTruthy();
    await waitFor(() => expect(screen.getByRole("status").textContent).toBe("全 3 件 (3 件を表示)"));

    const rows = within(screen.getByRole("table", { name: "監査ログ (新しい順)" })).getAllByRole("row");
    expect(rows).toHaveLength(4); // header + 3
    const [read, update, loginFailed] = rows.slice(1).map((r) =>
      within(r)
        .getAllByRole("cell")
        .map((c) => c.textContent),
    );
    // 日時 is the row header; the cells follow in column order.
    expect(within(rows[1]).getByRole("rowheader").textContent).toBe("2026年11月22日(日) 10:05");
    expect(read).toEqual([
      "佐藤 みのりコーディネーター",
      "閲覧person",
      "本人",
      PERSON,
      `${PERSON}この本人の記録をすべて見る(本人ID ${PERSON})`,
      "req-e1",
      "10.0.0.7",
      "displayNameneeds",
    ]);
    expect(update.slice(1, 4)).toEqual(["更新transitionMatch", "マッチング", "m-1"]);
    expect(update[6]).toBe("サーバー内");
    // Names only: the stage moved to is not shown.
    expect(update[7]).toBe("to");
    expect(loginFailed.slice(0, 3)).toEqual(["(ログインなし・システム)", "ログイン失敗login", "—"]);
  });

  it("reads the filter from the URL, shows it in the form and sends it", async () => {
    const { sent } = renderAudit(
      `/admin/audit?from=2026-11-01&to=2026-11-22&actions=READ,DENIED&role=COORDINATOR&actor=${COORDINATOR}&entity=Consent&request=req-9`,
      [
        auditMock(
          {
            first: 50,
            filter: {
              from: "2026-11-01T00:00:00+09:00",
              to: "2026-11-23T00:00:00+09:00",
              actions: ["READ", "DENIED"],
              actorRole: "COORDINATOR",
              actorUserId: COORDINATOR,
              entityType: "Consent",
              requestId: "req-9",
            },
          },
          page([], 0),
        ),
      ],
    );
    expect(await screen.findByText("条件に合う記録はありません。")).toBeTruthy();
    expect(screen.getByRole("status").textContent).toBe("該当する記録はありません");
    expect(screen.getByLabelText<HTMLInputElement>("開始日").value).toBe("2026-11-01");
    expect(screen.getByLabelText<HTMLInputElement>("終了日 (この日を含む)").value).toBe("2026-11-22");
    expect(screen.getByRole<HTMLInputElement>("checkbox", { name: "閲覧" }).checked).toBe(true);
    expect(screen.getByRole<HTMLInputElement>("checkbox", { name: "拒否" }).checked).toBe(true);
    expect(screen.getByRole<HTMLInputElement>("checkbox", { name: "更新" }).checked).toBe(false);
    expect(screen.getByRole<HTMLSelectElement>("combobox", { name: "利用者の種類" }).value).toBe("COORDINATOR");
    expect(screen.getByRole<HTMLSelectElement>("combobox", { name: "対象の種類" }).value).toBe("Consent");
    expect(screen.getByRole<HTMLInputElement>("textbox", { name: "リクエストID" }).value).toBe("req-9");
    await waitFor(() =>
      expect(screen.getByRole<HTMLSelectElement>("combobox", { name: "利用者" }).value).toBe(COORDINATOR),
    );
    expect(auditCalls(sent)).toHaveLength(1);
  });

  it("applies the form to the URL as a new history entry, and 戻る brings the earlier search back", async () => {
    const { sent, router } = renderAudit("/admin/audit", [
      auditMock({ first: 50 }, page([event("e1")], 1)),
      auditMock({ first: 50, filter: { actions: ["UPDATE"], actorUserId: ADMIN, recordId: "r-7" } }, page([], 0)),
      auditMock({ first: 50 }, page([event("e1"), event("e0")], 2)),
    ]);
    await waitFor(() => expect(screen.getByRole("status").textContent).toBe("全 1 件 (1 件を表示)"));
    await waitFor(() => expect(screen.getAllByRole("option", { name: "管理 太郎 (管理者)" })).toHaveLength(1));

    fireEvent.click(screen.getByRole("checkbox", { name: "更新" }));
    fireEvent.change(screen.getByRole("combobox", { name: "利用者" }), { target: { value: ADMIN } });
    fireEvent.change(screen.getByRole("textbox", { name: "対象のID" }), { target: { value: " r-7 " } });
    fireEvent.click(screen.getByRole("button", { name: "この条件で表示" }));

    await waitFor(() => expect(screen.getByRole("status").textContent).toBe("該当する記録はありません"));
    expect(router.state.location.search).toBe(`?actions=UPDATE&actor=${ADMIN}&record=r-7`);
    expect(router.state.historyAction).toBe("PUSH");

    await router.navigate(-1);
    await waitFor(() => expect(screen.getByRole("status").textContent).toBe("全 2 件 (2 件を表示)"));
    expect(screen.getByRole<HTMLInputElement>("checkbox", { name: "更新" }).checked).toBe(false);
    expect(screen.getByRole<HTMLInputElement>("textbox", { name: "対象のID" }).value).toBe("");
    expect(auditCalls(sent)).toEqual([
      { first: 50 },
      { first: 50, filter: { actions: ["UPDATE"], actorUserId: ADMIN, recordId: "r-7" } },
      { first: 50 },
    ]);
  });

  it("narrows to one person from a row's link, keeping no other condition", async () => {
    const { sent, router } = renderAudit("/admin/audit?actions=READ", [
      auditMock({ first: 50, filter: { actions: ["READ"] } }, page([event("e1")], 1)),
      auditMock({ first: 50, filter: { personId: PERSON } }, page([event("e1"), event("e4", { action: "UPDATE" })], 2)),
    ]);
    await waitFor(() => expect(screen.getByRole("status").textContent).toBe("全 1 件 (1 件を表示)"));
    // The link's name carries the person's id, so a screen reader's list of links tells the rows apart.
    fireEvent.click(
      screen.getByRole("link", { name: new RegExp(`^この本人の記録をすべて見る\\s*\\(本人ID ${PERSON}\\)$`) }),
    );

    await waitFor(() => expect(screen.getByRole("status").textContent).toBe("全 2 件 (2 件を表示)"));
    expect(router.state.location.search).toBe(`?person=${PERSON}`);
    expect(screen.getByRole<HTMLInputElement>("textbox", { name: "本人のID" }).value).toBe(PERSON);
    // Already narrowed to this person: the rows need no link to it.
    expect(screen.queryByRole("link", { name: /この本人の記録をすべて見る/ })).toBeNull();
    expect(auditCalls(sent).at(-1)).toEqual({ first: 50, filter: { personId: PERSON } });
  });

  it("appends the next page with もっと見る", async () => {
    const { sent } = renderAudit("/admin/audit", [
      auditMock({ first: 50 }, page([event("e3"), event("e2")], 3, true, "cursor-2")),
      auditMock({ first: 50, after: "cursor-2" }, page([event("e1")], 3, false, "cursor-3")),
    ]);
    fireEvent.click(await screen.findByRole("button", { name: "もっと見る" }));
    await waitFor(() => expect(screen.getByRole("status").textContent).toBe("全 3 件 (3 件を表示)"));
    expect(screen.getAllByRole("row")).toHaveLength(4);
    expect(screen.getByText("req-e1")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "もっと見る" })).toBeNull();
    expect(auditCalls(sent).at(-1)).toEqual({ first: 50, after: "cursor-2" });
  });

  it("points out a malformed id in the URL beside its field instead of asking the server", async () => {
    const { sent } = renderAudit("/admin/audit?person=12345", []);
    const field = await screen.findByRole("textbox", { name: "本人のID" });
    expect(screen.getByRole("alert").textContent).toBe("入力内容を確認してください。");
    const message = screen.getByText("本人のIDの形式が正しくありません (英数字とハイフンの36文字)");
    expect(field.getAttribute("aria-invalid")).toBe("true");
    expect(field.getAttribute("aria-describedby")).toContain(message.closest("ul")!.id);
    await waitFor(() => expect(sent.some((s) => s.operationName === "AuditUserChoices")).toBe(true));
    expect(auditCalls(sent)).toEqual([]);
  });

  it("checks the dates before changing the URL", async () => {
    const { router } = renderAudit("/admin/audit", [auditMock({ first: 50 }, page([], 0))]);
    await screen.findByText("条件に合う記録はありません。");
    fireEvent.change(screen.getByLabelText("開始日"), { target: { value: "2026-11-22" } });
    fireEvent.change(screen.getByLabelText("終了日 (この日を含む)"), { target: { value: "2026-11-01" } });
    fireEvent.click(screen.getByRole("button", { name: "この条件で表示" }));
    expect(screen.getByText("終了日は開始日と同じか、それより後にしてください")).toBeTruthy();
    expect(screen.getByLabelText("終了日 (この日を含む)").getAttribute("aria-invalid")).toBe("true");
    expect(router.state.location.search).toBe("");
  });

  it("shows the server's per-field message beside the field", async () => {
    renderAudit("/admin/audit?entity=Person", [
      auditMock(
        { first: 50, filter: { entityType: "Person" } },
        {
          errors: [
            new GraphQLError("入力内容を確認してください", {
              extensions: {
                code: "BAD_USER_INPUT",
                fields: [{ field: "filter.entityType", messages: ["64文字以内にしてください"] }],
              },
            }),
          ],
        },
      ),
    ]);
    expect(await screen.findByText("64文字以内にしてください")).toBeTruthy();
    expect(screen.getByRole("combobox", { name: "対象の種類" }).getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByRole("alert").textContent).toBe("入力内容を確認してください");
  });

  it("gives the request id of a server failure, with a retry", async () => {
    renderAudit("/admin/audit", [
      auditMock(
        { first: 50 },
        {
          errors: [
            new GraphQLError("Unexpected error.", {
              extensions: { code: "INTERNAL_SERVER_ERROR", requestId: "req-500" },
            }),
          ],
        },
      ),
      auditMock({ first: 50 }, page([event("e1")], 1)),
    ]);
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("サーバーで問題が発生しました");
    expect(alert.textContent).toContain("req-500");
    fireEvent.click(within(alert).getByRole("button", { name: "もう一度読み込む" }));
    await waitFor(() => expect(screen.getByRole("status").textContent).toBe("全 1 件 (1 件を表示)"));
  });
});

describe("改ざんの確認", () => {
  const chainMock = (status: Record<string, unknown>): MockLink.MockedResponse => ({
    request: { query: AuditChainStatusDocument },
    result: {
      data: {
        auditChainStatus: {
          __typename: "AuditChainStatus",
          checkedAt: "2026-11-22T01:30:00.000Z",
          firstBreak: null,
          ...status,
        },
      },
    },
    delay: 0,
  });
  const chainCalls = (sent: { operationName: string }[]) =>
    sent.filter((s) => s.operationName === "AuditChainStatus").length;

  it("asks the server only when the button is pressed, says the chain is intact with the count, and asks again each time", async () => {
    const { sent } = renderAudit("/admin/audit", [
      auditMock({ first: 50 }, page([event("e1")], 1)),
      chainMock({ intact: true, checkedCount: 1234 }),
      chainMock({ intact: true, checkedCount: 1235, checkedAt: "2026-11-22T02:00:00.000Z" }),
    ]);
    await waitFor(() => expect(screen.getByRole("status").textContent).toBe("全 1 件 (1 件を表示)"));
    const region = screen.getByRole("region", { name: "記録の改ざんの確認" });
    expect(chainCalls(sent)).toBe(0);

    fireEvent.click(within(region).getByRole("button", { name: "改ざんの確認" }));
    expect(await within(region).findByText("記録は改ざんされていません（1,234件を確認）")).toBeTruthy();
    expect(within(region).getByText("確認した日時: 2026年11月22日(日) 10:30")).toBeTruthy();
    expect(within(region).queryByText("改ざんの可能性があります")).toBeNull();

    fireEvent.click(within(region).getByRole("button", { name: "改ざんの確認" }));
    expect(await within(region).findByText("記録は改ざんされていません（1,235件を確認）")).toBeTruthy();
    expect(within(region).getByText("確認した日時: 2026年11月22日(日) 11:00")).toBeTruthy();
    expect(chainCalls(sent)).toBe(2);
  });

  it("warns of tampering with the first broken row's time, id, position and reason in words", async () => {
    renderAudit("/admin/audit", [
      auditMock({ first: 50 }, page([], 0)),
      chainMock({
        intact: false,
        checkedCount: 41,
        firstBreak: {
          __typename: "AuditChainBreak",
          kind: "CONTENT_CHANGED",
          seq: "42",
          eventId: "4242",
          occurredAt: "2026-11-20T23:59:00.000Z",
        },
      }),
    ]);
    const region = screen.getByRole("region", { name: "記録の改ざんの確認" });
    fireEvent.click(within(region).getByRole("button", { name: "改ざんの確認" }));
    expect(await within(region).findByText("改ざんの可能性があります")).toBeTruthy();
    const terms = [...region.querySelectorAll("dt")].map((e) => e.textContent);
    const values = [...region.querySelectorAll("dd")].map((e) => e.textContent);
    expect(terms).toEqual(["日時", "監査ログの記録ID", "連番 (書き込まれた順)", "理由"]);
    expect(values).toEqual([
      "2026年11月21日(土) 8:59",
      "4242",
      "42",
      "記録の内容が、記録した時から書き換えられています",
    ]);
    expect(within(region).getByText(/それより前の 41 件はつながっていました/)).toBeTruthy();
    expect(within(region).queryByText(/記録は改ざんされていません/)).toBeNull();
  });

  it("says a missing row's time and id are unknown", async () => {
    renderAudit("/admin/audit", [
      auditMock({ first: 50 }, page([], 0)),
      chainMock({
        intact: false,
        checkedCount: 6,
        firstBreak: { __typename: "AuditChainBreak", kind: "ROW_MISSING", seq: "7", eventId: null, occurredAt: null },
      }),
    ]);
    const region = screen.getByRole("region", { name: "記録の改ざんの確認" });
    fireEvent.click(within(region).getByRole("button", { name: "改ざんの確認" }));
    expect(await within(region).findByText("記録が削除されています (連番が抜けています)")).toBeTruthy();
    expect([...region.querySelectorAll("dd")].map((e) => e.textContent)).toEqual([
      "(記録がないため不明)",
      "(記録がないため不明)",
      "7",
      "記録が削除されています (連番が抜けています)",
    ]);
  });

  it("shows the server's refusal instead of a result", async () => {
    renderAudit("/admin/audit", [
      auditMock({ first: 50 }, page([], 0)),
      {
        request: { query: AuditChainStatusDocument },
        result: {
          errors: [new GraphQLError("この操作を行う権限がありません", { extensions: { code: "FORBIDDEN" } })],
        },
        delay: 0,
      },
    ]);
    const region = screen.getByRole("region", { name: "記録の改ざんの確認" });
    fireEvent.click(within(region).getByRole("button", { name: "改ざんの確認" }));
    expect((await within(region).findByRole("alert")).textContent).toBe("この操作を行う権限がありません");
    expect(within(region).queryByText(/改ざんされていません|改ざんの可能性/)).toBeNull();
  });
});
